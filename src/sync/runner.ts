/**
 * Runs the sync engine in the browser: in one tab per device (the Web Locks
 * leader), on start, when the network comes back, when the tab becomes
 * visible, shortly after local writes, on an interval, whenever the
 * server's SSE stream pokes with a cursor past ours, and when the app asks
 * (`requestSync`) — with exponential backoff while the server cannot be
 * reached. Other tabs see the data through liveQuery and the status through
 * the `meta` table.
 *
 * It makes as few requests as it can: one local edit is one push (the
 * engine skips pulling its own echo when the server says nothing else is
 * new), the poke that push causes is ignored because its cursor is not past
 * ours, emptying the outbox does not start a round, and the status is
 * written once per round (plus "syncing" only when coming from another state).
 *
 * The event stream opens with a single-use ticket fetched with the device
 * token in a header; no token is ever put in a URL. EventSource reconnects
 * by itself with the same URL, whose ticket is used up, so on any error the
 * runner closes it and opens a new one with a fresh ticket after a pause.
 *
 * The device's pairing (server URL, workplace, device token) lives in `meta`
 * under PAIRING_KEY. A 401/403 drops the token but never the outbox: the
 * tablet asks to be paired again and sends everything afterwards.
 *
 * Browser APIs come in through `RunnerEnv`, so the runner's unit tests drive
 * it with fake timers, a fake EventSource and a counting fetch.
 */
import { liveQuery } from 'dexie';
import type { TavlaDb } from '../data/db';
import { createSyncEngine, SyncError, type SyncProblem } from './engine';
import { onBlobWanted } from '../data/wantedBlobs';
import { restoredRowsWaiting } from '../data/restoreQueue';
import { SCHEMA_QUERY, SCHEMA_VERSION, TICKET_QUERY, type PokeEvent } from './shared/protocol';

export { PAIRING_KEY, STATUS_KEY, readPairing, savePairing, type Pairing, type SyncStatus } from '../data/syncState';
import { STATUS_KEY, readPairing, savePairing, type Pairing, type SyncStatus } from '../data/syncState';

export const INTERVAL_MS = 60_000;
export const DEBOUNCE_MS = 1_500;
export const MAX_BACKOFF_MS = 5 * 60_000;
/** a blob that could not be fetched is asked for again at most this often */
export const BLOB_RETRY_MS = 30_000;
/** pause before reopening a failed event stream (doubling up to MAX_BACKOFF_MS) */
export const EVENTS_RETRY_MS = 5_000;

/** The part of EventSource the runner uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: 'poke', listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}

/** What the runner needs from the browser; everything defaults to the real thing. */
export interface RunnerEnv {
  fetch?: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
  /** whether to take the Web Locks leadership (default: when navigator.locks exists) */
  useLocks?: boolean;
  /** first pause before reopening a failed event stream (default EVENTS_RETRY_MS) */
  eventsRetryMs?: number;
}

// requestSync() reaches the leader in this tab directly and in other tabs over a BroadcastChannel.
const SYNC_CHANNEL = 'tavla-sync';
const localRequests = new Set<() => void>();

/** Starts a sync round now (after pairing, say) in whichever tab leads. */
export function requestSync(): void {
  for (const f of localRequests) f();
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(SYNC_CHANNEL);
  ch.postMessage('sync');
  ch.close();
}

/** Starts syncing for as long as the page lives; returns a stop function. */
export function startSyncRunner(db: TavlaDb, env: RunnerEnv = {}): () => void {
  const EventSourceImpl = env.EventSource ?? (typeof EventSource === 'undefined' ? undefined : EventSource);
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  /** the highest poke cursor seen while a round ran: after it, a round follows only if we are behind it */
  let pokedDuringRound: PokeEvent | undefined;
  let backoff = 0;
  let events: EventSourceLike | null = null;
  let eventsFor = '';
  let eventsTimer: ReturnType<typeof setTimeout> | undefined;
  let eventsBackoff = 0;
  let lastStatus: SyncStatus['state'] | undefined;
  let releaseLock: (() => void) | undefined;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void round(), delay);
  };

  async function writeStatus(status: Pick<SyncStatus, 'state' | 'problem'> & Partial<SyncStatus>) {
    lastStatus = status.state;
    await db.transaction('rw', db.meta, async () => {
      const cur = ((await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? { state: 'unpaired', problem: null, lastSyncAt: null };
      await db.meta.put({ key: STATUS_KEY, value: { ...cur, ...status } });
    });
  }

  /** Whether a poke says the server has something we have not pulled. */
  async function behind(poke: PokeEvent, pairing: Pairing): Promise<boolean> {
    const mine = await engineFor(pairing).readCursor();
    return poke.cursor > mine.cursor || (mine.epoch !== undefined && poke.epoch !== mine.epoch);
  }

  function closeEvents() {
    clearTimeout(eventsTimer);
    events?.close();
    events = null;
    eventsFor = '';
  }

  async function openEvents(p: Pairing, key: string) {
    if (!EventSourceImpl || stopped) return;
    let ticket: string;
    try {
      ticket = (await engineFor(p).eventTicket()).ticket;
    } catch {
      retryEvents(p, key);
      return;
    }
    if (stopped || eventsFor !== key) return;
    const es = new EventSourceImpl(`${p.baseUrl}/api/sync/events?${TICKET_QUERY}=${encodeURIComponent(ticket)}&${SCHEMA_QUERY}=${SCHEMA_VERSION}`);
    events = es;
    es.addEventListener('poke', (ev) => void onPoke(ev.data, p));
    es.onopen = () => {
      eventsBackoff = 0;
      schedule(0); // always pull on (re)connect: a missed poke is never replayed
    };
    es.onerror = () => {
      if (events !== es) return;
      es.close(); // its own reconnect would reuse a spent ticket
      events = null;
      retryEvents(p, key);
    };
  }

  function retryEvents(p: Pairing, key: string) {
    if (stopped || eventsFor !== key) return;
    eventsBackoff = Math.min(MAX_BACKOFF_MS, eventsBackoff ? eventsBackoff * 2 : (env.eventsRetryMs ?? EVENTS_RETRY_MS));
    clearTimeout(eventsTimer);
    eventsTimer = setTimeout(() => void openEvents(p, key), eventsBackoff);
  }

  function connectEvents(p: Pairing) {
    const key = `${p.baseUrl}|${p.token}`;
    if (eventsFor === key) return;
    closeEvents();
    eventsFor = key;
    void openEvents(p, key);
  }

  async function onPoke(data: string, pairing: Pairing) {
    let poke: PokeEvent;
    try {
      const parsed = JSON.parse(data) as Partial<PokeEvent>;
      poke = { cursor: Number(parsed.cursor), epoch: typeof parsed.epoch === 'string' ? parsed.epoch : '' };
    } catch {
      return;
    }
    if (!Number.isFinite(poke.cursor)) return;
    if (running) {
      // decided when the round ends: its own push may be what the poke is about
      if (!pokedDuringRound || poke.cursor > pokedDuringRound.cursor) pokedDuringRound = poke;
      return;
    }
    if (await behind(poke, pairing)) schedule(0);
  }

  async function round() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    let pairing: Pairing | null = null;
    try {
      pairing = await readPairing(db);
      if (!pairing) {
        closeEvents();
        if (lastStatus !== 'unpaired') await writeStatus({ state: 'unpaired', problem: null });
        return;
      }
      if (lastStatus !== 'synced') await writeStatus({ state: 'syncing', problem: null });
      const result = await engineFor(pairing).sync();
      if (result.pulled > 0) void fetchClips(pairing.workplaceId);
      backoff = 0;
      await writeStatus({ state: 'synced', problem: null, lastSyncAt: Date.now() });
      connectEvents(pairing);
      schedule(INTERVAL_MS);
    } catch (err) {
      const problem: SyncProblem = err instanceof SyncError ? err.problem : 'server';
      if (problem === 'unauthorized') {
        await savePairing(db, null); // the outbox stays: everything goes up after pairing again
        closeEvents();
      }
      const retry = err instanceof SyncError ? err.retry : true;
      await writeStatus({ state: problem === 'offline' ? 'offline' : 'attention', problem });
      backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : 2_000);
      schedule(retry ? backoff : INTERVAL_MS);
    } finally {
      running = false;
      const poke = pokedDuringRound;
      pokedDuringRound = undefined;
      if (again) {
        again = false;
        schedule(0);
      } else if (poke && pairing && (await behind(poke, pairing).catch(() => true))) {
        schedule(0);
      }
    }
  }

  // One engine per pairing (server, workplace, token), shared by sync rounds and blob fetches.
  let current: { key: string; engine: ReturnType<typeof createSyncEngine> } | undefined;
  function engineFor(p: Pairing) {
    const key = `${p.baseUrl}|${p.workplaceId}|${p.token}`;
    if (current?.key !== key) {
      current = { key, engine: createSyncEngine({ db, workplaceId: p.workplaceId, baseUrl: p.baseUrl, token: p.token, fetch: env.fetch }) };
    }
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
  const onRequest = () => schedule(0);
  let channel: BroadcastChannel | undefined;
  let outboxSub: { unsubscribe(): void } | undefined;

  function lead() {
    wantedSub = onBlobWanted((hash) => void fetchWanted(hash));
    if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
    localRequests.add(onRequest);
    if (typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(SYNC_CHANNEL);
      channel.onmessage = onRequest;
    }
    let last: { ops: number; restored: number } | undefined;
    // A restored backup's rows wait in a restore queue (data/restoreQueue.ts) and join the outbox as a
    // round pushes them: a new queue starts a round, those ops joining the outbox (queue shrinking) do not.
    const pending = () => db.transaction('r', db.outbox, db.meta, async () => ({ ops: await db.outbox.count(), restored: await restoredRowsWaiting(db) }));
    outboxSub = liveQuery(pending).subscribe({
      next: (now) => {
        // a new local write starts a round; the outbox emptying after an ack does not
        if (last !== undefined && (now.restored > last.restored || (now.ops > last.ops && now.restored === last.restored))) schedule(DEBOUNCE_MS);
        last = now;
      },
    });
    // Pairing changes (a new token) start a round at once.
    void round();
  }

  const useLocks = env.useLocks ?? (typeof navigator !== 'undefined' && Boolean(navigator.locks?.request));
  if (useLocks) {
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
    closeEvents();
    outboxSub?.unsubscribe();
    wantedSub?.();
    localRequests.delete(onRequest);
    channel?.close();
    if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    releaseLock?.();
  };
}
