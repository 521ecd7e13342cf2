/**
 * Backup and move: a workplace's whole data as one snapshot, and writing a
 * snapshot back (on this or another device). The file format is
 * src/backup/archive.ts; this repository only reads and writes IndexedDB.
 *
 * What a snapshot holds: every row of every synced table of the workplace as
 * stored, tombstones included (a deleted record must stay deleted on the new
 * device and on the server, not come back), and every blob those rows refer
 * to (photos, custom pictograms, voice clips). Blobs a row refers to that this
 * device never downloaded are listed as `missingBlobs` (the server has them).
 *
 * Restoring is all or nothing: one Dexie transaction over every synced table,
 * `blobs`, `outbox`, `meta` and the attendance aggregates. Nothing in it
 * awaits anything but IndexedDB, so the transaction cannot commit half-way;
 * the caller validates and hashes everything before. A workplace that already
 * exists on the device is only replaced when the caller asks for it (the UI
 * offers replace or cancel); otherwise WorkplaceExistsError is thrown before
 * anything is written. A row whose id another workplace on this device
 * already uses is never overwritten: ForeignRowError, nothing written.
 *
 * It is built for a year of a busy workplace (12,000 marks, 200 photos) on a
 * cheap tablet: every table and the blobs go in with one bulk write each,
 * and the attendance aggregates (data/attendanceDaily.ts) are not kept mark
 * by mark but counted once from the snapshot and put in the same
 * transaction (`countsRebuiltBy`).
 *
 * The board first, the history after (`historyBefore`, what the restore screen asks for): the attendance
 * marks are most of a year's rows and most of the database's work (an index entry per mark and index), so
 * a restore can leave the marks dated before that day out of its transaction and keep them in it as one
 * `meta` entry instead (RESTORE_PENDING_KEY, one value, not 12,000 rows), the restore queue with them.
 * Everything else is stored as above — today's marks, and the attendance counts of the whole file, so
 * trends and reports are whole from the start — and the board can be shown. `finishRestore` then stores
 * the marks, puts the restore queue and drops the entry in one transaction; the restore screen calls it
 * once the board is on screen, and the next start does (shell/start.tsx) if the page closed first. So the
 * device never keeps a workplace with part of its history and nothing to finish it, and nothing of the
 * file is sent before all of it is stored. A mark written or pulled in between is never overwritten:
 * merged field by field with the file's (as sync would), and the counts recounted.
 *
 * Sync semantics of an import: rows are stored exactly as in the file (same
 * field stamps), and each row is to reach the server as one op per distinct
 * stamp carrying the fields written at that stamp. Those ops are not written
 * here: the restore stores a restore queue (data/restoreQueue.ts) and the
 * sync engine turns the rows into outbox ops batch by batch as it pushes
 * them (about as many ops as rows: writing them all here took as long as
 * writing the rows). Pushed to a server, those ops
 * rebuild the rows on a server that never saw the workplace, and change
 * nothing where the server already has the same or newer writes (merge is
 * per field by stamp, so an old backup never overwrites newer edits). The
 * device clock is advanced past the newest stamp, so later edits win.
 * Replacing also forgets the pull cursor, so the next sync pulls everything
 * again and merges the server's newer edits back in.
 */
import { blobRefs } from '../../sync/shared/blobRefs';
import Dexie, { type Collection, type Table } from 'dexie';
import { initialClock, recv } from '../../sync/shared/hlc';
import type { TavlaDb } from '../db';
import { newNodeId } from '../ids';
import type { BlobRecord, Iso, SyncedRow, SyncedTable } from '../../domain/types';
import { RESTORE_PENDING_KEY, RESTORE_QUEUE_KEY, type RestoreQueue } from '../restoreQueue';
import { mergeRows, type MergeableRow } from '../../sync/shared/merge';
import { SYNCED_TABLES } from '../../domain/types';
import { readClock, saveClock, translateStorageError } from '../writer';
import { countsRebuiltBy } from '../attendanceDaily';
import { countMarks } from '../../domain/dailyCounts';
import { countMonths } from '../../domain/monthlyCounts';

export interface SnapshotBlob {
  hash: string;
  type: string;
  size: number;
  createdAt: number;
  data: Blob;
}

export interface WorkplaceSnapshot {
  workplaceId: string;
  tables: Record<SyncedTable, SyncedRow[]>;
  blobs: SnapshotBlob[];
  /** hashes rows refer to that were not on the exporting device */
  missingBlobs: string[];
}

/** A row of the file has the id of a row of another workplace on this device (a hand-made file): nothing is restored. */
export class ForeignRowError extends Error {
  constructor(
    readonly table: SyncedTable,
    readonly rowId: string,
  ) {
    super(`${table}/${rowId} belongs to another workplace on this device`);
    this.name = 'ForeignRowError';
  }
}

export class WorkplaceExistsError extends Error {
  constructor(readonly workplaceId: string) {
    super(`Workplace ${workplaceId} is already on this device`);
    this.name = 'WorkplaceExistsError';
  }
}

/** How each table finds one workplace's rows through its indexes (no full scans). */
const BY_WORKPLACE: Record<SyncedTable, 'id' | 'workplaceId' | '[workplaceId+date]' | '[workplaceId+status]'> = {
  workplaces: 'id',
  persons: 'workplaceId',
  attendance: '[workplaceId+date]',
  goals: 'workplaceId',
  goalProgress: '[workplaceId+date]',
  workAreas: 'workplaceId',
  recurringTasks: 'workplaceId',
  tasks: '[workplaceId+date]',
  deviations: '[workplaceId+date]',
  improvements: '[workplaceId+date]',
  pictograms: 'workplaceId',
  meetings: '[workplaceId+date]',
  voiceClips: 'workplaceId',
  planGoals: 'workplaceId',
  followUps: '[workplaceId+date]',
  skills: 'workplaceId',
  surveyAnswers: 'workplaceId',
};

/** Every row (tombstones included) of one workplace in one table. */
export function rowsOfWorkplace(db: TavlaDb, table: SyncedTable, workplaceId: string): Collection<SyncedRow, string> {
  const t = db.table(table) as Table<SyncedRow, string>;
  const index = BY_WORKPLACE[table];
  if (index === 'id' || index === 'workplaceId') return t.where(index).equals(workplaceId);
  return t.where(index).between([workplaceId, Dexie.minKey], [workplaceId, Dexie.maxKey], true, true);
}


/** The blob hashes live rows of a snapshot refer to. */
export function referencedBlobs(tables: Partial<Record<SyncedTable, readonly SyncedRow[]>>): Set<string> {
  const refs = new Set<string>();
  for (const name of SYNCED_TABLES) {
    for (const row of tables[name] ?? []) {
      if (row.deleted === 1) continue;
      for (const h of blobRefs(name, row as unknown as Record<string, unknown>)) refs.add(h);
    }
  }
  return refs;
}

/** A workplace's daily and monthly attendance counts, from all its marks. */
function countWorkplace(marks: readonly SyncedRow[]) {
  const rows = marks as unknown as Parameters<typeof countMarks>[0] & Parameters<typeof countMonths>[0];
  return { days: [...countMarks(rows).values()], months: [...countMonths(rows).values()] };
}

/** The newest field stamp of any row ('' if none). */
function newestStamp(tables: Partial<Record<SyncedTable, readonly SyncedRow[]>>): string {
  let newest = '';
  for (const name of SYNCED_TABLES) for (const row of tables[name] ?? []) for (const s of Object.values(row._clock ?? {})) if (s > newest) newest = s;
  return newest;
}

/** The pull cursor key of the sync engine (src/sync/engine.ts). */
const cursorKey = (workplaceId: string) => `syncCursor:${workplaceId}`;

export interface RestoreResult {
  rows: number;
  blobs: number;
  /** the attendance history is still to be stored: call `finishRestore` (the next start does, if the page closes) */
  pending: boolean;
}

/** What a restore left to store (RESTORE_PENDING_KEY): the file's earlier marks, and the restore queue of the whole file. */
export interface RestorePending {
  marks: SyncedRow[];
  queue: RestoreQueue | null;
}

export function backupRepo(db: TavlaDb) {
  const allTables = () => [...SYNCED_TABLES.map((n) => db.table(n)), db.blobs, db.outbox, db.meta];
  /** Inside the restore's transaction: replaces the workplace's daily and monthly attendance counts with `counted`. */
  const putCounts = async (workplaceId: string, counted: ReturnType<typeof countWorkplace>) => {
    const range = [[workplaceId, Dexie.minKey], [workplaceId, Dexie.maxKey]] as const;
    await Promise.all([
      db.attendanceDaily.where('[workplaceId+date]').between(...range, true, true).delete(),
      db.attendanceMonthly.where('[workplaceId+month]').between(...range, true, true).delete(),
    ]);
    await Promise.all([
      counted.days.length > 0 && db.attendanceDaily.bulkPut(counted.days),
      counted.months.length > 0 && db.attendanceMonthly.bulkPut(counted.months),
    ]);
  };
  /** Inside the restore's transaction: throws ForeignRowError if a row of `list` has the id of another workplace's row. */
  const refuseForeignRows = async (id: string, name: SyncedTable, list: readonly SyncedRow[]): Promise<void> => {
    const t = db.table(name) as Table<SyncedRow, string>;
    // rows of other workplaces share the key space: never overwrite one (cheap on a device with one workplace)
    const [all, mineCount] = await Promise.all([t.count(), rowsOfWorkplace(db, name, id).count()]);
    if (all <= mineCount) return;
    const mine = new Set(await rowsOfWorkplace(db, name, id).primaryKeys());
    const keys = new Set(await t.toCollection().primaryKeys());
    // (a tombstone has no date: the dated indexes miss it, so look at the row itself)
    const maybe = list.filter((r) => keys.has(r.id) && !mine.has(r.id)).map((r) => r.id);
    const foreign = (await t.bulkGet(maybe)).find((r) => r && r.workplaceId !== id);
    if (foreign) throw new ForeignRowError(name, foreign.id);
  };
  return {
    /** Whether any row of the workplace (even its tombstone) is on this device. */
    async exists(workplaceId: string): Promise<boolean> {
      return (await db.workplaces.get(workplaceId)) !== undefined;
    },

    /** Reads the workplace's rows and blobs in one consistent read transaction. */
    async collect(workplaceId: string): Promise<WorkplaceSnapshot> {
      return db.transaction('r', [...SYNCED_TABLES.map((n) => db.table(n)), db.blobs], async () => {
        const tables = {} as Record<SyncedTable, SyncedRow[]>;
        for (const name of SYNCED_TABLES) tables[name] = await rowsOfWorkplace(db, name, workplaceId).toArray();
        const hashes = [...referencedBlobs(tables)].sort();
        const records = await db.blobs.bulkGet(hashes);
        const blobs: SnapshotBlob[] = [];
        const missingBlobs: string[] = [];
        records.forEach((rec, i) => {
          if (rec) blobs.push({ hash: rec.hash, type: rec.type, size: rec.size, createdAt: rec.createdAt, data: rec.data });
          else missingBlobs.push(hashes[i]!);
        });
        return { workplaceId, tables, blobs, missingBlobs };
      });
    },

    /**
     * Writes a validated snapshot in one transaction. `replace` first removes
     * everything of that workplace on this device (rows, blobs, unsent ops).
     */
    async restore(snapshot: WorkplaceSnapshot, opts: { replace?: boolean; historyBefore?: Iso } = {}): Promise<RestoreResult> {
      const id = snapshot.workplaceId;
      const now = db.now();
      const lists = SYNCED_TABLES.map((name) => [name, snapshot.tables[name] ?? []] as const).filter(([, list]) => list.length > 0);
      const queued = lists.map(([name]) => name);
      const rows = lists.reduce((n, [, list]) => n + list.length, 0);
      const queue: RestoreQueue = { tables: queued, after: null, remaining: rows };
      const blobRecords: BlobRecord[] = snapshot.blobs.map((b) => ({
        hash: b.hash,
        workplaceId: id,
        type: b.type,
        size: b.size,
        data: b.data,
        createdAt: b.createdAt,
        uploaded: 0,
      }));
      let pending = false;
      try {
        await db.transaction('rw', [...allTables(), db.attendanceDaily, db.attendanceMonthly], async (tx) => {
          // the aggregates of this workplace are counted once below, not mark by mark
          countsRebuiltBy(tx);
          if (await db.workplaces.get(id)) {
            if (!opts.replace) throw new WorkplaceExistsError(id);
            for (const name of SYNCED_TABLES) await rowsOfWorkplace(db, name, id).delete();
            await db.blobs.where('workplaceId').equals(id).delete();
            await db.outbox.where('workplaceId').equals(id).delete();
            await db.meta.delete(cursorKey(id));
          }
          // First every read the writes depend on, all in flight at once (a few small requests on a
          // device with one workplace); then every write at once. IndexedDB runs a transaction's
          // requests in the order they were made, so the database stores one table while this page
          // is still handing it the next, and never waits for this page between tables. (What is
          // left is the database's own work per row: a year of rows takes about as long as the
          // same puts made directly on IndexedDB, without Dexie.)
          const [marksHere, present] = await Promise.all([
            // marks of this workplace still here (left by a partly erased workplace): counted with the file's
            rowsOfWorkplace(db, 'attendance', id)
              .count()
              .then((n) => n > 0),
            // a blob is content-addressed: if another workplace already stored the same bytes, keep that record
            db.blobs
              .where('hash')
              .anyOf(blobRecords.map((b) => b.hash))
              .primaryKeys()
              .then((keys) => new Set(keys)),
            ...lists.map(([name, list]) => refuseForeignRows(id, name, list)),
          ]);
          const fresh = blobRecords.filter((b) => !present.has(b.hash));
          // The history of attendance (most of a year's rows) waits for finishRestore when the caller asks for it
          // (see the header) — not when marks of this workplace are still here: those are counted from the table.
          const history = opts.historyBefore;
          const isHistory = (m: SyncedRow) => {
            const date = (m as { date?: unknown }).date;
            return !(typeof date === 'string' && date >= history!);
          };
          const deferred: SyncedRow[] = [];
          const kept: SyncedRow[] = [];
          if (history && !marksHere) for (const m of snapshot.tables.attendance ?? []) (isHistory(m) ? deferred : kept).push(m);
          pending = deferred.length > 0;
          const stored = (name: SyncedTable, list: readonly SyncedRow[]) => (pending && name === 'attendance' ? kept : list);
          const writes: Promise<unknown>[] = lists.map(([name, list]) => (db.table(name) as Table<SyncedRow, string>).bulkPut(stored(name, list)));
          if (fresh.length > 0) writes.push(db.blobs.bulkPut(fresh));
          // the rows' ops are made as they are pushed (see the header); with history pending, the queue waits for it
          if (pending) {
            const rest: RestorePending = { marks: deferred, queue: queued.length > 0 ? queue : null };
            writes.push(db.meta.put({ key: RESTORE_PENDING_KEY(id), value: rest }), db.meta.delete(RESTORE_QUEUE_KEY(id)));
          } else {
            writes.push(db.meta.delete(RESTORE_PENDING_KEY(id)));
            writes.push(queued.length > 0 ? db.meta.put({ key: RESTORE_QUEUE_KEY(id), value: queue }) : db.meta.delete(RESTORE_QUEUE_KEY(id)));
          }
          // While the database stores all that: what is counted from the rows (no awaits in between,
          // so nothing else runs in this transaction), then the writes it gives.
          const maxStamp = newestStamp(snapshot.tables);
          if (maxStamp) writes.push(readClock(db).then((state) => saveClock(db, recv(state ?? initialClock(newNodeId()), maxStamp, now))));
          // the workplace's aggregates, when its marks are the file's (the usual case)
          if (!marksHere) writes.push(putCounts(id, countWorkplace(snapshot.tables.attendance ?? [])));
          await Promise.all(writes);
          if (marksHere) await putCounts(id, countWorkplace(await rowsOfWorkplace(db, 'attendance', id).toArray()));
        });
      } catch (err) {
        throw translateStorageError(err);
      }
      return { rows, blobs: blobRecords.length, pending };
    },

    /**
     * Stores the attendance history a restore left pending (see the header), in one transaction with
     * its restore queue and the end of the pending entry. Gives false when nothing was pending (already
     * finished, or the workplace was erased meanwhile: then the entry just goes).
     */
    async finishRestore(workplaceId: string): Promise<boolean> {
      const key = RESTORE_PENDING_KEY(workplaceId);
      try {
        return await db.transaction('rw', [db.workplaces, db.attendance, db.attendanceDaily, db.attendanceMonthly, db.meta], async (tx) => {
          // the restore counted these marks already; a mark written here meanwhile is recounted below
          countsRebuiltBy(tx);
          const [entry, workplace] = await Promise.all([db.meta.get(key), db.workplaces.get(workplaceId)]);
          const rest = entry?.value as RestorePending | undefined;
          if (!rest) return false;
          if (!workplace) {
            await db.meta.delete(key);
            return false;
          }
          // Added, never put: a mark this tablet wrote or pulled since the restore (an edit, a tombstone) is
          // not overwritten but merged with the file's, field by field, as sync would.
          const taken: SyncedRow[] = [];
          await Promise.all([
            (db.attendance as unknown as Table<SyncedRow, string>).bulkAdd(rest.marks).catch((err: unknown) => {
              if (!(err instanceof Dexie.BulkError)) throw err;
              for (const [pos, e] of Object.entries(err.failuresByPos)) {
                if (e.name !== 'ConstraintError') throw e;
                taken.push(rest.marks[Number(pos)]!);
              }
            }),
            db.meta.delete(key),
            rest.queue ? db.meta.put({ key: RESTORE_QUEUE_KEY(workplaceId), value: rest.queue }) : undefined,
          ]);
          if (taken.length > 0) {
            const t = db.attendance as unknown as Table<MergeableRow, string>;
            const here = await t.bulkGet(taken.map((m) => m.id));
            await t.bulkPut(taken.map((m, i) => (here[i] ? mergeRows(here[i], m as MergeableRow) : (m as MergeableRow))));
            await putCounts(workplaceId, countWorkplace(await rowsOfWorkplace(db, 'attendance', workplaceId).toArray()));
          }
          return true;
        });
      } catch (err) {
        throw translateStorageError(err);
      }
    },
  };
}
