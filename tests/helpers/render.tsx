/**
 * Test harness: a fresh database per test (fake-indexeddb), repositories over
 * it, a seeded workplace, and the real App rendered at a route — so component
 * tests drive the UI the way a user does and assert on stored records.
 */
import { Router } from '@solidjs/router';
import { render } from '@solidjs/testing-library';
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
