/**
 * Daily attendance counts: for one workplace and one day, how many live marks
 * have each status. The trends screen draws a year of weekly attendance
 * rates from ~250 of these instead of ~12,000 marks.
 *
 * The counts are a pure function of the marks (`countMarks`); the device
 * keeps them up to date in the same transaction as every write of a mark
 * (data/attendanceDaily.ts) and tests check the kept counts against a
 * recount. Only live marks with a status count: a tombstone, or an undone
 * check-in (`status: null`), counts for nothing. Anonymised marks (no
 * person) still count, as in every group statistic.
 */
import { isHere } from './attendance';
import { addDays, isoWeekKey, isoWeekday, startOfIsoWeek } from './dates';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Iso } from './types';
import type { WeekRate } from './stats';

export type DayStatusCounts = Record<AttendanceStatus, number>;

export interface DailyAttendance extends DayStatusCounts {
  /** `${workplaceId}|${date}` */
  key: string;
  workplaceId: string;
  date: Iso;
}

/** What a mark contributes to its day: its workplace, day and status, or nothing. */
export interface MarkLikeForCount {
  workplaceId: string;
  date: Iso;
  status: AttendanceStatus | null;
  deleted: 0 | 1;
}

export const dailyKey = (workplaceId: string, date: Iso) => `${workplaceId}|${date}`;

export function contribution(mark: MarkLikeForCount | undefined | null): { key: string; workplaceId: string; date: Iso; status: AttendanceStatus } | undefined {
  if (!mark || mark.deleted === 1 || mark.status === null || !ATTENDANCE_STATUSES.includes(mark.status)) return undefined;
  if (typeof mark.workplaceId !== 'string' || typeof mark.date !== 'string') return undefined;
  return { key: dailyKey(mark.workplaceId, mark.date), workplaceId: mark.workplaceId, date: mark.date, status: mark.status };
}

export function emptyDay(workplaceId: string, date: Iso): DailyAttendance {
  const day = { key: dailyKey(workplaceId, date), workplaceId, date } as DailyAttendance;
  for (const s of ATTENDANCE_STATUSES) day[s] = 0;
  return day;
}

export const isEmptyDay = (day: DayStatusCounts) => ATTENDANCE_STATUSES.every((s) => day[s] === 0);

/** The counts of a set of marks, one row per (workplace, day) with any counted mark, by key. */
export function countMarks(marks: Iterable<MarkLikeForCount>): Map<string, DailyAttendance> {
  const days = new Map<string, DailyAttendance>();
  for (const m of marks) {
    const c = contribution(m);
    if (!c) continue;
    let day = days.get(c.key);
    if (!day) days.set(c.key, (day = emptyDay(c.workplaceId, c.date)));
    day[c.status]++;
  }
  return days;
}

/**
 * The attendance rate of the whole group for every ISO week that overlaps
 * from…to, from daily counts: the same numbers as `weeklyAttendanceRates` of
 * the marks (leave and closed days are not expected).
 */
export function weeklyRatesFromDays(days: readonly (DayStatusCounts & { date: Iso })[], openDays: readonly number[], from: Iso, to: Iso): WeekRate[] {
  const byWeek = new Map<string, { expected: number; here: number }>();
  for (const day of days) {
    if (day.date < from || day.date > to || !openDays.includes(isoWeekday(day.date))) continue;
    const key = isoWeekKey(day.date);
    let w = byWeek.get(key);
    if (!w) byWeek.set(key, (w = { expected: 0, here: 0 }));
    for (const s of ATTENDANCE_STATUSES) {
      if (s === 'leave' || day[s] === 0) continue;
      w.expected += day[s];
      if (isHere(s)) w.here += day[s];
    }
  }
  const weeks: WeekRate[] = [];
  for (let start = startOfIsoWeek(from); start <= to; start = addDays(start, 7)) {
    const week = isoWeekKey(start);
    const { expected, here } = byWeek.get(week) ?? { expected: 0, here: 0 };
    weeks.push({ week, start, expected, here, rate: expected === 0 ? null : here / expected });
  }
  return weeks;
}
