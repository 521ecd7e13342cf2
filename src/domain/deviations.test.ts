import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEVIATION_STATUSES, type DeviationStatus } from './types';
import {
  allowedDeviationMoves,
  changeDeviationStatus,
  deviationCounts,
  IllegalMove,
  openDeviations,
} from './deviations';

const now = 1_790_000_000_000;

describe('deviation status', () => {
  it('goes new, handling, solved, and a step back from each', () => {
    expect(allowedDeviationMoves('new')).toEqual(['handling']);
    expect(allowedDeviationMoves('handling')).toEqual(['solved', 'new']);
    expect(allowedDeviationMoves('solved')).toEqual(['handling']);
  });

  it('records when it was solved, and forgets it when reopened', () => {
    expect(changeDeviationStatus({ status: 'handling' }, 'solved', { now })).toEqual({ status: 'solved', solvedAt: now });
    expect(changeDeviationStatus({ status: 'solved' }, 'handling', { now })).toEqual({ status: 'handling', solvedAt: null });
  });

  it('sets responsible and action only when given', () => {
    expect(changeDeviationStatus({ status: 'new' }, 'handling', { now })).toEqual({ status: 'handling' });
    expect(
      changeDeviationStatus({ status: 'new' }, 'handling', { now, responsibleId: 'p1', action: '  Buy new  gloves ' }),
    ).toEqual({ status: 'handling', responsibleId: 'p1', action: 'Buy new gloves' });
    expect(changeDeviationStatus({ status: 'handling' }, 'new', { now, responsibleId: null })).toEqual({
      status: 'new',
      responsibleId: null,
    });
  });

  it('refuses skipping handling or staying put', () => {
    expect(() => changeDeviationStatus({ status: 'new' }, 'solved', { now })).toThrow(IllegalMove);
    expect(() => changeDeviationStatus({ status: 'solved' }, 'new', { now })).toThrow(IllegalMove);
    expect(() => changeDeviationStatus({ status: 'handling' }, 'handling', { now })).toThrow(IllegalMove);
  });

  it('has solvedAt set exactly when solved, after any sequence of allowed moves', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
        let row: { status: DeviationStatus; solvedAt: number | null } = { status: 'new', solvedAt: null };
        choices.forEach((c, i) => {
          const options = allowedDeviationMoves(row.status);
          row = { ...row, ...changeDeviationStatus(row, options[c % options.length]!, { now: now + i }) };
          expect(row.solvedAt !== null).toBe(row.status === 'solved');
        });
      }),
    );
  });
});

describe('deviation counts', () => {
  const list = [
    { id: 'a', status: 'new' as const },
    { id: 'b', status: 'handling' as const },
    { id: 'c', status: 'solved' as const },
    { id: 'd', status: 'new' as const, deleted: 1 as const },
    { id: 'e', status: 'new' as const, deleted: 0 as const },
  ];

  it('counts live deviations by status', () => {
    expect(deviationCounts(list)).toEqual({ new: 2, handling: 1, solved: 1 });
    expect(Object.keys(deviationCounts([]))).toEqual([...DEVIATION_STATUSES]);
  });

  it('lists the open ones: new and handling, not deleted', () => {
    expect(openDeviations(list).map((d) => d.id)).toEqual(['a', 'b', 'e']);
  });
});
