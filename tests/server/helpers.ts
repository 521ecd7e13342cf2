/**
 * Test harness for the server: every suite runs against each available
 * backend — PGlite in memory always, and PostgreSQL when TEST_DATABASE_URL
 * is set or a server answers at 127.0.0.1:5432 (then each run gets its own
 * schema `t_<random>`, dropped afterwards). One database per file (PGlite
 * takes ~2 s to start); tables are truncated before each test, and each
 * test builds a fresh app on it with `build()`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app';
import type { Db, NotifyCallback } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrate';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { formatHlc } from '../../src/sync/shared/hlc';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../src/sync/shared/protocol';
import type { OutboxOp, SyncedTable } from '../../src/domain/types';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Db; dispose(): Promise<void>; url?: string; schema?: string }>;
  /** another connection to the same database (a second replica); postgres only */
  openReplica?(schema: string): Promise<Db>;
}

const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const pgliteBackend: Backend = {
  name: 'pglite',
  async open() {
    const db = await openPglite();
    await migrate(db);
    return { db, dispose: () => db.close() };
  },
};

export function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    openReplica: (schema) => openPostgres({ connectionString: url, searchPath: schema, applicationName: `${schema}_replica` }),
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const db = await openPostgres({ connectionString: url, searchPath: schema, applicationName: schema });
      await migrate(db);
      return {
        db,
        url,
        schema,
        async dispose() {
          await db.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`drop schema ${schema} cascade`);
          await c.end();
        },
      };
    },
  };
}

const pgUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
export const backends: Backend[] = [pgliteBackend];
if (process.env.TEST_DATABASE_URL || (await postgresAnswers(pgUrl))) backends.push(postgresBackend(pgUrl));

const TABLES = 'records, applied_ops, workplace_counters, blobs, pairing_codes, device_tokens, sessions, workplaces, invites, accounts, rate_limits';

/** A fake clock every app of the file shares; tests move it. */
export const clock = { now: Date.parse('2026-03-02T07:30:00Z') };

export interface Harness {
  db: Db;
  backend: Backend;
  /** A fresh app on the (emptied) database; closed after the test. */
  build(opts?: Partial<AppOptions>): Promise<FastifyInstance>;
  /** schema and URL, for tests that open a second connection (postgres only) */
  info: { url?: string; schema?: string };
}

export function useServer(backend: Backend): Harness {
  const apps: FastifyInstance[] = [];
  let dispose: () => Promise<void> = async () => {};
  const h: Harness = {
    db: undefined as unknown as Db,
    backend,
    info: {},
    async build(opts = {}) {
      // (sign-up open: most suites need several supervisors; accounts.test.ts checks the closed default)
      const app = await buildApp({ db: h.db, rateLimit: false, openSignup: true, now: () => clock.now, ...opts });
      apps.push(app);
      await app.ready();
      return app;
    },
  };
  beforeAll(async () => {
    const opened = await backend.open();
    h.db = opened.db;
    h.info = { url: opened.url, schema: opened.schema };
    dispose = opened.dispose;
  }, 60_000);
  beforeEach(async () => {
    clock.now = Date.parse('2026-03-02T07:30:00Z');
    await h.db.exec(`truncate ${TABLES} cascade`);
  });
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });
  afterAll(async () => {
    await dispose();
  });
  return h;
}

// ── API helpers ─────────────────────────────────────────────────────────

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely typed bodies keep assertions short
export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T;
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const syncHeaders = (token: string) => ({ ...bearer(token), [SCHEMA_HEADER]: String(SCHEMA_VERSION) });

let emailCounter = 0;
export async function signup(app: FastifyInstance, email = `sup${++emailCounter}@example.se`, password = 'correct horse battery') {
  const res = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email, password } });
  if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
  return { email, password, ...json<{ token: string; accountId: string }>(res) };
}

/** A supervisor with one workplace and the device token of its first tablet. */
export async function workplaceWithDevice(app: FastifyInstance, workplaceId: string = randomUUID()) {
  const sup = await signup(app);
  const res = await app.inject({
    method: 'POST',
    url: '/api/workplaces',
    headers: bearer(sup.token),
    payload: { id: workplaceId, name: 'Tvätteriet', deviceName: 'Wall tablet' },
  });
  if (res.statusCode !== 201) throw new Error(`workplace failed: ${res.statusCode} ${res.body}`);
  const body = json<{ token: string; device: { id: string } }>(res);
  return { sup, workplaceId, deviceToken: body.token, deviceId: body.device.id };
}

let hlcCounter = 0;
export function stamp(millis = clock.now, node = 'dev1') {
  return formatHlc({ millis, counter: ++hlcCounter % 0xffff, node });
}

export function op(workplaceId: string, table: SyncedTable, rowId: string, fields: Record<string, unknown>, hlc = stamp()): OutboxOp {
  return { opId: randomUUID(), table, rowId, workplaceId, fields, hlc, createdAt: clock.now };
}

export function push(app: FastifyInstance, token: string, ops: OutboxOp[], extra: Record<string, unknown> = {}) {
  return app.inject({ method: 'POST', url: '/api/sync/push', headers: syncHeaders(token), payload: { schemaVersion: SCHEMA_VERSION, ops, ...extra } });
}

export function pull(app: FastifyInstance, token: string, cursor = 0, limit?: number) {
  return app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}${limit ? `&limit=${limit}` : ''}`, headers: syncHeaders(token) });
}

/**
 * A Db that logs every query's SQL, whose LISTEN state a test can turn down, and whose callback on
 * `channel` a test can call; `queries()` gives the SQL on `tables` since the last call.
 */
export function spyDb(db: Db, channel: string, tables: RegExp) {
  const sql: string[] = [];
  const state: { down: boolean; notify: NotifyCallback | undefined } = { down: false, notify: undefined };
  const spied: Db = {
    ...db,
    query: (text, params) => {
      sql.push(text);
      return db.query(text, params);
    },
    listening: () => !state.down && db.listening(),
    listen: async (ch, cb) => {
      if (ch === channel) state.notify = cb;
      return db.listen(ch, cb);
    },
  };
  return {
    sql,
    db: spied,
    set down(v: boolean) {
      state.down = v;
    },
    get notify(): NotifyCallback | undefined {
      return state.notify;
    },
    queries(): string[] {
      const hits = sql.filter((q) => tables.test(q));
      sql.length = 0;
      return hits;
    },
  };
}

/** Kills the test server's real LISTEN connection on PostgreSQL (as a network cut would); resolves to how many were killed. */
export async function killListenConnection(h: Harness): Promise<number | null> {
  const admin = new pg.Client({ connectionString: h.info.url });
  await admin.connect();
  try {
    const killed = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and query ilike 'listen%'`, [h.info.schema]);
    return killed.rowCount;
  } finally {
    await admin.end();
  }
}

/** Further apps (and their databases) a test opens beside the harness's, closed after each test. */
export function extraApps(): { app?: FastifyInstance; db?: Db }[] {
  const extra: { app?: FastifyInstance; db?: Db }[] = [];
  afterEach(async () => {
    for (const e of extra.splice(0)) {
      await e.app?.close();
      await e.db?.close();
    }
  });
  return extra;
}
