/**
 * Monthly attendance per person: for one workplace, month and person, how
 * many live marks of each status fell on each weekday, and the check-in
 * times of the late ones. The attendance report of a year reads ~600 of
 * these instead of ~12,000 marks, and computes from them exactly what
 * domain/stats computes from the marks (`attendanceReportFromMonths`,
 * `groupMonthSummaryFromMonths`; the tests compare both on random marks):
 *
 * - the counts of each status are the sums over the weekdays;
 * - the attendance rate needs the weekday, because only open weekdays count
 *   and the workplace may change its open days after the fact;
 * - scheduled hours need, for late marks, the recorded check-in time, because
 *   the opening and closing times may change too.
 *
 * Like the daily counts (dailyCounts.ts) these are a pure function of the
 * marks (`countMonths`); the device keeps them in the same transaction as
 * every write of a mark (data/attendanceDaily.ts). They hold nothing the
 * marks do not: a person's id (never a name) and numbers. Anonymised marks
 * (no person) count under the person ''.
 */
import { isHere } from './attendance';
import { addDays, isoWeekday, minutesOfDay, monthsBetween, timeOfDayMinutes } from './dates';
import { emptyCounts, workdayMinutes, type MarkLike, type MonthSummary, type PersonAttendance, type ReportOptions } from './stats';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Iso } from './types';

export interface PersonMonth {
  /** `${workplaceId}|${month}|${personId}` */
  key: string;
  workplaceId: string;
  /** 'YYYY-MM' */
  month: string;
  /** '' for anonymised marks */
  personId: string;
  /** per status, the marks on each ISO weekday (index 0 = Monday … 6 = Sunday) */
  days: Record<AttendanceStatus, number[]>;
  /** check-in times (epoch ms) of the late marks that have one, ascending */
  lateAt: number[];
}

/** What a mark contributes to a person's month, or nothing. */
export interface MarkLikeForMonth {
  workplaceId: string;
  personId?: string | null;
  date: Iso;
  status: AttendanceStatus | null;
  deleted: 0 | 1;
  checkedInAt?: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const monthlyKey = (workplaceId: string, month: string, personId: string) => `${workplaceId}|${month}|${personId}`;

export interface MonthContribution {
  key: string;
  workplaceId: string;
  month: string;
  personId: string;
  status: AttendanceStatus;
  /** 0 = Monday */
  weekday: number;
  /** the check-in time a late mark adds to `lateAt` */
  lateAt: number | undefined;
}

export function monthContribution(mark: MarkLikeForMonth | undefined | null): MonthContribution | undefined {
  if (!mark || mark.deleted === 1 || mark.status === null || !ATTENDANCE_STATUSES.includes(mark.status)) return undefined;
  if (typeof mark.workplaceId !== 'string' || typeof mark.date !== 'string' || !DATE.test(mark.date)) return undefined;
  const personId = typeof mark.personId === 'string' ? mark.personId : '';
  const month = mark.date.slice(0, 7);
  return {
    key: monthlyKey(mark.workplaceId, month, personId),
    workplaceId: mark.workplaceId,
    month,
    personId,
    status: mark.status,
    weekday: isoWeekday(mark.date) - 1,
    lateAt: mark.status === 'late' && typeof mark.checkedInAt === 'number' ? mark.checkedInAt : undefined,
  };
}

export function emptyMonth(workplaceId: string, month: string, personId: string): PersonMonth {
  const days = {} as Record<AttendanceStatus, number[]>;
  for (const s of ATTENDANCE_STATUSES) days[s] = [0, 0, 0, 0, 0, 0, 0];
  return { key: monthlyKey(workplaceId, month, personId), workplaceId, month, personId, days, lateAt: [] };
}

export const isEmptyMonth = (m: PersonMonth) => m.lateAt.length === 0 && ATTENDANCE_STATUSES.every((s) => m.days[s].every((n) => n === 0));

const ascending = (a: number, b: number) => a - b;

/** Adds (sign 1) or takes away (sign -1) one mark's contribution; the row is changed in place. */
export function applyContribution(row: PersonMonth, c: MonthContribution, sign: 1 | -1): void {
  const list = row.days[c.status];
  list[c.weekday] = Math.max(0, list[c.weekday]! + sign);
  if (c.lateAt === undefined) return;
  if (sign === 1) {
    row.lateAt.push(c.lateAt);
    row.lateAt.sort(ascending);
  } else {
    const i = row.lateAt.findIndex((t) => Object.is(t, c.lateAt));
    if (i >= 0) row.lateAt.splice(i, 1);
  }
}

/** A deep copy (rows read from IndexedDB are changed before they are written back). */
export const copyMonth = (m: PersonMonth): PersonMonth => {
  const days = {} as Record<AttendanceStatus, number[]>;
  for (const s of ATTENDANCE_STATUSES) days[s] = [...(m.days[s] ?? [0, 0, 0, 0, 0, 0, 0])];
  return { ...m, days, lateAt: [...m.lateAt] };
};

/** The months of a set of marks, one row per (workplace, month, person) with any counted mark, by key. */
export function countMonths(marks: Iterable<MarkLikeForMonth>): Map<string, PersonMonth> {
  const out = new Map<string, PersonMonth>();
  for (const m of marks) {
    const c = monthContribution(m);
    if (!c) continue;
    let row = out.get(c.key);
    if (!row) out.set(c.key, (row = emptyMonth(c.workplaceId, c.month, c.personId)));
    row.days[c.status][c.weekday]!++;
    if (c.lateAt !== undefined) row.lateAt.push(c.lateAt);
  }
  for (const row of out.values()) row.lateAt.sort(ascending);
  return out;
}

// ---- the report from months --------------------------------------------------

interface Totals {
  counts: Record<AttendanceStatus, number>;
  marks: number;
  expected: number;
  here: number;
}

function totalsOf(rows: readonly PersonMonth[], open: readonly boolean[]): Totals {
  const counts = emptyCounts();
  let marks = 0;
  let expected = 0;
  let here = 0;
  for (const row of rows) {
    for (const s of ATTENDANCE_STATUSES) {
      const list = row.days[s];
      for (let wd = 0; wd < 7; wd++) {
        const n = list[wd]!;
        if (n === 0) continue;
        counts[s] += n;
        marks += n;
        if (s === 'leave' || !open[wd]) continue;
        expected += n;
        if (isHere(s)) here += n;
      }
    }
  }
  return { counts, marks, expected, here };
}

const openWeekdays = (openDays: readonly number[]) => [1, 2, 3, 4, 5, 6, 7].map((d) => openDays.includes(d));

/**
 * The same rows as stats `attendanceReport(personIds, marks, opts)`, from the
 * months of those marks that fall within opts.from…opts.to (the caller gives
 * whole months inside the period and, for a month cut by the period, the
 * months counted from its marks within the period).
 */
export function attendanceReportFromMonths(personIds: readonly string[], months: readonly PersonMonth[], opts: ReportOptions): PersonAttendance[] {
  const byPerson = new Map<string, PersonMonth[]>();
  for (const id of personIds) byPerson.set(id, []);
  for (const m of months) byPerson.get(m.personId)?.push(m);
  const day = workdayMinutes(opts.openingTime, opts.closingTime);
  const open = openWeekdays(opts.openDays);
  return personIds.map((personId) => {
    const list = byPerson.get(personId) ?? [];
    const t = totalsOf(list, open);
    let hours: number | null = null;
    if (day !== null) {
      const openAt = minutesOfDay(opts.openingTime!);
      const close = minutesOfDay(opts.closingTime!);
      let late = 0;
      let minutes = 0;
      for (const m of list) {
        for (const at of m.lateAt) minutes += Math.max(0, close - Math.max(openAt, timeOfDayMinutes(at)));
        late += m.lateAt.length;
      }
      // present days and late days without a check-in time: the whole day
      minutes += (t.counts.present + t.counts.late - late) * Math.max(0, close - openAt);
      hours = minutes / 60;
    }
    return {
      personId,
      counts: t.counts,
      daysHere: t.counts.present + t.counts.late,
      marked: t.marks,
      hours,
      rate: t.expected === 0 ? null : t.here / t.expected,
    };
  });
}

/** The same as stats `groupMonthSummary` of the marks these months were counted from (see above). */
export function groupMonthSummaryFromMonths(months: readonly PersonMonth[], openDays: readonly number[], from: Iso, to: Iso): MonthSummary[] {
  const byMonth = new Map<string, PersonMonth[]>();
  for (const m of months) {
    let list = byMonth.get(m.month);
    if (!list) byMonth.set(m.month, (list = []));
    list.push(m);
  }
  const open = openWeekdays(openDays);
  return monthsBetween(from, to).map((month) => {
    const list = byMonth.get(month) ?? [];
    const t = totalsOf(list, open);
    let people = 0;
    for (const m of list) if (m.personId && totalsOf([m], open).marks > 0) people++;
    return { month, counts: t.counts, marks: t.marks, people, rate: t.expected === 0 ? null : t.here / t.expected };
  });
}

/** The last day of a month 'YYYY-MM'. */
export function lastDayOfMonth(month: string): Iso {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * How a period is read: the months it covers whole (their kept rows) and the
 * parts of the months it cuts (their marks, at most two ranges).
 */
export function splitPeriod(from: Iso, to: Iso): { whole: string[]; cut: { from: Iso; to: Iso }[] } {
  const whole: string[] = [];
  const cut: { from: Iso; to: Iso }[] = [];
  for (const month of monthsBetween(from, to)) {
    const start = `${month}-01`;
    const end = lastDayOfMonth(month);
    if (start >= from && end <= to) whole.push(month);
    else cut.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return { whole, cut };
}

/** The marks of from…to as months (for a month the period cuts). */
export function monthsOfMarks(marks: readonly (MarkLike & MarkLikeForMonth)[], from: Iso, to: Iso): PersonMonth[] {
  return [...countMonths(marks.filter((m) => m.date >= from && m.date <= to)).values()];
}
