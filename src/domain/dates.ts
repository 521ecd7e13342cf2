/**
 * Calendar dates and times of day, as the board thinks of them.
 *
 * A day on the board is a local calendar date written 'YYYY-MM-DD' (`Iso`):
 * it is what a person means by "today" at the wall tablet, and it sorts and
 * compares as a plain string. Times of day are 'HH:MM' wall-clock strings.
 *
 * Why the arithmetic runs in UTC: adding days to a local `Date` breaks on
 * daylight-saving changes (a local day is 23 or 25 hours long twice a year in
 * Europe/Stockholm, and in some zones local midnight does not exist at all).
 * So every function that goes from date to date (`addDays`, `isoWeekday`,
 * `isoWeekKey`, …) treats the ISO string as a pure calendar date and computes
 * on `Date.UTC`, which has no DST. Only the three functions that meet the
 * real clock — `toIsoDate`, `parseIsoDate` and `timeOfDayMinutes` — use local
 * time, on purpose.
 *
 * Weekdays are ISO: 1 = Monday … 7 = Sunday. Weeks are ISO-8601 weeks: they
 * start on Monday, and week 1 is the week with the year's first Thursday, so
 * 2026-12-31 (a Thursday) is in 2026-W53 and 2027-01-01 too, while
 * 2024-12-30 (a Monday) is in 2025-W01.
 */
import type { Iso } from './types';
import { InvalidIsoDate, InvalidTime } from './errors';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

interface Ymd {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Splits and checks an ISO date, rejecting impossible days like 2026-02-30. */
function ymd(iso: Iso): Ymd {
  const m = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!m) throw new InvalidIsoDate(iso);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) throw new InvalidIsoDate(iso);
  return { year, month, day };
}

function monthLength(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Date.UTC, but years 0–99 are not mapped to 1900–1999. Days may overflow. */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function fromUtcMs(ms: number): Iso {
  const d = new Date(ms);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

const dayNumber = (iso: Iso): number => {
  const { year, month, day } = ymd(iso);
  return utcMs(year, month, day) / DAY_MS;
};

export function isValidIsoDate(value: unknown): value is Iso {
  try {
    ymd(value as Iso);
    return true;
  } catch {
    return false;
  }
}

/** The local calendar date of a Date (what the wall tablet calls that day). */
export function toIsoDate(d: Date): Iso {
  return `${pad4(d.getFullYear())}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** The local calendar date at an instant: `toIsoDate(new Date(epochMs))`. */
export function isoDateAt(epochMs: number): Iso {
  return toIsoDate(new Date(epochMs));
}

/**
 * The Date at the start of a local day. That is local midnight, except in the
 * few zones where a DST change skips midnight; then it is the first instant
 * of the day, which still has the same local date.
 */
export function parseIsoDate(iso: Iso): Date {
  const { year, month, day } = ymd(iso);
  const d = new Date(2000, 0, 1);
  d.setFullYear(year, month - 1, day);
  d.setHours(0, 0, 0, 0);
  return d;
}

export function isoWeekday(iso: Iso): IsoWeekday {
  const sundayIs0 = new Date(dayNumber(iso) * DAY_MS).getUTCDay();
  return (sundayIs0 === 0 ? 7 : sundayIs0) as IsoWeekday;
}

export function addDays(iso: Iso, n: number): Iso {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return fromUtcMs((dayNumber(iso) + n) * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Iso, to: Iso): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday of the ISO week the date is in. */
export function startOfIsoWeek(iso: Iso): Iso {
  return addDays(iso, 1 - isoWeekday(iso));
}

/** ISO-8601 week key, e.g. '2026-W48'; the year is the week-numbering year. */
export function isoWeekKey(iso: Iso): string {
  // The week belongs to the year its Thursday is in.
  const thursday = addDays(iso, 4 - isoWeekday(iso));
  const weekYear = ymd(thursday).year;
  const week = Math.floor(daysBetween(`${pad4(weekYear)}-01-01`, thursday) / 7) + 1;
  return `${pad4(weekYear)}-W${pad2(week)}`;
}

/** 'YYYY-MM' of every month from the month of `from` to the month of `to`, in order. */
export function monthsBetween(from: Iso, to: Iso): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The date `months` calendar months before (negative) or after `iso`. A day
 * that does not exist in the target month becomes its last day
 * (2026-03-31 − 1 month = 2026-02-28).
 */
export function addMonths(iso: Iso, months: number): Iso {
  if (!isValidIsoDate(iso)) throw new InvalidIsoDate(iso);
  if (!Number.isInteger(months)) throw new RangeError(`addMonths needs whole months, got ${months}`);
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, monthLength(ty, tm))).padStart(2, '0')}`;
}

/** Every date of a month, in order. `month` is 1–12. */
export function daysInMonth(year: number, month: number): Iso[] {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a month: ${year}-${month}`);
  }
  const first = `${pad4(year)}-${pad2(month)}-01`;
  return eachDay(first, `${pad4(year)}-${pad2(month)}-${pad2(monthLength(year, month))}`);
}

/** 'YYYY-MM' of a date. */
export function monthKey(iso: Iso): string {
  ymd(iso);
  return iso.slice(0, 7);
}

/** Every date from `from` to `to`, both included; empty when `to` is earlier. */
export function eachDay(from: Iso, to: Iso): Iso[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  const days: Iso[] = [];
  for (let n = start; n <= end; n++) days.push(fromUtcMs(n * DAY_MS));
  return days;
}

export function isValidTime(value: unknown): value is string {
  return typeof value === 'string' && TIME.test(value);
}

/** Minutes after midnight of a 'HH:MM' time, 0–1439. */
export function minutesOfDay(time: string): number {
  const m = typeof time === 'string' ? TIME.exec(time) : null;
  if (!m) throw new InvalidTime(time);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Whole minutes after local midnight on the wall clock at an instant, 0–1439.
 * Wall-clock on purpose: on a DST day, 08:05 is 485 like on any other day.
 * Seconds are dropped, so an instant shown as 08:00 counts as 08:00.
 */
export function timeOfDayMinutes(epochMs: number): number {
  const d = new Date(epochMs);
  return d.getHours() * 60 + d.getMinutes();
}

/** Like `timeOfDayMinutes` but keeps seconds as a fraction, for smooth progress. */
export function preciseTimeOfDayMinutes(epochMs: number): number {
  const d = new Date(epochMs);
  return d.getHours() * 60 + d.getMinutes() + (d.getSeconds() * 1000 + d.getMilliseconds()) / 60_000;
}
