/**
 * Rate limits whose counters live in the database, so they hold across
 * replicas: N replicas behind a load balancer still allow a client `max`
 * attempts per window, not N × max.
 *
 * Fixed windows, one row per key: the first hit opens a window of
 * `windowMs`; hits inside it add one; the first hit after it starts a new
 * window. One upsert does all of that atomically, so two replicas counting
 * the same key at once cannot lose a hit. Expired rows are deleted now and
 * then by whoever hits.
 *
 * `pgRateLimitStore` adapts this to @fastify/rate-limit's store interface
 * (per-IP limits on routes); `accountLimiter` counts wrong passwords per
 * account for the login route, where an IP limit alone would either lock a
 * whole office behind one NAT out or let a spread attack through.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from './db/db';

export interface Hit {
  /** hits in the current window, this one included */
  current: number;
  /** ms until the window ends */
  ttl: number;
}

export async function hit(db: Queryable, key: string, windowMs: number, now: number): Promise<Hit> {
  const { rows } = await db.query<{ count: number; reset_at: Date }>(
    `insert into rate_limits as r (key, count, reset_at) values ($1, 1, $3)
     on conflict (key) do update set
       count = case when r.reset_at <= $2 then 1 else r.count + 1 end,
       reset_at = case when r.reset_at <= $2 then excluded.reset_at else r.reset_at end
     returning count, reset_at`,
    [key, new Date(now), new Date(now + windowMs)],
  );
  if (Math.random() < 0.02) await db.query('delete from rate_limits where reset_at <= $1', [new Date(now)]);
  const row = rows[0]!;
  return { current: row.count, ttl: Math.max(0, row.reset_at.getTime() - now) };
}

/** Hits counted in the key's current window (0 when none), without counting one. */
export async function peek(db: Queryable, key: string, now: number): Promise<Hit> {
  const { rows } = await db.query<{ count: number; reset_at: Date }>('select count, reset_at from rate_limits where key = $1 and reset_at > $2', [
    key,
    new Date(now),
  ]);
  const row = rows[0];
  return row ? { current: row.count, ttl: row.reset_at.getTime() - now } : { current: 0, ttl: 0 };
}

export async function forget(db: Queryable, key: string): Promise<void> {
  await db.query('delete from rate_limits where key = $1', [key]);
}

/** A @fastify/rate-limit store over `hit`; each limited route counts under its own key prefix. */
export function pgRateLimitStore(db: Queryable, now: () => number): FastifyRateLimitStoreCtor {
  class PgRateLimitStore implements FastifyRateLimitStore {
    prefix = 'ip:';
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      hit(db, this.prefix + key, timeWindow, now()).then(
        (h) => callback(null, h),
        (err: Error) => callback(err),
      );
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // (at run time the merged options carry the route as `routeInfo`, whatever the typings say)
      const route = (routeOptions as unknown as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const child = new PgRateLimitStore();
      child.prefix = `ip:${String(route?.method ?? '')} ${route?.url ?? ''}:`;
      return child;
    }
  }
  return PgRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
