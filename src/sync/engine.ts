/**
 * The sync engine: one round of "push the outbox, then pull what changed".
 *
 * Push: photos and other blobs referenced by pending ops go up first (the
 * server verifies their SHA-256), then the ops, oldest first, in batches.
 * An op leaves the outbox only after the server acknowledged it, so a lost
 * response just means the same batch is sent again — harmless, because the
 * server ignores op ids it has already applied.
 *
 * Pull: pages of rows after our cursor, each merged field by field into the
 * local row (mergeRows: last writer wins per field by HLC, tombstones win).
 * Local rows with unsent edits are merged, never overwritten; the local clock
 * receives every remote stamp so later local edits win over what we saw.
 *
 * This module has no DOM or timers: `fetch`, the base URL and the token are
 * injected, which lets the convergence simulation run many engines over
 * fake-indexeddb against a real server through a misbehaving network.
 */
import { sha256Hex } from '../data/hash';
import { blobRefs } from '../data/blobRefs';
import type { Table } from 'dexie';
import type { TavlaDb } from '../data/db';
import type { OutboxOp, SyncedRow } from '../domain/types';
import { SYNCED_TABLES } from '../domain/types';
import { readClock, saveClock } from '../data/writer';
import { newNodeId } from '../data/ids';
import type { SyncProblem } from '../data/syncState';
import { formatHlc, initialClock, isHlc, parseHlc, recv, ClockDriftError } from './shared/hlc';
import { mergeRows, type MergeableRow } from './shared/merge';
import { SCHEMA_VERSION, type PullResponse, type PushResponse } from './shared/protocol';
import { createHttp, HttpError, type HttpRequest } from './http';

export const PUSH_BATCH = 400;
export const PULL_LIMIT = 500;

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
}

const CURSOR_KEY = (workplaceId: string) => `syncCursor:${workplaceId}`;

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

  async function push(): Promise<number> {
    let pushed = 0;
    for (;;) {
      const batch = await db.outbox.where('workplaceId').equals(workplaceId).sortBy('opId');
      const ops = batch.slice(0, PUSH_BATCH);
      if (ops.length === 0) return pushed;
      await uploadBlobs(ops);
      const clock = await readClock(db);
      const res = await call<PushResponse>('/api/sync/push', {
        method: 'POST',
        json: { schemaVersion: SCHEMA_VERSION, deviceClock: clock ? formatHlc(clock) : undefined, ops },
      });
      await db.outbox.bulkDelete(res.acked.filter((id) => ops.some((o) => o.opId === id)));
      await receiveStamp(res.serverHlc);
      pushed += ops.length;
      if (ops.length < PUSH_BATCH) return pushed;
    }
  }

  async function applyPulled(res: PullResponse) {
    const tables = [...new Set(res.rows.map((r) => r.table))].filter((t) => SYNCED_TABLES.includes(t));
    let maxStamp: string | undefined = res.serverHlc;
    await db.transaction('rw', [...tables.map((t) => db.table(t)), db.meta], async () => {
      for (const { table, row } of res.rows) {
        if (!SYNCED_TABLES.includes(table) || row.workplaceId !== workplaceId) continue;
        const t = db.table(table) as Table<MergeableRow, string>;
        const local = await t.get(row.id);
        const merged = local ? mergeRows(local, row as MergeableRow) : mergeRows(row as MergeableRow, row as MergeableRow);
        await t.put(merged);
        for (const stamp of Object.values(row._clock ?? {})) if (!maxStamp || stamp > maxStamp) maxStamp = stamp;
      }
      await db.meta.put({ key: CURSOR_KEY(workplaceId), value: res.cursor });
    });
    // Stamps far ahead of our clock only come from a device with a wrong clock; don't adopt them.
    if (maxStamp && parseHlc(maxStamp).millis - now() < 5 * 60_000) await receiveStamp(maxStamp);
  }

  async function pull(): Promise<{ pulled: number; cursor: number }> {
    let cursor = ((await db.meta.get(CURSOR_KEY(workplaceId)))?.value as number | undefined) ?? 0;
    let pulled = 0;
    for (;;) {
      const res = await call<PullResponse>(`/api/sync/pull?cursor=${cursor}&limit=${PULL_LIMIT}`);
      await applyPulled(res);
      pulled += res.rows.length;
      cursor = res.cursor;
      if (!res.hasMore) return { pulled, cursor };
    }
  }

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
    /** One full round: push everything pending, then pull everything new. */
    async sync(): Promise<SyncResult> {
      const pushed = await push();
      const { pulled, cursor } = await pull();
      return { pushed, pulled, cursor };
    },
    pendingCount: () => db.outbox.where('workplaceId').equals(workplaceId).count(),
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
export type { SyncedRow };
