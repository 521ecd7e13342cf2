/**
 * Test harness: a fresh database per test (fake-indexeddb), repositories over
 * it, a seeded workplace, and the real App rendered at a route — so component
 * tests drive the UI the way a user does and assert on stored records.
 */
import { Router } from '@solidjs/router';
import { fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import type { JSX } from 'solid-js';
import { App } from '../../src/shell/App';
import { AppProvider, createAppStore, type AppStore } from '../../src/core/context';
import { NoticeHost } from '../../src/core/ui';
import { createRepositories, type Repositories } from '../../src/data';
import { TavlaDb } from '../../src/data/db';
import type { Person, Workplace } from '../../src/domain/types';
import { I18nProvider } from '../../src/i18n';

export function freshRepos(): Repositories {
  return createRepositories(new TavlaDb(`test-${crypto.randomUUID()}`));
}

export async function seedWorkplace(repos: Repositories, overrides: Partial<Parameters<Repositories['workplaces']['create']>[0]> = {}): Promise<Workplace> {
  return repos.workplaces.create({
    name: 'Testverkstan',
    activityType: 'carpentry',
    openingTime: '08:00',
    closingTime: '15:00',
    openDays: [1, 2, 3, 4, 5, 6, 7],
    pin: '1234',
    ...overrides,
  });
}

export async function seedPeople(repos: Repositories, workplaceId: string, names: string[], language?: string): Promise<Person[]> {
  const people: Person[] = [];
  for (const firstName of names) {
    people.push(await repos.persons.add(workplaceId, { firstName, avatar: { kind: 'pictogram', ref: 'person' }, language }));
  }
  return people;
}

/** A fresh database with a workplace and these people: the start most component and repository tests share. */
export async function seedWorkplaceWithPeople(names: string[] = [], language?: string): Promise<{ repos: Repositories; wp: Workplace; people: Person[] }> {
  const repos = freshRepos();
  const wp = await seedWorkplace(repos);
  return { repos, wp, people: await seedPeople(repos, wp.id, names, language) };
}

/** Renders the whole app at `path` in English. */
export function renderApp(repos: Repositories, workplaceId: string | null, path = '/', lang = 'en') {
  window.history.pushState({}, '', path);
  return render(() => <App repos={repos} workplaceId={workplaceId} lang={lang} />);
}

/** The PIN check is a deliberately slow key derivation: on a loaded machine it takes seconds. */
const PIN_WAIT = { timeout: 15_000 };

/**
 * On a screen with an Unlock button (the board, the meeting's lock screen):
 * taps Unlock, enters `pin` on the pad and waits until the pad has closed.
 * `onPad` sees the open pad first (for assertions on it).
 */
export async function unlockWithPin(pin = '1234', onPad?: (pad: HTMLElement) => void): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Unlock' }, PIN_WAIT));
  const pad = await screen.findByRole('dialog');
  onPad?.(pad);
  const field = within(pad).getByLabelText('Enter the PIN');
  fireEvent.input(field, { target: { value: pin } });
  fireEvent.submit(field.closest('form')!);
  await waitFor(() => {
    if (screen.queryByRole('dialog')) throw new Error('the PIN pad is still open');
  }, PIN_WAIT);
}

/**
 * The supervisor's way to a tool: the whole app on the board (in `lang`),
 * Unlock with the PIN, Manage, then the hub tile `tile`; resolves when the
 * tool's heading (`heading`, by default the tile's name) is shown.
 */
export async function openSupervisorTile(
  repos: Repositories,
  workplaceId: string,
  tile: string,
  opts: { heading?: string; lang?: string; pin?: string; onPad?: (pad: HTMLElement) => void } = {},
): Promise<void> {
  renderApp(repos, workplaceId, '/', opts.lang);
  // The PIN is checked against the workplace, so wait until the board shows it.
  await screen.findByText((await repos.workplaces.get(workplaceId))!.name, {}, PIN_WAIT);
  await unlockWithPin(opts.pin, opts.onPad);
  fireEvent.click(await screen.findByRole('link', { name: 'Manage' }, PIN_WAIT));
  fireEvent.click(await screen.findByRole('link', { name: tile }, PIN_WAIT));
  await screen.findByRole('heading', { level: 1, name: opts.heading ?? tile }, PIN_WAIT);
}

/**
 * Renders only the given routes (not the whole App) at `path`, in English,
 * under a router with the notice host; `store()` hands the app store back so a
 * test can unlock or lock supervisor mode as the PIN dialog or idle timer does.
 */
export function renderRoutes(repos: Repositories, workplaceId: string, path: string, routes: () => JSX.Element) {
  let store!: AppStore;
  window.history.pushState({}, '', path);
  const result = render(() => {
    store = createAppStore(repos, workplaceId);
    return (
      <I18nProvider initial="en">
        <AppProvider store={store}>
          <Router
            root={(p) => (
              <>
                {p.children}
                <NoticeHost />
              </>
            )}
          >
            {routes()}
          </Router>
        </AppProvider>
      </I18nProvider>
    );
  });
  return { ...result, store: () => store };
}
