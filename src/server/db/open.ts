/**
 * Opens the server's database the one way the server, the admin command and
 * the sync benchmark share: PostgreSQL when a URL is given, else the embedded
 * PGlite in `<dataDir>/pglite` (created on first start).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../settings';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres, type PostgresOptions } from './postgres';

export interface OpenDbOptions extends Omit<PostgresOptions, 'connectionString'> {
  /** PostgreSQL; PGlite when absent */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export async function openDb({ databaseUrl, dataDir, ...postgres }: OpenDbOptions): Promise<Db> {
  if (databaseUrl) return openPostgres({ connectionString: databaseUrl, ...postgres });
  const dir = join(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}

/** The database the settings name (DATABASE_URL, DATABASE_POOL_SIZE, DATA_DIR). */
export function openConfiguredDb(settings: Pick<Settings, 'databaseUrl' | 'databasePoolSize' | 'dataDir'>, onError?: (err: Error) => void): Promise<Db> {
  return openDb({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir, max: settings.databasePoolSize, onError });
}
