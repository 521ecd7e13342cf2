/**
 * `npm run admin -- <command>`: account and device administration on the
 * server itself (see admin-commands.ts for the commands). Uses the same
 * settings as the server (DATABASE_URL, or DATA_DIR for the embedded
 * database), so run it with the service's environment, e.g.
 * `sudo -u tavla env $(cat /etc/tavla/tavla.env) npm run admin -- list-workplaces`.
 *
 * With the embedded database (no DATABASE_URL) stop the server first: only
 * one process may open a PGlite data folder.
 */
import { readSettings } from './settings';
import { openConfiguredDb } from './db/open';
import { migrate } from './db/migrate';
import { AdminUsageError, runAdmin } from './admin-commands';

async function readStdinLine(): Promise<string> {
  let data = '';
  for await (const chunk of process.stdin) {
    data += String(chunk);
    if (data.includes('\n')) break;
  }
  return data.split('\n')[0] ?? '';
}

async function main() {
  const settings = readSettings();
  const db = await openConfiguredDb(settings);
  try {
    await migrate(db);
    await runAdmin(process.argv.slice(2), { db, out: (line) => console.log(line), readPassword: readStdinLine });
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof AdminUsageError ? err.message : `admin: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof AdminUsageError ? 2 : 1);
});
