/**
 * The sync screen's account controls, driven like a supervisor against a fake
 * server (a fetch that answers as the accounts routes do): sign up with an
 * invite, the closed-sign-up and bad-invite messages, inviting a colleague,
 * and both logouts — which end the session on the server and forget it here,
 * while the tablet's pairing (its own device token) stays.
 */
import { Route } from '@solidjs/router';
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { freshRepos, renderRoutes, seedWorkplace } from '../../tests/helpers/render';
import { formatDateIn, LANGUAGES } from '../i18n';
import SyncScreen from './SyncScreen';

const SLOW = { timeout: 5000 };

interface Seen {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

/** A fake accounts server: sign-up is closed (an account exists); `validInvite` is the one code it accepts. */
function fakeServer(validInvite = 'tvi_goodcode') {
  const seen: Seen[] = [];
  let sessions = 0;
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const auth = new Headers(init.headers).get('authorization');
    seen.push({ method, path: url.pathname, auth, body });
    const route = `${method} ${url.pathname}`;
    if (route === 'POST /api/accounts') {
      const invite = (body as { invite?: string }).invite;
      if (!invite) return json(403, { error: 'forbidden', message: 'Sign-up is closed on this server' });
      if (invite !== validInvite) return json(403, { error: 'forbidden', message: 'This invite is unknown, used or expired' });
      return json(201, { token: `session-${++sessions}`, accountId: 'a1', workplaces: [] });
    }
    if (route === 'POST /api/login') return json(200, { token: `session-${++sessions}`, accountId: 'a1', workplaces: [] });
    if (route === 'POST /api/workplaces') {
      const b = body as { id: string; name: string; deviceName: string };
      return json(201, { workplace: { id: b.id, name: b.name }, device: { id: 'd1', name: b.deviceName }, token: 'device-token' });
    }
    if (method === 'GET' && url.pathname.endsWith('/devices')) return json(200, [{ id: 'd1', name: 'Computer', createdAt: '2026-12-01T08:00:00.000Z' }]);
    if (route === 'POST /api/invites') return json(201, { code: 'tvi_Colleague123', expiresAt: '2026-12-14T09:00:00.000Z' });
    if (route === 'POST /api/logout') return new Response(null, { status: 204 });
    return json(404, { error: 'not_found', message: 'no such route' });
  });
  return { fetch: fetchFn as unknown as typeof fetch, seen };
}

let repos: Repositories;
let wp: Workplace;
let server: ReturnType<typeof fakeServer>;

beforeEach(async () => {
  repos = freshRepos();
  wp = await seedWorkplace(repos);
  server = fakeServer();
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(async () => {
  // the session lives in memory for the whole page, as on a real tablet: log out the way a user does
  const logout = screen.queryByRole('button', { name: 'Log out' });
  if (logout) {
    fireEvent.click(logout);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Log out' })).toBeNull());
  }
  cleanup();
  vi.unstubAllGlobals();
});

/** Renders the screen once the workplace has loaded, as it has long before a person can type. */
async function renderSync() {
  const view = renderRoutes(repos, wp.id, '/sync', () => <Route path="/sync" component={SyncScreen} />);
  await waitFor(() => expect(view.store().workplace()?.id).toBe(wp.id), SLOW);
  return view;
}

async function fillSignup(invite: string) {
  fireEvent.input(await screen.findByLabelText('Email', { exact: false }, SLOW), { target: { value: 'kim@example.org' } });
  fireEvent.input(screen.getByLabelText('Password', { exact: false }), { target: { value: 'long enough password' } });
  fireEvent.input(screen.getByLabelText('Invite code (if you have one)'), { target: { value: invite } });
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

/** Signs up with the valid invite; resolves once the signed-in card shows. */
async function signUpInvited() {
  await renderSync();
  await fillSignup('  tvi_goodcode ');
  await screen.findByRole('heading', { name: 'You are logged in' }, SLOW);
  // connecting goes on (claim the workplace, list devices) until the buttons are enabled again
  await waitFor(() => expect((screen.getByRole('button', { name: 'Invite a colleague' }) as HTMLButtonElement).disabled).toBe(false), SLOW);
}

const calls = (route: string) => server.seen.filter((s) => `${s.method} ${s.path}` === route);

describe('sync screen accounts', () => {
  it('signs up with an invite code, sends it trimmed, and connects this board', async () => {
    await signUpInvited();
    expect(calls('POST /api/accounts')[0]?.body).toEqual({ email: 'kim@example.org', password: 'long enough password', invite: 'tvi_goodcode' });
    await waitFor(async () => expect((await repos.sync.pairing())?.token).toBe('device-token'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says sign-up is closed, with a pictogram, when no invite code is given', async () => {
    await renderSync();
    await fillSignup('');
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('The server takes no new accounts without an invite. Ask a supervisor for an invite code.');
    expect(alert.querySelector('img[data-pictogram]')).not.toBeNull();
    expect(calls('POST /api/accounts')[0]?.body).not.toHaveProperty('invite');
    expect(await repos.sync.pairing()).toBeNull();
    // what was typed stays, so a code can be added and tried again
    expect((screen.getByLabelText('Email', { exact: false }) as HTMLInputElement).value).toBe('kim@example.org');
  });

  it('says the invite is bad when the server refuses the given code', async () => {
    await renderSync();
    await fillSignup('tvi_wrong');
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('The invite code is used, too old or wrong. Ask for a new one.');
    expect(screen.queryByRole('heading', { name: 'You are logged in' })).toBeNull();
  });

  it('lets a signed-in supervisor invite a colleague and shows the code with its expiry', async () => {
    await signUpInvited();
    const card = screen.getByRole('heading', { name: 'You are logged in' }).closest('section')!;
    for (const b of within(card).getAllByRole('button')) expect(b.querySelector('img[data-pictogram]'), b.getAttribute('aria-label') ?? '').not.toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Invite a colleague' }));
    await within(card).findByText('tvi_Colleague123', {}, SLOW);
    const expiry = formatDateIn(LANGUAGES.find((l) => l.code === 'en')!.locale, new Date('2026-12-14T09:00:00.000Z'), { dateStyle: 'medium', timeStyle: 'short' });
    expect(card.textContent).toContain(`The code is valid until ${expiry}. It works once.`);
    expect(calls('POST /api/invites')[0]?.auth).toBe('Bearer session-1');
  });

  it.each([
    ['Log out', {}],
    ['Log out everywhere', { everywhere: true }],
  ])('"%s" ends the session on the server and here, and the pairing stays', async (label, body) => {
    await signUpInvited();
    await waitFor(async () => expect((await repos.sync.pairing())?.token).toBe('device-token'));
    fireEvent.click(screen.getByRole('button', { name: 'Invite a colleague' }));
    await screen.findByText('tvi_Colleague123', {}, SLOW);

    fireEvent.click(screen.getByRole('button', { name: label }));
    await screen.findByText('You are logged out. The board keeps syncing.', {}, SLOW);
    expect(calls('POST /api/logout')).toEqual([{ method: 'POST', path: '/api/logout', auth: 'Bearer session-1', body }]);
    expect(screen.queryByRole('heading', { name: 'You are logged in' })).toBeNull();
    expect(screen.queryByText('tvi_Colleague123')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Pair a tablet' })).toBeNull();
    // the log-in form is back, and the tablet's own token still syncs
    expect(screen.getByRole('button', { name: 'Log in' })).toBeTruthy();
    expect((await repos.sync.pairing())?.token).toBe('device-token');
  });
});

describe('sync screen: changes the server refused', () => {
  it('tells the supervisor how many changes the server refused and sends them again on a tap', async () => {
    await repos.sync.setPairing({ baseUrl: 'http://tavla.test', workplaceId: wp.id, token: 'device-token', deviceName: 'Tablet' });
    const op = { opId: 'op-1', table: 'goals' as const, rowId: 'g1', workplaceId: wp.id, fields: { text: 'x' }, hlc: '0000000000001:0000:node', createdAt: 1 };
    await repos.db.meta.put({ key: `rejectedOps:${wp.id}`, value: [{ op, status: 413, message: 'too large', at: 1 }, { op: { ...op, opId: 'op-2' }, status: 400, message: 'bad', at: 2 }] });
    await renderSync();
    await screen.findByText('The server refused 2 changes. They are kept on this tablet.', undefined, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));
    await waitFor(() => expect(screen.queryByText(/The server refused/)).toBeNull(), SLOW);
    // back in the outbox, for the next round to send
    expect((await repos.db.outbox.toArray()).map((o) => o.opId)).toEqual(expect.arrayContaining(['op-1', 'op-2']));
    expect(await repos.sync.rejected(wp.id)).toEqual([]);
  });
});
