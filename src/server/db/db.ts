/**
 * The storage seam: a tiny interface that PGlite (embedded, the default) and
 * PostgreSQL (DATABASE_URL) both implement, so the server speaks one SQL
 * dialect to either. Both adapters normalise types the same way: int8 comes
 * back as a JS number, bytea as a Buffer, json/jsonb parsed, timestamptz as Date.
 * Pass jsonb parameters as JSON strings (`$1::jsonb`) so the two drivers agree.
 */

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * Called with a notification's payload, or with `null` after the listener
 * lost its connection and got it back: notices sent meanwhile are gone, so
 * whoever listens should treat everything as possibly changed.
 */
export type NotifyCallback = (payload: string | null) => void;

/** A connection pool's state, for the metrics endpoint (PostgreSQL only; PGlite has one connection). */
export interface PoolStats {
  total: number;
  idle: number;
  /** requests queued for a connection right now */
  waiting: number;
  /** how many requests ever had to queue for a connection */
  waits: number;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  poolStats?(): PoolStats;
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** LISTENs on a channel; resolves to an unlisten function. */
  listen(channel: string, cb: NotifyCallback): Promise<() => Promise<void>>;
  /**
   * True while notifications are being delivered: PostgreSQL's LISTEN
   * connection is up (false from the moment it is lost until it is back and
   * has re-LISTENed); PGlite's, while the database is open. Whatever relies on
   * having heard every NOTIFY (the pull fast path, changes.ts) checks this.
   */
  listening(): boolean;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}
