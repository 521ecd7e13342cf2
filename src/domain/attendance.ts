/**
 * Attendance rules: who is here today, who came late, and the numbers the
 * board shows ("9 of 11 here").
 *
 * One person has at most one mark per day, and two tablets marking the same
 * person on the same day must write the same row, so the row id is derived
 * from (person, date) as a name-based UUID (v5) instead of a random UUIDv7.
 * Sync then merges the two marks field by field instead of keeping two.
 *
 * Lateness is judged on the wall clock in whole minutes: a check-in the
 * tablet shows as 08:00 is on time for an 08:00 start; 08:01 is late (with no
 * grace minutes).
 */
import { v5 as uuidv5 } from 'uuid';
import type { AttendanceStatus, Iso } from './types';
import { ATTENDANCE_STATUSES } from './types';
import { isoWeekday, isValidIsoDate, minutesOfDay, timeOfDayMinutes } from './dates';
import { InvalidIsoDate } from './errors';

/** Fixed namespace for attendance ids. Never change it: ids on every device depend on it. */
export const ATTENDANCE_ID_NAMESPACE = 'b3a55a0d-dce1-456d-b4c0-d2f6e98ffc75';

/** How long a person can undo their own check-in (a mistaken tap on the wrong photo). */
export const CHECK_IN_UNDO_WINDOW_MS = 10_000;

/** The order of the status buttons a supervisor sees. */
export const SUPERVISOR_STATUSES: readonly AttendanceStatus[] = ATTENDANCE_STATUSES;

/** The id of a person's attendance mark on a day; the same on every device. */
export function attendanceId(personId: string, date: Iso): string {
  if (!isValidIsoDate(date)) throw new InvalidIsoDate(date);
  return uuidv5(`attendance/${personId}/${date}`, ATTENDANCE_ID_NAMESPACE);
}

/** Present and late both count as here. */
export function isHere(status: AttendanceStatus): boolean {
  return status === 'present' || status === 'late';
}

/**
 * The status of a self check-in: late if the wall-clock minute of the
 * check-in is strictly after opening time plus grace minutes.
 */
export function checkInStatus(checkInAt: number, openingTime: string, graceMinutes = 0): 'present' | 'late' {
  const deadline = minutesOfDay(openingTime) + Math.max(0, graceMinutes);
  return timeOfDayMinutes(checkInAt) > deadline ? 'late' : 'present';
}

/** Whether a self check-in can still be undone: within the window, and not stamped in the future. */
export function canUndoCheckIn(checkedInAt: number | null, now: number, windowMs = CHECK_IN_UNDO_WINDOW_MS): boolean {
  if (checkedInAt === null) return false;
  const elapsed = now - checkedInAt;
  return elapsed >= 0 && elapsed < windowMs;
}

export interface AttendanceSummary {
  /** present + late */
  here: number;
  /** the people passed in (the caller passes the active people) */
  total: number;
  byStatus: Record<AttendanceStatus, number>;
  /** people with no mark yet */
  unmarked: number;
}

/**
 * Counts the day's marks of the given people ("9 of 11 here" is here/total).
 * Marks of people not in the list (inactive, removed) are ignored; if a
 * person somehow has two marks, the last one counts.
 */
export function summarizeAttendance(
  people: readonly { id: string }[],
  marks: readonly { personId: string; status: AttendanceStatus }[],
): AttendanceSummary {
  const ids = new Set(people.map((p) => p.id));
  const statusOf = new Map<string, AttendanceStatus>();
  for (const m of marks) if (ids.has(m.personId)) statusOf.set(m.personId, m.status);

  const byStatus = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
  for (const status of statusOf.values()) byStatus[status]++;
  return {
    here: byStatus.present + byStatus.late,
    total: ids.size,
    byStatus,
    unmarked: ids.size - statusOf.size,
  };
}

/**
 * Share of expected days a person was here, 0–1, or null when there is
 * nothing to count. Counts marks on open weekdays only; approved leave
 * ('leave') is not an expected day, so it counts neither way. Sick and
 * absent days count as expected days not attended.
 */
export function attendanceRate(
  marks: readonly { date: Iso; status: AttendanceStatus }[],
  openDays: readonly number[],
): number | null {
  let expected = 0;
  let here = 0;
  for (const m of marks) {
    if (m.status === 'leave' || !openDays.includes(isoWeekday(m.date))) continue;
    expected++;
    if (isHere(m.status)) here++;
  }
  return expected === 0 ? null : here / expected;
}
