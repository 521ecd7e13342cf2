/**
 * The supervisor's management screens, reached only when unlocked (App
 * guards the route). `/supervisor` is a hub of big tiles; the sub-screen is
 * picked from the rest of the path (`/supervisor/people`, …), read from the
 * route's splat parameter. Every sub-screen loads with this chunk, not the
 * board's first bundle.
 */
import { useLocation, useParams } from '@solidjs/router';
import { For, Match, Switch } from 'solid-js';
import { useI18n, type MessageKey } from '../../i18n';
import { useApp } from '../context';
import { PictoButton, PictoLink, Screen } from '../ui';
import GoalsAdmin from './GoalsAdmin';
import PeopleAdmin from './PeopleAdmin';
import PictogramsAdmin from './PictogramsAdmin';
import TasksAdmin from './TasksAdmin';
import WorkplaceAdmin from './WorkplaceAdmin';
import './supervisor.css';

export const SUPERVISOR_SCREENS = [
  { path: 'people', label: 'supervisor.people', pictogram: 'people' },
  { path: 'goals', label: 'supervisor.goals', pictogram: 'target' },
  { path: 'tasks', label: 'supervisor.tasks', pictogram: 'toolbox' },
  { path: 'pictograms', label: 'supervisor.pictograms', pictogram: 'photo' },
  { path: 'workplace', label: 'supervisor.workplace', pictogram: 'settings' },
] as const satisfies readonly { path: string; label: MessageKey; pictogram: string }[];

function Hub() {
  const app = useApp();
  const { t } = useI18n();
  return (
    <Screen
      title={t('supervisor.manage')}
      pictogram="settings"
      class="supervisor-screen"
      actions={<PictoButton pictogram="lock" label={t('supervisor.lock')} variant="ghost" onClick={() => app.lock()} />}
    >
      <nav aria-label={t('supervisor.manage')}>
        <ul class="supervisor-hub" role="list">
          <For each={SUPERVISOR_SCREENS}>
            {(s) => (
              <li>
                <PictoLink href={`/supervisor/${s.path}`} pictogram={s.pictogram} label={t(s.label)} variant="tile" />
              </li>
            )}
          </For>
        </ul>
      </nav>
    </Screen>
  );
}

export default function Supervisor() {
  const params = useParams();
  const location = useLocation();
  const sub = () => (params['*'] ?? location.pathname.replace(/^\/supervisor\/?/, '')).split('/')[0] ?? '';
  return (
    <Switch fallback={<Hub />}>
      <Match when={sub() === 'people'}>
        <PeopleAdmin />
      </Match>
      <Match when={sub() === 'goals'}>
        <GoalsAdmin />
      </Match>
      <Match when={sub() === 'tasks'}>
        <TasksAdmin />
      </Match>
      <Match when={sub() === 'pictograms'}>
        <PictogramsAdmin />
      </Match>
      <Match when={sub() === 'workplace'}>
        <WorkplaceAdmin />
      </Match>
    </Switch>
  );
}
