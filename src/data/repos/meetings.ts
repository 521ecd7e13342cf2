/**
 * Morning meetings as they were held: one synced record per meeting, written
 * as it runs, so a reload or an idle lock resumes it where it was (the step
 * on screen and its timers live in the record; see src/domain/meeting.ts).
 *
 * Decisions taken in the meeting change the board through the usual
 * repositories; `decide` runs that change and the decision's entry in the
 * meeting record in one transaction, so the log never claims a change that
 * was not made, nor misses one that was.
 *
 * Who attended is taken from the day's attendance (present or late) each
 * time the meeting moves on and when it ends, so the attendance step is the
 * place to mark people in.
 */
import { isHere } from '../../domain/attendance';
import { endMeeting, goToStep, startMeeting, withDecision } from '../../domain/meeting';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { Iso, Meeting, MeetingAgendaStep, MeetingDecision, Workplace } from '../../domain/types';
import { SYNCED_TABLES } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';

export interface NewMeeting {
  date: Iso;
  agenda: readonly MeetingAgendaStep[];
  targetMinutes: number;
}

const newestFirst = (a: Meeting, b: Meeting) => b.startedAt - a.startedAt;

export function meetingsRepo(db: TavlaDb) {
  /** person ids marked present or late on the day (must run inside a transaction over attendance) */
  async function attendeesOf(workplaceId: string, date: Iso): Promise<string[]> {
    const marks = await db.attendance.where('[workplaceId+date]').equals([workplaceId, date]).toArray();
    return marks.filter((m) => !m.deleted && m.status && isHere(m.status)).map((m) => m.personId);
  }

  async function openMeetings(workplaceId: string): Promise<Meeting[]> {
    const rows = await db.meetings.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, '\uffff']).toArray();
    return liveRows(rows).filter((m) => m.endedAt === null);
  }

  return {
    /**
     * Starts a meeting on the agenda's first step. Meetings of earlier days
     * that nobody ended are ended first (their time stops at their steps'
     * sum, at most an hour a step), so only one meeting ever runs.
     */
    async start(workplaceId: string, input: NewMeeting, id = newId(), at = db.now()): Promise<Meeting> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, ['meetings', 'attendance'], async () => {
        for (const old of await openMeetings(workplaceId)) {
          if (old.date === input.date) return old; // one is already running today: resume it
          await updateRecord<Meeting>(db, 'meetings', old.id, { ...endMeeting(old, now), attendees: await attendeesOf(workplaceId, old.date) }, { now });
        }
        return writeRecord<Meeting>(
          db,
          'meetings',
          workplaceId,
          id,
          {
            date: input.date,
            ...startMeeting(input.agenda, now),
            attendees: await attendeesOf(workplaceId, input.date),
            decisions: [],
            targetMinutes: input.targetMinutes,
          },
          { now },
        );
      });
    },
    get(id: string): Promise<Meeting | undefined> {
      return db.meetings.get(id).then((m) => (m && !m.deleted ? m : undefined));
    },
    /** The meeting running on `date` (not ended), if any; the newest if several. */
    async running(workplaceId: string, date: Iso): Promise<Meeting | undefined> {
      const rows = liveRows(await db.meetings.where('[workplaceId+date]').equals([workplaceId, date]).toArray());
      return rows.filter((m) => m.endedAt === null).sort(newestFirst)[0];
    },
    /** The newest meeting held before `date` (the previous open day's, as a rule), if any. */
    async lastBefore(workplaceId: string, date: Iso): Promise<Meeting | undefined> {
      const rows = await db.meetings.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, date], true, false).toArray();
      return liveRows(rows).sort(newestFirst)[0];
    },
    /** Every meeting of the workplace, newest first. */
    async list(workplaceId: string): Promise<Meeting[]> {
      const rows = await db.meetings.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, '\uffff']).toArray();
      return liveRows(rows).sort(newestFirst);
    },
    /** Days with a meeting from `from` to `to` (inclusive), read through the date index. */
    async datesBetween(workplaceId: string, from: Iso, to: Iso): Promise<Iso[]> {
      const rows = await db.meetings.where('[workplaceId+date]').between([workplaceId, from], [workplaceId, to], true, true).toArray();
      return [...new Set(liveRows(rows).map((m) => m.date))];
    },
    /** Puts step `index` on screen; the step left keeps its time. */
    async goTo(id: string, index: number, at = db.now()): Promise<Meeting | undefined> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, ['meetings', 'attendance'], async () => {
        const m = await db.meetings.get(id);
        if (!m || m.deleted || m.endedAt !== null) return undefined;
        return updateRecord<Meeting>(db, 'meetings', id, { ...goToStep(m, index, now), attendees: await attendeesOf(m.workplaceId, m.date) }, { now });
      });
    },
    async end(id: string, at = db.now()): Promise<Meeting | undefined> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, ['meetings', 'attendance'], async () => {
        const m = await db.meetings.get(id);
        if (!m || m.deleted) return undefined;
        if (m.endedAt !== null) return m;
        return updateRecord<Meeting>(db, 'meetings', id, { ...endMeeting(m, now), attendees: await attendeesOf(m.workplaceId, m.date) }, { now });
      });
    },
    /**
     * Makes a change decided in the meeting (`apply`, through another
     * repository) and records it, in one transaction. Nothing is recorded
     * when `apply` changes nothing (returns undefined, e.g. the record is gone).
     */
    async decide<T>(id: string, decision: Omit<MeetingDecision, 'at'>, apply: () => Promise<T>, at = db.now()): Promise<T | undefined> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, [...SYNCED_TABLES], async () => {
        const result = await apply();
        if (result === undefined) return undefined;
        const m = await db.meetings.get(id);
        if (m && !m.deleted) {
          await updateRecord<Meeting>(db, 'meetings', id, { decisions: withDecision(m.decisions, { ...decision, at: now }) }, { now });
        }
        return result;
      });
    },
    remove(id: string) {
      return deleteRecord<Meeting>(db, 'meetings', id);
    },
    /** The workplace's agenda and target length (supervisor settings). */
    setAgenda(workplaceId: string, agenda: readonly MeetingAgendaStep[], targetMinutes: number) {
      return updateRecord<Workplace>(db, 'workplaces', workplaceId, { meetingAgenda: agenda.map((s) => ({ ...s })), meetingTargetMinutes: targetMinutes });
    },
  };
}
