/**
 * The sync engine: one round of "push the outbox, then pull what changed".
 *
 * Push: photos and other blobs referenced by pending ops go up first (the
 * server verifies their SHA-256), then the ops, oldest first, in batches.
 * An op leaves the outbox only after the server acknowledged it, so a lost
 * response just means the same batch is sent again — harmless, because the
 * server ignores op ids it has already applied.
 *
 * The outbox is read in batches along its primary key (op ids sort by
 * creation), at most PUSH_BATCH ops or PUSH_BATCH_BYTES each, never whole.
 * The rows of a restored backup join the outbox as ops batch by batch, when
 * the outbox holds less than a batch (data/restoreQueue.ts).
 *
 * An op the server refuses for good (400: a field it does not know, 413: a
 * row too large) must not block every op behind it. A refused batch is
 * halved until the refused op is alone at the head of the outbox; that op is
 * set aside (REJECTED_KEY in `meta`, with the server's reason: kept, never
 * dropped, for a supervisor or a newer app to deal with) and the rest flows.
 * The device's own row keeps the edit; only its upload is set aside.
 *
 * Pull: pages of rows after our cursor, each merged field by field into the
 * local row (mergeRows: last writer wins per field by HLC, tombstones win).
 * Local rows with unsent edits are merged, never overwritten; the local clock
 * receives every remote stamp so later local edits win over what we saw.
 * Fields a table does not have (fields.ts) are dropped, never stored.
 *
 * The cursor is (seq, epoch). A push sends it as `since`; when the server
 * answers `caughtUp`, the rows of that push were the only new ones, so the
 * device takes the push's cursor and skips pulling its own echo. A pull whose
 * cursor no longer matches the server's history (a restored database) comes
 * back from 0 with `reset`, and merging it resynchronises the device.
 *
 * This module has no DOM or timers: `fetch`, the base URL and the token are
 * injected, which lets the convergence simulation run many engines over
 * fake-indexeddb against a real server through a misbehaving network.
 */
import { sha256Hex } from '../data/hash';
import { blobRefs } from './shared/blobRefs';
import type { Table } from 'dexie';
import type { TavlaDb } from '../data/db';
import type { OutboxOp, SyncedRow } from '../domain/types';
import { SYNCED_TABLES } from '../domain/types';
import { readClock, saveClock } from '../data/writer';
import { materializeRestoreOps, restoreQueueSize } from '../data/restoreQueue';
import { newNodeId } from '../data/ids';
import { REJECTED_KEY, readRejected, type RejectedOp, type SyncProblem } from '../data/syncState';
import { formatHlc, initialClock, isHlc, parseHlc, recv, ClockDriftError } from './shared/hlc';
import { isKnownField } from './shared/fields';
import { mergeRows, type MergeableRow } from './shared/merge';
import { SCHEMA_VERSION, type EventTicketResponse, type PullResponse, type PushRequest, type PushResponse } from './shared/protocol';
import { createHttp, HttpError, type HttpRequest } from './http';

export const PUSH_BATCH = 400;
/** A push batch also stops before its ops pass this many bytes of JSON (the server takes up to 2 MB). */
export const PUSH_BATCH_BYTES = 512 * 1024;
export const PULL_LIMIT = 500;

/** The pull cursor as stored: a sequence number and its epoch (undefined: stored by an older app). */
export interface StoredCursor {
  cursor: number;
  epoch: string | undefined;
}

/** Only the fields `table` has, and their stamps: a pulled row is data from the network. */
function knownPart(table: string, row: Record<string, unknown>): MergeableRow {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row)) if (k !== '_clock' && isKnownField(table, k)) out[k] = row[k];
  const clock: Record<string, string> = {};
  const rc = Object.hasOwn(row, '_clock') ? row._clock : undefined;
  if (rc !== null && typeof rc === 'object') {
    for (const [k, v] of Object.entries(rc)) if (typeof v === 'string' && isKnownField(table, k)) clock[k] = v;
  }
  out._clock = clock;
  return out as MergeableRow;
}

export type { SyncProblem };

/** A failure the UI can explain; `retry` says whether trying again later may help. */
export class SyncError extends Error {
  constructor(
    readonly problem: SyncProblem,
    message: string,
    readonly status = 0,
  ) {
    super(message);
    this.name = 'SyncError';
  }
  get retry(): boolean {
    return this.problem === 'offline' || this.problem === 'server';
  }
}

export interface EngineOptions {
  db: TavlaDb;
  workplaceId: string;
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
  cursor: number;
  /** requests this round made to push and pull (the echo pull skipped is not one) */
  requests: number;
}

const CURSOR_KEY = (workplaceId: string) => `syncCursor:${workplaceId}`;

/** The server's answer to an op that no retry will change (a transient 429/503 is not one). */
const refusedForGood = (err: unknown) => err instanceof SyncError && err.problem === 'server' && (err.status === 400 || err.status === 413);

export { blobRefs };

export function createSyncEngine(opts: EngineOptions) {
  const { db, workplaceId, baseUrl } = opts;
  const http = createHttp({ baseUrl, fetch: opts.fetch, token: opts.token });
  const now = opts.now ?? Date.now;

  async function call<T>(path: string, req: HttpRequest = {}): Promise<T> {
    try {
      return await http.call<T>(path, req);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      if (err.status === 0) throw new SyncError('offline', `network: ${err.message}`);
      if (err.status === 401 || err.status === 403) throw new SyncError('unauthorized', err.message, err.status);
      if (err.status === 426 || err.body.error === 'update_required') throw new SyncError('update_required', err.message, err.status);
      if (err.body.error === 'clock_drift') throw new SyncError('clock_drift', err.message, err.status);
      throw new SyncError('server', err.message, err.status);
    }
  }

  /** Merges a remote stamp into the persisted clock (refusing one too far ahead). */
  async function receiveStamp(stamp: string | undefined) {
    if (!stamp || !isHlc(stamp)) return;
    await db.transaction('rw', db.meta, async () => {
      const state = (await readClock(db)) ?? initialClock(newNodeId());
      try {
        await saveClock(db, recv(state, stamp, now()));
      } catch (err) {
        if (err instanceof ClockDriftError) throw new SyncError('clock_drift', err.message);
        throw err;
      }
    });
  }

  async function uploadBlobs(ops: OutboxOp[]) {
    const hashes = new Set(ops.flatMap((op) => blobRefs(op.table, op.fields)));
    for (const hash of hashes) {
      const rec = await db.blobs.get(hash);
      if (!rec || rec.uploaded) continue; // missing locally: the server may have it already
      await call(`/api/blobs/${hash}`, { method: 'PUT', body: rec.data, headers: { 'content-type': rec.type || 'application/octet-stream' } });
      await db.blobs.update(hash, { uploaded: 1 });
    }
  }

  async function readCursor(): Promise<StoredCursor> {
    const v = (await db.meta.get(CURSOR_KEY(workplaceId)))?.value;
    if (v === undefined) return { cursor: 0, epoch: '' }; // a fresh device: 0 is valid on every server
    if (typeof v === 'number') return { cursor: v, epoch: undefined }; // stored before cursors had epochs
    const c = v as Partial<StoredCursor> | undefined;
    return { cursor: typeof c?.cursor === 'number' ? c.cursor : 0, epoch: typeof c?.epoch === 'string' ? c.epoch : undefined };
  }

  /** The next batch, oldest first, along the outbox's primary key (no full read, no sort in memory). */
  async function nextBatch(limit: number): Promise<OutboxOp[]> {
    const ops = await db.outbox
      .orderBy('opId')
      .filter((o) => o.workplaceId === workplaceId)
      .limit(limit)
      .toArray();
    let bytes = 0;
    for (let i = 0; i < ops.length; i++) {
      bytes += JSON.stringify(ops[i]).length;
      if (bytes > PUSH_BATCH_BYTES && i > 0) return ops.slice(0, i);
    }
    return ops;
  }

  /** Pushes the outbox; `caughtUp` says every batch's rows were all that was new, so no pull is due. */
  async function pushAll(): Promise<{ pushed: number; requests: number; caughtUp: boolean }> {
    let pushed = 0;
    let requests = 0;
    let caughtUp = true;
    /** the batch size; halved while the server refuses a batch, back to full once the refused op is set aside */
    let limit = PUSH_BATCH;
    for (;;) {
      let ops = await nextBatch(limit);
      // a restored workplace's rows become ops as they are sent (data/restoreQueue.ts)
      while (ops.length < limit && (await materializeRestoreOps(db, workplaceId, limit - ops.length, now())) > 0) ops = await nextBatch(limit);
      if (ops.length === 0) return { pushed, requests, caughtUp };
      await uploadBlobs(ops);
      const clock = await readClock(db);
      const since = await readCursor();
      const body: PushRequest = { schemaVersion: SCHEMA_VERSION, deviceClock: clock ? formatHlc(clock) : undefined, ops };
      if (since.epoch !== undefined) body.since = { cursor: since.cursor, epoch: since.epoch };
      requests++;
      let res: PushResponse;
      try {
        res = await call<PushResponse>('/api/sync/push', { method: 'POST', json: body });
      } catch (err) {
        if (!refusedForGood(err)) throw err;
        if (ops.length > 1) {
          limit = Math.ceil(ops.length / 2);
          continue;
        }
        await setAside(ops[0]!, err as SyncError);
        limit = PUSH_BATCH;
        caughtUp = false; // the cursor did not move with this request: pull as usual
        continue;
      }
      const sent = new Set(ops.map((o) => o.opId));
      await db.transaction('rw', db.outbox, db.meta, async () => {
        await db.outbox.bulkDelete(res.acked.filter((id) => sent.has(id)));
        // our own rows are the only new ones: take the push's cursor instead of pulling them back
        if (res.caughtUp && caughtUp) await db.meta.put({ key: CURSOR_KEY(workplaceId), value: { cursor: res.cursor, epoch: res.epoch } });
      });
      if (!res.caughtUp) caughtUp = false;
      await receiveStamp(res.serverHlc);
      pushed += ops.length;
    }
  }

  /** Moves a refused op out of the outbox into the set-aside list, in one transaction. */
  async function setAside(op: OutboxOp, err: SyncError) {
    await db.transaction('rw', db.outbox, db.meta, async () => {
      const list = await readRejected(db, workplaceId);
      list.push({ op, status: err.status, message: err.message, at: now() });
      await db.meta.put({ key: REJECTED_KEY(workplaceId), value: list });
      await db.outbox.delete(op.opId);
    });
  }

  async function push(): Promise<number> {
    return (await pushAll()).pushed;
  }

  async function applyPulled(res: PullResponse) {
    const tables = [...new Set(res.rows.map((r) => r.table))].filter((t) => SYNCED_TABLES.includes(t));
    let maxStamp: string | undefined = res.serverHlc;
    await db.transaction('rw', [...tables.map((t) => db.table(t)), db.meta], async () => {
      for (const { table, row: raw } of res.rows) {
        if (!SYNCED_TABLES.includes(table) || raw.workplaceId !== workplaceId || typeof raw.id !== 'string') continue;
        const row = knownPart(table, raw);
        const t = db.table(table) as Table<MergeableRow, string>;
        const local = await t.get(row.id);
        const merged = local ? mergeRows(local, row) : mergeRows(row, row);
        await t.put(merged);
        for (const stamp of Object.values(row._clock)) if (isHlc(stamp) && (!maxStamp || stamp > maxStamp)) maxStamp = stamp;
      }
      await db.meta.put({ key: CURSOR_KEY(workplaceId), value: { cursor: res.cursor, epoch: res.epoch } });
    });
    // Stamps far ahead of our clock only come from a device with a wrong clock; don't adopt them.
    if (maxStamp && parseHlc(maxStamp).millis - now() < 5 * 60_000) await receiveStamp(maxStamp);
  }

  async function pull(): Promise<{ pulled: number; cursor: number; requests: number; reset: boolean }> {
    let { cursor, epoch } = await readCursor();
    let pulled = 0;
    let requests = 0;
    let reset = false;
    for (;;) {
      const epochQuery = epoch !== undefined ? `&epoch=${encodeURIComponent(epoch)}` : '';
      requests++;
      const res = await call<PullResponse>(`/api/sync/pull?cursor=${cursor}${epochQuery}&limit=${PULL_LIMIT}`);
      await applyPulled(res);
      if (res.reset) reset = true;
      pulled += res.rows.length;
      cursor = res.cursor;
      epoch = res.epoch;
      if (!res.hasMore) return { pulled, cursor, requests, reset };
    }
  }

  /** A single-use ticket for the event stream (EventSource cannot send the token in a header). */
  const eventTicket = () => call<EventTicketResponse>('/api/sync/events/ticket', { method: 'POST' });

  /** Fetches a blob the device does not have yet (photos are downloaded lazily). */
  async function fetchBlob(hash: string): Promise<Blob | undefined> {
    let res: Response;
    try {
      res = await http.send(`/api/blobs/${hash}`);
    } catch {
      return undefined;
    }
    if (!res.ok) return undefined;
    const data = await res.blob();
    if ((await sha256Hex(data)) !== hash) return undefined; // never store bytes under the wrong address
    await db.blobs.put({ hash, workplaceId, type: data.type, size: data.size, data, createdAt: now(), uploaded: 1 });
    return data;
  }

  return {
    push,
    pull,
    fetchBlob,
    eventTicket,
    readCursor,
    /**
     * One round: push everything pending, then pull what is new. When every
     * push answered `caughtUp`, nothing but our own rows is new: no pull.
     */
    async sync(): Promise<SyncResult> {
      const p = await pushAll();
      if (p.pushed > 0 && p.caughtUp) return { pushed: p.pushed, pulled: 0, cursor: (await readCursor()).cursor, requests: p.requests };
      const { pulled, cursor, requests } = await pull();
      return { pushed: p.pushed, pulled, cursor, requests: p.requests + requests };
    },
    /** ops waiting, and restored rows not yet made into ops */
    pendingCount: async () => (await db.outbox.where('workplaceId').equals(workplaceId).count()) + (await restoreQueueSize(db, workplaceId)),
    /** ops the server refused for good, with its reasons */
    rejected: (): Promise<RejectedOp[]> => readRejected(db, workplaceId),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
export type { SyncedRow };
