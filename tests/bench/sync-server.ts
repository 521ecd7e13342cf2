/**
 * The server process of `npm run bench:sync`, started as a child so that its
 * memory is measured apart from the load generator.
 *
 *   BENCH_MODE     "tavla" (default): the real app (buildApp) over
 *                  PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set
 *                  (in schema BENCH_PG_SCHEMA, which must exist);
 *                  "bare": a bare Fastify app with one JSON route, the baseline.
 *   BENCH_FAST_PULL "0": the real app without the pull fast path (a baseline for it).
 *   BENCH_TOKEN_CACHE "0": the real app without the verified-token cache (see also 'token-cache' below).
 *   BENCH_LOGGER   a log level: log as main.ts does (to stderr) instead of not at all, to weigh logging.
 *
 * Same settings as src/server/main.ts except: no request logging (neither
 * the baseline logs) and no rate limits (the bench pairs hundreds of devices).
 * Listens on 127.0.0.1, a free port, and talks to the parent over IPC:
 *   → {type:'ready', port}
 *   ← {type:'mem-reset'}   start tracking peaks afresh
 *   ← {type:'mem-report'}  → {type:'mem', rss, heapUsed, peakRss, peakHeapUsed} (bytes)
 *   ← {type:'token-cache', on}  turn the verified-token cache on or off (a baseline for it)
 *   ← {type:'stop'}        close and exit
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { migrate } from '../../src/server/db/migrate';
import { openDb } from '../../src/server/db/open';

export type ServerMessage =
  | { type: 'ready'; port: number }
  | { type: 'mem'; rss: number; heapUsed: number; peakRss: number; peakHeapUsed: number };
export type ParentMessage = { type: 'mem-reset' } | { type: 'mem-report' } | { type: 'token-cache'; on: boolean } | { type: 'stop' };

const env = process.env;
const send = (m: ServerMessage) => process.send?.(m);

async function start(): Promise<{ app: FastifyInstance; db?: Db }> {
  if (env.BENCH_MODE === 'bare') {
    const app = Fastify({ logger: false });
    app.get('/', async () => ({ hello: 'world' }));
    return { app };
  }
  if (!env.DATABASE_URL && !env.DATA_DIR) throw new Error('DATA_DIR is required for PGlite');
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '', searchPath: env.BENCH_PG_SCHEMA, applicationName: 'tavla-bench' });
  await migrate(db);
  const app = await buildApp({
    db,
    logger: env.BENCH_LOGGER ? { level: env.BENCH_LOGGER, stream: process.stderr } : false,
    rateLimit: false,
    pullFastPath: env.BENCH_FAST_PULL !== '0',
    tokenCache: env.BENCH_TOKEN_CACHE !== '0',
  });
  return { app, db };
}

async function main() {
  const { app, db } = await start();
  await app.listen({ port: 0, host: '127.0.0.1' });

  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    return m;
  };
  setInterval(sample, 100).unref();

  process.on('message', (raw: ParentMessage) => {
    if (raw.type === 'mem-reset') {
      peak.rss = 0;
      peak.heapUsed = 0;
      sample();
    } else if (raw.type === 'mem-report') {
      const m = sample();
      send({ type: 'mem', rss: m.rss, heapUsed: m.heapUsed, peakRss: peak.rss, peakHeapUsed: peak.heapUsed });
    } else if (raw.type === 'token-cache') {
      // (read on every request; emptied so that "on" starts cold, as after a restart)
      app.tavla.tokenCache = raw.on;
      app.changes.tokens.clear();
    } else if (raw.type === 'stop') {
      void (async () => {
        await app.close();
        await db?.close();
        process.exit(0);
      })();
    }
  });
  process.on('disconnect', () => process.exit(0)); // the parent died: don't linger
  send({ type: 'ready', port: (app.server.address() as { port: number }).port });
}

main().catch((err: unknown) => {
  console.error('bench server could not start:', err);
  process.exit(1);
});
