/**
 * Test harness for the deviation and improvement screens: a fresh database
 * with a workplace (PIN 1234) and people, the screens under a router with the
 * notice host, and the app store handed back so a test can unlock supervisor
 * mode the way the PIN dialog does (`store.unlock('1234')`).
 */
import { Route, Router } from '@solidjs/router';
import { render, waitFor } from '@solidjs/testing-library';
import { lazy } from 'solid-js';
import { AppProvider, createAppStore, type AppStore } from '../../app/context';
import { NoticeHost } from '../../app/ui';
import type { Repositories } from '../../data';
import type { Person, Workplace } from '../../data/types';
import { I18nProvider } from '../../i18n';
import { freshRepos, seedPeople, seedWorkplace } from '../../../tests/helpers/render';

const DeviationsPage = lazy(() => import('../deviations/DeviationsPage'));
const ReportDeviation = lazy(() => import('../deviations/ReportDeviation'));
const ImprovementsPage = lazy(() => import('../improvements/ImprovementsPage'));
const ProposeIdea = lazy(() => import('../improvements/ProposeIdea'));

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
  let store!: AppStore;
  window.history.pushState({}, '', path);
  const result = render(() => {
    store = createAppStore(seeded.repos, seeded.wp.id);
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
            <Route path="/" component={() => <p>board</p>} />
            <Route path="/deviations" component={DeviationsPage} />
            <Route path="/deviations/new" component={ReportDeviation} />
            <Route path="/improvements" component={ImprovementsPage} />
            <Route path="/improvements/new" component={ProposeIdea} />
          </Router>
        </AppProvider>
      </I18nProvider>
    );
  });
  if (opts.unlocked) {
    await waitFor(() => {
      if (!store.workplace()) throw new Error('workplace not loaded yet');
    });
    const res = await store.unlock('1234');
    if (!res.ok) throw new Error('unlock failed');
  }
  return { ...result, store };
}
