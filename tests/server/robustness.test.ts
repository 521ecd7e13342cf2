// @vitest-environment node
/**
 * Bad input gets a 4xx with `{error, message}`, never a 5xx, and leaves the
 * server healthy; a real 5xx says nothing about its cause.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Db } from '../../src/server/db/db';
import { HELMET_OPTIONS } from '../../src/server/plugins/security';
import { SCHEMA_VERSION } from '../../src/sync/shared/protocol';
import { backends, bearer, clock, json, op, push, syncHeaders, useServer, workplaceWithDevice } from './helpers';

async function healthy(app: FastifyInstance) {
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
}

describe.each(backends)('robustness ($name)', (backend) => {
  const h = useServer(backend);

  it('reports health with the database kind', async () => {
    const app = await h.build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(json(res)).toEqual({ status: 'ok', db: backend.name });
  });

  it('answers malformed, mistyped and oversized requests with 4xx, and stays healthy', async () => {
    const app = await h.build();
    const { workplaceId, deviceToken, sup } = await workplaceWithDevice(app);
    const pushUrl = '/api/sync/push';
    const bad: [InjectOptions, number][] = [
      [{ method: 'POST', url: pushUrl, headers: { ...syncHeaders(deviceToken), 'content-type': 'application/json' }, payload: '{"ops": [' }, 400],
      [{ method: 'POST', url: pushUrl, headers: { ...syncHeaders(deviceToken), 'content-type': 'text/plain' }, payload: 'hello' }, 400],
      [{ method: 'POST', url: pushUrl, headers: { ...syncHeaders(deviceToken), 'content-type': 'application/xml' }, payload: '<ops/>' }, 415],
      [{ method: 'POST', url: pushUrl, headers: { ...syncHeaders(deviceToken), 'content-type': 'application/json' }, payload: '{"__proto__": {"x": 1}, "ops": []}' }, 400],
      [{ method: 'POST', url: pushUrl, headers: syncHeaders(deviceToken), payload: { schemaVersion: SCHEMA_VERSION, ops: [op(workplaceId, 'goals', 'g', { text: 'a\u0000b' })] } }, 400],
      [{ method: 'POST', url: pushUrl, headers: syncHeaders(deviceToken), payload: { schemaVersion: SCHEMA_VERSION, ops: [op(workplaceId, 'goals', 'g', { text: 'x'.repeat(1_100_000) })] } }, 413],
      [{ method: 'PUT', url: `/api/blobs/${'a'.repeat(64)}`, headers: { ...bearer(deviceToken), 'content-type': 'image/jpeg' }, payload: Buffer.alloc(10 * 1024 * 1024 + 1) }, 413],
      [{ method: 'PUT', url: '/api/blobs/not-a-hash', headers: { ...bearer(deviceToken), 'content-type': 'image/jpeg' }, payload: Buffer.from('x') }, 400],
      [{ method: 'GET', url: '/api/sync/pull?cursor=1e30', headers: syncHeaders(deviceToken) }, 400],
      [{ method: 'GET', url: '/api/workplaces/not-a-uuid/devices', headers: bearer(sup.token) }, 400],
      [{ method: 'GET', url: '/api/nothing-here' }, 404],
      [{ method: 'POST', url: '/api/login', payload: [] }, 400],
      [{ method: 'POST', url: '/api/sync/push', headers: { authorization: 'Basic abc', 'x-tavla-schema': '1' }, payload: {} }, 401],
    ];
    for (const [req, status] of bad) {
      const res = await app.inject(req);
      expect(res.statusCode, `${req.method} ${req.url}`).toBe(status);
      if (req.method !== 'HEAD') expect(typeof json(res).error, res.body).toBe('string');
    }
    await healthy(app);
  });

  it('never leaks internals in a 500', async () => {
    const app = await buildApp({ db: h.db, rateLimit: false });
    app.get('/api/boom', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/tavla/db.ts:12');
    });
    const res = await app.inject({ method: 'GET', url: '/api/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(json(res)).toEqual({ error: 'internal', message: expect.any(String) });
    expect(res.body).not.toContain('secret');
    expect(res.body).not.toContain('/srv');
  });

  it('reports 503 from health when the database does not answer', async () => {
    const broken: Db = { ...h.db, query: () => Promise.reject(new Error('connection refused 10.0.0.5')) };
    const app = await buildApp({ db: broken, rateLimit: false });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.body).not.toContain('10.0.0.5');
  });

  it('sets security headers with a CSP for the app', async () => {
    const app = await h.build();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('img-src');
    expect(csp).toContain('blob:');
    expect(csp).toContain("worker-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sets exactly the headers @fastify/helmet sets per request (worked out once at start instead)', async () => {
    const app = await h.build();
    const reference = Fastify({ logger: false });
    await reference.register(helmet, HELMET_OPTIONS);
    reference.get('/api/health', async () => ({ status: 'ok' }));
    const expected = (await reference.inject({ method: 'GET', url: '/api/health' })).headers;
    await reference.close();
    const got = (await app.inject({ method: 'GET', url: '/api/health' })).headers;
    const names = Object.keys(expected).filter((n) => !['content-type', 'content-length', 'date', 'connection', 'keep-alive'].includes(n));
    expect(names.length).toBeGreaterThan(8);
    for (const n of names) expect(got[n], n).toBe(expected[n]);
  });

  it('never answers random bodies on any route with a 5xx (fuzz)', async () => {
    const app = await h.build();
    const w = await workplaceWithDevice(app);
    const other = await workplaceWithDevice(app);
    const routes: ((body: unknown, s: string) => InjectOptions)[] = [
      (body) => ({ method: 'POST', url: '/api/accounts', payload: body as object }),
      (body) => ({ method: 'POST', url: '/api/login', payload: body as object }),
      (body) => ({ method: 'POST', url: '/api/workplaces', headers: bearer(w.sup.token), payload: body as object }),
      (body, s) => ({ method: 'POST', url: `/api/workplaces/${encodeURIComponent(s)}/pairing-codes`, headers: bearer(w.sup.token), payload: body as object }),
      (_b, s) => ({ method: 'GET', url: `/api/workplaces/${encodeURIComponent(s)}/devices`, headers: bearer(w.sup.token) }),
      (_b, s) => ({ method: 'DELETE', url: `/api/devices/${encodeURIComponent(s)}`, headers: bearer(w.sup.token) }),
      (body) => ({ method: 'POST', url: '/api/pair', payload: body as object }),
      (body) => ({ method: 'POST', url: '/api/sync/push', headers: syncHeaders(w.deviceToken), payload: body as object }),
      (body) => ({
        method: 'POST',
        url: '/api/sync/push',
        headers: syncHeaders(w.deviceToken),
        payload: { schemaVersion: SCHEMA_VERSION, ops: [{ ...op(w.workplaceId, 'goals', 'g1', {}), fields: body }] },
      }),
      (body, s) => ({
        method: 'POST',
        url: '/api/sync/push',
        headers: syncHeaders(w.deviceToken),
        payload: { schemaVersion: SCHEMA_VERSION, ops: [{ ...op(w.workplaceId, 'persons', s || 'x', {}), fields: { firstName: body, avatar: body, deleted: 1 } }] },
      }),
      (_b, s) => ({ method: 'GET', url: `/api/sync/pull?cursor=${encodeURIComponent(s)}&limit=${encodeURIComponent(s)}`, headers: syncHeaders(w.deviceToken) }),
      (_b, s) => ({ method: 'GET', url: `/api/sync/pull`, headers: { ...bearer(w.deviceToken), 'x-tavla-schema': s } }),
      (body, s) => ({ method: 'PUT', url: `/api/blobs/${encodeURIComponent(s)}`, headers: { ...bearer(w.deviceToken), 'content-type': s || 'x' }, payload: JSON.stringify(body) ?? '' }),
      (_b, s) => ({ method: 'GET', url: `/api/blobs/${encodeURIComponent(s)}`, headers: bearer(s) }),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: routes.length - 1 }),
        fc.oneof(fc.jsonValue(), fc.object(), fc.string({ unit: 'binary' }), fc.constant({ ops: [{}], schemaVersion: 1 })),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.uuid(), fc.constant(other.workplaceId), fc.constant('9'.repeat(40))),
        async (i, body, s) => {
          const res = await app.inject(routes[i]!(body, s));
          expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
    await healthy(app);
    const stillWorks = await push(app, w.deviceToken, [op(w.workplaceId, 'goals', randomUUID(), { text: 'fine' })]);
    expect(stillWorks.statusCode).toBe(200);
    void clock;
  }, 120_000);
});
