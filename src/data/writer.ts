/**
 * The single write path for synced records.
 *
 * `writeRecord` creates or patches one row and appends the matching outbox
 * op in the same IndexedDB transaction, stamping every changed field with the
 * next tick of the device's hybrid logical clock (persisted in `meta`, read
 * and written inside the same transaction, so two tabs never reuse a stamp).
 * Either the row and its op are both stored or neither is.
 *
 * A row has at most one op waiting in the outbox: a write to a row with
 * pending ops replaces them with one op carrying every pending field at its
 * current value, all stamped with the new tick (the row's stamps for those
 * fields move with it, so the row and the op agree). Ten taps on one row
 * while offline push as one op, not ten. Replacing is safe even while the
 * old op is on its way: its ack deletes nothing, and the new op, applied
 * after it, carries the same values.
 *
 * Repositories are the only callers; UI code never writes tables.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { formatHlc, initialClock, send, type HlcState } from '../sync/shared/hlc';
import { TOMBSTONE_FIELDS } from '../sync/shared/merge';
import type { TavlaDb } from './db';
import { newId, newNodeId } from './ids';
import type { OutboxOp, SyncedRow, SyncedTable } from '../domain/types';

export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('Storage is full');
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

export class StorageUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('Storage is unavailable');
    this.name = 'StorageUnavailableError';
    this.cause = cause;
  }
}

export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`${table}/${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}

/** Maps IndexedDB failures to errors the UI can explain. */
export function translateStorageError(err: unknown): unknown {
  const name = (err as { name?: string; inner?: { name?: string } })?.name;
  const inner = (err as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) {
    return new StorageFullError(err);
  }
  if (
    name === Dexie.errnames.MissingAPI ||
    name === Dexie.errnames.DatabaseClosed ||
    name === Dexie.errnames.InvalidState ||
    name === 'SecurityError' ||
    inner === 'SecurityError'
  ) {
    return new StorageUnavailableError(err);
  }
  return err;
}

const CLOCK_KEY = 'hlc';

/** Ticks the persisted clock. Must run inside a transaction that includes `meta`. */
export async function tickClock(db: TavlaDb, now: number): Promise<string> {
  const entry = await db.meta.get(CLOCK_KEY);
  const state = (entry?.value as HlcState | undefined) ?? initialClock(newNodeId());
  const next = send(state, now);
  await db.meta.put({ key: CLOCK_KEY, value: next });
  return formatHlc(next);
}

export async function readClock(db: TavlaDb): Promise<HlcState | undefined> {
  return (await db.meta.get(CLOCK_KEY))?.value as HlcState | undefined;
}

export async function saveClock(db: TavlaDb, state: HlcState): Promise<void> {
  await db.meta.put({ key: CLOCK_KEY, value: state });
}

/** A deleted row keeps only its identity: a delete is an erasure, as on the server (see merge.ts). */
function tombstone<T extends SyncedRow>(row: T): T {
  const out: Record<string, unknown> = {};
  const clock: Record<string, string> = {};
  for (const f of TOMBSTONE_FIELDS) {
    if (f in row) out[f] = (row as Record<string, unknown>)[f];
    const stamp = row._clock[f];
    if (stamp) clock[f] = stamp;
  }
  out._clock = clock;
  return out as T;
}

type Fields<T> = Partial<Omit<T, keyof SyncedRow>>;

export interface WriteOptions {
  /** the event's time; clamped to the device clock (db.stamp) */
  now?: number;
}

function table<T extends SyncedRow>(db: TavlaDb, name: SyncedTable): Table<T, string> {
  return db.table(name) as Table<T, string>;
}

/**
 * What a write changes on a row: the fields of `patch` that differ from
 * `existing` (all of them for a new row, which also gets createdAt and
 * deleted), plus updatedAt; null when it changes nothing or would revive a
 * tombstone. Identity (id, workplaceId) is never a stamped field: the op
 * carries it, as the server expects.
 */
function changedFields(existing: SyncedRow | undefined, patch: Record<string, unknown>, now: number): Record<string, unknown> | null {
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (existing && JSON.stringify((existing as unknown as Record<string, unknown>)[k]) === JSON.stringify(v)) continue;
    changed[k] = v;
  }
  if (existing && Object.keys(changed).length === 0) return null;
  if (existing?.deleted === 1 && changed.deleted !== 0) return null; // a tombstone stays dead
  if (!existing) {
    changed.createdAt = now;
    changed.deleted = changed.deleted ?? 0;
  }
  changed.updatedAt = now;
  delete changed.id;
  delete changed.workplaceId;
  return changed;
}

/** The stamped fields that a row's ops still waiting to be sent carry (they join the next op). */
function pendingFieldNames(pending: readonly OutboxOp[]): Set<string> {
  const names = new Set<string>();
  for (const o of pending) for (const k of Object.keys(o.fields)) if (k !== 'id' && k !== 'workplaceId') names.add(k);
  return names;
}

/** An op's fields: what this write wrote (an erasure's blanks included), else the row's current value. */
function opFields(names: Iterable<string>, changed: Record<string, unknown>, row: SyncedRow): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const k of names) {
    const v = Object.hasOwn(changed, k) ? changed[k] : (row as unknown as Record<string, unknown>)[k];
    if (v !== undefined) fields[k] = v; // (a tombstone has dropped the rest)
  }
  return fields;
}

/**
 * Inside an open rw transaction (over the table, `outbox` and `meta`):
 * creates the row if it does not exist, else patches the given fields.
 * Fields equal to the stored value are skipped; nothing changes → no op.
 */
async function writeInTx<T extends SyncedRow>(
  db: TavlaDb,
  name: SyncedTable,
  workplaceId: string,
  id: string,
  patch: Fields<T> & { deleted?: 0 | 1 },
  now: number,
): Promise<T> {
  const t = table<T>(db, name);
  const existing = await t.get(id);
  const changed = changedFields(existing, patch, now);
  if (!changed) return existing!;
  const hlc = await tickClock(db, now);
  // this row's ops still waiting to be sent: their fields join this op
  const pending = await db.outbox.where('[table+rowId]').equals([name, id]).filter((o) => o.workplaceId === workplaceId).toArray();
  const fieldNames = new Set([...Object.keys(changed), ...pendingFieldNames(pending)]);
  const clock = { ...(existing?._clock ?? {}) };
  for (const k of fieldNames) clock[k] = hlc;
  let row = { ...(existing ?? { id }), ...changed, workplaceId, _clock: clock } as T;
  if (row.deleted === 1) row = tombstone(row);
  await t.put(row);
  const op: OutboxOp = {
    opId: newId(),
    table: name,
    rowId: id,
    workplaceId,
    fields: opFields(fieldNames, changed, row),
    hlc,
    createdAt: pending[0]?.createdAt ?? now,
  };
  if (pending.length > 0) await db.outbox.bulkDelete(pending.map((o) => o.opId));
  await db.outbox.add(op);
  return row;
}

/** Runs `fn` in one rw transaction over the given tables plus outbox and meta. */
export async function inWriteTx<R>(
  db: TavlaDb,
  tables: (SyncedTable | 'blobs' | 'drafts' | 'settings')[],
  fn: (tx: Transaction) => Promise<R>,
): Promise<R> {
  try {
    return await db.transaction('rw', [...tables.map((n) => db.table(n)), db.outbox, db.meta], fn);
  } catch (err) {
    throw translateStorageError(err);
  }
}

/** Creates or patches one record (and its outbox op) atomically. */
export async function writeRecord<T extends SyncedRow>(
  db: TavlaDb,
  name: SyncedTable,
  workplaceId: string,
  id: string,
  patch: Fields<T> & { deleted?: 0 | 1 },
  opts: WriteOptions = {},
): Promise<T> {
  const now = db.stamp(opts.now);
  if (Dexie.currentTransaction) return writeInTx<T>(db, name, workplaceId, id, patch, now);
  return inWriteTx(db, [name], () => writeInTx<T>(db, name, workplaceId, id, patch, now));
}

/** Patches an existing record; throws RecordNotFoundError if it is missing. */
export async function updateRecord<T extends SyncedRow>(
  db: TavlaDb,
  name: SyncedTable,
  id: string,
  patch: Fields<T>,
  opts: WriteOptions = {},
): Promise<T> {
  const run = async () => {
    const existing = await table<T>(db, name).get(id);
    if (!existing || existing.deleted) throw new RecordNotFoundError(name, id);
    return writeInTx<T>(db, name, existing.workplaceId, id, patch, db.stamp(opts.now));
  };
  if (Dexie.currentTransaction) return run();
  return inWriteTx(db, [name], run);
}

/** Tombstones a record (and optionally blanks personal fields first). */
export async function deleteRecord<T extends SyncedRow>(
  db: TavlaDb,
  name: SyncedTable,
  id: string,
  scrub: Fields<T> = {},
  opts: WriteOptions = {},
): Promise<void> {
  const run = async () => {
    const existing = await table<T>(db, name).get(id);
    if (!existing || existing.deleted) return;
    await writeInTx<T>(db, name, existing.workplaceId, id, { ...scrub, deleted: 1 } as Fields<T> & { deleted: 1 }, db.stamp(opts.now));
  };
  if (Dexie.currentTransaction) return run();
  return inWriteTx(db, [name], run);
}

/** One write of a batch for `writeRecordsInBulk`: what `writeRecord(db, table, workplaceId, id, patch, { now })` takes. */
export interface BulkWrite {
  table: SyncedTable;
  workplaceId: string;
  id: string;
  patch: Record<string, unknown> & { deleted?: 0 | 1 };
  /** the event's time; clamped to the device clock (db.stamp) */
  now?: number;
}

/**
 * Many writes in one transaction, with the outcome of calling `writeRecord`
 * for each in turn — the same rows, field stamps and one coalesced outbox op
 * per row (a row written several times carries every pending field, stamped
 * with its last tick) — but with a handful of bulk requests instead of six
 * awaited requests per write: the rows and their pending ops are read once,
 * the clock is ticked in memory and saved once, and the rows and ops are put
 * in bulk. For writers of many rows at once (the demo). Returns the rows as
 * written, by `${table}/${id}`. `settings`: device settings (settingsRepo's
 * key → value) put in the same transaction, e.g. the demo's workplace as the
 * device's: the rows and the setting are stored together or not at all.
 */
export async function writeRecordsInBulk(db: TavlaDb, writes: readonly BulkWrite[], opts: { settings?: Record<string, unknown> } = {}): Promise<Map<string, SyncedRow>> {
  const tables: (SyncedTable | 'settings')[] = [...new Set(writes.map((w) => w.table))];
  const settings = Object.entries(opts.settings ?? {});
  if (settings.length) tables.push('settings');
  const key = (name: string, id: string) => `${name}/${id}`;
  return inWriteTx(db, tables, async () => {
    if (settings.length) await db.settings.bulkPut(settings.map(([k, value]) => ({ key: k, value })));
    const rows = new Map<string, SyncedRow>();
    const ids = new Map<SyncedTable, string[]>();
    for (const w of writes) {
      const list = ids.get(w.table) ?? [];
      if (!list.includes(w.id)) list.push(w.id);
      ids.set(w.table, list);
    }
    for (const [name, list] of ids) {
      const found = await table<SyncedRow>(db, name).bulkGet(list);
      found.forEach((row, i) => {
        if (row) rows.set(key(name, list[i]!), row);
      });
    }
    const pendingOps = await db.outbox
      .where('[table+rowId]')
      .anyOf([...ids].flatMap(([name, list]) => list.map((id) => [name, id])))
      .toArray();
    let clock = (await readClock(db)) ?? initialClock(newNodeId());
    /** per written row: the fields its op carries, its last tick and write, the first op's time */
    const ops = new Map<string, { name: SyncedTable; workplaceId: string; id: string; fields: Set<string>; hlc: string; changed: Record<string, unknown>; createdAt: number; stale: string[] }>();
    for (const w of writes) {
      const k = key(w.table, w.id);
      const now = db.stamp(w.now);
      const existing = rows.get(k);
      const changed = changedFields(existing, w.patch, now);
      if (!changed) continue;
      clock = send(clock, now);
      const hlc = formatHlc(clock);
      let op = ops.get(k);
      if (!op) {
        const pending = pendingOps.filter((o) => o.table === w.table && o.rowId === w.id && o.workplaceId === w.workplaceId);
        op = { name: w.table, workplaceId: w.workplaceId, id: w.id, fields: pendingFieldNames(pending), hlc, changed, createdAt: pending[0]?.createdAt ?? now, stale: pending.map((o) => o.opId) };
        ops.set(k, op);
      }
      for (const f of Object.keys(changed)) op.fields.add(f);
      op.hlc = hlc;
      op.changed = changed;
      const stamps = { ...(existing?._clock ?? {}) };
      for (const f of op.fields) stamps[f] = hlc;
      let row = { ...(existing ?? { id: w.id }), ...changed, workplaceId: w.workplaceId, _clock: stamps } as SyncedRow;
      if (row.deleted === 1) row = tombstone(row);
      rows.set(k, row);
    }
    if (ops.size === 0) return rows;
    const byTable = new Map<SyncedTable, SyncedRow[]>();
    const outbox: OutboxOp[] = [];
    for (const [k, op] of ops) {
      const row = rows.get(k)!;
      byTable.set(op.name, [...(byTable.get(op.name) ?? []), row]);
      outbox.push({ opId: newId(), table: op.name, rowId: op.id, workplaceId: op.workplaceId, fields: opFields(op.fields, op.changed, row), hlc: op.hlc, createdAt: op.createdAt });
    }
    for (const [name, list] of byTable) await table<SyncedRow>(db, name).bulkPut(list);
    const stale = [...ops.values()].flatMap((o) => o.stale);
    if (stale.length) await db.outbox.bulkDelete(stale);
    await db.outbox.bulkAdd(outbox);
    await saveClock(db, clock);
    return rows;
  });
}
