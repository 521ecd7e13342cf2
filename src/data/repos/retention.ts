/**
 * The tablet's side of data retention: the workplace's setting, and the
 * sweep that anonymises records older than the cut-off (what that means per
 * record: src/domain/retention.ts).
 *
 * The sweep only uses the normal writers (writeRecord / updateRecord /
 * deleteRecord, and personsRepo.erase), so every change is an outbox op and
 * reaches the server and the other tablets like any edit. It works in chunks
 * of CHUNK rows, each chunk one transaction that reads its candidates and
 * writes their replacements, so two tabs sweeping at once never plan the
 * same anonymous id twice, and an interrupted sweep resumes where it stopped.
 * Each chunk starts after the last row of the one before (a cursor on the
 * date index), so rows already swept are not read again: the sweep reads
 * each old row about once, not once per chunk.
 * Running it again changes nothing (it only picks rows that still hold
 * personal data).
 */
import Dexie from 'dexie';
import {
  anonymisePatch,
  DATED_TABLES,
  isExpiredPerson,
  isPersonalMark,
  isValidRetentionMonths,
  planAttendance,
  retentionCutoff,
  retentionCutoffMs,
  retentionMonthsOf,
  type DatedTable,
} from '../../domain/retention';
import type { TavlaDb } from '../db';
import type { AttendanceMark, Iso, SyncedRow, VoiceClip, Workplace } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { referencedBlobs, rowsOfWorkplace } from './backup';
import { personsRepo } from './persons';
import { liveRows } from '../../domain/rows';

const CHUNK = 500;

/** Where the last chunk of a sweep stopped: its last row in index order. */
interface Cursor {
  date: Iso;
  id: string;
}

export interface SweepResult {
  /** the first day kept */
  cutoff: Iso;
  /** rows anonymised per kind (marks: old marks replaced by anonymous ones) */
  counts: Record<DatedTable | 'persons' | 'photos', number>;
}

const emptyCounts = (): SweepResult['counts'] => ({
  attendance: 0,
  deviations: 0,
  improvements: 0,
  goalProgress: 0,
  tasks: 0,
  meetings: 0,
  followUps: 0,
  persons: 0,
  photos: 0,
});

export function retentionRepo(db: TavlaDb) {
  const persons = personsRepo(db);
  /** Rows dated before the cut-off, in index order (date, then id), after `cursor`. */
  const olderThan = (table: DatedTable, workplaceId: string, cutoff: Iso, cursor: Cursor | null) =>
    db
      .table(table)
      .where('[workplaceId+date]')
      .between([workplaceId, cursor ? cursor.date : Dexie.minKey], [workplaceId, cutoff], true, false)
      .filter((r: { date: Iso; id: string }) => !cursor || r.date > cursor.date || r.id > cursor.id);
  const cursorAt = (rows: readonly { date: Iso; id: string }[]): Cursor | null => {
    const last = rows.at(-1);
    return last ? { date: last.date, id: last.id } : null;
  };

  async function sweepAttendance(workplaceId: string, cutoff: Iso, now: number): Promise<number> {
    let total = 0;
    let cursor: Cursor | null = null;
    for (;;) {
      const n = await inWriteTx(db, ['attendance'], async () => {
        const marks = (await olderThan('attendance', workplaceId, cutoff, cursor)
          .and((m: AttendanceMark) => isPersonalMark(m))
          .limit(CHUNK)
          .toArray()) as AttendanceMark[];
        if (marks.length === 0) return 0;
        cursor = cursorAt(marks);
        const taken = new Set<string>();
        for (const date of new Set(marks.map((m) => m.date))) {
          for (const key of await db.attendance.where('[workplaceId+date]').equals([workplaceId, date]).primaryKeys()) taken.add(key);
        }
        const plan = planAttendance(workplaceId, marks, taken);
        for (const id of plan.remove) await deleteRecord<AttendanceMark>(db, 'attendance', id, {}, { now });
        for (const c of plan.create) await writeRecord<AttendanceMark>(db, 'attendance', workplaceId, c.id, c.fields, { now });
        return marks.length;
      });
      if (n === 0) return total;
      total += n;
    }
  }

  async function sweepTable(table: Exclude<DatedTable, 'attendance'>, workplaceId: string, cutoff: Iso, now: number, photos: Set<string>): Promise<number> {
    let total = 0;
    let cursor: Cursor | null = null;
    for (;;) {
      const n = await inWriteTx(db, [table], async () => {
        const rows = (await olderThan(table, workplaceId, cutoff, cursor)
          .and((r: SyncedRow) => r.deleted !== 1 && anonymisePatch(table, r as unknown as Record<string, unknown>) !== null)
          .limit(CHUNK)
          .toArray()) as (SyncedRow & { date: Iso } & Record<string, unknown>)[];
        cursor = cursorAt(rows) ?? cursor;
        for (const row of rows) {
          const patch = anonymisePatch(table, row)!;
          if ('photo' in patch && typeof row.photo === 'string') photos.add(row.photo);
          await updateRecord(db, table, row.id, patch, { now });
        }
        return rows.length;
      });
      if (n === 0) return total;
      total += n;
    }
  }

  /** Erases people who left before the cut-off, and the recordings of their names. */
  async function sweepPersons(workplaceId: string, cutoffMs: number, now: number): Promise<number> {
    const expired = (await db.persons.where('workplaceId').equals(workplaceId).toArray()).filter((p) => isExpiredPerson(p, cutoffMs));
    for (const p of expired) {
      await persons.erase(p.id);
      const clips = liveRows(await db.voiceClips.where('[workplaceId+key]').equals([workplaceId, `person:${p.id}`]).toArray());
      for (const c of clips) await deleteRecord<VoiceClip>(db, 'voiceClips', c.id, {}, { now });
    }
    return expired.length;
  }

  /** Deletes blanked photos from this device unless a live record still shows them. */
  async function dropUnusedPhotos(workplaceId: string, photos: Set<string>): Promise<number> {
    if (photos.size === 0) return 0;
    return inWriteTx(db, ['deviations', 'improvements', 'persons', 'pictograms', 'voiceClips', 'blobs'], async () => {
      const tables = {
        deviations: await rowsOfWorkplace(db, 'deviations', workplaceId).toArray(),
        improvements: await rowsOfWorkplace(db, 'improvements', workplaceId).toArray(),
        persons: await rowsOfWorkplace(db, 'persons', workplaceId).toArray(),
        pictograms: await rowsOfWorkplace(db, 'pictograms', workplaceId).toArray(),
        voiceClips: await rowsOfWorkplace(db, 'voiceClips', workplaceId).toArray(),
      };
      const used = referencedBlobs(tables);
      const unused = [...photos].filter((h) => !used.has(h));
      await db.blobs.bulkDelete(unused);
      return unused.length;
    });
  }

  return {
    /** Sets how many months personal data is kept (whole months, 1–120). */
    setMonths(workplaceId: string, months: number): Promise<Workplace> {
      if (!isValidRetentionMonths(months)) throw new RangeError(`Not a retention period: ${months}`);
      return updateRecord<Workplace>(db, 'workplaces', workplaceId, { retentionMonths: months });
    },

    /** Anonymises everything of the workplace older than its retention period, as of `today`. */
    async sweep(workplaceId: string, today: Iso, at = db.now()): Promise<SweepResult> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      const counts = emptyCounts();
      const wp = await db.workplaces.get(workplaceId);
      const cutoff = retentionCutoff(today, retentionMonthsOf(wp));
      if (!wp || wp.deleted) return { cutoff, counts };
      const photos = new Set<string>();
      for (const table of DATED_TABLES) {
        counts[table] = table === 'attendance' ? await sweepAttendance(workplaceId, cutoff, now) : await sweepTable(table, workplaceId, cutoff, now, photos);
      }
      counts.persons = await sweepPersons(workplaceId, retentionCutoffMs(cutoff), now);
      counts.photos = await dropUnusedPhotos(workplaceId, photos);
      return { cutoff, counts };
    },
  };
}
