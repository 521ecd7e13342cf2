// @vitest-environment node
/** `npm run admin -- …`: each command against a real database, as IT would run it. */
import { describe, expect, it } from 'vitest';
import { AdminUsageError, runAdmin } from '../../src/server/admin-commands';
import { backends, bearer, clock, json, pull, useServer, workplaceWithDevice } from './helpers';

describe.each(backends)('admin command ($name)', (backend) => {
  const h = useServer(backend);
  const admin = async (argv: string[], piped = '') => {
    const lines: string[] = [];
    await runAdmin(argv, { db: h.db, out: (l) => lines.push(l), readPassword: async () => piped, now: () => clock.now });
    return lines;
  };
  const login = (app: Awaited<ReturnType<typeof h.build>>, email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/login', payload: { email, password } });
  /**
   * The server caches verified tokens; the command (another process, with PostgreSQL) reaches
   * it through the database's revocation notice, documented to arrive within 1 s.
   */
  const refusedWithin1s = async (request: () => Promise<{ statusCode: number }>) => {
    const start = Date.now();
    while ((await request()).statusCode !== 401) {
      if (Date.now() - start > 1000) throw new Error('still accepted 1 s after the command');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('create-account makes an account that can log in, even with sign-up closed', async () => {
    const app = await h.build({ openSignup: false });
    await workplaceWithDevice(app); // the first account exists: sign-up is closed now
    const lines = await admin(['create-account', 'it@example.se']);
    const password = /^Password: (\S+)$/.exec(lines[1]!)?.[1];
    expect(lines[0]).toMatch(/^Created account it@example.se/);
    expect((await login(app, 'it@example.se', password!)).statusCode).toBe(200);
    await admin(['create-account', 'piped@example.se', '--password-stdin'], 'a long piped password\n');
    expect((await login(app, 'piped@example.se', 'a long piped password')).statusCode).toBe(200);
  });

  it('reset-password sets a new password and ends every session', async () => {
    const app = await h.build();
    const { sup, workplaceId } = await workplaceWithDevice(app);
    const lines = await admin(['reset-password', sup.email]);
    const password = /^Password: (\S+)$/.exec(lines[1]!)?.[1];
    await refusedWithin1s(() => app.inject({ method: 'GET', url: `/api/workplaces/${workplaceId}/devices`, headers: bearer(sup.token) }));
    expect((await login(app, sup.email, sup.password)).statusCode).toBe(401);
    expect((await login(app, sup.email, password!)).statusCode).toBe(200);
    await expect(admin(['reset-password', 'nobody@example.se'])).rejects.toThrow(AdminUsageError);
  });

  it('list-workplaces and list-devices show what is there; revoke-device ends a tablet', async () => {
    const app = await h.build();
    const { sup, workplaceId, deviceId, deviceToken } = await workplaceWithDevice(app);
    const workplaces = await admin(['list-workplaces']);
    expect(workplaces).toHaveLength(1);
    expect(workplaces[0]).toContain(workplaceId);
    expect(workplaces[0]).toContain('Tvätteriet');
    expect(workplaces[0]).toContain(`owner ${sup.email}`);
    expect(workplaces[0]).toContain('1 tablet(s)');
    expect((await admin(['list-devices', workplaceId]))[0]).toContain(deviceId);

    expect((await pull(app, deviceToken)).statusCode).toBe(200);
    expect(await admin(['revoke-device', deviceId])).toEqual([`Revoked device ${deviceId}; it must be paired again.`]);
    await refusedWithin1s(() => pull(app, deviceToken));
    expect((await admin(['list-workplaces']))[0]).toContain('0 tablet(s)');
  });

  it('invite prints a code that opens sign-up once', async () => {
    const app = await h.build({ openSignup: false });
    await workplaceWithDevice(app);
    const code = /: (tvi_\S+)$/.exec((await admin(['invite']))[0]!)?.[1];
    const res = await app.inject({ method: 'POST', url: '/api/accounts', payload: { email: 'new@example.se', password: 'a long password', invite: code } });
    expect(res.statusCode).toBe(201);
    expect(json(res).token).toMatch(/^tvs_/);
  });

  it('explains its usage on a mistake instead of guessing', async () => {
    await expect(admin([])).rejects.toThrow(/Usage: npm run admin/);
    await expect(admin(['drop-everything'])).rejects.toThrow(/Unknown command "drop-everything"/);
    await expect(admin(['revoke-device', 'not-a-uuid'])).rejects.toThrow(/device id/);
    await expect(admin(['create-account', 'x@example.se', '--password-stdin'], 'short')).rejects.toThrow(/at least 10/);
  });
});
