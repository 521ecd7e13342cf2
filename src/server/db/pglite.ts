/**
 * PGlite adapter: PostgreSQL compiled to WASM, running in this process.
 * One connection: PGlite queues queries, and `transaction()` holds the
 * connection for its whole callback, so never use the outer db inside one.
 * LISTEN/NOTIFY works in-process, which is all a single embedded server needs.
 */
import { PGlite, types } from '@electric-sql/pglite';
import type { Db, NotifyCallback, Queryable } from './db';

const parsers = {
  [types.INT8]: (x: string) => Number(x),
};

function toBuffer(rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      const v = row[key];
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
}

function wrap(pg: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await pg.query<T>(sql, params);
      toBuffer(res.rows as Record<string, unknown>[]);
      return { rows: res.rows, rowCount: res.affectedRows || res.rows.length };
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

/** Opens PGlite in `dataDir` (a folder), or in memory when it is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir, { parsers });
  const q = wrap(pg);
  return {
    kind: 'pglite',
    query: q.query,
    exec: q.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel: string, cb: NotifyCallback) {
      const unlisten = await pg.listen(channel, (payload) => cb(payload));
      return () => unlisten();
    },
    // in-process: a notice cannot be lost while the database is open
    listening: () => !pg.closed,
    async notify(channel: string, payload: string) {
      await pg.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      if (!pg.closed) await pg.close();
    },
  };
}
