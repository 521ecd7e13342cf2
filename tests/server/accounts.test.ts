// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backends, bearer, clock, json, pull, signup, syncHeaders, useServer, workplaceWithDevice } from './helpers';
import { PAIRING_ALPHABET } from '../../src/server/routes/workplaces/pairing';

describe.each(backends)('accounts, workplaces and pairing ($name)', (backend) => {
  const h = useServer(backend);

  describe('accounts', () => {
    it('signs up and logs in with the same password', async () => {
      const app = await h.build();
      const sup = await signup(app, 'Anna@Example.se');
      expect(sup.token).toMatch(/^tvs_/);
      const res = await app.inject({ method: 'POST', url: '/api/login', payload: { email: 'anna@example.se', password: sup.password } });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ accountId: sup.accountId, workplaces: [] });
    });

    it('refuses a wrong password and an unknown email alike', async () => {
      const app = await h.build();
      const sup = await signup(app);
      const wrong = await app.inject({ method: 'POST', url: '/api/login', payload: { email: sup.email, password: 'not the password' } });
      const unknown = await app.inject({ method: 'POST', url: '/api/login', payload: { email: 'nobody@example.se', password: 'not the password' } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(json(wrong)).toEqual(json(unknown));
      expect(json(wrong).error).toBe('unauthorized');
    });

    it('refuses a short password and a taken email', async () => {
      const app = await h.build();
      const short = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'a@b.se', password: 'short' } });
      expect(short.statusCode).toBe(400);
      await signup(app, 'taken@example.se');
      const again = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'TAKEN@example.se', password: 'another long one' } });
      expect(again.statusCode).toBe(409);
      expect(json(again).error).toBe('conflict');
    });

    it('rate-limits login attempts per address', async () => {
      const app = await h.build({
        rateLimit: { max: 3, timeWindow: 60_000 },
        loginLimits: { perIp: { max: 3, timeWindow: 60_000 }, perAccount: { max: 100, timeWindow: 60_000 } },
      });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/login', payload: { email: `x${i}@example.se`, password: 'wrong password!' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    });
  });

  describe('workplaces', () => {
    it('claims a workplace id generated offline and returns a device token that syncs it', async () => {
      const app = await h.build();
      const offlineId = randomUUID();
      const { deviceToken, sup } = await workplaceWithDevice(app, offlineId);
      expect(deviceToken).toMatch(/^tvd_/);
      const res = await pull(app, deviceToken);
      expect(res.statusCode).toBe(200);
      const login = await app.inject({ method: 'POST', url: '/api/login', payload: { email: sup.email, password: sup.password } });
      expect(json(login).workplaces).toEqual([{ id: offlineId, name: 'Tvätteriet' }]);
    });

    it('lets the owner claim the same id again (a second tablet), keeping the data', async () => {
      const app = await h.build();
      const { sup, workplaceId } = await workplaceWithDevice(app);
      const again = await app.inject({
        method: 'POST',
        url: '/api/workplaces',
        headers: bearer(sup.token),
        payload: { id: workplaceId, name: 'Tvätteriet', deviceName: 'Office laptop' },
      });
      expect(again.statusCode).toBe(200);
    });

    it("refuses an id owned by another account with 409", async () => {
      const app = await h.build();
      const { workplaceId } = await workplaceWithDevice(app);
      const other = await signup(app);
      const res = await app.inject({
        method: 'POST',
        url: '/api/workplaces',
        headers: bearer(other.token),
        payload: { id: workplaceId, name: 'Mine now', deviceName: 'x' },
      });
      expect(res.statusCode).toBe(409);
    });

    it('needs a supervisor session, not a device token', async () => {
      const app = await h.build();
      const { deviceToken } = await workplaceWithDevice(app);
      const res = await app.inject({ method: 'POST', url: '/api/workplaces', headers: bearer(deviceToken), payload: { id: randomUUID(), name: 'x', deviceName: 'x' } });
      expect(res.statusCode).toBe(403);
      const none = await app.inject({ method: 'POST', url: '/api/workplaces', payload: { id: randomUUID(), name: 'x', deviceName: 'x' } });
      expect(none.statusCode).toBe(401);
    });
  });

  describe('pairing', () => {
    async function newCode(app: Awaited<ReturnType<typeof h.build>>) {
      const wp = await workplaceWithDevice(app);
      const res = await app.inject({ method: 'POST', url: `/api/workplaces/${wp.workplaceId}/pairing-codes`, headers: { ...bearer(wp.sup.token), host: 'tavla.local:8080' } });
      expect(res.statusCode).toBe(201);
      return { ...wp, ...json<{ code: string; expiresAt: string; qrSvg: string; pairUrl: string }>(res) };
    }

    it('issues an 8-character code without look-alike characters, with a QR code of the pairing URL', async () => {
      const app = await h.build();
      const { code, expiresAt, qrSvg, pairUrl } = await newCode(app);
      expect(code).toHaveLength(8);
      for (const ch of code) expect(PAIRING_ALPHABET).toContain(ch);
      expect(Date.parse(expiresAt) - clock.now).toBe(10 * 60 * 1000);
      expect(pairUrl).toBe(`http://tavla.local:8080/pair?code=${code}`);
      expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    });

    it('pairs a tablet once; the second claim is 409 pairing_used', async () => {
      const app = await h.build();
      const { code, workplaceId } = await newCode(app);
      const first = await app.inject({ method: 'POST', url: '/api/pair', payload: { code: code.toLowerCase(), deviceName: 'Kitchen tablet' } });
      expect(first.statusCode).toBe(201);
      expect(json(first).workplace.id).toBe(workplaceId);
      const synced = await pull(app, json(first).token);
      expect(synced.statusCode).toBe(200);
      const second = await app.inject({ method: 'POST', url: '/api/pair', payload: { code, deviceName: 'Thief' } });
      expect(second.statusCode).toBe(409);
      expect(json(second).error).toBe('pairing_used');
    });

    it('refuses an expired code with 410 pairing_expired', async () => {
      const app = await h.build();
      const { code } = await newCode(app);
      clock.now += 10 * 60 * 1000 + 1;
      const res = await app.inject({ method: 'POST', url: '/api/pair', payload: { code, deviceName: 'Late tablet' } });
      expect(res.statusCode).toBe(410);
      expect(json(res).error).toBe('pairing_expired');
    });

    it('accepts a code just before it expires', async () => {
      const app = await h.build();
      const { code } = await newCode(app);
      clock.now += 10 * 60 * 1000 - 1000;
      const res = await app.inject({ method: 'POST', url: '/api/pair', payload: { code, deviceName: 'Just in time' } });
      expect(res.statusCode).toBe(201);
    });

    it('answers an unknown code with 404 pairing_invalid', async () => {
      const app = await h.build();
      const res = await app.inject({ method: 'POST', url: '/api/pair', payload: { code: 'ABCDEFGH', deviceName: 'x' } });
      expect(res.statusCode).toBe(404);
      expect(json(res).error).toBe('pairing_invalid');
    });
  });

  describe('devices', () => {
    it('lists the paired devices and revokes one, whose token then gets 401', async () => {
      const app = await h.build();
      const { sup, workplaceId, deviceToken, deviceId } = await workplaceWithDevice(app);
      await pull(app, deviceToken);
      const list = await app.inject({ method: 'GET', url: `/api/workplaces/${workplaceId}/devices`, headers: bearer(sup.token) });
      expect(list.statusCode).toBe(200);
      expect(json(list).devices).toMatchObject([{ id: deviceId, name: 'Wall tablet', revokedAt: null }]);
      expect(json(list).devices[0].lastSeen).not.toBeNull();
      const del = await app.inject({ method: 'DELETE', url: `/api/devices/${deviceId}`, headers: bearer(sup.token) });
      expect(del.statusCode).toBe(204);
      const after = await app.inject({ method: 'GET', url: '/api/sync/pull', headers: syncHeaders(deviceToken) });
      expect(after.statusCode).toBe(401);
      const listed = await app.inject({ method: 'GET', url: `/api/workplaces/${workplaceId}/devices`, headers: bearer(sup.token) });
      expect(json(listed).devices[0].revokedAt).not.toBeNull();
    });
  });
});
