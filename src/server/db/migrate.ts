/**
 * Numbered SQL migrations (src/server/migrations/NNN_name.sql), applied in
 * order at start, all in one transaction. `pg_advisory_xact_lock` makes
 * replicas that start together take turns: the second one finds the work
 * done and applies nothing. Migrations are append-only; never edit one that
 * has shipped. They only go forward: a database that has a migration this
 * code does not know (an older Tavla started on a newer database, say after
 * a rollback of the program but not of the data) is refused at start rather
 * than served by code that does not understand its tables.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** An arbitrary constant shared by every replica: "the migrations lock". */
const MIGRATION_LOCK_KEY = 7_411_502;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number.parseInt(file, 10),
      name: file,
      sql: await readFile(new URL(file, `file://${dir}/`), 'utf8'),
    })),
  );
}

/** Applies the pending migrations; returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = await loadMigrations();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    const unknown = [...done].filter((v) => !known.has(v)).sort((a, b) => a - b);
    if (unknown.length > 0) {
      throw new Error(
        `The database has migration ${unknown.join(', ')}, which this version of Tavla does not know: it was used by a newer Tavla. ` +
          'Run that version (or newer), or restore a backup made before the upgrade.',
      );
    }
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}
