/**
 * `npm start` / `npm run serve`: the Tavla server for one school, one
 * municipality or a laptop.
 *
 *   PORT          (8080)
 *   HOST          (127.0.0.1; 0.0.0.0 to reach it from tablets on the network)
 *   DATA_DIR      (./data) where embedded PGlite keeps its files
 *   DATABASE_URL  a PostgreSQL URL; when set, PGlite is not used
 *   DATABASE_POOL_SIZE (10) PostgreSQL connections this process keeps at most
 *   TRUST_PROXY   "true" (or a proxy address list) behind a reverse proxy
 *   PUBLIC_ORIGIN the origin printed in pairing QR codes, if not the Host header
 *   LOG_LEVEL     (info)
 *   RETENTION_SWEEP_HOURS (6) how often old personal data is anonymised; 0 turns it off
 *
 * Serves the built PWA from dist/ when it exists, the API under /api.
 * SIGTERM/SIGINT close the listener, end event streams, then the database.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { migrate } from './db/migrate';
import { openDb } from './db/open';

const env = process.env;
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? '127.0.0.1';
const dataDir = resolve(env.DATA_DIR ?? './data');
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

/** DATABASE_POOL_SIZE: PostgreSQL connections per process (default 10); a typo is an error. */
function poolSize(value: string | undefined): number {
  const n = Number(value ?? 10);
  if (!Number.isInteger(n) || n < 2) throw new Error(`DATABASE_POOL_SIZE must be a whole number ≥ 2, got "${value}"`);
  return n;
}

/** RETENTION_SWEEP_HOURS: hours between server retention sweeps (default 6, 0 = off); a typo is an error, not "off". */
function retentionSweepMs(value: string | undefined): number | undefined {
  const hours = Number(value ?? 6);
  if (!Number.isFinite(hours) || hours < 0) throw new Error(`RETENTION_SWEEP_HOURS must be a number of hours ≥ 0, got "${value}"`);
  return hours === 0 ? undefined : hours * 3_600_000;
}

async function main() {
  const db = await openDb({ databaseUrl: env.DATABASE_URL, dataDir, max: poolSize(env.DATABASE_POOL_SIZE), onError: (err) => console.error('database:', err.message) });
  await migrate(db);
  const staticDir = existsSync(join(distDir, 'index.html')) ? distDir : undefined;
  const trustProxy = env.TRUST_PROXY === undefined ? false : env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY;
  const app = await buildApp({
    db,
    staticDir,
    logger: { level: env.LOG_LEVEL ?? 'info' },
    trustProxy,
    publicOrigin: env.PUBLIC_ORIGIN,
    retentionSweepMs: retentionSweepMs(env.RETENTION_SWEEP_HOURS),
  });
  if (!staticDir) app.log.warn({ distDir }, 'no built app found (run `npm run build`); serving the API only');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      app.log.warn('second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await db.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port, host });
  const shownPort = (app.server.address() as { port: number } | null)?.port ?? port;
  console.log(`Tavla is running at http://localhost:${shownPort}`);
}

main().catch((err: unknown) => {
  console.error('Tavla could not start:', err);
  process.exit(1);
});
