/**
 * Test harness: a fresh database per test (fake-indexeddb), repositories over
 * it, a seeded workplace, and the real App rendered at a route — so component
 * tests drive the UI the way a user does and assert on stored records.
 */
import { render } from '@solidjs/testing-library';
import { App } from '../../src/app/App';
import { createRepositories, type Repositories } from '../../src/data';
import { TavlaDb } from '../../src/data/db';
import type { Person, Workplace } from '../../src/data/types';

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

export async function seedPeople(repos: Repositories, workplaceId: string, names: string[]): Promise<Person[]> {
  const people: Person[] = [];
  for (const firstName of names) {
    people.push(await repos.persons.add(workplaceId, { firstName, avatar: { kind: 'pictogram', ref: 'person' } }));
  }
  return people;
}

/** Renders the whole app at `path` in English. */
export function renderApp(repos: Repositories, workplaceId: string | null, path = '/', lang = 'en') {
  window.history.pushState({}, '', path);
  return render(() => <App repos={repos} workplaceId={workplaceId} lang={lang} />);
}
