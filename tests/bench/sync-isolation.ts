/**
 * Two rows of `npm run bench:sync` (issue 11):
 *
 * - another tenant's p95 while one workplace's lock is held: a separate
 *   PostgreSQL connection holds workplace A's counter row lock (as a long
 *   sweep or another replica would) while 12 of A's tablets push; meanwhile
 *   workplace B's push, pull and /api/health are timed (PostgreSQL only: PGlite
 *   has one connection, so nothing outside the server can hold a lock);
 * - the requests a tablet makes for one local edit: the real sync runner
 *   (src/sync/runner.ts) over fake-indexeddb, with a real event stream to the
 *   server, counted from the edit until it has been quiet for a while.
 *
 * The runner is browser code; it gets what it needs here: fetch (counted),
 * an EventSource over fetch, and a window/document stand-in for the code
 * paths that listen to them. The same shims let this file measure an older
 * runner that reads them from globals.
 */
import 'fake-indexeddb/auto';
import pg from 'pg';
import { createRepositories } from '../../src/data';
import { TavlaDb } from '../../src/data/db';
import * as runnerModule from '../../src/sync/runner';
import { SseReader } from '../server/sse';
import { p95 } from './stats';
import { createWorkplace, op, pullPage, pushOps, syncHeaders } from './sync-client';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** ms p95 of another tenant's push, pull and health while workplace A's lock is held, and what A's pushes got. */
export async function benchLockedTenant(base: string, session: string, pgUrl: string, schema: string) {
  const a = await createWorkplace(base, session);
  const b = await createWorkplace(base, session);
  const holder = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await holder.connect();
  const times: number[] = [];
  const statuses: number[] = [];
  try {
    await holder.query('begin');
    await holder.query('select seq from workplace_counters where workplace_id = $1 for update', [a.workplaceId]);
    const stuck = Array.from({ length: 12 }, (_, i) =>
      fetch(`${base}/api/sync/push`, {
        method: 'POST',
        headers: { ...syncHeaders(a.token), 'content-type': 'application/json' },
        body: JSON.stringify({ schemaVersion: 1, ops: [op(a.workplaceId, 'goals', `a${i}`, { text: 'waiting' })] }),
      }).then((r) => statuses.push(r.status)),
    );
    await sleep(200);
    for (let i = 0; i < 30; i++) {
      for (const req of [
        () => pushOps(base, b.token, [op(b.workplaceId, 'goals', `b${i}`, { text: 'calm' })]),
        () => pullPage(base, b.token, 0),
        () => fetch(`${base}/api/health`).then((r) => r.json()),
      ]) {
        const t0 = performance.now();
        await req();
        times.push(performance.now() - t0);
      }
    }
    await Promise.all(stuck);
  } finally {
    await holder.query('rollback').catch(() => {});
    await holder.end();
  }
  return { p95: p95(times), lockedStatuses: statuses };
}

/** An EventSource over fetch, for the runner in node. */
class NodeEventSource {
  readyState = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  private listeners: ((ev: MessageEvent<string>) => void)[] = [];
  private sse: SseReader | undefined;
  constructor(url: string) {
    void this.run(url);
  }
  static opened = 0;
  private async run(url: string) {
    try {
      const { res, sse } = await SseReader.open(url);
      this.sse = sse;
      if (!res.ok) throw new Error(String(res.status));
      this.readyState = 1;
      NodeEventSource.opened++;
      this.onopen?.(new Event('open'));
      for (;;) {
        const m = await sse.next((x) => x.event === 'poke', 3_600_000);
        for (const l of this.listeners) l(new MessageEvent('poke', { data: m.data ?? '' }));
      }
    } catch {
      if (this.readyState === 2) return;
      this.readyState = 2;
      this.onerror?.(new Event('error'));
    }
  }
  addEventListener(_type: string, l: (ev: MessageEvent<string>) => void) {
    this.listeners.push(l);
  }
  close() {
    this.readyState = 2;
    void this.sse?.close();
  }
}

/** Requests the real runner makes for one local edit, by "METHOD /path". */
export async function benchLocalEdit(base: string, session: string): Promise<{ total: number; byPath: Record<string, number> }> {
  const { workplaceId, token } = await createWorkplace(base, session);
  const g = globalThis as Record<string, unknown>;
  const realFetch = globalThis.fetch;
  const requests: string[] = [];
  const counting = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`);
    return realFetch(input, init);
  }) as typeof fetch;
  // what the runner takes from a browser (an older runner reads globals)
  const saved = { window: g.window, document: g.document, EventSource: g.EventSource, navigator: g.navigator };
  if (typeof navigator === 'undefined') g.navigator = {}; // node 20: no navigator (and no Web Locks) at all
  g.window ??= new EventTarget();
  g.document ??= Object.assign(new EventTarget(), { visibilityState: 'visible' });
  g.EventSource = NodeEventSource;
  globalThis.fetch = counting;
  const db = new TavlaDb(`bench-edit-${workplaceId}`);
  const repos = createRepositories(db);
  await runnerModule.savePairing(db, { baseUrl: base, workplaceId, token, deviceName: 'Bench tablet' });
  const start = runnerModule.startSyncRunner as (db: TavlaDb, env?: object) => () => void;
  const stop = start(db, { fetch: counting, EventSource: NodeEventSource, useLocks: false });
  try {
    const deadline = Date.now() + 20_000;
    while (NodeEventSource.opened === 0 || requests.length === 0) {
      if (Date.now() > deadline) throw new Error('local edit: the runner never connected');
      await sleep(50);
    }
    await sleep(3_000); // the rounds of start-up and of the stream's opening are over
    const before = requests.length;
    await repos.goals.add(workplaceId, { pictogramId: 'star', period: 'day', target: { kind: 'count', target: 5 } });
    let quietSince = Date.now();
    let seen = requests.length;
    // until the outbox is empty and nothing was asked for 4 s (longer than the runner's debounce)
    while ((await db.outbox.count()) > 0 || Date.now() - quietSince < 4_000) {
      if (requests.length !== seen) {
        seen = requests.length;
        quietSince = Date.now();
      }
      await sleep(50);
    }
    const made = requests.slice(before);
    const byPath: Record<string, number> = {};
    for (const r of made) byPath[r] = (byPath[r] ?? 0) + 1;
    return { total: made.length, byPath };
  } finally {
    stop();
    globalThis.fetch = realFetch;
    Object.assign(g, saved);
    db.close();
  }
}
