// @vitest-environment node
/**
 * The pull fast path (issue 13): a pull whose (cursor, epoch) is the
 * workplace's latest known one is answered "nothing new" from memory, with
 * no query on the sync tables (the device token is still checked, against
 * the token cache once it was verified). Checked
 * here on both databases: the answer is the one the database gives; a push
 * (this app's, another process's via NOTIFY, another replica's on
 * PostgreSQL) makes the next pull go to the database and return the rows; a
 * lost LISTEN connection turns the fast path off and its return empties the
 * memory; another epoch (a restore) is never answered from memory.
 */
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { CHANGES_CHANNEL, KNOWN_CURSOR_MAX_AGE_MS, KnownCursors } from '../../src/server/changes';
import type { Db } from '../../src/server/db/db';
import { pushOps } from '../../src/server/routes/sync/records';
import { backends, clock, extraApps, json, killListenConnection, op, push, spyDb, syncHeaders, useServer, workplaceWithDevice } from './helpers';

/** The tables a pull reads; a fast pull touches none of them. */
const SYNC_TABLES = /\b(records|workplace_counters|seq_epochs)\b/;

const spyOn = (db: Db) => {
  const spy = spyDb(db, CHANGES_CHANNEL, SYNC_TABLES);
  return Object.assign(spy, { syncQueries: () => spy.queries() });
};

async function until(cond: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

function pullAt(app: FastifyInstance, token: string, cursor: number, epoch?: string) {
  const q = epoch === undefined ? '' : `&epoch=${encodeURIComponent(epoch)}`;
  return app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${cursor}${q}`, headers: syncHeaders(token) });
}

describe('KnownCursors', () => {
  it('only moves forward, needs the epoch, forgets on clear, and ignores a reading older than a clear', () => {
    let up = true;
    const k = new KnownCursors(() => up, () => 0);
    k.note('w', 5, 'a');
    expect(k.isCurrent('w', 5, 'a')).toBe(true);
    expect(k.isCurrent('w', 5, undefined)).toBe(false);
    expect(k.isCurrent('w', 5, 'b')).toBe(false);
    expect(k.isCurrent('w', 4, 'a')).toBe(false);
    k.note('w', 3, 'x'); // an older reading
    expect(k.isCurrent('w', 5, 'a')).toBe(true);
    k.note('w', 5, 'b'); // the same number under another epoch: trust neither
    expect(k.isCurrent('w', 5, 'a')).toBe(false);
    expect(k.isCurrent('w', 5, 'b')).toBe(false);
    k.note('w', 7, 'c');
    up = false;
    expect(k.isCurrent('w', 7, 'c')).toBe(false);
    up = true;
    const gen = k.generation;
    k.clear();
    expect(k.isCurrent('w', 7, 'c')).toBe(false);
    k.noteRead('w', 7, 'c', gen); // read before the clear: discarded
    expect(k.size).toBe(0);
    k.noteRead('w', 7, 'c', k.generation);
    expect(k.isCurrent('w', 7, 'c')).toBe(true);
  });
});

describe.each(backends)('pull fast path ($name)', (backend) => {
  const h = useServer(backend);
  const extra = extraApps();

  async function setup() {
    const spy = spyOn(h.db);
    const app = await h.build({ db: spy.db });
    const w = await workplaceWithDevice(app);
    const res = await push(app, w.deviceToken, [
      op(w.workplaceId, 'tasks', 't1', { text: 'Iron the shirts' }),
      op(w.workplaceId, 'tasks', 't2', { text: 'Fold the towels' }),
    ]);
    const { cursor, epoch } = json<{ cursor: number; epoch: string }>(res);
    expect(cursor).toBe(2);
    spy.syncQueries();
    return { spy, app, ...w, cursor, epoch };
  }

  it('answers a current cursor from memory, exactly as the database would, still checking the token', async () => {
    const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
    const fast = await pullAt(app, deviceToken, cursor, epoch);
    expect(fast.statusCode).toBe(200);
    // the token was verified by the push before and is cached (tests/server/tokencache.test.ts): no query at all
    expect(spy.sql.some((s) => /device_tokens/.test(s))).toBe(false);
    expect(spy.syncQueries()).toEqual([]);
    expect(json(fast)).toMatchObject({ rows: [], cursor, epoch, reset: false, hasMore: false });

    // the database's answer to the same pull is the same body
    app.changes.cursors.clear();
    const slow = await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    expect(json(slow)).toEqual(json(fast));
    // ...and that pull read the counter, so the next one is fast again
    expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(true);
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries()).toEqual([]);

    // a bad token is refused as before
    const bad = await pullAt(app, 'tvd_nope', cursor, epoch);
    expect(bad.statusCode).toBe(401);
  });

  it('goes to the database for an older cursor, a missing epoch or cursor 0', async () => {
    const { spy, app, deviceToken, cursor, epoch } = await setup();
    expect(json(await pullAt(app, deviceToken, cursor - 1, epoch)).rows).toHaveLength(1);
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    expect(json(await pullAt(app, deviceToken, cursor))).toMatchObject({ rows: [], cursor });
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    expect(json(await pullAt(app, deviceToken, 0, '')).rows).toHaveLength(2);
    expect(spy.syncQueries().length).toBeGreaterThan(0);
  });

  it("after this app's push, the next pull at the old cursor goes to the database and gets the rows", async () => {
    const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries()).toEqual([]);
    await push(app, deviceToken, [op(workplaceId, 'tasks', 't3', { text: 'Sort the socks' })]);
    spy.syncQueries();
    const body = json(await pullAt(app, deviceToken, cursor, epoch));
    expect(body.rows.map((r: { row: { id: string } }) => r.row.id)).toEqual(['t3']);
    expect(body.cursor).toBe(cursor + 1);
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    // and the new cursor is current
    await pullAt(app, deviceToken, body.cursor, body.epoch);
    expect(spy.syncQueries()).toEqual([]);
  });

  it("a NOTIFY of another process's push moves the entry on, so the next pull gets the rows", async () => {
    const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
    // another process on the same database (not this app's route): only the notice tells this app
    const other = await h.db.transaction((tx) => pushOps(tx, workplaceId, [op(workplaceId, 'tasks', 't3', { text: 'Sort the socks' })], clock.now));
    expect(other.cursor).toBe(cursor + 1);
    await until(() => app.changes.cursors.isCurrent(workplaceId, other.cursor, other.epoch));
    expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(false);
    spy.syncQueries();
    const body = json(await pullAt(app, deviceToken, cursor, epoch));
    expect(body.rows.map((r: { row: { id: string } }) => r.row.id)).toEqual(['t3']);
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    await pullAt(app, deviceToken, other.cursor, other.epoch);
    expect(spy.syncQueries()).toEqual([]);
  });

  it('is off while the LISTEN connection is down, and its return empties the memory', async () => {
    const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries()).toEqual([]);
    spy.down = true;
    expect(json(await pullAt(app, deviceToken, cursor, epoch))).toMatchObject({ rows: [], cursor, epoch });
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    spy.down = false;
    spy.notify!(null); // the listener is back: notices sent meanwhile are lost
    expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(false);
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries().length).toBeGreaterThan(0); // to the database, which refreshes the entry
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries()).toEqual([]);
  });

  it('never answers another epoch from memory: a restore that reuses the numbers gets a reset', async () => {
    const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
    const other = json(await pullAt(app, deviceToken, cursor, 'feedfeedfeedfeed'));
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    expect(other).toMatchObject({ reset: true, cursor });
    expect(other.rows).toHaveLength(2);

    // an in-place "restore" to before the first push, then new pushes reach the same number under a new epoch
    await h.db.exec(`delete from seq_epochs; delete from records; update workplace_counters set seq = 0`);
    const again = await h.db.transaction((tx) =>
      pushOps(tx, workplaceId, [op(workplaceId, 'tasks', 'u1', { text: 'New one' }), op(workplaceId, 'tasks', 'u2', { text: 'New two' })], clock.now),
    );
    expect(again.cursor).toBe(cursor);
    expect(again.epoch).not.toBe(epoch);
    await until(() => !app.changes.cursors.isCurrent(workplaceId, cursor, epoch));
    spy.syncQueries();
    const body = json(await pullAt(app, deviceToken, cursor, epoch));
    expect(spy.syncQueries().length).toBeGreaterThan(0);
    expect(body.reset).toBe(true);
    expect(body.rows.map((r: { row: { id: string } }) => r.row.id).sort()).toEqual(['u1', 'u2']);
    expect(body.epoch).toBe(again.epoch);
  });

  it('trusts an entry for a limited time only after it was last confirmed', async () => {
    const { spy, app, deviceToken, workplaceId } = await setup();
    // a notice confirms the entry too, and on PostgreSQL it arrives a moment after the push: wait
    // for this push's own notice (listeners hear it in turn, the app's first), then move the clock
    let heard!: () => void;
    const arrived = new Promise<void>((resolve) => (heard = resolve));
    const unlisten = await h.db.listen(CHANGES_CHANNEL, (payload) => {
      const p = JSON.parse(payload ?? '{}') as { workplaceId?: string; cursor?: number };
      if (p.workplaceId === workplaceId && p.cursor === 3) heard();
    });
    const { cursor, epoch } = json<{ cursor: number; epoch: string }>(await push(app, deviceToken, [op(workplaceId, 'tasks', 't3', { text: 'Press the sheets' })]));
    await arrived;
    await unlisten();
    spy.syncQueries();
    clock.now += KNOWN_CURSOR_MAX_AGE_MS + 1;
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries().length).toBeGreaterThan(0); // too old: to the database, which confirms it
    clock.now += KNOWN_CURSOR_MAX_AGE_MS;
    await pullAt(app, deviceToken, cursor, epoch);
    expect(spy.syncQueries()).toEqual([]);
  });

  it('can be turned off (pullFastPath: false, the bench baseline)', async () => {
    const spy = spyOn(h.db);
    const app = await h.build({ db: spy.db, pullFastPath: false });
    const w = await workplaceWithDevice(app);
    const { cursor, epoch } = json(await push(app, w.deviceToken, [op(w.workplaceId, 'tasks', 't1', { text: 'Iron the shirts' })]));
    spy.syncQueries();
    expect(json(await pullAt(app, w.deviceToken, cursor, epoch))).toMatchObject({ rows: [], cursor, epoch });
    expect(spy.syncQueries().length).toBeGreaterThan(0);
  });

  it('a malformed notice empties the memory', async () => {
    const { app, workplaceId, cursor, epoch } = await setup();
    expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(true);
    await h.db.notify(CHANGES_CHANNEL, 'not json');
    await until(() => app.changes.cursors.size === 0);
  });

  // Replicas exist only with PostgreSQL; PGlite runs a single process.
  if (backend.name === 'postgres') {
    it("a push on another replica reaches this one's memory through NOTIFY", async () => {
      const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
      const replicaDb = await backend.openReplica!(h.info.schema!);
      const app2 = await buildApp({ db: replicaDb, rateLimit: false, now: () => clock.now });
      extra.push({ app: app2, db: replicaDb });
      await app2.ready();
      await pullAt(app, deviceToken, cursor, epoch);
      expect(spy.syncQueries()).toEqual([]);
      const res = json(await push(app2, deviceToken, [op(workplaceId, 'tasks', 't3', { text: 'Sort the socks' })]));
      await until(() => app.changes.cursors.isCurrent(workplaceId, res.cursor, res.epoch));
      spy.syncQueries();
      const body = json(await pullAt(app, deviceToken, cursor, epoch));
      expect(body.rows.map((r: { row: { id: string } }) => r.row.id)).toEqual(['t3']);
      expect(spy.syncQueries().length).toBeGreaterThan(0);
    });

    it('turns off the moment the real LISTEN connection dies, and starts empty when it is back', async () => {
      const { spy, app, deviceToken, workplaceId, cursor, epoch } = await setup();
      expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(true);
      expect(await killListenConnection(h)).toBe(1);
      await until(() => !h.db.listening());
      expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(false);
      await until(() => h.db.listening()); // re-listened
      // this workplace's entry is forgotten (other tests' pushes on the shared database may notify other entries in meanwhile)
      expect(app.changes.cursors.isCurrent(workplaceId, cursor, epoch)).toBe(false);
      spy.syncQueries();
      await pullAt(app, deviceToken, cursor, epoch);
      expect(spy.syncQueries().length).toBeGreaterThan(0);
    });
  }
});
