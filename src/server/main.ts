/**
 * `npm start` / `npm run serve`: the Tavla server for one school, one
 * municipality or a laptop. Settings come from the environment (see
 * settings.ts and README.md "Settings"); in production this file runs
 * compiled, as build/server/main.js (`npm run build:server`), with node alone.
 *
 * Serves the built PWA from dist/ when it exists, the API under /api.
 * Migrations run at start, under a lock shared by every replica.
 * SIGTERM/SIGINT close the listener, end event streams, then the database.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reachableAddresses } from './addresses';
import { buildApp } from './app';
import { migrate } from './db/migrate';
import { openConfiguredDb } from './db/open';
import { readSettings } from './settings';

// src/server/main.ts and build/server/main.js are both two folders below the repository
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

async function main() {
  const startedAt = performance.now();
  const settings = readSettings();
  const db = await openConfiguredDb(settings, (err) => console.error('database:', err.message));
  const applied = await migrate(db);
  const staticDir = existsSync(join(distDir, 'index.html')) ? distDir : undefined;
  const app = await buildApp({
    db,
    staticDir,
    logger: { level: settings.logLevel },
    trustProxy: settings.trustProxy,
    publicOrigin: settings.publicOrigin,
    retentionSweepMs: settings.retentionSweepMs,
    openSignup: settings.openSignup,
  });
  if (applied.length > 0) app.log.info({ applied }, 'database migrated');
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

  await app.listen({ port: settings.port, host: settings.host });
  const port = (app.server.address() as { port: number } | null)?.port ?? settings.port;
  const { urls, loopbackOnly } = reachableAddresses(settings.host, port, networkInterfaces());
  const [first, ...others] = urls;
  console.log(`Tavla is running at ${first} (${db.kind}, started in ${Math.round(performance.now() - startedAt)} ms)`);
  for (const url of others) console.log(`  also at ${url}`);
  if (settings.publicOrigin) console.log(`  tablets use ${settings.publicOrigin}`);
  if (loopbackOnly) console.log('  only this computer can reach it; set HOST=0.0.0.0 for tablets on the network');
  else if (!settings.publicOrigin) console.log('  tablets need HTTPS for offline use and install: see docs/it-guide.md');
}

main().catch((err: unknown) => {
  console.error('Tavla could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
