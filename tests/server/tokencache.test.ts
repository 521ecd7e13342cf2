// @vitest-environment node
/**
 * The verified-token cache (issue 13, auth.ts `TokenCache`): a token once
 * verified is answered from memory, so an authenticated pull does not query
 * the tokens tables; and a revoked token is refused at once on the server
 * that revoked it, within 1 s on every other replica (NOTIFY from the
 * database's triggers, migration 004), whoever revoked it (a route, the
 * admin command, a deleted workplace). The cache is off while the LISTEN
 * connection is down and empty when it is back. Notices and logs never carry
 * a token or its hash. On both databases; replicas on PostgreSQL only.
 */
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin-commands';
import { buildApp } from '../../src/server/app';
import { AUTH_CHANNEL, sha256Hex, TOKEN_CACHE_MAX_AGE_MS, TokenCache, type Caller } from '../../src/server/auth';
import type { Db } from '../../src/server/db/db';
import { backends, bearer, clock, extraApps, json, killListenConnection, op, pull, push, spyDb, useServer, workplaceWithDevice } from './helpers';

const TOKEN_TABLES = /\b(device_tokens|sessions)\b/;

const spyOn = (db: Db) => {
  const spy = spyDb(db, AUTH_CHANNEL, TOKEN_TABLES);
  return Object.assign(spy, { tokenQueries: () => spy.queries() });
};

async function until(cond: () => boolean | Promise<boolean>, ms = 5_000): Promise<number> {
  const start = Date.now();
  while (!(await cond())) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - start;
}

const device = (deviceId: string, workplaceId = 'w1'): Caller => ({ kind: 'device', deviceId, workplaceId });

describe('TokenCache', () => {
  it('answers only while trusted, for a limited time, and forgets by device, workplace and account', () => {
    let up = true;
    let now = 1_000;
    const c = new TokenCache(() => up, () => now);
    c.put('h1', { caller: device('d1', 'w1'), lastSeen: 0 }, c.generation);
    c.put('h2', { caller: device('d2', 'w2'), lastSeen: 0 }, c.generation);
    c.put('h3', { caller: { kind: 'supervisor', accountId: 'a1' }, expiresAt: 5_000, lastSeen: 0 }, c.generation);
    expect(c.get('h1')?.caller).toEqual(device('d1', 'w1'));
    up = false;
    expect(c.get('h1')).toBeUndefined();
    c.put('h4', { caller: device('d4'), lastSeen: 0 }, c.generation); // not stored while untrusted
    up = true;
    expect(c.get('h4')).toBeUndefined();
    expect(c.size).toBe(3);

    c.forget({ kind: 'device', id: 'd1' });
    expect(c.get('h1')).toBeUndefined();
    expect(c.get('h2')).toBeDefined();
    c.forget({ kind: 'workplace', id: 'w2' });
    expect(c.get('h2')).toBeUndefined();
    expect(c.get('h3')).toBeDefined();
    c.forget({ kind: 'account', id: 'a1' });
    expect(c.get('h3')).toBeUndefined();

    // a session's own expiry, and the cache's limit
    c.put('h3', { caller: { kind: 'supervisor', accountId: 'a1' }, expiresAt: 5_000, lastSeen: 0 }, c.generation);
    now = 5_000;
    expect(c.get('h3')).toBeUndefined();
    c.put('h1', { caller: device('d1'), lastSeen: 0 }, c.generation);
    now += TOKEN_CACHE_MAX_AGE_MS;
    expect(c.get('h1')).toBeDefined();
    now += 1;
    expect(c.get('h1')).toBeUndefined();
  });

  it('does not store a read taken before a revocation or a clear', () => {
    const c = new TokenCache(() => true, () => 0);
    const before = c.generation;
    c.forget({ kind: 'device', id: 'someone else' }); // any notice: the read may predate it
    c.put('h1', { caller: device('d1'), lastSeen: 0 }, before);
    expect(c.get('h1')).toBeUndefined();
    const again = c.generation;
    c.clear();
    c.put('h1', { caller: device('d1'), lastSeen: 0 }, again);
    expect(c.size).toBe(0);
    c.put('h1', { caller: device('d1'), lastSeen: 0 }, c.generation);
    expect(c.get('h1')).toBeDefined();
  });

  it('holds at most its bound, dropping the least recently used', () => {
    const c = new TokenCache(() => true, () => 0, 3);
    for (const h of ['a', 'b', 'c']) c.put(h, { caller: device(h), lastSeen: 0 }, c.generation);
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.put('d', { caller: device('d'), lastSeen: 0 }, c.generation);
    expect(c.size).toBe(3);
    expect(c.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].every((h) => c.get(h) !== undefined)).toBe(true);
  });

  it('reads only well-formed notices', () => {
    expect(TokenCache.parse('{"kind":"device","id":"ABC"}')).toEqual({ kind: 'device', id: 'abc' });
    expect(TokenCache.parse('{"kind":"token","id":"x"}')).toBeUndefined();
    expect(TokenCache.parse('{"kind":"device"}')).toBeUndefined();
    expect(TokenCache.parse('nope')).toBeUndefined();
  });
});

describe.each(backends)('token cache ($name)', (backend) => {
  const h = useServer(backend);
  const extra = extraApps();

  /** An app over a spied Db with a workplace whose device token is already cached (its push verified it). */
  async function setup() {
    const spy = spyOn(h.db);
    const app = await h.build({ db: spy.db });
    const w = await workplaceWithDevice(app);
    expect((await push(app, w.deviceToken, [op(w.workplaceId, 'tasks', 't1', { text: 'Iron the shirts' })])).statusCode).toBe(200);
    spy.tokenQueries();
    return { spy, app, ...w };
  }

  const revoke = (app: FastifyInstance, supToken: string, deviceId: string) =>
    app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}`, headers: bearer(supToken) });

  it('answers an authenticated pull without querying the tokens tables once the token is verified', async () => {
    const { spy, app, deviceToken } = await setup();
    for (let i = 0; i < 3; i++) expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
    expect(spy.tokenQueries()).toEqual([]);
    // an unknown token still goes to the database, and is not remembered as anything
    expect((await pull(app, 'tvd_nope')).statusCode).toBe(401);
    expect((await pull(app, 'tvd_nope')).statusCode).toBe(401);
    expect(spy.tokenQueries()).toHaveLength(2);
  });

  it('refuses a cached device token at once after it is revoked on the same server', async () => {
    const { app, deviceToken, deviceId, sup } = await setup();
    expect((await revoke(app, sup.token, deviceId)).statusCode).toBe(204);
    const res = await pull(app, deviceToken);
    expect(res.statusCode).toBe(401);
    expect(json(res).error).toBe('unauthorized');
  });

  it('forgets the sessions of a logout at once, this one or everywhere', async () => {
    const { spy, app, sup } = await setup();
    const devices = (token: string) => app.inject({ method: 'GET', url: `/api/workplaces/${'00000000-0000-4000-8000-000000000000'}/devices`, headers: bearer(token) });
    const other = json<{ token: string }>(await app.inject({ method: 'POST', url: '/api/login', payload: { email: sup.email, password: sup.password } })).token;
    expect((await devices(sup.token)).statusCode).toBe(403); // verified (not its workplace), now cached
    expect((await devices(other)).statusCode).toBe(403);
    spy.tokenQueries();
    expect((await devices(sup.token)).statusCode).toBe(403);
    expect(spy.tokenQueries()).toEqual([]);

    expect((await app.inject({ method: 'POST', url: '/api/logout', headers: bearer(sup.token) })).statusCode).toBe(204);
    expect((await devices(sup.token)).statusCode).toBe(401);
    expect((await devices(other)).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/logout', headers: bearer(other), payload: { everywhere: true } })).statusCode).toBe(204);
    expect((await devices(other)).statusCode).toBe(401);
  });

  it("refuses an erased workplace's tokens", async () => {
    const { app, deviceToken, workplaceId } = await setup();
    expect((await pull(app, deviceToken)).statusCode).toBe(200);
    // no route erases a workplace: IT does it in SQL, and the database's notice reaches the cache
    await h.db.query('delete from workplaces where id = $1', [workplaceId]);
    const ms = await until(async () => (await pull(app, deviceToken)).statusCode === 401);
    expect(ms).toBeLessThan(1000);
  });

  it('hears a revocation by the admin command (another process on PostgreSQL) within 1 s', async () => {
    const { app, deviceToken, deviceId } = await setup();
    await runAdmin(['revoke-device', deviceId], { db: h.db, out: () => {}, readPassword: async () => '', now: () => clock.now });
    const ms = await until(async () => (await pull(app, deviceToken)).statusCode === 401);
    expect(ms).toBeLessThan(1000);
  });

  it("reads a token again after the cache's time limit, and keeps last_seen a minute fresh", async () => {
    const { spy, app, deviceToken, sup, workplaceId } = await setup();
    clock.now += TOKEN_CACHE_MAX_AGE_MS + 1;
    expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
    expect(spy.tokenQueries().some((s) => /^select/i.test(s.trim()))).toBe(true);
    clock.now += TOKEN_CACHE_MAX_AGE_MS; // cached again since the read; last_seen is now a minute old
    expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
    expect(spy.tokenQueries()).toEqual([expect.stringMatching(/^update device_tokens set last_seen/)]);
    const list = json(await app.inject({ method: 'GET', url: `/api/workplaces/${workplaceId}/devices`, headers: bearer(sup.token) }));
    expect(Date.parse(list.devices[0].lastSeen)).toBe(clock.now);
  });

  it('is off while the LISTEN connection is down, and empty when it is back', async () => {
    const { spy, app, deviceToken } = await setup();
    spy.down = true;
    expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
    expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
    expect(spy.tokenQueries()).toHaveLength(2); // every request to the database
    spy.down = false;
    spy.notify!(null); // back: revocations meanwhile were not heard
    expect(app.changes.tokens.size).toBe(0);
    await pull(app, deviceToken, 1);
    expect(spy.tokenQueries()).toHaveLength(1);
    await pull(app, deviceToken, 1);
    expect(spy.tokenQueries()).toEqual([]);
  });

  it('never puts a token or its hash in a notice or a log line', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const app = await h.build({ logger: { level: 'trace', stream } });
    const w = await workplaceWithDevice(app);
    const notices: string[] = [];
    const unlisten = await h.db.listen(AUTH_CHANNEL, (p) => void (p !== null && notices.push(p)));
    try {
      await pull(app, w.deviceToken);
      await app.inject({ method: 'POST', url: '/api/logout', headers: bearer(w.sup.token) });
      expect((await revoke(app, (await loginAgain(app, w.sup)).token, w.deviceId)).statusCode).toBe(204);
      await until(() => notices.some((n) => n.includes(w.deviceId)));
      await until(() => notices.some((n) => n.includes(w.sup.accountId)));
    } finally {
      await unlisten();
    }
    const secrets = [w.deviceToken, w.sup.token, sha256Hex(w.deviceToken), sha256Hex(w.sup.token)];
    for (const text of [...notices, ...lines]) for (const s of secrets) expect(text).not.toContain(s);
    expect(notices.map((n) => JSON.parse(n) as unknown)).toContainEqual({ kind: 'device', id: w.deviceId });
  });

  async function loginAgain(app: FastifyInstance, sup: { email: string; password: string }) {
    return json<{ token: string }>(await app.inject({ method: 'POST', url: '/api/login', payload: { email: sup.email, password: sup.password } }));
  }

  it('can be turned off (tokenCache: false, the bench baseline)', async () => {
    const spy = spyOn(h.db);
    const app = await h.build({ db: spy.db, tokenCache: false });
    const w = await workplaceWithDevice(app);
    await pull(app, w.deviceToken);
    spy.tokenQueries();
    await pull(app, w.deviceToken);
    expect(spy.tokenQueries()).toHaveLength(1);
  });

  // Replicas exist only with PostgreSQL; PGlite runs a single process.
  if (backend.name === 'postgres') {
    async function replica() {
      const db = await backend.openReplica!(h.info.schema!);
      const app = await buildApp({ db, rateLimit: false, now: () => clock.now });
      extra.push({ app, db });
      await app.ready();
      return app;
    }

    it('a revocation on replica A refuses the token on replica B within 1 s', async () => {
      const { app: a, deviceToken, deviceId, sup } = await setup();
      const b = await replica();
      expect((await pull(b, deviceToken)).statusCode).toBe(200); // verified and cached on B
      expect(b.changes.tokens.size).toBe(1);
      expect((await revoke(a, sup.token, deviceId)).statusCode).toBe(204);
      const ms = await until(async () => (await pull(b, deviceToken)).statusCode === 401);
      expect(ms).toBeLessThan(1000);
    });

    it("a logout on replica A ends the session on replica B within 1 s", async () => {
      const { app: a, sup } = await setup();
      const b = await replica();
      const invite = (app: FastifyInstance) => app.inject({ method: 'POST', url: '/api/invites', headers: bearer(sup.token) });
      expect((await invite(b)).statusCode).toBe(201);
      expect((await a.inject({ method: 'POST', url: '/api/logout', headers: bearer(sup.token) })).statusCode).toBe(204);
      const ms = await until(async () => (await invite(b)).statusCode === 401);
      expect(ms).toBeLessThan(1000);
    });

    it('turns off the moment the real LISTEN connection dies, and starts empty when it is back', async () => {
      const { spy, app, deviceToken } = await setup();
      expect(app.changes.tokens.size).toBe(2); // the supervisor's session and the device
      expect(await killListenConnection(h)).toBe(1);
      await until(() => !h.db.listening());
      spy.tokenQueries();
      expect((await pull(app, deviceToken, 1)).statusCode).toBe(200);
      expect(spy.tokenQueries().length).toBeGreaterThan(0); // to the database while it is down
      await until(() => h.db.listening()); // re-listened
      await until(() => app.changes.tokens.size === 0);
      spy.tokenQueries();
      await pull(app, deviceToken, 1);
      expect(spy.tokenQueries().length).toBeGreaterThan(0);
    });
  }
});
