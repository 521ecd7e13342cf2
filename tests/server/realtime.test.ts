// @vitest-environment node
/**
 * Live updates over SSE on a real listening server: a push pokes the
 * workplace's open streams with the new cursor, never another workplace's;
 * with PostgreSQL, a push on one replica reaches streams on another, and a
 * lost LISTEN connection comes back with a catch-up poke.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { backends, bearer, clock, killListenConnection, op, push, useServer, workplaceWithDevice } from './helpers';
import { SseReader } from './sse';
import { STREAMS_PER_DEVICE } from '../../src/server/limits';

describe.each(backends)('live updates ($name)', (backend) => {
  const h = useServer(backend);
  const open: SseReader[] = [];
  const extra: { app?: FastifyInstance; db?: Db }[] = [];

  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    for (const e of extra.splice(0)) {
      await e.app?.close();
      await e.db?.close();
    }
  });

  async function listen(app: FastifyInstance) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  async function ticket(base: string, token: string): Promise<string> {
    const res = await fetch(`${base}/api/sync/events/ticket`, { method: 'POST', headers: { ...bearer(token), 'x-tavla-schema': '1' } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { ticket: string }).ticket;
  }

  async function events(base: string, token: string) {
    const { res, sse } = await SseReader.open(`${base}/api/sync/events?ticket=${encodeURIComponent(await ticket(base, token))}&schema=1`);
    open.push(sse);
    return { res, sse };
  }

  it('pokes with the current cursor on connect and the new one after a push', async () => {
    const app = await h.build();
    const base = await listen(app);
    const { workplaceId, deviceToken } = await workplaceWithDevice(app);
    const { res, sse } = await events(base, deviceToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await sse.nextPoke()).toBe(0);
    await push(app, deviceToken, [op(workplaceId, 'goals', 'g1', { text: 'a' }), op(workplaceId, 'goals', 'g2', { text: 'b' })]);
    expect(await sse.nextPoke()).toBe(2);
  });

  it('accepts the bearer header too, and refuses a missing credential or an old schema', async () => {
    const app = await h.build();
    const base = await listen(app);
    const { deviceToken } = await workplaceWithDevice(app);
    const viaHeader = await SseReader.open(`${base}/api/sync/events`, { ...bearer(deviceToken), 'x-tavla-schema': '1' });
    open.push(viaHeader.sse);
    expect(viaHeader.res.status).toBe(200);
    expect((await fetch(`${base}/api/sync/events?schema=1`)).status).toBe(401);
    expect((await fetch(`${base}/api/sync/events?schema=0&ticket=${await ticket(base, deviceToken)}`)).status).toBe(426);
  });

  it('opens a stream with a ticket only once and only before it expires; never with a token in the URL', async () => {
    const app = await h.build();
    const base = await listen(app);
    const { deviceToken } = await workplaceWithDevice(app);
    const t = await ticket(base, deviceToken);
    const first = await SseReader.open(`${base}/api/sync/events?ticket=${t}&schema=1`);
    open.push(first.sse);
    expect(first.res.status).toBe(200);
    expect((await fetch(`${base}/api/sync/events?ticket=${t}&schema=1`)).status).toBe(401);
    const late = await ticket(base, deviceToken);
    clock.now += 61_000;
    expect((await fetch(`${base}/api/sync/events?ticket=${late}&schema=1`)).status).toBe(401);
    for (const q of ['access_token', 'access%5Ftoken', 'ACCESS_TOKEN', 'token']) {
      expect((await fetch(`${base}/api/sync/events?${q}=${encodeURIComponent(deviceToken)}&schema=1`)).status, q).toBe(401);
    }
  });

  it('holds at most a few event streams per device: the next one is a 429', async () => {
    const app = await h.build();
    const base = await listen(app);
    const { deviceToken } = await workplaceWithDevice(app);
    for (let i = 0; i < STREAMS_PER_DEVICE; i++) expect((await events(base, deviceToken)).res.status).toBe(200);
    const over = await fetch(`${base}/api/sync/events?ticket=${await ticket(base, deviceToken)}&schema=1`);
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: string }).error).toBe('rate_limited');
    // closing one frees its place
    await open.pop()!.close();
    await new Promise((r) => setTimeout(r, 100));
    expect((await events(base, deviceToken)).res.status).toBe(200);
  });

  it("never pokes a workplace about another's changes", async () => {
    const app = await h.build();
    const base = await listen(app);
    const a = await workplaceWithDevice(app);
    const b = await workplaceWithDevice(app);
    const { sse } = await events(base, a.deviceToken);
    expect(await sse.nextPoke()).toBe(0);
    await push(app, b.deviceToken, [op(b.workplaceId, 'goals', 'g1', { text: 'B' })]);
    await push(app, a.deviceToken, [op(a.workplaceId, 'goals', 'g1', { text: 'A' }), op(a.workplaceId, 'goals', 'g2', { text: 'A' })]);
    expect(await sse.nextPoke()).toBe(2);
    expect(sse.pendingPokes()).toEqual([]);
  });

  it('sends heartbeats and ends the stream once the device is revoked', async () => {
    const app = await h.build({ heartbeatMs: 100 });
    const base = await listen(app);
    const { sup, deviceToken, deviceId } = await workplaceWithDevice(app);
    const { sse } = await events(base, deviceToken);
    await sse.next((m) => m.comment === 'heartbeat');
    await app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}`, headers: bearer(sup.token) });
    await expect(sse.next((m) => m.event === 'never', 3000)).rejects.toThrow('stream ended');
    void clock;
  });

  it('closes open streams on shutdown instead of hanging', async () => {
    const app = await buildApp({ db: h.db, rateLimit: false, now: () => clock.now });
    const base = await listen(app);
    const { deviceToken } = await workplaceWithDevice(app);
    const { sse } = await events(base, deviceToken);
    await sse.nextPoke();
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(sse.next((m) => m.event === 'never', 2000)).rejects.toThrow('stream ended');
  });

  // Replicas and LISTEN/NOTIFY exist only with PostgreSQL; PGlite runs a single process.
  if (backend.name === 'postgres') {
    it('fans a push on one replica out to streams on another', async () => {
      const app1 = await h.build();
      const replicaDb = await backend.openReplica!(h.info.schema!);
      const app2 = await buildApp({ db: replicaDb, rateLimit: false, now: () => clock.now });
      extra.push({ app: app2, db: replicaDb });
      const base2 = await listen(app2);
      const { workplaceId, deviceToken } = await workplaceWithDevice(app1);
      const { sse } = await events(base2, deviceToken);
      expect(await sse.nextPoke()).toBe(0);
      await push(app1, deviceToken, [op(workplaceId, 'tasks', 't1', { text: 'Iron the shirts' })]);
      expect(await sse.nextPoke()).toBe(1);
    });

    it('re-listens after the LISTEN connection dies, with a catch-up poke', async () => {
      const app = await h.build();
      const base = await listen(app);
      const { workplaceId, deviceToken } = await workplaceWithDevice(app);
      const { sse } = await events(base, deviceToken);
      expect(await sse.nextPoke()).toBe(0);
      await push(app, deviceToken, [op(workplaceId, 'tasks', 't1', { text: 'one' })]);
      expect(await sse.nextPoke()).toBe(1);

      expect(await killListenConnection(h)).toBe(1);
      // the listener reconnects and pokes every stream with the current cursor
      expect(await sse.nextPoke(10_000)).toBe(1);
      await push(app, deviceToken, [op(workplaceId, 'tasks', 't2', { text: 'two' })]);
      expect(await sse.nextPoke()).toBe(2);
    });
  }
});
