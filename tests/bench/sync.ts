/**
 * `npm run bench:sync`: the sync server under load, PGlite and PostgreSQL side
 * by side. The server runs in a child process (tests/bench/sync-server.ts,
 * the real app from buildApp) listening on a real port; this process is the
 * devices and the load generator. Measures:
 *
 * 1. push of 5,000 queued changes from one device: the real client engine
 *    (src/sync/engine.ts) over fake-indexeddb, outbox filled by the real
 *    repositories, pushing over HTTP in its own batches;
 * 2. first pull into a fresh device: the real engine pulls one busy year
 *    (tests/bench/dataset.ts, pushed to the server beforehand) plus those
 *    5,000 changes into an empty fake-indexeddb database;
 * 3. poke → visible: 200 devices hold the SSE stream of one workplace; another
 *    device pushes one change; per device, the time from the push's ack to the
 *    poke arriving and to its pull (plain HTTP) returning the change;
 * 4. sustained sync requests per second: autocannon, 200 connections = 200
 *    devices (40 workplaces × 5), each looping "push one attendance mark, pull
 *    from my cursor", then (once the server has finished the pushes left in
 *    flight and every device is at its current cursor) only pulling (a
 *    device's idle check), then only
 *    pulling with the verified-token cache turned off (every pull reads its
 *    token from the database, as before issue 13); beside a bare Fastify JSON
 *    route (another child process) measured just before the mixed run and
 *    again just before the pull-only runs (the CPU is shared: neighbours come
 *    and go), same run;
 * 5. the server process's memory (RSS and JS heap, peak) under that load;
 * 6. another tenant's p95 (push, pull, health) while one workplace's counter
 *    lock is held by another connection (PostgreSQL; tests/bench/sync-isolation.ts);
 * 7. the requests the real sync runner makes for one local edit.
 *
 * PostgreSQL: TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test, in
 * a throw-away schema; "n/a" when it does not answer. BENCH_SECONDS sets the
 * length of each load run (default 8). Benchmarks measure; they do not assert
 * the targets (a broken sync — missing rows, errors — does fail the run).
 */
import { pct } from './stats';
import 'fake-indexeddb/auto';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options as CannonOptions, type Request as CannonRequest } from 'autocannon';
import pg from 'pg';
import { createRepositories } from '../../src/data';
import { TavlaDb } from '../../src/data/db';
import { DEVIATION_CATEGORIES, SYNCED_TABLES, type OutboxOp, type SyncedTable } from '../../src/domain/types';
import { attendanceId } from '../../src/domain/attendance';
import { addDays, toIsoDate } from '../../src/domain/dates';
import { createSyncEngine } from '../../src/sync/engine';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SCHEMA_VERSION } from '../../src/sync/shared/protocol';
import { SseReader } from '../server/sse';
import { oneYear } from './dataset';
import { benchLocalEdit, benchLockedTenant } from './sync-isolation';
import { createWorkplace, op, pairDevice, pullPage, pushOps, signup, startServer, syncHeaders, type BenchServer, type Memory } from './sync-client';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const QUEUED = 5_000;
const SSE_CLIENTS = 200;
const SSE_CHANGES = 10;
const LOAD_WORKPLACES = 40;
const DEVICES_PER_WORKPLACE = 5;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const benchStart = Date.now();
const log = (msg: string) => console.log(`  · [${((Date.now() - benchStart) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

/** Runs `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ── the measurements ────────────────────────────────────────────────────

interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** distinct messages of the errors autocannon saw */
  errorKinds: string[];
}

interface LoadResult {
  /** the bare Fastify route, measured just before the mixed run (same connections, same length) */
  bare: LoadRun;
  /** the bare route again, just before the pull-only runs (the CPU is shared: load comes and goes) */
  bareBeforePull: LoadRun;
  bareMemory: Memory;
  /** each device loops: push one attendance mark, pull from its cursor */
  mixed: LoadRun;
  /** the same devices only pulling, nothing new on the server (a device's idle check) */
  pullOnly: LoadRun;
  /** the same again with the verified-token cache off: every pull reads its token from the database */
  pullOnlyNoTokenCache: LoadRun;
  /** server memory before the load, and at the end with the peaks of both runs */
  idle: Memory;
  load: Memory;
}

interface BackendResult {
  push: { ms: number; ops: number };
  pull: { ms: number; rows: number };
  sse: { poke: number[]; visible: number[] };
  load: LoadResult;
  edit: { total: number; byPath: Record<string, number> };
  locked: { p95: number; lockedStatuses: number[] } | undefined;
}

/** Pushes the year data set as the ops a device would have sent, in batches under the 1 MB body limit. */
async function seedYear(base: string, session: string): Promise<{ workplaceId: string; rows: number; today: string }> {
  const today = toIsoDate(new Date());
  const data = oneYear(today);
  const { token } = await createWorkplace(base, session, data.workplaceId);
  const ops: OutboxOp[] = [];
  for (const [table, rows] of Object.entries(data.tables)) {
    for (const row of rows) {
      const { id, _clock, ...fields } = row as { id: string; _clock: Record<string, string> } & Record<string, unknown>;
      ops.push({ opId: randomUUID(), table: table as SyncedTable, rowId: id, workplaceId: data.workplaceId, fields, hlc: Object.values(_clock)[0]!, createdAt: Date.now() });
    }
  }
  for (let i = 0; i < ops.length; i += 1000) await pushOps(base, token, ops.slice(i, i + 1000));
  return { workplaceId: data.workplaceId, rows: ops.length, today };
}

/** 1: one device with 5,000 changes in its outbox pushes them with the real engine. */
async function benchPush(base: string, session: string, workplaceId: string, today: string) {
  const token = await pairDevice(base, session, workplaceId, 'Offline tablet');
  const db = new TavlaDb(`syncbench-push-${randomUUID()}`);
  const repos = createRepositories(db);
  const people = Array.from({ length: 50 }, (_, i) => `01900000-0000-7000-8000-0000000${String(10000 + i)}`);
  // 2,000 attendance marks (days after the year's data), 2,000 deviations, 1,000 ideas
  for (let i = 0; i < 2000; i++) await repos.attendance.setStatus(workplaceId, people[i % 50]!, addDays(today, Math.floor(i / 50)), i % 7 ? 'present' : 'sick');
  for (let i = 0; i < 2000; i++) await repos.deviations.report(workplaceId, { category: DEVIATION_CATEGORIES[i % DEVIATION_CATEGORIES.length]!, date: today, reportedBy: people[i % 50]! });
  for (let i = 0; i < 1000; i++) await repos.improvements.propose(workplaceId, { date: today, pictogramId: 'idea', proposedBy: people[i % 50]! });
  const queued = await db.outbox.count();
  if (queued !== QUEUED) throw new Error(`expected ${QUEUED} queued changes, got ${queued}`);
  const engine = createSyncEngine({ db, workplaceId, baseUrl: base, token });
  const t0 = performance.now();
  const pushed = await engine.push();
  const ms = performance.now() - t0;
  const left = await db.outbox.count();
  if (pushed !== QUEUED || left !== 0) throw new Error(`push: sent ${pushed}, ${left} left in the outbox`);
  db.close();
  await db.delete();
  return { ms, ops: pushed };
}

/** 2: a freshly paired device pulls everything with the real engine. */
async function benchFirstPull(base: string, session: string, workplaceId: string, expected: number) {
  const token = await pairDevice(base, session, workplaceId, 'New tablet');
  const db = new TavlaDb(`syncbench-pull-${randomUUID()}`);
  const engine = createSyncEngine({ db, workplaceId, baseUrl: base, token });
  const t0 = performance.now();
  const { pulled } = await engine.pull();
  const ms = performance.now() - t0;
  let stored = 0;
  for (const t of SYNCED_TABLES) stored += await db.table(t).count();
  if (pulled !== expected || stored !== expected) throw new Error(`first pull: expected ${expected} rows, pulled ${pulled}, stored ${stored}`);
  db.close();
  await db.delete();
  return { ms, rows: pulled };
}

/** 3: 200 devices on one workplace's SSE stream; one change at a time from another device. */
async function benchPoke(base: string, session: string) {
  const { workplaceId, token: pusher } = await createWorkplace(base, session);
  const tokens = await pool(Array.from({ length: SSE_CLIENTS }, (_, i) => i), 8, (i) => pairDevice(base, session, workplaceId, `Tablet ${i + 2}`));
  interface Listener {
    token: string;
    sse: SseReader;
    cursor: number;
    /** change row id → [poke arrived, row visible] (performance.now()) */
    seen: Map<string, [number, number]>;
  }
  const url = async (token: string) => {
    const res = await fetch(`${base}/api/sync/events/ticket`, { method: 'POST', headers: syncHeaders(token) });
    const { ticket } = (await res.json()) as { ticket: string };
    return `${base}/api/sync/events?ticket=${encodeURIComponent(ticket)}&schema=${SCHEMA_VERSION}`;
  };
  const listeners: Listener[] = await pool(tokens, 20, async (token) => {
    const { res, sse } = await SseReader.open(await url(token));
    if (!res.ok) throw new Error(`SSE: ${res.status}`);
    return { token, sse, cursor: await sse.nextPoke(30_000), seen: new Map() };
  });
  let wake: () => void = () => {};
  let failures = 0;
  // Each device: on a poke past its cursor, pull; the change is visible when the pull returns it.
  const loops = listeners.map(async (l) => {
    for (;;) {
      let cursor: number;
      try {
        cursor = await l.sse.nextPoke(600_000);
      } catch {
        return; // stream closed at the end
      }
      if (cursor <= l.cursor) continue;
      const pokeAt = performance.now();
      let page = await pullPage(base, l.token, l.cursor);
      const rows = [...page.rows];
      while (page.hasMore) rows.push(...(page = await pullPage(base, l.token, page.cursor)).rows);
      const visibleAt = performance.now();
      l.cursor = page.cursor;
      for (const { row } of rows) if (!l.seen.has(row.id)) l.seen.set(row.id, [pokeAt, visibleAt]);
      if (rows.length === 0) failures++;
      wake();
    }
  });

  const poke: number[] = [];
  const visible: number[] = [];
  const people = Array.from({ length: SSE_CHANGES }, () => randomUUID());
  for (const [i, rowId] of people.entries()) {
    await new Promise((r) => setTimeout(r, 100)); // let the previous round settle
    const change = op(workplaceId, 'persons', rowId, { firstName: `Ada${i}`, avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv', active: 1, order: i });
    const res = await pushOps(base, pusher, [change]);
    const ackAt = performance.now();
    const deadline = Date.now() + 30_000;
    while (listeners.some((l) => l.cursor < res.cursor)) {
      if (Date.now() > deadline) throw new Error(`poke: ${listeners.filter((l) => l.cursor < res.cursor).length} devices never saw change ${i}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000);
      });
    }
    for (const l of listeners) {
      const seen = l.seen.get(rowId);
      if (!seen) throw new Error('poke: a device pulled past the change without receiving it');
      poke.push(seen[0] - ackAt);
      visible.push(seen[1] - ackAt);
    }
  }
  if (failures > 0) throw new Error(`poke: ${failures} pulls after a poke returned nothing`);
  await Promise.all(listeners.map((l) => l.sse.close()));
  await Promise.all(loops);
  return { poke, visible };
}

interface LoadDevice {
  workplaceId: string;
  token: string;
  people: string[];
  node: string;
  cursor: number;
  /** the cursor's epoch, sent with it as the real engine does */
  epoch: string;
  counter: number;
}

/** 4 + 5: 200 devices syncing as fast as the server answers, and the server's memory meanwhile. */
async function benchLoad(server: BenchServer, bareServer: BenchServer, session: string): Promise<LoadResult> {
  const base = server.url;
  const workplaces = await pool(Array.from({ length: LOAD_WORKPLACES }, (_, i) => i), 8, () => createWorkplace(base, session));
  const devices: LoadDevice[] = [];
  await pool(workplaces, 8, async ({ workplaceId, token }) => {
    const tokens = [token];
    for (let d = 1; d < DEVICES_PER_WORKPLACE; d++) tokens.push(await pairDevice(base, session, workplaceId, `Tablet ${d + 1}`));
    const people = Array.from({ length: 20 }, () => randomUUID());
    for (const t of tokens) devices.push({ workplaceId, token: t, people, node: randomBytes(8).toString('hex'), cursor: 0, epoch: '', counter: 0 });
  });
  const today = toIsoDate(new Date());
  const requestsFor = (d: LoadDevice, pullOnly: boolean): CannonRequest[] => {
    const headers = syncHeaders(d.token);
    const pull: CannonRequest = {
      method: 'GET',
      headers,
      setupRequest: (req) => ({ ...req, path: `/api/sync/pull?cursor=${d.cursor}&epoch=${d.epoch}&limit=500` }),
      onResponse: (status, body) => {
        const m = status === 200 ? /"cursor":(\d+),"epoch":"([0-9a-f]*)"/.exec(body) : null;
        if (m) {
          d.cursor = Number(m[1]);
          d.epoch = m[2]!;
        }
      },
    };
    if (pullOnly) return [pull];
    return [
      {
        method: 'POST',
        path: '/api/sync/push',
        headers: { ...headers, 'content-type': 'application/json' },
        setupRequest: (req) => {
          const personId = d.people[Math.floor(Math.random() * d.people.length)]!;
          const date = addDays(today, -Math.floor(Math.random() * 30));
          const now = Date.now();
          const change: OutboxOp = {
            opId: randomUUID(),
            table: 'attendance',
            rowId: attendanceId(personId, date),
            workplaceId: d.workplaceId,
            fields: { personId, date, status: Math.random() < 0.8 ? 'present' : 'late', checkedInAt: now, setBy: 'self' },
            hlc: formatHlc({ millis: now, counter: (d.counter = (d.counter + 1) % 0xffff), node: d.node }),
            createdAt: now,
          };
          return { ...req, body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, ops: [change] }) };
        },
      },
      pull,
    ];
  };
  const run = (pullOnly: boolean) => {
    let next = 0;
    return cannon({
      url: base,
      connections: devices.length,
      duration: LOAD_SECONDS,
      requests: [{ method: 'GET', path: '/api/health' }],
      setupClient: (client) => client.setRequests(requestsFor(devices[next++ % devices.length]!, pullOnly)),
    });
  };
  // the baseline first, in the same conditions (the CPU is shared: neighbours come and go)
  bareServer.resetMemory();
  const bare = await cannon({ url: `${bareServer.url}/`, connections: devices.length, duration: LOAD_SECONDS });
  const bareMemory = await bareServer.memory();
  server.resetMemory();
  await new Promise((r) => setTimeout(r, 300));
  const idle = await server.memory();
  server.resetMemory();
  const mixed = await run(false);
  // "nothing new on the server": let the pushes the mixed run left in flight finish first
  await settle(base, devices);
  const bareBeforePull = await cannon({ url: `${bareServer.url}/`, connections: devices.length, duration: LOAD_SECONDS });
  const pullOnly = await run(true);
  const load = await server.memory();
  server.tokenCache(false);
  await settle(base, devices);
  const pullOnlyNoTokenCache = await run(true);
  server.tokenCache(true);
  return { bare, bareBeforePull, bareMemory, mixed, pullOnly, pullOnlyNoTokenCache, idle, load };
}

/**
 * Brings every device to its workplace's current cursor once the server has
 * finished the pushes a load run left in flight (autocannon stops sending,
 * not the server working: with PGlite's one connection that backlog took
 * seconds and was then counted against the pull-only run).
 */
async function settle(base: string, devices: LoadDevice[]) {
  for (let round = 0; round < 2; round++) {
    await pool(devices, 20, async (d) => {
      let page;
      do {
        page = await pullPage(base, d.token, d.cursor);
        d.cursor = page.cursor;
        d.epoch = page.epoch;
      } while (page.hasMore);
    });
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** One autocannon run, summarised, with the kinds of errors it met. */
async function cannon(opts: CannonOptions): Promise<LoadRun> {
  const kinds = new Set<string>();
  const instance = autocannon(opts);
  instance.on('reqError', (err) => kinds.add(err.message));
  const r = await instance;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    errorKinds: [...kinds],
  };
}

async function benchBackend(bareServer: BenchServer, env: Record<string, string>): Promise<BackendResult> {
  const server = await startServer({ BENCH_MODE: 'tavla', ...env });
  try {
    const base = server.url;
    const session = await signup(base);
    const edit = await benchLocalEdit(base, session);
    log(`one local edit: ${edit.total} requests (${JSON.stringify(edit.byPath)})`);
    const locked = env.DATABASE_URL ? await benchLockedTenant(base, session, env.DATABASE_URL, env.BENCH_PG_SCHEMA!) : undefined;
    if (locked) log(`another tenant p95 ${locked.p95.toFixed(0)} ms while a lock is held; the locked pushes answered ${locked.lockedStatuses.join(',')}`);
    log('seeding one year…');
    const year = await seedYear(base, session);
    log(`seeded ${year.rows} rows; queueing ${QUEUED} changes on a device…`);
    const push = await benchPush(base, session, year.workplaceId, year.today);
    log(`push ${push.ms.toFixed(0)} ms; first pull…`);
    const pull = await benchFirstPull(base, session, year.workplaceId, year.rows + QUEUED);
    log(`first pull ${pull.ms.toFixed(0)} ms; ${SSE_CLIENTS} SSE clients…`);
    const sse = await benchPoke(base, session);
    log(`poke p95 ${pct(sse.visible, 0.95).toFixed(0)} ms; load (${LOAD_SECONDS} s)…`);
    const load = await benchLoad(server, bareServer, session);
    log(
      `${load.mixed.rps.toFixed(0)} req/s push+pull, ${load.pullOnly.rps.toFixed(0)} req/s pull only ` +
        `(${load.pullOnlyNoTokenCache.rps.toFixed(0)} without the token cache), ${load.bare.rps.toFixed(0)} / ${load.bareBeforePull.rps.toFixed(0)} req/s bare route`,
    );
    return { push, pull, sse, load, edit, locked };
  } finally {
    await server.stop();
  }
}

async function pgliteEnv<T>(fn: (env: Record<string, string>) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tavla-syncbench-'));
  try {
    return await fn({ DATA_DIR: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function postgresEnv<T>(fn: (env: Record<string, string>) => Promise<T>): Promise<T | undefined> {
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1000 });
  try {
    await admin.connect();
  } catch {
    await admin.end().catch(() => {});
    return undefined;
  }
  const schema = `syncbench_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`create schema ${schema}`);
    return await fn({ DATABASE_URL: PG_URL, BENCH_PG_SCHEMA: schema });
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`).catch((err: unknown) => console.error(`could not drop schema ${schema}:`, err));
    await admin.end();
  }
}

// ── the table ───────────────────────────────────────────────────────────

async function main() {
  console.log(`bench:sync — node ${process.version}, ${availableParallelism()} CPUs, ${LOAD_SECONDS} s per load run`);
  const bareServer = await startServer({ BENCH_MODE: 'bare' });
  let lite: BackendResult;
  let pgres: BackendResult | undefined;
  try {
    console.log('PGlite…');
    lite = await pgliteEnv((env) => benchBackend(bareServer, env));
    console.log('PostgreSQL…');
    pgres = await postgresEnv((env) => benchBackend(bareServer, env));
    if (!pgres) console.log('  · PostgreSQL does not answer: n/a');
  } finally {
    await bareServer.stop();
  }

  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const cols = (f: (r: BackendResult) => string): [string, string] => [f(lite), pgres ? f(pgres) : 'n/a'];
  const devices = LOAD_WORKPLACES * DEVICES_PER_WORKPLACE;
  const rate = (x: LoadRun) => `${x.rps.toFixed(0)} (${ms(x.p50)} / ${ms(x.p99)})`;
  const share = (x: LoadRun, bare: LoadRun) => `${((x.rps / bare.rps) * 100).toFixed(1)} %`;
  const errors = (...runs: LoadRun[]) => runs.map((x) => `${x.errors} (${x.timeouts} t/o) / ${x.non2xx}`).join(', ');
  const rows: [string, string, string, string][] = [
    [`push ${QUEUED.toLocaleString('en')} queued changes, one device`, ...cols((r) => ms(r.push.ms)), '≤ 2 s'],
    [`first pull into a fresh device (${lite.pull.rows.toLocaleString('en')} rows)`, ...cols((r) => ms(r.pull.ms)), '≤ 5 s'],
    [`push ack → poke received, p50 / p95 (${SSE_CLIENTS} SSE)`, ...cols((r) => `${ms(pct(r.sse.poke, 0.5))} / ${ms(pct(r.sse.poke, 0.95))}`), ''],
    [`push ack → change visible, p50 (${SSE_CLIENTS} SSE)`, ...cols((r) => ms(pct(r.sse.visible, 0.5))), ''],
    [`push ack → change visible, p95 (${SSE_CHANGES} × ${SSE_CLIENTS})`, ...cols((r) => ms(pct(r.sse.visible, 0.95))), '≤ 500 ms'],
    [`req/s (latency p50 / p99), ${devices} devices: push 1 + pull`, ...cols((r) => rate(r.load.mixed)), ''],
    [`req/s (latency p50 / p99), ${devices} devices: pull only`, ...cols((r) => rate(r.load.pullOnly)), ''],
    [`req/s (latency p50 / p99), ${devices} devices: pull only, token cache off`, ...cols((r) => rate(r.load.pullOnlyNoTokenCache)), ''],
    [`req/s, bare Fastify JSON route, ${devices} conns (just before each)`, ...cols((r) => `${rate(r.load.bare)}; ${r.load.bareBeforePull.rps.toFixed(0)}`), ''],
    ['push 1 + pull ÷ bare route', ...cols((r) => share(r.load.mixed, r.load.bare)), '≥ 30 %'],
    ['pull only ÷ bare route', ...cols((r) => share(r.load.pullOnly, r.load.bareBeforePull)), '≥ 30 %'],
    ['pull only, token cache off ÷ bare route', ...cols((r) => share(r.load.pullOnlyNoTokenCache, r.load.bareBeforePull)), ''],
    ['errors (timeouts) / non-2xx: push+pull, pull, pull w/o cache', ...cols((r) => errors(r.load.mixed, r.load.pullOnly, r.load.pullOnlyNoTokenCache)), '0 / 0'],
    ['server RSS: idle → peak under load', ...cols((r) => `${mb(r.load.idle.rss)} → ${mb(r.load.load.peakRss)}`), ''],
    ['server JS heap used: idle → peak under load', ...cols((r) => `${mb(r.load.idle.heapUsed)} → ${mb(r.load.load.peakHeapUsed)}`), ''],
    ['(bare route server: RSS peak)', ...cols((r) => mb(r.load.bareMemory.peakRss)), ''],
    [
      "another tenant's push/pull/health p95, one workplace's lock held",
      ...cols((r) => (r.locked ? `${ms(r.locked.p95)} (locked: ${[...new Set(r.locked.lockedStatuses)].join('/')})` : 'n/a (one connection)')),
      '≤ 100 ms',
    ],
    ['requests a tablet makes for one local edit', ...cols((r) => `${r.edit.total} (${Object.entries(r.edit.byPath).map(([k, v]) => `${v}× ${k}`).join(', ')})`), '1 push, no pull'],
  ];
  const head: [string, string, string, string] = ['measure', 'PGlite', 'PostgreSQL', 'target'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  console.log(`\n${line(head)}`);
  console.log(w.map((n) => '-'.repeat(n)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const [name, r] of [['PGlite', lite], ['PostgreSQL', pgres]] as const) {
    const kinds = r ? [...new Set([...r.load.mixed.errorKinds, ...r.load.pullOnly.errorKinds, ...r.load.pullOnlyNoTokenCache.errorKinds])] : [];
    if (kinds.length) console.log(`${name} load errors: ${kinds.join('; ')}`);
  }
  console.log(`\n(${((Date.now() - benchStart) / 1000).toFixed(0)} s; the server ran in its own process; PostgreSQL's own processes are not in its RSS)`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
