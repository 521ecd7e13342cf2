/**
 * Looking back: a past day's board and the deviation and idea logs.
 *
 * The board stores each record's current state plus a few timestamps
 * (reported on `date`, solved at `solvedAt`, last moved at `movedAt`), not a
 * full change history. A past day is therefore reconstructed from those:
 *
 * - a deviation is on a day's board if it was reported on or before it; it
 *   is solved on that day only if `solvedAt` falls on or before it; one that
 *   was solved later shows as being handled (it was known, not yet solved);
 * - an idea is on the board if it was proposed on or before the day; its
 *   column is its current one when it was last moved on or before the day,
 *   otherwise the column it started in (`idea`), because the later moves had
 *   not happened yet and the ones in between are not recorded.
 *
 * Attendance, tasks and goal progress are stored per day, so they need no
 * reconstruction. Pure: no DOM, Dexie or Solid.
 */
import type { Deviation, DeviationCategory, DeviationStatus, Improvement, ImprovementStatus, Iso } from './types';
import { addDays, daysInMonth, isoDateAt, isoWeekday } from './dates';

/** The deviations on a past day's board, each with its status that day. */
export function deviationsOn<T extends Pick<Deviation, 'date' | 'status' | 'solvedAt'>>(deviations: readonly T[], day: Iso): T[] {
  return deviations
    .filter((d) => d.date <= day)
    .map((d) => {
      const solvedThen = d.solvedAt !== null && isoDateAt(d.solvedAt) <= day;
      if (d.status === 'solved' && !solvedThen) return { ...d, status: 'handling' as DeviationStatus, solvedAt: null };
      return d;
    });
}

/** The ideas on a past day's board, each in its column that day (see the module note). */
export function improvementsOn<T extends Pick<Improvement, 'date' | 'status' | 'movedAt'>>(ideas: readonly T[], day: Iso): T[] {
  return ideas
    .filter((i) => i.date <= day)
    .map((i) => (isoDateAt(i.movedAt) <= day ? i : { ...i, status: 'idea' as ImprovementStatus }));
}

// ---- log filters -----------------------------------------------------------

export const LOG_PERIODS = ['week', 'month', 'quarter', 'year', 'all'] as const;
export type LogPeriod = (typeof LOG_PERIODS)[number];

const PERIOD_DAYS: Record<Exclude<LogPeriod, 'all'>, number> = { week: 7, month: 30, quarter: 91, year: 365 };

/** First day of a period that ends today (null = no lower bound). */
export function periodStart(period: LogPeriod, today: Iso): Iso | null {
  if (period === 'all') return null;
  return addDays(today, -(PERIOD_DAYS[period] - 1));
}

export function isLogPeriod(v: unknown): v is LogPeriod {
  return typeof v === 'string' && (LOG_PERIODS as readonly string[]).includes(v);
}

export interface DeviationFilter {
  categories?: readonly DeviationCategory[];
  statuses?: readonly DeviationStatus[];
  /** reported by or responsible for */
  personId?: string | null;
  from?: Iso | null;
  to?: Iso | null;
}

export function filterDeviations<T extends Pick<Deviation, 'category' | 'status' | 'reportedBy' | 'responsibleId' | 'date'>>(list: readonly T[], f: DeviationFilter): T[] {
  return list.filter(
    (d) =>
      (!f.categories?.length || f.categories.includes(d.category)) &&
      (!f.statuses?.length || f.statuses.includes(d.status)) &&
      (!f.personId || d.reportedBy === f.personId || d.responsibleId === f.personId) &&
      (!f.from || d.date >= f.from) &&
      (!f.to || d.date <= f.to),
  );
}

export interface IdeaFilter {
  statuses?: readonly ImprovementStatus[];
  /** proposed by */
  personId?: string | null;
  from?: Iso | null;
  to?: Iso | null;
}

export function filterIdeas<T extends Pick<Improvement, 'status' | 'proposedBy' | 'date'>>(list: readonly T[], f: IdeaFilter): T[] {
  return list.filter(
    (i) =>
      (!f.statuses?.length || f.statuses.includes(i.status)) &&
      (!f.personId || i.proposedBy === f.personId) &&
      (!f.from || i.date >= f.from) &&
      (!f.to || i.date <= f.to),
  );
}

/** Toggles `value` in a list of chosen filter values (a chip tap). */
export function toggleValue<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * A month as calendar rows, Monday first (ISO weeks): each row has seven
 * cells, a date or null for the days before the 1st and after the last.
 */
export function calendarWeeks(year: number, month: number): (Iso | null)[][] {
  const days = daysInMonth(year, month);
  const rows: (Iso | null)[][] = [];
  let row: (Iso | null)[] = Array.from({ length: isoWeekday(days[0]!) - 1 }, () => null);
  for (const d of days) {
    row.push(d);
    if (row.length === 7) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push([...row, ...Array.from({ length: 7 - row.length }, () => null)]);
  return rows;
}
