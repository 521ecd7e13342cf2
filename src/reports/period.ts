/**
 * The period a report covers: an ISO week (Monday–Sunday), a calendar month,
 * or any from–to the supervisor types. Kept in the URL's query
 * (`?period=month&from=2026-03-01`), so a report can be reopened as it was.
 */
import type { Iso } from '../domain/types';
import { addDays, addMonths, daysBetween, daysInMonth, isValidIsoDate, startOfIsoWeek } from '../domain/dates';

export type PeriodKind = 'week' | 'month' | 'custom';

export interface Period {
  kind: PeriodKind;
  from: Iso;
  to: Iso;
}

export function weekPeriod(date: Iso): Period {
  const from = startOfIsoWeek(date);
  return { kind: 'week', from, to: addDays(from, 6) };
}

export function monthPeriod(date: Iso): Period {
  const days = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return { kind: 'month', from: days[0]!, to: days[days.length - 1]! };
}

/** The period before (-1) or after (+1): a week, a month, or a custom span of the same length. */
export function shiftPeriod(p: Period, by: 1 | -1): Period {
  if (p.kind === 'week') return weekPeriod(addDays(p.from, 7 * by));
  if (p.kind === 'month') return monthPeriod(addMonths(p.from, by));
  const length = daysBetween(p.from, p.to) + 1;
  return { kind: 'custom', from: addDays(p.from, length * by), to: addDays(p.to, length * by) };
}

/** Reads a period from query parameters; anything missing or malformed falls back to this month. */
export function periodFromParams(params: { period?: string; from?: string; to?: string }, today: Iso): Period {
  const from = isValidIsoDate(params.from) ? params.from : today;
  if (params.period === 'week') return weekPeriod(from);
  if (params.period === 'custom' && isValidIsoDate(params.from) && isValidIsoDate(params.to)) return { kind: 'custom', from: params.from, to: params.to };
  return monthPeriod(from);
}

export function isValidPeriod(p: Period): boolean {
  return isValidIsoDate(p.from) && isValidIsoDate(p.to) && p.from <= p.to;
}
