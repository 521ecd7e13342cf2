/**
 * The numbers behind the trends screen and the attendance report.
 *
 * Pure functions over plain rows (no Dexie, no DOM), so the screens, the
 * benchmark and the tests compute exactly the same series. Every function
 * ignores tombstones (`deleted: 1`), so callers may pass rows as stored.
 *
 * Definitions (the same words the screens use):
 * - attendance rate: here (present + late) ÷ expected days, where an expected
 *   day is a mark on an open weekday that is not approved leave and not an
 *   undone check-in (status null); see domain/attendance `attendanceRate`.
 *   Days nobody marked are not counted either way: the board cannot know
 *   whether the person was expected.
 * - time to solve: whole calendar days from the day a deviation was reported
 *   (`date`) to the local day it was marked solved (`solvedAt`), grouped by the
 *   month it was solved in ("what we fixed in March took a median 2 days").
 * - ideas done: ideas whose status is `done`, counted in the month they were
 *   moved there (`movedAt`); proposed: counted in the month of `date`.
 * - meeting length: ended meetings only, minutes from start to end.
 * - hours (attendance report): scheduled hours, because the board records
 *   arrivals, not departures: opening → closing time for a present day; for a
 *   late day from the recorded check-in time (when there is one) to closing.
 */
import type { AttendanceStatus, DeviationCategory, Iso } from './types';
import { ATTENDANCE_STATUSES, DEVIATION_CATEGORIES } from './types';
import { isHere } from './attendance';
import { addDays, daysBetween, eachDay, isValidTime, isoDateAt, isoWeekKey, isoWeekday, minutesOfDay, monthsBetween, startOfIsoWeek, timeOfDayMinutes } from './dates';
import { liveRows } from './rows';

/** A row that may be a tombstone (see rows.ts). */
interface Live {
  deleted?: 0 | 1;
}

/** The middle value (mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const inRange = (date: Iso, from: Iso, to: Iso) => date >= from && date <= to;

/** Memoises a function of a date: a year has ~250 distinct days but ~12,000 marks. */
function perDay<T>(fn: (date: Iso) => T): (date: Iso) => T {
  const seen = new Map<Iso, T>();
  return (date) => {
    let v = seen.get(date);
    if (v === undefined) seen.set(date, (v = fn(date)));
    return v;
  };
}

/**
 * The same rule as domain/attendance `attendanceRate` (leave and closed days
 * are not expected), with the weekday looked up once per day.
 */
function rateOf(marks: readonly { date: Iso; status: AttendanceStatus }[], isOpen: (date: Iso) => boolean): number | null {
  let expected = 0;
  let here = 0;
  for (const m of marks) {
    if (m.status === 'leave' || !isOpen(m.date)) continue;
    expected++;
    if (isHere(m.status)) here++;
  }
  return expected === 0 ? null : here / expected;
}

const openDayTest = (openDays: readonly number[]) => perDay((date) => openDays.includes(isoWeekday(date)));

// ---- attendance ----------------------------------------------------------

export interface MarkLike extends Live {
  personId: string;
  date: Iso;
  status: AttendanceStatus | null;
  checkedInAt?: number | null;
}

const withStatus = <T extends MarkLike>(marks: readonly T[]) =>
  liveRows(marks).filter((m): m is T & { status: AttendanceStatus } => m.status !== null);

export interface WeekRate {
  /** ISO week key, e.g. '2026-W10' */
  week: string;
  /** the Monday of the week */
  start: Iso;
  expected: number;
  here: number;
  /** here ÷ expected, 0–1; null when no day of the week was expected */
  rate: number | null;
}

/** Attendance rate of the whole group for every ISO week that overlaps from…to. */
export function weeklyAttendanceRates(marks: readonly MarkLike[], openDays: readonly number[], from: Iso, to: Iso): WeekRate[] {
  const byWeek = new Map<string, { date: Iso; status: AttendanceStatus }[]>();
  const weekOf = perDay(isoWeekKey);
  const isOpen = openDayTest(openDays);
  for (const m of withStatus(marks)) {
    if (!inRange(m.date, from, to)) continue;
    const key = weekOf(m.date);
    let list = byWeek.get(key);
    if (!list) byWeek.set(key, (list = []));
    list.push(m);
  }
  const weeks: WeekRate[] = [];
  for (let start = startOfIsoWeek(from); start <= to; start = addDays(start, 7)) {
    const week = isoWeekKey(start);
    const list = byWeek.get(week) ?? [];
    let expected = 0;
    let here = 0;
    for (const m of list) {
      if (m.status === 'leave' || !isOpen(m.date)) continue;
      expected++;
      if (isHere(m.status)) here++;
    }
    weeks.push({ week, start, expected, here, rate: expected === 0 ? null : here / expected });
  }
  return weeks;
}

export type StatusCounts = Record<AttendanceStatus, number>;

export const emptyCounts = (): StatusCounts => Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as StatusCounts;

export interface PersonAttendance {
  personId: string;
  counts: StatusCounts;
  /** present + late */
  daysHere: number;
  /** days with any status */
  marked: number;
  /** scheduled hours; null when the workplace has no usable opening and closing time */
  hours: number | null;
  rate: number | null;
}

export interface ReportOptions {
  from: Iso;
  to: Iso;
  openDays: readonly number[];
  openingTime?: string;
  closingTime?: string;
}

/** Minutes from opening to closing time, or null when they are missing or make no day. */
export function workdayMinutes(openingTime: string | undefined, closingTime: string | undefined): number | null {
  if (!isValidTime(openingTime) || !isValidTime(closingTime)) return null;
  const len = minutesOfDay(closingTime) - minutesOfDay(openingTime);
  return len > 0 ? len : null;
}

/** Scheduled minutes of one mark (see the header): 0 unless present or late. */
export function scheduledMinutes(mark: Pick<MarkLike, 'status' | 'checkedInAt'>, openingTime: string, closingTime: string): number {
  if (mark.status !== 'present' && mark.status !== 'late') return 0;
  const open = minutesOfDay(openingTime);
  const close = minutesOfDay(closingTime);
  let start = open;
  if (mark.status === 'late' && typeof mark.checkedInAt === 'number') start = Math.max(open, timeOfDayMinutes(mark.checkedInAt));
  return Math.max(0, close - start);
}

/**
 * Per person: days of each status in from…to, days here, scheduled hours and
 * the attendance rate. `personIds` fixes the rows and their order (people
 * with no marks get a row of zeros); marks of anyone else are left out.
 */
export function attendanceReport(personIds: readonly string[], marks: readonly MarkLike[], opts: ReportOptions): PersonAttendance[] {
  const byPerson = new Map<string, (MarkLike & { status: AttendanceStatus })[]>();
  for (const id of personIds) byPerson.set(id, []);
  for (const m of withStatus(marks)) {
    if (!inRange(m.date, opts.from, opts.to)) continue;
    byPerson.get(m.personId)?.push(m);
  }
  const day = workdayMinutes(opts.openingTime, opts.closingTime);
  const isOpen = openDayTest(opts.openDays);
  return personIds.map((personId) => {
    const list = byPerson.get(personId) ?? [];
    const counts = emptyCounts();
    let minutes = 0;
    for (const m of list) {
      counts[m.status]++;
      if (day !== null) minutes += scheduledMinutes(m, opts.openingTime!, opts.closingTime!);
    }
    return {
      personId,
      counts,
      daysHere: counts.present + counts.late,
      marked: list.length,
      hours: day === null ? null : minutes / 60,
      rate: rateOf(list, isOpen),
    };
  });
}

export interface MonthSummary {
  /** 'YYYY-MM' */
  month: string;
  counts: StatusCounts;
  /** marks with a status */
  marks: number;
  /** distinct people with a mark (anonymised marks count as nobody) */
  people: number;
  rate: number | null;
}

/** The whole group, month by month, within from…to (anonymised marks included). */
export function groupMonthSummary(marks: readonly MarkLike[], openDays: readonly number[], from: Iso, to: Iso): MonthSummary[] {
  const byMonth = new Map<string, (MarkLike & { status: AttendanceStatus })[]>();
  for (const m of withStatus(marks)) {
    if (!inRange(m.date, from, to)) continue;
    const key = m.date.slice(0, 7);
    let list = byMonth.get(key);
    if (!list) byMonth.set(key, (list = []));
    list.push(m);
  }
  const isOpen = openDayTest(openDays);
  return monthsBetween(from, to).map((month) => {
    const list = byMonth.get(month) ?? [];
    const counts = emptyCounts();
    const people = new Set<string>();
    for (const m of list) {
      counts[m.status]++;
      if (m.personId) people.add(m.personId);
    }
    return { month, counts, marks: list.length, people: people.size, rate: rateOf(list, isOpen) };
  });
}

/** Every day of from…to with the person's status (null = no mark), for a one-person report. */
export function personDays(personId: string, marks: readonly MarkLike[], from: Iso, to: Iso): { date: Iso; status: AttendanceStatus | null }[] {
  const byDate = new Map<Iso, AttendanceStatus>();
  for (const m of withStatus(marks)) if (m.personId === personId) byDate.set(m.date, m.status);
  return eachDay(from, to).map((date) => ({ date, status: byDate.get(date) ?? null }));
}

// ---- deviations ------------------------------------------------------------

export interface DeviationLike extends Live {
  category: DeviationCategory;
  date: Iso;
  status: string;
  solvedAt: number | null;
}

export interface ParetoBar {
  category: DeviationCategory;
  count: number;
  /** this category's share of all deviations, 0–1 */
  share: number;
  /** share of this and every bigger category, 0–1 (the Pareto line) */
  cumulative: number;
}

/**
 * Deviations per category, biggest first (ties in the board's category
 * order), with the cumulative share: the few causes behind most problems.
 * Categories with no deviation are left out.
 */
export function deviationPareto(deviations: readonly DeviationLike[], from: Iso, to: Iso): ParetoBar[] {
  const counts = new Map<DeviationCategory, number>();
  let total = 0;
  for (const d of liveRows(deviations)) {
    if (!inRange(d.date, from, to)) continue;
    counts.set(d.category, (counts.get(d.category) ?? 0) + 1);
    total++;
  }
  const order = (c: DeviationCategory) => {
    const i = DEVIATION_CATEGORIES.indexOf(c);
    return i < 0 ? DEVIATION_CATEGORIES.length : i;
  };
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  let running = 0;
  return sorted.map(([category, count]) => {
    running += count;
    return { category, count, share: count / total, cumulative: running / total };
  });
}

/** Whole days from report to solution, or null while unsolved. Never negative. */
export function daysToSolve(d: Pick<DeviationLike, 'date' | 'status' | 'solvedAt'>): number | null {
  if (d.status !== 'solved' || typeof d.solvedAt !== 'number') return null;
  return Math.max(0, daysBetween(d.date, isoDateAt(d.solvedAt)));
}

export interface SolveMonth {
  month: string;
  solved: number;
  medianDays: number | null;
}

/** Median days to solve, by the month a deviation was solved in, for the given months. */
export function timeToSolveByMonth(deviations: readonly DeviationLike[], months: readonly string[]): SolveMonth[] {
  const byMonth = new Map<string, number[]>();
  for (const m of months) byMonth.set(m, []);
  // a year's deviations fall on a few hundred days: each day's number is worked out once
  const dayNumbers = new Map<Iso, number>();
  const dayNumber = (iso: Iso) => {
    let n = dayNumbers.get(iso);
    if (n === undefined) dayNumbers.set(iso, (n = daysBetween('2000-01-01', iso)));
    return n;
  };
  for (const d of liveRows(deviations)) {
    if (d.status !== 'solved' || typeof d.solvedAt !== 'number') continue;
    const solvedOn = isoDateAt(d.solvedAt);
    const list = byMonth.get(solvedOn.slice(0, 7));
    // (as daysToSolve)
    if (list) list.push(Math.max(0, dayNumber(solvedOn) - dayNumber(d.date)));
  }
  return months.map((month) => {
    const list = byMonth.get(month) ?? [];
    return { month, solved: list.length, medianDays: median(list) };
  });
}

// ---- improvements --------------------------------------------------------

export interface IdeaLike extends Live {
  date: Iso;
  status: string;
  proposedBy: string | null;
  movedAt: number;
}

export interface IdeaMonth {
  month: string;
  proposed: number;
  done: number;
}

/** Ideas proposed (by `date`) and done (by the day moved to done) per month. */
export function ideasByMonth(ideas: readonly IdeaLike[], months: readonly string[]): IdeaMonth[] {
  const proposed = new Map<string, number>();
  const done = new Map<string, number>();
  for (const i of liveRows(ideas)) {
    const pm = i.date.slice(0, 7);
    proposed.set(pm, (proposed.get(pm) ?? 0) + 1);
    if (i.status === 'done') {
      const dm = isoDateAt(i.movedAt).slice(0, 7);
      done.set(dm, (done.get(dm) ?? 0) + 1);
    }
  }
  return months.map((month) => ({ month, proposed: proposed.get(month) ?? 0, done: done.get(month) ?? 0 }));
}

export interface Proposer {
  /** null: proposed without a face (or anonymised) */
  personId: string | null;
  proposed: number;
  done: number;
}

/** Who proposed the ideas of from…to, most ideas first (then most done). */
export function ideaProposers(ideas: readonly IdeaLike[], from: Iso, to: Iso): Proposer[] {
  const by = new Map<string | null, Proposer>();
  for (const i of liveRows(ideas)) {
    if (!inRange(i.date, from, to)) continue;
    const key = i.proposedBy || null;
    let p = by.get(key);
    if (!p) by.set(key, (p = { personId: key, proposed: 0, done: 0 }));
    p.proposed++;
    if (i.status === 'done') p.done++;
  }
  return [...by.values()].sort((a, b) => b.proposed - a.proposed || b.done - a.done || String(a.personId).localeCompare(String(b.personId)));
}

// ---- meetings --------------------------------------------------------------

export interface MeetingLike extends Live {
  date: Iso;
  startedAt: number;
  endedAt: number | null;
  targetMinutes: number;
}

export interface MeetingLength {
  date: Iso;
  minutes: number;
  targetMinutes: number;
}

/** Length of every ended meeting of from…to, oldest first. */
export function meetingLengths(meetings: readonly MeetingLike[], from: Iso, to: Iso): MeetingLength[] {
  return liveRows(meetings)
    .filter((m) => typeof m.endedAt === 'number' && m.endedAt >= m.startedAt && inRange(m.date, from, to))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.startedAt - b.startedAt))
    .map((m) => ({ date: m.date, minutes: (m.endedAt! - m.startedAt) / 60_000, targetMinutes: m.targetMinutes }));
}
