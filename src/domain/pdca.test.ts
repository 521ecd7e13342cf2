import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IMPROVEMENT_STATUSES, type ImprovementStatus } from './types';
import { allowedMoves, IllegalMove, improvementMoveKind, moveIdea, ReasonRequired } from './pdca';

const now = 1_790_000_000_000;

describe('improvement moves', () => {
  it('go one step forward or back along idea, planned, doing, done', () => {
    expect(allowedMoves('idea')).toEqual(['planned', 'notNow']);
    expect(allowedMoves('planned')).toEqual(['doing', 'idea', 'notNow']);
    expect(allowedMoves('doing')).toEqual(['done', 'planned', 'notNow']);
    expect(allowedMoves('done')).toEqual(['doing']);
  });

  it('let a paused idea come back only as an idea', () => {
    expect(allowedMoves('notNow')).toEqual(['idea']);
  });

  it('return just the status and the time of the move', () => {
    expect(moveIdea({ status: 'idea' }, 'planned', { now })).toEqual({ status: 'planned', movedAt: now });
  });

  it('need a reason for not now, and store it trimmed', () => {
    expect(() => moveIdea({ status: 'doing' }, 'notNow', { now })).toThrow(ReasonRequired);
    expect(() => moveIdea({ status: 'doing' }, 'notNow', { now, reason: '   ' })).toThrow(ReasonRequired);
    expect(moveIdea({ status: 'doing' }, 'notNow', { now, reason: ' Too expensive this year ' })).toEqual({
      status: 'notNow',
      reason: 'Too expensive this year',
      movedAt: now,
    });
  });

  it('clear the reason when a paused idea comes back', () => {
    expect(moveIdea({ status: 'notNow' }, 'idea', { now })).toEqual({ status: 'idea', reason: '', movedAt: now });
  });

  it('refuse skipping steps, staying put and pausing a finished idea', () => {
    expect(() => moveIdea({ status: 'idea' }, 'done', { now })).toThrow(IllegalMove);
    expect(() => moveIdea({ status: 'idea' }, 'idea', { now })).toThrow(IllegalMove);
    expect(() => moveIdea({ status: 'done' }, 'notNow', { now, reason: 'x' })).toThrow(IllegalMove);
    expect(() => moveIdea({ status: 'notNow' }, 'planned', { now })).toThrow(IllegalMove);
  });

  it('name each button by direction', () => {
    expect(improvementMoveKind('idea', 'planned')).toBe('forward');
    expect(improvementMoveKind('done', 'doing')).toBe('back');
    expect(improvementMoveKind('planned', 'notNow')).toBe('notNow');
    expect(improvementMoveKind('notNow', 'idea')).toBe('revive');
  });

  it('any sequence of allowed moves stays on the board and can always move on', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 60 }), (choices) => {
        let status: ImprovementStatus = 'idea';
        for (const c of choices) {
          const options = allowedMoves(status);
          expect(options.length).toBeGreaterThan(0);
          const to = options[c % options.length]!;
          status = moveIdea({ status }, to, { now, reason: 'later' }).status;
          expect(IMPROVEMENT_STATUSES).toContain(status);
        }
      }),
    );
  });

  it('every move not offered is refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IMPROVEMENT_STATUSES), fc.constantFrom(...IMPROVEMENT_STATUSES), (from, to) => {
        const offered = allowedMoves(from).includes(to);
        const attempt = () => moveIdea({ status: from }, to, { now, reason: 'later' });
        if (offered) expect(attempt().status).toBe(to);
        else expect(attempt).toThrow(IllegalMove);
      }),
    );
  });

  it('every status can reach done', () => {
    for (const start of IMPROVEMENT_STATUSES) {
      const seen = new Set<ImprovementStatus>([start]);
      const queue: ImprovementStatus[] = [start];
      for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
        for (const next of allowedMoves(status)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.has('done')).toBe(true);
    }
  });
});

describe('a supervisor moves like on paper', () => {
  it('any column is one move away, the reason for "not now" still required', async () => {
    const { anyColumnMoves: anyMoves, moveIdea: move } = await import('./pdca');
    expect(anyMoves('idea')).toEqual(['planned', 'doing', 'done', 'notNow']);
    expect(move({ status: 'idea' }, 'done', { now: 5, anyColumn: true })).toEqual({ status: 'done', movedAt: 5 });
    expect(() => move({ status: 'idea' }, 'done', { now: 5 })).toThrow();
    expect(() => move({ status: 'done' }, 'notNow', { now: 5, anyColumn: true })).toThrow();
    expect(move({ status: 'notNow' }, 'doing', { now: 5, anyColumn: true })).toEqual({ status: 'doing', reason: '', movedAt: 5 });
  });
});
