/**
 * The record store: every synced row of a workplace, merged on the server
 * with the same `applyOp` the tablets use.
 *
 * A push runs in one transaction:
 *   1. lock the workplace's counter row (SELECT … FOR UPDATE), so pushes to
 *      one workplace take turns and their sequence numbers commit in order;
 *   2. drop ops whose id is already in applied_ops (a retry changes nothing);
 *   3. load the rows the ops touch, apply the ops, keep the rows that changed;
 *   4. advance the counter by that many (UPDATE … RETURNING) and give each
 *      changed row the next number as its `seq`;
 *   5. upsert the rows, record the op ids, erase orphaned photos of deleted
 *      persons, and NOTIFY `tavla_changes` (delivered only on commit).
 * A crash anywhere before COMMIT leaves nothing behind; the client retries
 * the same ops and they apply exactly once.
 *
 * A pull reads rows with seq > cursor in seq order. Because numbers are
 * handed out under the counter lock and committed in that order, a reader
 * never sees seq N+1 before N has committed, so the cursor never skips a row.
 */
import { isDeepStrictEqual } from 'node:util';
import type { OutboxOp, SyncedTable } from '../../../domain/types';
import { applyOp, type MergeableRow } from '../../../sync/shared/merge';
import type { PulledRow } from '../../../sync/shared/protocol';
import { CHANGES_CHANNEL } from '../../changes';
import type { Queryable } from '../../db/db';
import { forbidden } from '../../errors';

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

export interface PushResult {
  cursor: number;
  changed: number;
  erasedBlobs: string[];
}

export async function pushOps(tx: Queryable, workplaceId: string, ops: OutboxOp[], now: number): Promise<PushResult> {
  // 1. the per-workplace lock
  const counter = await tx.query<{ seq: number }>('select seq from workplace_counters where workplace_id = $1 for update', [workplaceId]);
  if (!counter.rows[0]) throw forbidden('Unknown workplace');
  let cursor = counter.rows[0].seq;

  // 2. skip ops applied before (and repeats inside this batch)
  const unique = new Map<string, OutboxOp>();
  for (const op of ops) if (!unique.has(op.opId)) unique.set(op.opId, op);
  const seen = await tx.query<{ op_id: string }>('select op_id from applied_ops where workplace_id = $1 and op_id = any($2::text[])', [
    workplaceId,
    [...unique.keys()],
  ]);
  for (const r of seen.rows) unique.delete(r.op_id);
  const fresh = [...unique.values()];
  if (fresh.length === 0) return { cursor, changed: 0, erasedBlobs: [] };

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
  const changed: { tbl: string; id: string; row: MergeableRow }[] = [];
  for (const [key, row] of after) {
    if (!isDeepStrictEqual(before.get(key), row)) changed.push({ ...keys.get(key)!, row });
  }

  // 4. sequence numbers for the changed rows
  if (changed.length > 0) {
    const bumped = await tx.query<{ seq: number }>('update workplace_counters set seq = seq + $2 where workplace_id = $1 returning seq', [
      workplaceId,
      changed.length,
    ]);
    cursor = bumped.rows[0]!.seq;
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
  }
  await tx.query(
    `insert into applied_ops (workplace_id, op_id, applied_at)
     select $1, u.op_id, $3 from unnest($2::text[]) as u(op_id)
     on conflict do nothing`,
    [workplaceId, fresh.map((op) => op.opId), new Date(now)],
  );

  const erasedBlobs = await eraseOrphanedPhotos(tx, workplaceId, changed, photoCandidates);
  if (changed.length > 0) {
    await tx.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify({ workplaceId, cursor })]);
  }
  return { cursor, changed: changed.length, erasedBlobs };
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

/** Deletes those of `hashes` no live record of the workplace still refers to; returns the deleted. */
export async function dropUnreferencedBlobs(tx: Queryable, workplaceId: string, hashes: Iterable<string>): Promise<string[]> {
  const erased: string[] = [];
  for (const hash of hashes) {
    const used = await tx.query('select 1 from records where workplace_id = $1 and not deleted and strpos(data::text, $2) > 0 limit 1', [
      workplaceId,
      hash,
    ]);
    if (used.rows.length > 0) continue;
    const del = await tx.query('delete from blobs where workplace_id = $1 and hash = $2', [workplaceId, hash]);
    if (del.rowCount > 0) erased.push(hash);
  }
  return erased;
}

export interface PullResult {
  rows: PulledRow[];
  cursor: number;
  hasMore: boolean;
}

export async function pullRows(db: Queryable, workplaceId: string, after: number, limit: number): Promise<PullResult> {
  const { rows } = await db.query<StoredRow & { seq: number }>(
    'select tbl, id, data, clock, seq from records where workplace_id = $1 and seq > $2 order by seq limit $3',
    [workplaceId, after, limit + 1],
  );
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  let cursor: number;
  if (page.length > 0) cursor = page[page.length - 1]!.seq;
  else {
    const c = await db.query<{ seq: number }>('select seq from workplace_counters where workplace_id = $1', [workplaceId]);
    cursor = Math.min(after, c.rows[0]?.seq ?? 0);
  }
  return {
    rows: page.map((r) => ({ table: r.tbl as SyncedTable, row: toRow(r) as PulledRow['row'] })),
    cursor,
    hasMore,
  };
}
