import { describe, expect, it } from 'vitest';
import type { Deviation, Improvement } from './types';
import { calendarWeeks, deviationsOn, filterDeviations, filterIdeas, improvementsOn, isLogPeriod, periodStart, toggleValue } from './history';

const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00`).getTime();

type Dev = Pick<Deviation, 'id' | 'date' | 'status' | 'solvedAt' | 'category' | 'reportedBy' | 'responsibleId'>;
const dev = (id: string, over: Partial<Dev>): Dev => ({
  id,
  date: '2026-03-02',
  status: 'new',
  solvedAt: null,
  category: 'safety',
  reportedBy: null,
  responsibleId: null,
  ...over,
});
type Idea = Pick<Improvement, 'id' | 'date' | 'status' | 'movedAt' | 'proposedBy'>;
const idea = (id: string, over: Partial<Idea>): Idea => ({ id, date: '2026-03-02', status: 'idea', movedAt: at('2026-03-02'), proposedBy: null, ...over });

describe("a past day's board", () => {
  it('shows deviations reported up to that day, solved only if solved by then', () => {
    const list = [
      dev('early-solved', { date: '2026-03-01', status: 'solved', solvedAt: at('2026-03-02') }),
      dev('solved-later', { date: '2026-03-01', status: 'solved', solvedAt: at('2026-03-05') }),
      dev('open', { date: '2026-03-02', status: 'handling' }),
      dev('future', { date: '2026-03-04' }),
    ];
    const day = deviationsOn(list, '2026-03-03');
    expect(day.map((d) => [d.id, d.status])).toEqual([
      ['early-solved', 'solved'],
      ['solved-later', 'handling'],
      ['open', 'handling'],
    ]);
    expect(day[1]!.solvedAt).toBeNull();
  });

  it('shows ideas proposed up to that day, in their column if last moved by then, else as new ideas', () => {
    const list = [
      idea('moved-before', { status: 'doing', movedAt: at('2026-03-02') }),
      idea('moved-after', { status: 'done', movedAt: at('2026-03-06') }),
      idea('future', { date: '2026-03-05' }),
    ];
    expect(improvementsOn(list, '2026-03-03').map((i) => [i.id, i.status])).toEqual([
      ['moved-before', 'doing'],
      ['moved-after', 'idea'],
    ]);
  });

  it('today is the board as it is', () => {
    const list = [dev('a', { status: 'solved', solvedAt: at('2026-03-02', 9) })];
    expect(deviationsOn(list, '2026-03-02')).toEqual(list);
  });
});

describe('log filters', () => {
  const list = [
    dev('1', { category: 'safety', status: 'new', reportedBy: 'aya', date: '2026-03-01' }),
    dev('2', { category: 'quality', status: 'solved', responsibleId: 'aya', date: '2026-02-01' }),
    dev('3', { category: 'quality', status: 'handling', reportedBy: 'bo', date: '2026-03-02' }),
  ];
  const ids = (l: Dev[]) => l.map((d) => d.id);

  it('no filter keeps everything', () => {
    expect(ids(filterDeviations(list, {}))).toEqual(['1', '2', '3']);
  });

  it('filters by category, status, person (reporter or responsible) and period, together', () => {
    expect(ids(filterDeviations(list, { categories: ['quality'] }))).toEqual(['2', '3']);
    expect(ids(filterDeviations(list, { statuses: ['new', 'handling'] }))).toEqual(['1', '3']);
    expect(ids(filterDeviations(list, { personId: 'aya' }))).toEqual(['1', '2']);
    expect(ids(filterDeviations(list, { from: '2026-02-15', to: '2026-03-01' }))).toEqual(['1']);
    expect(ids(filterDeviations(list, { categories: ['quality'], personId: 'aya' }))).toEqual(['2']);
  });

  it('filters ideas by status, proposer and period', () => {
    const ideas = [idea('a', { status: 'done', proposedBy: 'aya' }), idea('b', { proposedBy: 'bo', date: '2025-01-01' })];
    expect(filterIdeas(ideas, { statuses: ['done'] }).map((i) => i.id)).toEqual(['a']);
    expect(filterIdeas(ideas, { personId: 'bo' }).map((i) => i.id)).toEqual(['b']);
    expect(filterIdeas(ideas, { from: '2026-01-01' }).map((i) => i.id)).toEqual(['a']);
  });

  it('periods end today; "all" has no start; unknown periods are rejected', () => {
    expect(periodStart('week', '2026-03-08')).toBe('2026-03-02');
    expect(periodStart('all', '2026-03-08')).toBeNull();
    expect(isLogPeriod('month')).toBe(true);
    expect(isLogPeriod('decade')).toBe(false);
  });

  it('a chip tap toggles its value', () => {
    expect(toggleValue(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleValue(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('calendar', () => {
  it('lays a month out in Monday-first weeks with blanks around it', () => {
    const weeks = calendarWeeks(2026, 3); // 1 March 2026 is a Sunday
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(weeks[1]![0]).toBe('2026-03-02');
    expect(weeks.at(-1)).toEqual(['2026-03-30', '2026-03-31', null, null, null, null, null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});
