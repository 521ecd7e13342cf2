// @vitest-environment node
/**
 * Running Tavla for real: who may sign up, logging out, and login limits
 * per account and per IP that hold across replicas.
 */
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { backends, bearer, clock, json, signup, useServer, workplaceWithDevice } from './helpers';

const password = 'correct horse battery';
const login = (app: Awaited<ReturnType<typeof buildApp>>, email: string, pw: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/login', payload: { email, password: pw }, remoteAddress: ip });

describe.each(backends)('account policy ($name)', (backend) => {
  const h = useServer(backend);

  describe('sign-up', () => {
    it('is open for the first account only, then closed unless invited', async () => {
      const app = await h.build({ openSignup: false });
      const first = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'first@example.se', password } });
      expect(first.statusCode).toBe(201);
      const second = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'second@example.se', password } });
      expect(second.statusCode).toBe(403);
      expect(json(second).message).toMatch(/Sign-up is closed/);

      const invite = await app.inject({ method: 'POST', url: '/api/invites', headers: bearer(json(first).token) });
      expect(invite.statusCode).toBe(201);
      const { code } = json<{ code: string }>(invite);
      const invited = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'second@example.se', password, invite: code } });
      expect(invited.statusCode).toBe(201);
      const reused = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'third@example.se', password, invite: code } });
      expect(reused.statusCode).toBe(403);
      expect(json(reused).message).toMatch(/unknown, used or expired/);
    });

    it('lets two racing first sign-ups in only one at a time', async () => {
      const app = await h.build({ openSignup: false });
      const results = await Promise.all(
        ['a@example.se', 'b@example.se', 'c@example.se'].map((email) => app.inject({ method: 'POST', url: '/api/accounts', payload: { email, password } })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 403, 403]);
    });

    it('stays open to anyone with OPEN_SIGNUP', async () => {
      const app = await h.build({ openSignup: true });
      await signup(app);
      await signup(app);
    });
  });

  describe('logout', () => {
    it('ends this session only, or every session with everywhere', async () => {
      const app = await h.build();
      const { sup, workplaceId } = await workplaceWithDevice(app);
      const other = json<{ token: string }>(await login(app, sup.email, sup.password));
      const third = json<{ token: string }>(await login(app, sup.email, sup.password));
      const devices = (token: string) => app.inject({ method: 'GET', url: `/api/workplaces/${workplaceId}/devices`, headers: bearer(token) });

      expect((await app.inject({ method: 'POST', url: '/api/logout', headers: bearer(sup.token) })).statusCode).toBe(204);
      expect((await devices(sup.token)).statusCode).toBe(401);
      expect((await devices(other.token)).statusCode).toBe(200);

      const everywhere = await app.inject({ method: 'POST', url: '/api/logout', headers: bearer(other.token), payload: { everywhere: true } });
      expect(everywhere.statusCode).toBe(204);
      expect((await devices(other.token)).statusCode).toBe(401);
      expect((await devices(third.token)).statusCode).toBe(401);
    });

    it('needs a session', async () => {
      const app = await h.build();
      expect((await app.inject({ method: 'POST', url: '/api/logout' })).statusCode).toBe(401);
    });
  });

  describe('login limits', () => {
    const limits = { perIp: { max: 50, timeWindow: 60_000 }, perAccount: { max: 3, timeWindow: 15 * 60_000 } };

    it('locks one account after its wrong passwords from many addresses, not the others on the same address', async () => {
      const app = await h.build({ rateLimit: { max: 10, timeWindow: 60_000 }, loginLimits: limits });
      const anna = await signup(app, 'anna@example.se');
      const bo = await signup(app, 'bo@example.se');
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await login(app, anna.email, 'wrong password!', `10.0.1.${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const locked = await login(app, anna.email, anna.password, '10.0.2.1');
      expect(locked.statusCode).toBe(429); // even the right password waits: the guesser must not learn it
      expect(json(locked).message).toMatch(/Too many wrong passwords for this account/);
      expect((await login(app, bo.email, bo.password, '10.0.1.0')).statusCode).toBe(200);
    });

    it('forgets wrong passwords after a right one', async () => {
      const app = await h.build({ rateLimit: { max: 10, timeWindow: 60_000 }, loginLimits: limits });
      const anna = await signup(app);
      for (let round = 0; round < 3; round++) {
        expect((await login(app, anna.email, 'wrong password!')).statusCode).toBe(401);
        expect((await login(app, anna.email, 'wrong password!')).statusCode).toBe(401);
        expect((await login(app, anna.email, anna.password)).statusCode).toBe(200);
      }
    });

    it('counts one address across replicas: the limit is kept in the database', async () => {
      const perIp = { perIp: { max: 4, timeWindow: 60_000 }, perAccount: { max: 100, timeWindow: 60_000 } };
      const replicaDb = backend.openReplica && h.info.schema ? await backend.openReplica(h.info.schema) : h.db;
      const a = await h.build({ rateLimit: { max: 10, timeWindow: 60_000 }, loginLimits: perIp });
      const b = await buildApp({ db: replicaDb, rateLimit: { max: 10, timeWindow: 60_000 }, loginLimits: perIp, openSignup: true, now: () => clock.now });
      try {
        const codes: number[] = [];
        for (let i = 0; i < 6; i++) codes.push((await login(i % 2 ? b : a, `n${i}@example.se`, 'wrong password!', '10.9.9.9')).statusCode);
        expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
      } finally {
        await b.close();
        if (replicaDb !== h.db) await replicaDb.close();
      }
    });
  });
});
