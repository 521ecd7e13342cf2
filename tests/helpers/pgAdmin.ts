/**
 * One administrative statement on the test PostgreSQL (create or drop a
 * throw-away database), on a connection of its own that is always closed.
 */
import pg from 'pg';

export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
