// @vitest-environment node
/**
 * No read or write ever crosses workplaces: for every API route, the
 * credentials of workplace A are tried against the data of workplace B,
 * and B must come out unseen and unchanged.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { backends, bearer, json, op, pull, push, syncHeaders, useServer, workplaceWithDevice } from './helpers';

type World = Awaited<ReturnType<typeof makeWorld>>;

async function makeWorld(app: FastifyInstance) {
  const a = await workplaceWithDevice(app);
  const b = await workplaceWithDevice(app);
  const photo = Buffer.from('B only');
  const bHash = createHash('sha256').update(photo).digest('hex');
  await app.inject({ method: 'PUT', url: `/api/blobs/${bHash}`, headers: { ...bearer(b.deviceToken), 'content-type': 'image/png' }, payload: photo });
  await push(app, b.deviceToken, [op(b.workplaceId, 'persons', 'pb', { firstName: 'Bea', avatar: { kind: 'photo', ref: bHash } })]);
  await push(app, a.deviceToken, [op(a.workplaceId, 'persons', 'pa', { firstName: 'Axel' })]);
  return { a, b, bHash, photo };
}

interface Case {
  route: string;
  request: (w: World) => InjectOptions;
  check: (res: LightMyRequestResponse, w: World) => void;
}

const denied = (res: LightMyRequestResponse) => expect([403, 404]).toContain(res.statusCode);

const cases: Case[] = [
  {
    route: 'POST /api/sync/push',
    request: (w) => ({
      method: 'POST',
      url: '/api/sync/push',
      headers: syncHeaders(w.a.deviceToken),
      payload: { schemaVersion: 1, ops: [op(w.b.workplaceId, 'persons', 'pb', { firstName: 'Hacked' })] },
    }),
    check: (res) => expect(res.statusCode).toBe(403),
  },
  {
    route: 'GET /api/sync/pull',
    request: (w) => ({ method: 'GET', url: '/api/sync/pull?cursor=0', headers: syncHeaders(w.a.deviceToken) }),
    check: (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Bea');
      expect(json(res).rows.map((r: { row: { id: string } }) => r.row.id)).toEqual(['pa']);
    },
  },
  {
    route: 'GET /api/sync/events',
    // (the live part, that B's pushes never poke A, is in realtime.test.ts)
    request: (w) => ({ method: 'GET', url: `/api/sync/events?ticket=tvt_${w.b.deviceToken.slice(4, -2)}xx&schema=1` }),
    check: (res) => expect(res.statusCode).toBe(401),
  },
  {
    route: 'POST /api/sync/events/ticket',
    // a ticket opens the stream of the device that asked for it, so a guessed token is all there is to try
    request: (w) => ({ method: 'POST', url: '/api/sync/events/ticket', headers: syncHeaders(`${w.b.deviceToken.slice(0, -2)}xx`) }),
    check: (res) => expect(res.statusCode).toBe(401),
  },
  {
    route: 'PUT /api/blobs/:hash',
    request: (w) => ({ method: 'PUT', url: `/api/blobs/${w.bHash}`, headers: { ...bearer(w.a.deviceToken), 'content-type': 'text/plain' }, payload: w.photo }),
    // A may store the same bytes, but in A's own space: B's copy keeps its type
    check: (res) => expect(res.statusCode).toBe(201),
  },
  {
    route: 'GET /api/blobs/:hash',
    request: (w) => ({ method: 'GET', url: `/api/blobs/${w.bHash}`, headers: bearer(w.a.deviceToken) }),
    check: (res) => expect(res.statusCode).toBe(404),
  },
  {
    route: 'HEAD /api/blobs/:hash',
    request: (w) => ({ method: 'HEAD', url: `/api/blobs/${w.bHash}`, headers: bearer(w.a.deviceToken) }),
    check: (res) => expect(res.statusCode).toBe(404),
  },
  {
    route: 'POST /api/workplaces',
    request: (w) => ({ method: 'POST', url: '/api/workplaces', headers: bearer(w.a.sup.token), payload: { id: w.b.workplaceId, name: 'Mine', deviceName: 'x' } }),
    check: (res) => expect(res.statusCode).toBe(409),
  },
  {
    route: 'POST /api/workplaces/:id/pairing-codes',
    request: (w) => ({ method: 'POST', url: `/api/workplaces/${w.b.workplaceId}/pairing-codes`, headers: bearer(w.a.sup.token) }),
    check: denied,
  },
  {
    route: 'GET /api/workplaces/:id/devices',
    request: (w) => ({ method: 'GET', url: `/api/workplaces/${w.b.workplaceId}/devices`, headers: bearer(w.a.sup.token) }),
    check: denied,
  },
  {
    route: 'DELETE /api/devices/:id',
    request: (w) => ({ method: 'DELETE', url: `/api/devices/${w.b.deviceId}`, headers: bearer(w.a.sup.token) }),
    check: denied,
  },
  {
    // ends A's own sessions only: B's supervisor still lists B's devices below
    route: 'POST /api/logout',
    request: (w) => ({ method: 'POST', url: '/api/logout', headers: bearer(w.a.sup.token), payload: { everywhere: true } }),
    check: (res) => expect(res.statusCode).toBe(204),
  },
  {
    // an invite lets someone create an account of their own, never reach B
    route: 'POST /api/invites',
    request: (w) => ({ method: 'POST', url: '/api/invites', headers: bearer(w.a.sup.token) }),
    check: (res) => expect(res.statusCode).toBe(201),
  },
];

/** Routes anyone may call without a token, so there is nothing of B to reach. */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/accounts', 'POST /api/login', 'POST /api/pair'];

describe.each(backends)('tenancy ($name)', (backend) => {
  const h = useServer(backend);

  it('has a case for every API route', async () => {
    const app = await h.build();
    const covered = new Set([...cases.map((c) => c.route), ...PUBLIC_ROUTES]);
    expect([...new Set(app.apiRoutes)].filter((r) => !covered.has(r))).toEqual([]);
  });

  it.each(cases)("$route with A's token cannot read or change B", async ({ request, check }) => {
    const app = await h.build();
    const w = await makeWorld(app);
    const res = await app.inject(request(w));
    check(res, w);
    // B is unchanged and still works
    const bRows = json(await pull(app, w.b.deviceToken)).rows;
    expect(bRows).toHaveLength(1);
    expect(bRows[0].row).toMatchObject({ id: 'pb', firstName: 'Bea', workplaceId: w.b.workplaceId });
    const blob = await app.inject({ method: 'GET', url: `/api/blobs/${w.bHash}`, headers: bearer(w.b.deviceToken) });
    expect(blob.statusCode).toBe(200);
    expect(blob.headers['content-type']).toBe('image/png');
    const devices = await app.inject({ method: 'GET', url: `/api/workplaces/${w.b.workplaceId}/devices`, headers: bearer(w.b.sup.token) });
    expect(json(devices).devices.every((d: { revokedAt: string | null }) => d.revokedAt === null)).toBe(true);
    expect(json(devices).devices).toHaveLength(1);
  });

  it("refuses a device token on supervisor routes and a session on sync routes", async () => {
    const app = await h.build();
    const w = await makeWorld(app);
    const asDevice = await app.inject({ method: 'GET', url: `/api/workplaces/${w.a.workplaceId}/devices`, headers: bearer(w.a.deviceToken) });
    expect(asDevice.statusCode).toBe(403);
    const asSupervisor = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: syncHeaders(w.a.sup.token) });
    expect(asSupervisor.statusCode).toBe(403);
  });

  it('refuses a device token used as a workplaces row for another workplace', async () => {
    const app = await h.build();
    const w = await makeWorld(app);
    const res = await push(app, w.a.deviceToken, [op(w.a.workplaceId, 'workplaces', w.b.workplaceId, { name: 'x' })]);
    expect(res.statusCode).toBe(403);
  });
});
