/**
 * The record store: every synced row of a workplace, merged on the server
 * with the same `applyOp` the tablets use.
 *
 * A push runs in one transaction:
 *   1. lock the workplace's counter row (SELECT … FOR UPDATE), so pushes to
 *      one workplace take turns and their sequence numbers commit in order
 *      (with a lock timeout: a push that waits too long answers a retryable
 *      503 instead of holding a pooled connection);
 *   2. drop ops whose id is already in applied_ops (a retry changes nothing);
 *   3. load the rows the ops touch, apply the ops, keep the rows that changed;
 *   4. advance the counter by that many (UPDATE … RETURNING), give each
 *      changed row the next number as its `seq`, and record the last number
 *      under a fresh random epoch (seq_epochs, see below);
 *   5. upsert the rows and their blob references, record the op ids, erase
 *      orphaned photos of deleted persons, and NOTIFY `tavla_changes`
 *      (delivered only on commit).
 * A crash anywhere before COMMIT leaves nothing behind; the client retries
 * the same ops and they apply exactly once.
 *
 * A pull reads rows with seq > cursor in seq order. Because numbers are
 * handed out under the counter lock and committed in that order, a reader
 * never sees seq N+1 before N has committed, so the cursor never skips a row.
 *
 * Epochs: a cursor is the pair (seq, epoch of the push that handed out seq).
 * A database restored to an older state hands the same numbers out again,
 * to other rows, under new random epochs; a tablet's old pair then no longer
 * matches (or points past the counter), and its pull starts again from 0
 * (`reset`) instead of skipping the rows that reused its numbers.
 *
 * A pull page is bounded by rows and by bytes (PULL_MAX_BYTES), measured in
 * the database so an oversized page never reaches this process.
 */
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { blobRefs } from '../../../sync/shared/blobRefs';
import type { OutboxOp, SyncedTable } from '../../../domain/types';
import { applyOp, type MergeableRow } from '../../../sync/shared/merge';
import type { PulledRow } from '../../../sync/shared/protocol';
import { CHANGES_CHANNEL } from '../../changes';
import type { Queryable } from '../../db/db';
import { busy, forbidden, tooLarge } from '../../errors';
import { LOCK_TIMEOUT_MS, MAX_ROW_BYTES, PULL_MAX_BYTES } from '../../limits';

const HASH_RE = /^[0-9a-f]{64}$/;

interface StoredRow {
  tbl: string;
  id: string;
  data: Record<string, unknown>;
  clock: Record<string, string>;
}

const keyOf = (tbl: string, id: string) => `${tbl}\u0000${id}`;

function toRow(r: StoredRow): MergeableRow {
  return { ...r.data, _clock: r.clock } as MergeableRow;
}

/** Photo hashes a person row or op refers to (its avatar, when it is a photo). */
function personPhotos(fields: Record<string, unknown> | undefined): string[] {
  const avatar = fields?.avatar as { kind?: unknown; ref?: unknown } | null | undefined;
  if (avatar && avatar.kind === 'photo' && typeof avatar.ref === 'string' && HASH_RE.test(avatar.ref)) return [avatar.ref];
  return [];
}

/** A cursor as the client holds it: a sequence number and the epoch of the push that handed it out. */
export interface Cursor {
  cursor: number;
  epoch: string;
}

const newEpoch = () => randomBytes(8).toString('hex');

/**
 * The epoch of the push that handed out `seq` ('' for 0), or null when no
 * push did (the number lies past the workplace's counter).
 */
export async function epochOf(db: Queryable, workplaceId: string, seq: number): Promise<string | null> {
  if (seq === 0) return '';
  const { rows } = await db.query<{ epoch: string }>(
    'select epoch from seq_epochs where workplace_id = $1 and last_seq >= $2 order by last_seq limit 1',
    [workplaceId, seq],
  );
  return rows[0]?.epoch ?? null;
}

/**
 * Takes the workplace's counter row lock for this transaction and returns the
 * counter (undefined for an unknown workplace). Waits at most LOCK_TIMEOUT_MS
 * (then a retryable 503), so a long holder cannot pin pooled connections.
 */
export async function lockWorkplace(tx: Queryable, workplaceId: string): Promise<number | undefined> {
  await tx.query(`set local lock_timeout = '${LOCK_TIMEOUT_MS}ms'`);
  try {
    const { rows } = await tx.query<{ seq: number }>('select seq from workplace_counters where workplace_id = $1 for update', [workplaceId]);
    return rows[0]?.seq;
  } catch (err) {
    if ((err as { code?: unknown }).code === '55P03') throw busy(); // lock_not_available
    throw err;
  }
}

export interface PushResult extends Cursor {
  /** the counter before this push */
  from: number;
  /** `since` was valid and equal to `from`: this push's rows are all that is new to the device */
  caughtUp: boolean;
  changed: number;
  erasedBlobs: string[];
}

export async function pushOps(tx: Queryable, workplaceId: string, ops: OutboxOp[], now: number, since?: Cursor): Promise<PushResult> {
  // 1. the per-workplace lock
  const locked = await lockWorkplace(tx, workplaceId);
  if (locked === undefined) throw forbidden('Unknown workplace');
  const from = locked;
  let cursor = from;
  const sinceValid = since !== undefined && since.cursor === from && (await epochOf(tx, workplaceId, since.cursor)) === since.epoch;

  // 2. skip ops applied before (and repeats inside this batch)
  const unique = new Map<string, OutboxOp>();
  for (const op of ops) if (!unique.has(op.opId)) unique.set(op.opId, op);
  const seen = await tx.query<{ op_id: string }>('select op_id from applied_ops where workplace_id = $1 and op_id = any($2::text[])', [
    workplaceId,
    [...unique.keys()],
  ]);
  for (const r of seen.rows) unique.delete(r.op_id);
  const fresh = [...unique.values()];
  const unchanged = async (): Promise<PushResult> => ({
    cursor,
    epoch: sinceValid ? since.epoch : ((await epochOf(tx, workplaceId, cursor)) ?? ''),
    from,
    caughtUp: sinceValid,
    changed: 0,
    erasedBlobs: [],
  });
  if (fresh.length === 0) return unchanged();

  // 3. load, apply, diff
  const keys = new Map<string, { tbl: SyncedTable; id: string }>();
  for (const op of fresh) keys.set(keyOf(op.table, op.rowId), { tbl: op.table, id: op.rowId });
  const loaded = await tx.query<StoredRow>(
    `select r.tbl, r.id, r.data, r.clock
       from records r
       join unnest($2::text[], $3::text[]) as k(tbl, id) on r.tbl = k.tbl and r.id = k.id
      where r.workplace_id = $1`,
    [workplaceId, [...keys.values()].map((k) => k.tbl), [...keys.values()].map((k) => k.id)],
  );
  const before = new Map<string, MergeableRow>();
  for (const r of loaded.rows) before.set(keyOf(r.tbl, r.id), toRow(r));
  const after = new Map(before);
  const photoCandidates = new Set<string>();
  for (const op of fresh) {
    const key = keyOf(op.table, op.rowId);
    const prev = after.get(key);
    if (op.table === 'persons') {
      for (const h of personPhotos(prev)) photoCandidates.add(h);
      for (const h of personPhotos(op.fields)) photoCandidates.add(h);
    }
    after.set(key, applyOp(prev, { ...op, workplaceId }));
  }
  const changed: { tbl: SyncedTable; id: string; row: MergeableRow }[] = [];
  for (const [key, row] of after) {
    const prev = before.get(key);
    if (isDeepStrictEqual(prev, row)) continue;
    // a row may not grow past MAX_ROW_BYTES (one that already has may still shrink)
    const bytes = Buffer.byteLength(JSON.stringify(row));
    if (bytes > MAX_ROW_BYTES && (!prev || bytes > Buffer.byteLength(JSON.stringify(prev)))) {
      const { tbl, id } = keys.get(key)!;
      throw tooLarge(`${tbl} ${id} would hold ${bytes} bytes; a record may hold at most ${MAX_ROW_BYTES}`);
    }
    changed.push({ ...keys.get(key)!, row });
  }
  if (changed.length === 0) {
    await recordOps(tx, workplaceId, fresh, now);
    return unchanged();
  }

  // 4. sequence numbers for the changed rows, under a fresh epoch
  const epoch = newEpoch();
  const bumped = await tx.query<{ seq: number }>('update workplace_counters set seq = seq + $2 where workplace_id = $1 returning seq', [
    workplaceId,
    changed.length,
  ]);
  cursor = bumped.rows[0]!.seq;
  await tx.query('insert into seq_epochs (workplace_id, last_seq, epoch) values ($1, $2, $3)', [workplaceId, cursor, epoch]);
  const first = cursor - changed.length + 1;

  // 5. store
  const payload = changed.map((c, i) => {
    const { _clock, ...data } = c.row;
    return { tbl: c.tbl, id: c.id, data, clock: _clock, deleted: data.deleted === 1, seq: first + i };
  });
  await tx.query(
    `insert into records (workplace_id, tbl, id, data, clock, deleted, seq)
     select $1, x.tbl, x.id, x.data, x.clock, x.deleted, x.seq
       from jsonb_to_recordset($2::jsonb) as x(tbl text, id text, data jsonb, clock jsonb, deleted boolean, seq bigint)
     on conflict (workplace_id, tbl, id) do update
       set data = excluded.data, clock = excluded.clock, deleted = excluded.deleted, seq = excluded.seq`,
    [workplaceId, JSON.stringify(payload)],
  );
  // the blob references of the changed rows (a deleted row refers to nothing)
  await tx.query(
    `delete from blob_refs b using unnest($2::text[], $3::text[]) as k(tbl, id)
      where b.workplace_id = $1 and b.tbl = k.tbl and b.id = k.id`,
    [workplaceId, changed.map((c) => c.tbl), changed.map((c) => c.id)],
  );
  const refs = changed.flatMap((c) => (c.row.deleted === 1 ? [] : blobRefs(c.tbl, c.row).map((hash) => ({ tbl: c.tbl, id: c.id, hash }))));
  if (refs.length > 0) {
    await tx.query(
      `insert into blob_refs (workplace_id, tbl, id, hash)
       select $1, x.tbl, x.id, x.hash from jsonb_to_recordset($2::jsonb) as x(tbl text, id text, hash text)
       on conflict do nothing`,
      [workplaceId, JSON.stringify(refs)],
    );
  }
  await recordOps(tx, workplaceId, fresh, now);

  const erasedBlobs = await eraseOrphanedPhotos(tx, workplaceId, changed, photoCandidates);
  await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ workplaceId, cursor, epoch })]);
  return { cursor, epoch, from, caughtUp: sinceValid, changed: changed.length, erasedBlobs };
}

async function recordOps(tx: Queryable, workplaceId: string, ops: OutboxOp[], now: number): Promise<void> {
  await tx.query(
    `insert into applied_ops (workplace_id, op_id, applied_at)
     select $1, u.op_id, $3 from unnest($2::text[]) as u(op_id)
     on conflict do nothing`,
    [workplaceId, ops.map((op) => op.opId), new Date(now)],
  );
}

/**
 * Erasure: when a person is deleted, their photo goes too, unless another
 * live record of the workplace still refers to the same blob (say, a
 * deviation photo that happens to be the same picture).
 */
async function eraseOrphanedPhotos(
  tx: Queryable,
  workplaceId: string,
  changed: { tbl: string; row: MergeableRow }[],
  candidates: Set<string>,
): Promise<string[]> {
  if (!changed.some((c) => c.tbl === 'persons' && c.row.deleted === 1) || candidates.size === 0) return [];
  return dropUnreferencedBlobs(tx, workplaceId, candidates);
}

/** Deletes those of `hashes` no live record of the workplace still refers to (an index lookup in blob_refs); returns the deleted. */
export async function dropUnreferencedBlobs(tx: Queryable, workplaceId: string, hashes: Iterable<string>): Promise<string[]> {
  const erased: string[] = [];
  for (const hash of hashes) {
    const used = await tx.query('select 1 from blob_refs where workplace_id = $1 and hash = $2 limit 1', [workplaceId, hash]);
    if (used.rows.length > 0) continue;
    const del = await tx.query('delete from blobs where workplace_id = $1 and hash = $2', [workplaceId, hash]);
    if (del.rowCount > 0) erased.push(hash);
  }
  return erased;
}

export interface PullResult extends Cursor {
  rows: PulledRow[];
  reset: boolean;
  hasMore: boolean;
}

/** A pull page plus, when this pull read it, the workplace's counter (for the fast path; not sent). */
export interface PullPage extends PullResult {
  counter?: number;
}

/**
 * Rows after `after`, at most `limit` of them and at most `maxBytes` of JSON
 * (but always one). With `epoch`, the cursor is checked first: one that does
 * not match the server's history starts over at 0 (`reset`). Without it (an
 * older app), the cursor is taken on trust.
 */
export async function pullRows(
  db: Queryable,
  workplaceId: string,
  after: number,
  limit: number,
  epoch?: string,
  maxBytes = PULL_MAX_BYTES,
): Promise<PullPage> {
  let reset = false;
  let afterEpoch: string | null | undefined;
  if (epoch !== undefined && after > 0) {
    afterEpoch = await epochOf(db, workplaceId, after);
    if (afterEpoch !== epoch) {
      reset = true;
      after = 0;
      afterEpoch = '';
    }
  }
  // the window sums run over at most limit + 1 rows: the inner query pages first
  const { rows } = await db.query<StoredRow & { seq: number; n: number }>(
    `select tbl, id, data, clock, seq, n from (
       select r.*, row_number() over (order by seq) as rn, count(*) over () as n,
              sum(octet_length(r.data::text) + octet_length(r.clock::text)) over (order by seq) as running
         from (select tbl, id, data, clock, seq from records where workplace_id = $1 and seq > $2 order by seq limit $3) r
     ) w
     where rn <= $4 and (rn = 1 or running <= $5)
     order by seq`,
    [workplaceId, after, limit + 1, limit, maxBytes],
  );
  const hasMore = rows.length > 0 && rows.length < rows[0]!.n;
  let cursor: number;
  let cursorEpoch: string | null;
  let counter: number | undefined;
  if (rows.length > 0) {
    cursor = rows[rows.length - 1]!.seq;
    cursorEpoch = await epochOf(db, workplaceId, cursor);
  } else {
    const c = await db.query<{ seq: number }>('select seq from workplace_counters where workplace_id = $1', [workplaceId]);
    counter = c.rows[0]?.seq ?? 0;
    cursor = Math.min(after, counter);
    cursorEpoch = cursor === after && afterEpoch !== undefined ? afterEpoch : await epochOf(db, workplaceId, cursor);
  }
  return {
    rows: rows.map((r) => ({ table: r.tbl as SyncedTable, row: toRow(r) as PulledRow['row'] })),
    cursor,
    epoch: cursorEpoch ?? '',
    reset,
    hasMore,
    ...(counter !== undefined ? { counter } : {}),
  };
}
