/**
 * The outbox ops of a restored workplace, made when they are sent rather
 * than when the backup is stored.
 *
 * A restored row must reach the server like any local write: one op per
 * distinct field stamp, carrying the fields written at that stamp
 * (`opsForRow`). A year of a busy workplace is ~21,000 such ops; putting them
 * all into the outbox during the restore cost IndexedDB about as much as the
 * rows themselves, and the tablet waited for them before showing the board.
 *
 * So a restore stores the rows and one `meta` entry, the restore queue: the
 * tables whose rows of that workplace are still to be sent, and the last row
 * id already turned into ops in the first of them. The sync engine, when the
 * outbox holds less than a push batch, calls `materializeRestoreOps`: in one
 * transaction it reads the next rows (in primary-key order), puts their ops
 * into the outbox and moves the queue on. From there they are ordinary outbox
 * ops (acked, retried, set aside on refusal exactly like every other op).
 *
 * The ops are made from the rows as they are then, not as they were in the
 * file: a row edited or erased on this tablet since the restore sends its
 * current fields at their current stamps (an erased person's name never
 * leaves), which is what eager ops merged with the later local ops would have
 * left on the server anyway (merge is per field by stamp).
 */
import type { Table } from 'dexie';
import type { TavlaDb } from './db';
import { newId } from './ids';
import type { OutboxOp, SyncedRow, SyncedTable } from '../domain/types';
import { SYNCED_TABLES } from '../domain/types';

/** The `meta` key of a workplace's restore queue. */
export const RESTORE_QUEUE_KEY = (workplaceId: string) => `restoreQueue:${workplaceId}`;
export const RESTORE_QUEUE_PREFIX = 'restoreQueue:';

/**
 * The `meta` key of a restore's attendance history not stored yet (data/repos/backup.ts, `finishRestore`):
 * the marks of the file dated before the day it was restored on, and the restore queue to put once they are in.
 */
export const RESTORE_PENDING_KEY = (workplaceId: string) => `restorePending:${workplaceId}`;
export const RESTORE_PENDING_PREFIX = 'restorePending:';

/** Workplaces whose restore still has its history to store (a page closed before it finished). */
export async function pendingRestores(db: TavlaDb): Promise<string[]> {
  const keys = await db.meta.where('key').startsWith(RESTORE_PENDING_PREFIX).primaryKeys();
  return keys.map((k) => k.slice(RESTORE_PENDING_PREFIX.length));
}

export interface RestoreQueue {
  /** tables with rows of the workplace still to be sent, in this order */
  tables: SyncedTable[];
  /** the last row id of `tables[0]` already in the outbox (null: none yet) */
  after: string | null;
  /** rows not yet turned into ops (for "changes waiting") */
  remaining: number;
}

/**
 * The outbox ops that rebuild a row elsewhere: one per distinct field stamp,
 * with the fields written at that stamp. Unstamped fields (identity) travel
 * in the op itself.
 */
export function opsForRow(table: SyncedTable, row: SyncedRow, now: number): OutboxOp[] {
  const byStamp = new Map<string, Record<string, unknown>>();
  const r = row as unknown as Record<string, unknown>;
  for (const [field, stamp] of Object.entries(row._clock ?? {})) {
    if (field === 'id' || field === 'workplaceId' || !(field in r)) continue;
    let fields = byStamp.get(stamp);
    if (!fields) byStamp.set(stamp, (fields = {}));
    fields[field] = r[field];
  }
  return [...byStamp.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([hlc, fields]) => ({ opId: newId(), table, rowId: row.id, workplaceId: row.workplaceId, fields, hlc, createdAt: now }));
}

export async function readRestoreQueue(db: TavlaDb, workplaceId: string): Promise<RestoreQueue | undefined> {
  return (await db.meta.get(RESTORE_QUEUE_KEY(workplaceId)))?.value as RestoreQueue | undefined;
}

/** Rows of the workplace still waiting to become ops (0: none). */
export async function restoreQueueSize(db: TavlaDb, workplaceId: string): Promise<number> {
  return (await readRestoreQueue(db, workplaceId))?.remaining ?? 0;
}

/**
 * Puts the ops of the next restored rows into the outbox, at least `minOps`
 * of them unless the queue runs out, in one transaction with moving the queue
 * on. Returns how many ops it added; 0 only when nothing is queued any more
 * (`minOps` ≥ 1).
 */
export async function materializeRestoreOps(db: TavlaDb, workplaceId: string, minOps: number, now = db.now()): Promise<number> {
  const key = RESTORE_QUEUE_KEY(workplaceId);
  return db.transaction('rw', [...SYNCED_TABLES.map((n) => db.table(n)), db.outbox, db.meta], async () => {
    const queue = (await db.meta.get(key))?.value as RestoreQueue | undefined;
    if (!queue) return 0;
    const tables = [...queue.tables];
    let after = queue.after;
    let remaining = queue.remaining;
    const ops: OutboxOp[] = [];
    while (tables.length > 0 && ops.length < minOps) {
      const name = tables[0]!;
      const t = db.table(name) as Table<SyncedRow, string>;
      const take = Math.max(1, minOps - ops.length);
      // along the primary key: every row of this table, once, whatever was written since
      const range = after === null ? t.toCollection() : t.where(':id').above(after);
      const rows = await range
        .filter((r) => r.workplaceId === workplaceId)
        .limit(take)
        .toArray();
      for (const row of rows) ops.push(...opsForRow(name, row, now));
      remaining = Math.max(0, remaining - rows.length);
      if (rows.length < take) {
        tables.shift();
        after = null;
      } else {
        after = rows[rows.length - 1]!.id;
      }
    }
    if (ops.length > 0) await db.outbox.bulkAdd(ops);
    if (tables.length === 0) await db.meta.delete(key);
    else await db.meta.put({ key, value: { tables, after, remaining } satisfies RestoreQueue });
    return ops.length;
  });
}

/** Restored rows waiting to become ops, over every workplace on the device (for the sync runner's trigger). */
export async function restoredRowsWaiting(db: TavlaDb): Promise<number> {
  const queues = await db.meta.where('key').startsWith(RESTORE_QUEUE_PREFIX).toArray();
  return queues.reduce((n, e) => n + ((e.value as RestoreQueue).remaining ?? 0), 0);
}
