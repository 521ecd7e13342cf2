/**
 * Test harness for the deviation and improvement screens: a fresh database
 * with a workplace (PIN 1234) and people, the screens under a router with the
 * notice host, and the app store handed back so a test can unlock supervisor
 * mode the way the PIN dialog does (`store.unlock('1234')`).
 */
import { Route } from '@solidjs/router';
import { waitFor } from '@solidjs/testing-library';
import { lazy } from 'solid-js';
import type { Repositories } from '../../src/data';
import type { Person, Workplace } from '../../src/domain/types';
import { freshRepos, renderRoutes, seedPeople, seedWorkplace } from './render';

const DeviationsPage = lazy(() => import('../../src/board/deviations/DeviationsPage'));
const ReportDeviation = lazy(() => import('../../src/board/deviations/ReportDeviation'));
const ImprovementsPage = lazy(() => import('../../src/board/improvements/ImprovementsPage'));
const ProposeIdea = lazy(() => import('../../src/board/improvements/ProposeIdea'));

export interface Seeded {
  repos: Repositories;
  wp: Workplace;
  people: Person[];
}

export async function seed(names = ['Aya', 'Bo', 'Sara']): Promise<Seeded> {
  const repos = freshRepos();
  const wp = await seedWorkplace(repos, { pin: '1234' });
  const people = await seedPeople(repos, wp.id, names);
  return { repos, wp, people };
}

/** Renders the four screens at `path`; `/` is a stand-in board. */
export async function renderScreens(seeded: Seeded, path: string, opts: { unlocked?: boolean } = {}) {
  const result = renderRoutes(seeded.repos, seeded.wp.id, path, () => (
    <>
      <Route path="/" component={() => <p>board</p>} />
      <Route path="/deviations" component={DeviationsPage} />
      <Route path="/deviations/new" component={ReportDeviation} />
      <Route path="/improvements" component={ImprovementsPage} />
      <Route path="/improvements/new" component={ProposeIdea} />
    </>
  ));
  const store = result.store();
  if (opts.unlocked) {
    await waitFor(() => {
      if (!store.workplace()) throw new Error('workplace not loaded yet');
    });
    const res = await store.unlock('1234');
    if (!res.ok) throw new Error('unlock failed');
  }
  return { ...result, store };
}
