/**
 * PostgreSQL adapter (node-postgres): a pool for queries and transactions,
 * plus one dedicated connection for LISTEN. If that connection drops (for
 * instance PostgreSQL restarts), it reconnects with back-off, LISTENs again
 * and calls every callback with `null` so listeners can resynchronise: a
 * NOTIFY sent while nobody listened is never replayed.
 */
import pg from 'pg';
import type { Db, NotifyCallback, Queryable } from './db';

const INT8_OID = 20;
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID) return (x: string) => Number(x);
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

export interface PostgresOptions {
  connectionString: string;
  /** schema to use (tests run in a throw-away schema) */
  searchPath?: string;
  max?: number;
  /** shows in pg_stat_activity (tests use it to find their own LISTEN connection) */
  applicationName?: string;
  onError?: (err: Error) => void;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await client.query(sql, params);
      return { rows: res.rows as T[], rowCount: res.rowCount ?? res.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(opts: PostgresOptions): Promise<Db> {
  const config: pg.ClientConfig = {
    connectionString: opts.connectionString,
    types: types as pg.ClientConfig['types'],
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
  };
  const onError = opts.onError ?? (() => {});
  const max = opts.max ?? 10;
  const pool = new pg.Pool({ ...config, max });
  let waits = 0;
  // a request finding every connection busy queues inside the pool: count it before asking
  const noteWait = () => {
    if (pool.idleCount === 0 && pool.totalCount >= max) waits++;
  };
  pool.on('error', onError); // an idle client died; the pool replaces it
  await pool.query('select 1'); // fail fast on a wrong URL

  const listeners = new Map<string, Set<NotifyCallback>>();
  let listener: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let backoff = 250;

  const dispatch = (channel: string, payload: string | null) => {
    for (const cb of listeners.get(channel) ?? []) cb(payload);
  };

  async function connectListener(isReconnect: boolean): Promise<void> {
    const client = new pg.Client(config);
    client.on('notification', (msg) => dispatch(msg.channel, msg.payload ?? ''));
    const lost = (err?: Error) => {
      if (err) onError(err);
      if (listener !== client) return;
      listener = undefined;
      client.removeAllListeners('error');
      client.on('error', () => {});
      if (!closed) scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    listener = client;
    backoff = 250;
    if (isReconnect) for (const channel of listeners.keys()) dispatch(channel, null);
  }

  function scheduleReconnect() {
    const wait = backoff;
    backoff = Math.min(backoff * 2, 5000);
    setTimeout(() => {
      if (closed) return;
      connecting = connectListener(true).catch((err: Error) => {
        onError(err);
        scheduleReconnect();
      });
    }, wait).unref();
  }

  async function ensureListener(): Promise<pg.Client | undefined> {
    if (!listener && !connecting) connecting = connectListener(false);
    await connecting?.catch(() => {});
    return listener;
  }

  const q = wrap(pool);
  return {
    kind: 'postgres',
    query(sql, params) {
      noteWait();
      return q.query(sql, params);
    },
    exec(sql) {
      noteWait();
      return q.exec(sql);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, waits }),
    async transaction(fn) {
      noteWait();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackErr) {
          client.release(rollbackErr as Error); // broken connection: discard it
        }
        throw err;
      }
    },
    async listen(channel, cb) {
      let set = listeners.get(channel);
      const first = !set;
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(cb);
      const client = await ensureListener();
      if (first && client && listener === client) {
        // (a reconnect LISTENs every channel in the map by itself)
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(onError);
      }
      return async () => {
        set.delete(cb);
        if (set.size === 0) {
          listeners.delete(channel);
          await listener?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
        }
      };
    },
    // (`listener` is set only once it has LISTENed, and cleared as soon as it is lost)
    listening: () => !closed && listener !== undefined,
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      const l = listener;
      listener = undefined;
      await l?.end().catch(() => {});
      await pool.end();
    },
  };
}
