// @vitest-environment node
/**
 * The account calls of the API wrapper against the real server in-process
 * (PGlite, sign-up closed as in production): invites, sign-up with and
 * without one, and both logouts — each failure arriving as an ApiError with
 * the server's code, which is what the sync screen's messages are chosen by.
 */
import { describe, expect, it } from 'vitest';
import { injectFetch } from '../../tests/helpers/injectFetch';
import { clock, pgliteBackend, useServer } from '../../tests/server/helpers';
import { ApiError, createApi } from './api';

const h = useServer(pgliteBackend);

async function closedServer() {
  const app = await h.build({ openSignup: false });
  return createApi({ baseUrl: 'http://tavla.test', fetch: injectFetch(app).fetch });
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('account api', () => {
  it('creates an invite that lets exactly one colleague sign up on a closed server', async () => {
    const api = await closedServer();
    const first = await api.signup('anna@example.se', 'correct horse battery');

    const closed = await refusal(api.signup('bo@example.se', 'correct horse battery'));
    expect([closed.code, closed.status]).toEqual(['forbidden', 403]);

    const invite = await api.createInvite(first.token);
    expect(invite.code).toMatch(/^tvi_/);
    expect(Date.parse(invite.expiresAt)).toBe(clock.now + 7 * 86_400_000);

    const bo = await api.signup('bo@example.se', 'correct horse battery', invite.code);
    expect(bo.token).toBeTruthy();
    const spent = await refusal(api.signup('cia@example.se', 'correct horse battery', invite.code));
    expect(spent.code).toBe('forbidden');
    // an empty code is the same as none, not a schema error
    expect((await refusal(api.signup('cia@example.se', 'correct horse battery', ''))).code).toBe('forbidden');
  });

  it('logs out this session only, or every session of the account', async () => {
    const api = await closedServer();
    const a = await api.signup('anna@example.se', 'correct horse battery');
    const b = await api.login('anna@example.se', 'correct horse battery');
    const c = await api.login('anna@example.se', 'correct horse battery');

    await api.logout(a.token);
    expect((await refusal(api.createInvite(a.token))).code).toBe('unauthorized');
    await expect(api.createInvite(b.token)).resolves.toHaveProperty('code');

    await api.logout(b.token, true);
    expect((await refusal(api.createInvite(b.token))).code).toBe('unauthorized');
    expect((await refusal(api.createInvite(c.token))).code).toBe('unauthorized');
  });
});
