/**
 * The month's safety cross (säkerhetskorset): one cell per day, coloured
 *
 *   red   a safety deviation was reported that day (always shown, even on a
 *         closed day or today, because an accident is never "not counted")
 *   grey  a day still to come, or a closed day (weekday not in openDays, or
 *         listed in closedDates, e.g. a public holiday)
 *   green an open day up to and including today with no safety deviation
 *
 * The layout is the traditional Lean safety cross: the days of the month
 * numbered in reading order on a plus sign drawn on a 7×7 grid. The plus has
 * an arm three cells wide; the top arm holds days 1–6, the crossbar 7–27,
 * the bottom arm 28–31 (the last two cells of the bottom row stay empty):
 *
 *         .  .  1  2  3  .  .
 *         .  .  4  5  6  .  .
 *         7  8  9 10 11 12 13
 *        14 15 16 17 18 19 20
 *        21 22 23 24 25 26 27
 *         .  . 28 29 30  .  .
 *         .  . 31  ·  ·  .  .
 *
 * Rows and columns are 0-based.
 */
import type { DeviationCategory, Iso } from './types';
import { daysInMonth, isoWeekday, isValidIsoDate } from './dates';
import { InvalidIsoDate } from './errors';

export type SafetyCrossColor = 'green' | 'red' | 'grey';

export interface SafetyCrossDay {
  date: Iso;
  /** day of the month, 1–31 */
  day: number;
  color: SafetyCrossColor;
  isToday: boolean;
}

export interface SafetyCrossCell {
  row: number;
  col: number;
}

export const SAFETY_CROSS_SIZE = 7;
const ARM_FROM = 2;
const ARM_TO = 4;

/** Whether a grid position lies on the plus sign. */
export function isInSafetyCrossShape(row: number, col: number): boolean {
  const inside = (n: number) => Number.isInteger(n) && n >= 0 && n < SAFETY_CROSS_SIZE;
  const inArm = (n: number) => n >= ARM_FROM && n <= ARM_TO;
  return inside(row) && inside(col) && (inArm(row) || inArm(col));
}

/** Every position of the plus sign in reading order (33 cells), to draw the outline. */
export const SAFETY_CROSS_SHAPE: readonly SafetyCrossCell[] = Object.freeze(
  Array.from({ length: SAFETY_CROSS_SIZE * SAFETY_CROSS_SIZE }, (_, i) => ({
    row: Math.floor(i / SAFETY_CROSS_SIZE),
    col: i % SAFETY_CROSS_SIZE,
  })).filter((c) => isInSafetyCrossShape(c.row, c.col)),
);

/** Where day 1–31 sits on the grid: the first 31 cells of the plus in reading order. */
export const SAFETY_CROSS_LAYOUT: readonly (SafetyCrossCell & { day: number })[] = Object.freeze(
  SAFETY_CROSS_SHAPE.slice(0, 31).map((cell, i) => ({ day: i + 1, ...cell })),
);

export interface SafetyCrossOptions {
  today: Iso;
  /** ISO weekdays the workplace is open, 1 = Monday … 7 = Sunday */
  openDays: readonly number[];
  /** extra closed dates (holidays, study days) */
  closedDates?: readonly Iso[];
  /** dates with at least one safety deviation (see safetyDeviationDates) */
  safetyDeviationDates: readonly Iso[];
  /** the first day the workplace existed: days before it are neutral (grey), never "safe" */
  since?: Iso;
}

/** One coloured day per day of the month. `month` is 1–12. */
export function safetyCrossMonth(year: number, month: number, options: SafetyCrossOptions): SafetyCrossDay[] {
  const { today, openDays } = options;
  if (!isValidIsoDate(today)) throw new InvalidIsoDate(today);
  const closed = new Set(options.closedDates ?? []);
  const unsafe = new Set(options.safetyDeviationDates);
  return daysInMonth(year, month).map((date, i) => ({
    date,
    day: i + 1,
    color: safetyCrossDayColor(date, today, unsafe.has(date), !openDays.includes(isoWeekday(date)) || closed.has(date) || (options.since !== undefined && date < options.since)),
    isToday: date === today,
  }));
}

/** The colour rule for one day; the order of the checks is the rule. */
export function safetyCrossDayColor(date: Iso, today: Iso, hasSafetyDeviation: boolean, closed: boolean): SafetyCrossColor {
  if (hasSafetyDeviation) return 'red';
  if (date > today || closed) return 'grey';
  return 'green';
}

/** The days placed on the cross grid. */
export function safetyCrossCells<T extends { day: number }>(days: readonly T[]): (T & SafetyCrossCell)[] {
  return days.map((d) => {
    const cell = SAFETY_CROSS_LAYOUT[d.day - 1];
    if (!cell) throw new RangeError(`No safety cross cell for day ${d.day}`);
    return { ...d, row: cell.row, col: cell.col };
  });
}

/** The distinct dates of live safety deviations, for safetyCrossMonth. */
export function safetyDeviationDates(
  deviations: readonly { category: DeviationCategory; date: Iso; deleted?: 0 | 1 }[],
): Iso[] {
  const dates = new Set<Iso>();
  for (const d of deviations) if (d.category === 'safety' && d.deleted !== 1) dates.add(d.date);
  return [...dates].sort();
}
