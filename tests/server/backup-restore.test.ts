// @vitest-environment node
/**
 * The restore drill of docs/it-guide.md, on both databases: back up a
 * server's data the documented way, restore it somewhere else, start a
 * server on the copy and check it serves what was there (a login, a
 * workplace's rows, a paired tablet). Also: migrations run once, under a
 * lock, when two replicas start at the same moment, and an older program
 * refuses a newer database.
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { adminQuery } from '../helpers/pgAdmin';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { loadMigrations, migrate } from '../../src/server/db/migrate';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/postgres';
import { backends, clock, json, op, pull, push, workplaceWithDevice } from './helpers';

const run = promisify(execFile);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const withDb = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Fills a database through the API as tablets would; returns what to look for after the restore. */
async function fill(db: Db) {
  const app = await buildApp({ db, rateLimit: false, openSignup: true, now: () => clock.now });
  try {
    const w = await workplaceWithDevice(app, randomUUID());
    const ops = ['Ali', 'Berit', 'Chen'].map((firstName, i) => op(w.workplaceId, 'persons', `p${i}`, { firstName }));
    expect((await push(app, w.deviceToken, ops)).statusCode).toBe(200);
    return w;
  } finally {
    await app.close();
  }
}

async function servesTheSame(db: Db, w: Awaited<ReturnType<typeof fill>>) {
  expect(await migrate(db)).toEqual([]); // nothing to do: the copy is at the same version
  const app = await buildApp({ db, rateLimit: false, now: () => clock.now });
  try {
    expect(json(await app.inject({ method: 'GET', url: '/api/health' })).status).toBe('ok');
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: { email: w.sup.email, password: w.sup.password } });
    expect(login.statusCode).toBe(200);
    expect(json(login).workplaces).toEqual([{ id: w.workplaceId, name: 'Tvätteriet' }]);
    const rows = json<{ rows: { table: string; row: { firstName?: string } }[] }>(await pull(app, w.deviceToken)).rows;
    expect(rows.filter((r) => r.table === 'persons').map((r) => r.row.firstName).sort()).toEqual(['Ali', 'Berit', 'Chen']);
  } finally {
    await app.close();
  }
}

describe.each(backends)('backup and restore drill ($name)', (backend) => {
  if (backend.name === 'pglite') {
    it('restores a copy of the stopped data directory', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tavla-drill-'));
      try {
        await mkdir(join(dir, 'data', 'pglite'), { recursive: true });
        const live = await openPglite(join(dir, 'data', 'pglite'));
        await migrate(live);
        const w = await fill(live);
        await live.close(); // "systemctl stop tavla"
        await cp(join(dir, 'data'), join(dir, 'backup'), { recursive: true });
        await cp(join(dir, 'backup'), join(dir, 'restored'), { recursive: true });
        const restored = await openPglite(join(dir, 'restored', 'pglite'));
        try {
          await servesTheSame(restored, w);
        } finally {
          await restored.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000);
  } else {
    it('restores a pg_dump into a new database with pg_restore', async () => {
      const suffix = randomBytes(5).toString('hex');
      const [source, target] = [`tavla_drill_${suffix}`, `tavla_restored_${suffix}`];
      const dir = await mkdtemp(join(tmpdir(), 'tavla-drill-'));
      await adminQuery(PG_URL, `create database ${source}`);
      await adminQuery(PG_URL, `create database ${target}`);
      try {
        const live = await openPostgres({ connectionString: withDb(PG_URL, source) });
        let w: Awaited<ReturnType<typeof fill>>;
        try {
          await migrate(live);
          w = await fill(live);
        } finally {
          await live.close();
        }
        const file = join(dir, 'tavla.dump');
        await run('pg_dump', ['--format=custom', `--file=${file}`, withDb(PG_URL, source)]);
        await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${withDb(PG_URL, target)}`, file]);
        const restored = await openPostgres({ connectionString: withDb(PG_URL, target) });
        try {
          await servesTheSame(restored, w);
        } finally {
          await restored.close();
        }
      } finally {
        await adminQuery(PG_URL, `drop database if exists ${source}`);
        await adminQuery(PG_URL, `drop database if exists ${target}`);
        await rm(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('migrates once when two replicas start at the same moment', async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await adminQuery(PG_URL, `create schema ${schema}`);
      const [a, b] = await Promise.all([0, 1].map(() => openPostgres({ connectionString: PG_URL, searchPath: schema })));
      try {
        const [doneA, doneB] = await Promise.all([migrate(a!), migrate(b!)]);
        const all = (await loadMigrations()).map((m) => m.name);
        expect([...doneA, ...doneB].sort()).toEqual(all.sort()); // each applied by exactly one of them
        expect([doneA.length, doneB.length].sort()).toEqual([0, all.length]);
        const { rows } = await a!.query<{ n: number }>('select count(*)::int as n from schema_migrations');
        expect(rows[0]!.n).toBe(all.length);
      } finally {
        await a!.close();
        await b!.close();
        await adminQuery(PG_URL, `drop schema ${schema} cascade`);
      }
    }, 60_000);
  }

  it('refuses to start an older program on a newer database', async () => {
    const opened = await backend.open();
    try {
      await opened.db.query("insert into schema_migrations (version, name) values (999, '999_from_the_future.sql')");
      await expect(migrate(opened.db)).rejects.toThrow(/migration 999, which this version of Tavla does not know/);
    } finally {
      await opened.dispose();
    }
  }, 60_000);
});
