// @vitest-environment node
/**
 * The sync runner against the real server in-process (PGlite), through a
 * counting fetch and a fake EventSource: how many requests a local edit
 * costs, which pokes start a round, how often the status is written, and
 * that the event stream opens with a ticket, never a token.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createRepositories } from '../data';
import { TavlaDb } from '../data/db';
import { injectFetch, type RecordedRequest } from '../../tests/helpers/injectFetch';
import { op, pgliteBackend, pull, push, useServer, workplaceWithDevice, json } from '../../tests/server/helpers';
import { SYNCED_TABLES, type SyncedRow, type SyncedTable } from '../domain/types';
import { formatHlc } from './shared/hlc';
import { PUSH_BATCH } from './engine';
import { requestSync, startSyncRunner, STATUS_KEY, savePairing, type EventSourceLike, type SyncStatus } from './runner';

class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = [];
  readyState = 0;
  onopen: ((ev: Event) => unknown) | null = null;
  onerror: ((ev: Event) => unknown) | null = null;
  private pokes: ((ev: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  addEventListener(_type: 'poke', listener: (ev: MessageEvent<string>) => void) {
    this.pokes.push(listener);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  poke(cursor: number, epoch: string) {
    for (const l of this.pokes) l(new MessageEvent('poke', { data: JSON.stringify({ cursor, epoch }) }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  close() {
    this.readyState = 2;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for a condition; generous, because the first round waits for the in-process server to boot (slow on a loaded machine). */
async function until(cond: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(20);
  }
}

let dbCounter = 0;
describe('sync runner', { timeout: 40_000 }, () => {
  const h = useServer(pgliteBackend);
  const stops: (() => void)[] = [];
  afterEach(() => {
    for (const s of stops.splice(0)) s();
    FakeEventSource.all = [];
  });

  async function tablet(app: FastifyInstance) {
    const w = await workplaceWithDevice(app);
    const db = new TavlaDb(`runner-${++dbCounter}`);
    const repos = createRepositories(db);
    await savePairing(db, { baseUrl: 'http://tavla.test', workplaceId: w.workplaceId, token: w.deviceToken, deviceName: 'Wall' });
    const net = injectFetch(app);
    let statusWrites = 0;
    db.meta.hook('creating', (key) => void (key === STATUS_KEY && statusWrites++));
    db.meta.hook('updating', (_m, key) => void (key === STATUS_KEY && statusWrites++));
    const stop = startSyncRunner(db, { fetch: net.fetch, EventSource: FakeEventSource, useLocks: false, eventsRetryMs: 50 });
    stops.push(stop);
    const status = async () => (await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined;
    await until(async () => (await status())?.state === 'synced' && FakeEventSource.all.length > 0);
    const es = FakeEventSource.all.at(-1)!;
    es.open();
    await sleep(200); // the round the stream's opening starts
    return { ...w, db, repos, net, es, status, statusWrites: () => statusWrites };
  }

  const since = (log: RecordedRequest[], n: number) => log.slice(n).map((r) => `${r.method} ${r.path}`);

  it('sends one local edit as one push: no echo pull, and its own poke starts nothing', async () => {
    const app = await h.build({ now: () => Date.now() }); // the tablet's clock is the real one
    const t = await tablet(app);
    const n = t.net.log.length;
    await t.repos.goals.add(t.workplaceId, { pictogramId: 'star', period: 'day', target: { kind: 'count', target: 5 } });
    await until(async () => (await t.db.outbox.count()) === 0);
    // the server pokes every stream with the push's cursor (ours)
    const cursor = (await t.db.meta.get(`syncCursor:${t.workplaceId}`))?.value as { cursor: number; epoch: string };
    t.es.poke(cursor.cursor, cursor.epoch);
    await sleep(DEBOUNCE_WAIT);
    expect(since(t.net.log, n)).toEqual(['POST /api/sync/push']);
  });

  it("pulls when a poke is past its cursor (another tablet's change), not when it is not", async () => {
    const app = await h.build({ now: () => Date.now() }); // the tablet's clock is the real one
    const t = await tablet(app);
    const n = t.net.log.length;
    const cursor = (await t.db.meta.get(`syncCursor:${t.workplaceId}`))?.value as { cursor: number; epoch: string };
    t.es.poke(cursor.cursor, cursor.epoch);
    await sleep(300);
    expect(since(t.net.log, n)).toEqual([]);
    const res = json(await push(app, t.deviceToken, [op(t.workplaceId, 'goals', 'g-other', { text: 'from the other tablet' })]));
    t.es.poke(res.cursor, res.epoch);
    await until(async () => (await t.db.goals.get('g-other')) !== undefined);
    expect(since(t.net.log, n)).toEqual(['GET /api/sync/pull']);
  });

  it('writes its status once per round, and requestSync starts a round without faking a browser event', async () => {
    const app = await h.build({ now: () => Date.now() }); // the tablet's clock is the real one
    const t = await tablet(app);
    const n = t.net.log.length;
    const writes = t.statusWrites();
    const before = (await t.status())!.lastSyncAt;
    await sleep(5);
    requestSync();
    await until(async () => (await t.status())!.lastSyncAt !== before);
    expect(since(t.net.log, n)).toEqual(['GET /api/sync/pull']);
    expect(t.statusWrites() - writes).toBe(1);
  });

  it('pushes a restored backup in batches after the restore, and its ops joining the outbox start no further round', async () => {
    const app = await h.build({ now: () => Date.now() }); // the tablet's clock is the real one
    const t = await tablet(app);
    const n = t.net.log.length;
    const stampNow = formatHlc({ millis: Date.now() - 60_000, counter: 0, node: 'oldtablet' });
    const row = (id: string, fields: Record<string, unknown>) =>
      ({ id, workplaceId: t.workplaceId, ...fields, createdAt: 1, updatedAt: 1, deleted: 0, _clock: Object.fromEntries([...Object.keys(fields), 'createdAt', 'updatedAt', 'deleted'].map((k) => [k, stampNow])) }) as unknown as SyncedRow;
    const tables = Object.fromEntries(SYNCED_TABLES.map((name) => [name, [] as SyncedRow[]])) as Record<SyncedTable, SyncedRow[]>;
    tables.workplaces.push(row(t.workplaceId, { name: 'Restored' }));
    for (let i = 0; i < PUSH_BATCH + 50; i++) tables.goals.push(row(`g-${i}`, { text: `goal ${i}` }));
    await t.repos.backup.restore({ workplaceId: t.workplaceId, tables, blobs: [], missingBlobs: [] });
    await until(async () => (await t.repos.sync.pendingCount(t.workplaceId)) === 0);
    await sleep(DEBOUNCE_WAIT);
    expect(since(t.net.log, n)).toEqual(['POST /api/sync/push', 'POST /api/sync/push']);
    const server = json(await pull(app, t.deviceToken)).rows as { table: string }[];
    expect(server.filter((r) => r.table === 'goals')).toHaveLength(PUSH_BATCH + 50);
  });

  it('opens the event stream with a single-use ticket, never the token, and a fresh ticket after an error', async () => {
    const app = await h.build({ now: () => Date.now() }); // the tablet's clock is the real one
    const t = await tablet(app);
    expect(t.es.url).toMatch(/\/api\/sync\/events\?ticket=tvt_[\w-]+&schema=1$/);
    expect(t.es.url).not.toContain(t.deviceToken.slice(4));
    const tickets = t.net.log.filter((r) => r.path === '/api/sync/events/ticket').length;
    t.es.fail();
    await until(() => FakeEventSource.all.length === 2);
    expect(t.es.readyState).toBe(2);
    expect(t.net.log.filter((r) => r.path === '/api/sync/events/ticket').length).toBe(tickets + 1);
    expect(FakeEventSource.all[1]!.url).not.toBe(t.es.url);
  });
});

/** longer than the runner's debounce, so a round it would start has started and finished */
const DEBOUNCE_WAIT = 2_500;
