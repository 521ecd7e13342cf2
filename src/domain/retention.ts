/**
 * Data retention: how long a workplace keeps personal data, and what
 * "anonymised" means for each kind of record. Shared by the tablet's daily
 * sweep (src/data/repos/retention.ts) and the server's (src/server/retention.ts),
 * so both turn the same old row into the same anonymous row.
 *
 * A record older than the cut-off (its `date` before `retentionCutoff`) keeps
 * what the statistics need (day, status, category, counts) and loses who and
 * what was said:
 *
 * - attendance mark: its id is derived from (person, date), so blanking the
 *   person in place would still let anyone holding a person id find that
 *   person's status. Instead the mark is deleted (a tombstone keeps only the
 *   id) and an anonymous copy (no person, no check-in time) is written under
 *   an id derived from (workplace, date, status, n), where n is the first
 *   number not yet used for that day and status. Two devices anonymising the
 *   same day independently therefore write the same anonymous rows, and the
 *   copies merge instead of doubling the counts.
 * - deviation: reporter, responsible person, free texts and photo blanked.
 * - idea: proposer, free texts and photo blanked.
 * - goal progress: the person blanked. Task: assignees and who did it blanked.
 * - meeting: the attendees, and decisions about attendance, removed.
 * - follow-up (a personal plan's conversation): the person, the note and the
 *   agreed next step blanked; the ladder step stays (how many reached a step).
 * - person: someone no longer active whose row has not changed since before
 *   the cut-off is erased, like "Erase person" does (name, face, language).
 *
 * Free texts go because people write names in them; task texts stay (they
 * describe work, not people). Pure: no I/O.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AttendanceStatus, Iso, SyncedTable } from './types';
import { ATTENDANCE_STATUSES } from './types';
import { addMonths, parseIsoDate } from './dates';


export const DEFAULT_RETENTION_MONTHS = 24;
/** The choices offered in the settings; any whole number of months 1–120 is valid. */
export const RETENTION_CHOICES: readonly number[] = [6, 12, 24, 36, 60];
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** Fixed namespace for anonymous attendance ids. Never change it: every device derives the same ids. */
export const ANONYMOUS_MARK_NAMESPACE = '5d0c2f63-7d7b-4a9b-9a55-0f3c6a1e2b84';

/** The person id of an anonymised attendance mark. */
export const ANONYMOUS_PERSON = '';

export function isValidRetentionMonths(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= MIN_RETENTION_MONTHS && n <= MAX_RETENTION_MONTHS;
}

/** The workplace's setting, or the default when missing or invalid. */
export function retentionMonthsOf(wp: { retentionMonths?: unknown } | undefined | null): number {
  return isValidRetentionMonths(wp?.retentionMonths) ? wp.retentionMonths : DEFAULT_RETENTION_MONTHS;
}

/**
 * The first day that is kept: records dated before it are anonymised. With
 * 24 months on 2026-03-15 that is 2024-03-15, so 2024-03-14 is the newest
 * anonymised day.
 */
export function retentionCutoff(today: Iso, months: number): Iso {
  if (!isValidRetentionMonths(months)) throw new RangeError(`Not a retention period: ${months}`);
  return addMonths(today, -months);
}

/** The cut-off as an instant (local midnight), for rows without a date (people). */
export function retentionCutoffMs(cutoff: Iso): number {
  return parseIsoDate(cutoff).getTime();
}

/** The id of the n-th anonymous mark with this status on this day. */
export function anonymousMarkId(workplaceId: string, date: Iso, status: AttendanceStatus, n: number): string {
  return uuidv5(`anonymous-attendance/${workplaceId}/${date}/${status}/${n}`, ANONYMOUS_MARK_NAMESPACE);
}

/** Tables whose old rows are anonymised by date. */
export const DATED_TABLES = ['attendance', 'deviations', 'improvements', 'goalProgress', 'tasks', 'meetings', 'followUps'] as const satisfies readonly SyncedTable[];

/**
 * Tables whose rows belong to one person (`personId`): a personal plan's
 * goals, follow-ups and skills. Erasing the person (by hand or by the
 * retention sweep) deletes them.
 */
export const PERSON_TABLES = ['planGoals', 'followUps', 'skills'] as const satisfies readonly SyncedTable[];
export type PersonTable = (typeof PERSON_TABLES)[number];
export type DatedTable = (typeof DATED_TABLES)[number];

type Row = Record<string, unknown>;

const blank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The fields to write so an old row holds no personal data any more, or
 * null when it already holds none. Not for attendance (see planAttendance).
 */
export function anonymisePatch(table: Exclude<DatedTable, 'attendance'>, row: Row): Row | null {
  const patch: Row = {};
  const clear = (field: string, to: unknown) => {
    const v = row[field];
    if (Array.isArray(to) ? Array.isArray(v) && v.length > 0 : !blank(v)) patch[field] = to;
  };
  switch (table) {
    case 'deviations':
      clear('reportedBy', null);
      clear('responsibleId', null);
      clear('text', '');
      clear('action', '');
      clear('photo', null);
      break;
    case 'improvements':
      clear('proposedBy', null);
      clear('text', '');
      clear('reason', '');
      clear('photo', null);
      break;
    case 'goalProgress':
      clear('personId', null);
      break;
    case 'tasks':
      clear('assignees', []);
      clear('doneBy', null);
      break;
    case 'meetings': {
      clear('attendees', []);
      const decisions = Array.isArray(row.decisions) ? (row.decisions as { kind?: string }[]) : [];
      if (decisions.some((d) => d?.kind === 'attendance')) patch.decisions = decisions.filter((d) => d?.kind !== 'attendance');
      break;
    }
    case 'followUps':
      clear('personId', '');
      clear('note', '');
      clear('nextStep', '');
      break;
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

export interface MarkRow {
  id: string;
  date: Iso;
  personId: string;
  status: AttendanceStatus | null;
  setBy?: 'self' | 'supervisor';
  deleted?: 0 | 1;
}

/** Whether an attendance mark still says who it was about. */
export function isPersonalMark(m: Pick<MarkRow, 'personId' | 'deleted'>): boolean {
  return m.deleted !== 1 && m.personId !== ANONYMOUS_PERSON;
}

export interface AttendancePlan {
  /** marks to delete (tombstone) */
  remove: string[];
  /** anonymous copies to create */
  create: { id: string; fields: { personId: string; date: Iso; status: AttendanceStatus; checkedInAt: null; setBy: 'self' | 'supervisor' } }[];
}

/**
 * Which old marks to delete and which anonymous copies to write. `taken`
 * holds every attendance id already stored on those days (live or deleted);
 * marks are handled in id order so two devices with the same marks plan the
 * same rows. Undone check-ins (no status) are just deleted.
 */
export function planAttendance(workplaceId: string, marks: readonly MarkRow[], taken: ReadonlySet<string>): AttendancePlan {
  const used = new Set(taken);
  const plan: AttendancePlan = { remove: [], create: [] };
  const sorted = [...marks].filter(isPersonalMark).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const m of sorted) {
    plan.remove.push(m.id);
    if (m.status === null || !ATTENDANCE_STATUSES.includes(m.status)) continue;
    let n = 0;
    let id = anonymousMarkId(workplaceId, m.date, m.status, n);
    while (used.has(id)) id = anonymousMarkId(workplaceId, m.date, m.status, ++n);
    used.add(id);
    plan.create.push({ id, fields: { personId: ANONYMOUS_PERSON, date: m.date, status: m.status, checkedInAt: null, setBy: m.setBy ?? 'supervisor' } });
  }
  return plan;
}

/** The fields that erase a person (as personsRepo.erase writes them). */
export const ERASED_PERSON_FIELDS = { firstName: '', avatar: { kind: 'pictogram', ref: 'person' }, language: '' } as const;

/** Whether a person row should be erased by the sweep: inactive and unchanged since before the cut-off. */
export function isExpiredPerson(p: { active?: unknown; updatedAt?: unknown; deleted?: unknown }, cutoffMs: number): boolean {
  return p.deleted !== 1 && p.active === 0 && typeof p.updatedAt === 'number' && p.updatedAt < cutoffMs;
}
