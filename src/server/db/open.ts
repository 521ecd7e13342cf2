/**
 * Opens the database the settings name: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite in DATA_DIR/pglite. Shared by the server and the
 * admin command, so both always look at the same data.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../settings';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export async function openConfiguredDb(settings: Pick<Settings, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>, onError?: (err: Error) => void): Promise<Db> {
  if (settings.databaseUrl) {
    return openPostgres({ connectionString: settings.databaseUrl, max: settings.databasePoolSize, onError });
  }
  const dir = join(settings.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}
