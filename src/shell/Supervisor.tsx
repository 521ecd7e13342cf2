/**
 * The supervisor's management screens, reached only when unlocked (App
 * guards the route). `/supervisor` is a hub of big tiles; the sub-screen is
 * picked from the rest of the path (`/supervisor/people`, …), read from the
 * route's splat parameter. Every sub-screen loads with this chunk, not the
 * board's first bundle.
 */
import { useLocation, useParams } from '@solidjs/router';
import { For, lazy, Match, onCleanup, Switch } from 'solid-js';
import { useI18n, type MessageKey } from '../i18n';
import { useApp, type AppStore } from '../core/context';
import { PictoButton, PictoLink, Screen } from '../core/ui';
import GoalsAdmin from '../supervisor/GoalsAdmin';
import PeopleAdmin from '../supervisor/PeopleAdmin';
import PictogramsAdmin from '../supervisor/PictogramsAdmin';
import TasksAdmin from '../supervisor/TasksAdmin';
import WorkplaceAdmin from '../supervisor/WorkplaceAdmin';
import DeviceSettings from '../kiosk/DeviceSettings';
import DueNotice from '../growth/DueNotice';
import { preloadTrends } from '../reports/preload';
import '../core/supervisor.css';

// The meeting's agenda screen lives with the meeting (src/meeting) and loads on demand.
const MeetingSettings = lazy(() => import('../meeting/MeetingSettings'));

/** The Voices screen (recording, speech settings) loads only when opened. */
const VoicesAdmin = lazy(() => import('../speech/VoicesAdmin'));

export const SUPERVISOR_SCREENS = [
  { path: 'people', label: 'supervisor.people', pictogram: 'people' },
  { path: 'goals', label: 'supervisor.goals', pictogram: 'target' },
  { path: 'tasks', label: 'supervisor.tasks', pictogram: 'toolbox' },
  { path: 'pictograms', label: 'supervisor.pictograms', pictogram: 'photo' },
  { path: 'workplace', label: 'supervisor.workplace', pictogram: 'settings' },
  { path: 'meeting', label: 'supervisor.meeting', pictogram: 'meeting' },
  { path: 'voices', label: 'speech.voices', pictogram: 'microphone' },
  { path: 'device', label: 'kiosk.device.title', pictogram: 'tablet' },
  // absolute paths are screens of their own (lazily loaded routes in App.tsx)
  // the day's board as a one-sheet poster (A3/A4), straight from the menu
  { path: '/print/board', label: 'supervisor.poster', pictogram: 'print' },
  { path: '/reports/attendance', label: 'supervisor.reports', pictogram: 'attendance' },
  { path: '/trends', label: 'supervisor.trends', pictogram: 'bar-chart' },
  { path: '/backup', label: 'supervisor.backup', pictogram: 'save' },
  { path: '/retention', label: 'supervisor.retention', pictogram: 'lock' },
  // --- growth (issue 14): plans and the ladder, who can do what, the survey ---
  { path: '/growth', label: 'growth.title', pictogram: 'plan' },
  { path: '/growth/skills', label: 'growth.skills.title', pictogram: 'skill-teach' },
  { path: '/growth/survey', label: 'growth.survey.title', pictogram: 'survey' },
] as const satisfies readonly { path: string; label: MessageKey; pictogram: string }[];

/**
 * The report screens are lazily loaded chunks (App.tsx); from the hub, where they are opened, the trends'
 * data is read as soon as the hub is on screen and their code fetched once the hub is idle, so the tap on a
 * tile waits for the charts only, not for the download or IndexedDB.
 */
function prefetchReportScreens(app: AppStore): () => void {
  const data = setTimeout(() => preloadTrends(app), 0);
  const load = () => {
    void import('../reports/TrendsPage');
    void import('../reports/AttendanceReportPage');
  };
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(load, { timeout: 2_000 });
    return () => {
      clearTimeout(data);
      cancelIdleCallback(handle);
    };
  }
  const timer = setTimeout(load, 200);
  return () => {
    clearTimeout(data);
    clearTimeout(timer);
  };
}

function Hub() {
  const app = useApp();
  const { t } = useI18n();
  onCleanup(prefetchReportScreens(app));
  return (
    <Screen
      title={t('supervisor.manage')}
      pictogram="settings"
      class="supervisor-screen"
      actions={<PictoButton pictogram="lock" label={t('supervisor.lock')} variant="ghost" onClick={() => app.lock()} />}
    >
      <DueNotice />
      <nav aria-label={t('supervisor.manage')}>
        <ul class="supervisor-hub" role="list">
          <For each={SUPERVISOR_SCREENS}>
            {(s) => (
              <li>
                <PictoLink href={s.path.startsWith('/') ? s.path : `/supervisor/${s.path}`} pictogram={s.pictogram} label={t(s.label)} variant="tile" />
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
      <Match when={sub() === 'meeting'}>
        <MeetingSettings />
      </Match>
      <Match when={sub() === 'voices'}>
        <VoicesAdmin />
      </Match>
      <Match when={sub() === 'device'}>
        <DeviceSettings />
      </Match>
    </Switch>
  );
}
