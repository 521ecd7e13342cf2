/**
 * Runs the sync engine in the browser: in one tab per device (the Web Locks
 * leader), on start, when the network comes back, when the tab becomes
 * visible, shortly after local writes, on an interval, and whenever the
 * server's SSE stream pokes with a new cursor — with exponential backoff
 * while the server cannot be reached. Other tabs see the data through
 * liveQuery and the status through the `meta` table.
 *
 * The device's pairing (server URL, workplace, device token) lives in `meta`
 * under PAIRING_KEY. A 401/403 drops the token but never the outbox: the
 * tablet asks to be paired again and sends everything afterwards.
 */
import { liveQuery } from 'dexie';
import type { TavlaDb } from '../data/db';
import { createSyncEngine, SyncError, type SyncProblem } from './engine';
import { onBlobWanted } from '../data/wantedBlobs';
import { ACCESS_TOKEN_QUERY, SCHEMA_QUERY, SCHEMA_VERSION } from './shared/protocol';

export { PAIRING_KEY, STATUS_KEY, readPairing, savePairing, type Pairing, type SyncStatus } from '../data/syncState';
import { STATUS_KEY, readPairing, savePairing, type Pairing, type SyncStatus } from '../data/syncState';

export const INTERVAL_MS = 60_000;
export const DEBOUNCE_MS = 1_500;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** a blob that could not be fetched is asked for again at most this often */
export const BLOB_RETRY_MS = 30_000;

async function writeStatus(db: TavlaDb, patch: Partial<SyncStatus>) {
  await db.transaction('rw', db.meta, async () => {
    const cur = ((await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? { state: 'unpaired', problem: null, lastSyncAt: null };
    await db.meta.put({ key: STATUS_KEY, value: { ...cur, ...patch } });
  });
}

/** Starts syncing for as long as the page lives; returns a stop function. */
export function startSyncRunner(db: TavlaDb): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let backoff = 0;
  let events: EventSource | null = null;
  let eventsFor = '';
  let releaseLock: (() => void) | undefined;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void round(), delay);
  };

  function connectEvents(p: Pairing) {
    const key = `${p.baseUrl}|${p.token}`;
    if (events && eventsFor === key) return;
    events?.close();
    if (typeof EventSource === 'undefined') return;
    const url = `${p.baseUrl}/api/sync/events?${ACCESS_TOKEN_QUERY}=${encodeURIComponent(p.token)}&${SCHEMA_QUERY}=${SCHEMA_VERSION}`;
    events = new EventSource(url);
    eventsFor = key;
    events.addEventListener('poke', () => schedule(0));
    events.onopen = () => schedule(0); // always pull on (re)connect: a missed poke is never replayed
  }

  async function round() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    const pairing = await readPairing(db);
    if (!pairing) {
      events?.close();
      events = null;
      await writeStatus(db, { state: 'unpaired', problem: null });
      return;
    }
    running = true;
    await writeStatus(db, { state: 'syncing', problem: null });
    try {
      const result = await engineFor(pairing).sync();
      if (result.pulled > 0) void fetchClips(pairing.workplaceId);
      backoff = 0;
      await writeStatus(db, { state: 'synced', problem: null, lastSyncAt: Date.now() });
      connectEvents(pairing);
      schedule(INTERVAL_MS);
    } catch (err) {
      const problem: SyncProblem = err instanceof SyncError ? err.problem : 'server';
      if (problem === 'unauthorized') {
        await savePairing(db, null); // the outbox stays: everything goes up after pairing again
        events?.close();
        events = null;
      }
      const retry = err instanceof SyncError ? err.retry : true;
      await writeStatus(db, { state: problem === 'offline' ? 'offline' : 'attention', problem });
      backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : 2_000);
      schedule(retry ? backoff : INTERVAL_MS);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule(0);
      }
    }
  }

  // One engine per pairing (server, workplace, token), shared by sync rounds and blob fetches.
  let current: { key: string; engine: ReturnType<typeof createSyncEngine> } | undefined;
  function engineFor(p: Pairing) {
    const key = `${p.baseUrl}|${p.workplaceId}|${p.token}`;
    if (current?.key !== key) current = { key, engine: createSyncEngine({ db, workplaceId: p.workplaceId, baseUrl: p.baseUrl, token: p.token }) };
    return current.engine;
  }

  // Blobs made on other devices are fetched when something shows them (see data/wantedBlobs.ts).
  const fetching = new Map<string, number>(); // hash -> when last tried
  async function fetchWanted(hash: string) {
    const last = fetching.get(hash);
    if (last !== undefined && Date.now() - last < BLOB_RETRY_MS) return;
    fetching.set(hash, Date.now());
    try {
      if (await db.blobs.get(hash)) return;
      const pairing = await readPairing(db);
      if (pairing) await engineFor(pairing).fetchBlob(hash);
    } catch {
      /* offline or not on the server yet: asked again on the next showing, after BLOB_RETRY_MS */
    }
  }
  /** Voice clips are small and must play at the first tap: fetch the missing ones after a pull brought rows. */
  async function fetchClips(workplaceId: string) {
    const clips = await db.voiceClips.where('workplaceId').equals(workplaceId).toArray();
    for (const c of clips) if (!c.deleted && c.blob) await fetchWanted(c.blob);
  }
  let wantedSub: (() => void) | undefined;

  const onOnline = () => schedule(0);
  const onVisible = () => document.visibilityState === 'visible' && schedule(0);
  let outboxSub: { unsubscribe(): void } | undefined;

  function lead() {
    wantedSub = onBlobWanted((hash) => void fetchWanted(hash));
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    let first = true;
    outboxSub = liveQuery(() => db.outbox.count()).subscribe({
      next: () => {
        if (first) {
          first = false;
          return;
        }
        schedule(DEBOUNCE_MS);
      },
    });
    // Pairing changes (a new token) start a round at once.
    void round();
  }

  if (navigator.locks?.request) {
    void navigator.locks.request('tavla-sync', () => {
      if (stopped) return;
      lead();
      return new Promise<void>((resolve) => (releaseLock = resolve));
    });
  } else {
    lead();
  }

  return () => {
    stopped = true;
    clearTimeout(timer);
    events?.close();
    outboxSub?.unsubscribe();
    wantedSub?.();
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    releaseLock?.();
  };
}

/** Starts a sync round now (after pairing, say) in whichever tab leads. */
export function requestSync(): void {
  window.dispatchEvent(new Event('online'));
}
