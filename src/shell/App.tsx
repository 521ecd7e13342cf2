/**
 * The application shell: providers, routes and the things every screen
 * shares (notices, the update prompt). The home board and attendance are in
 * the first bundle; every other screen loads lazily.
 */
import { Navigate, Route, Router, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, lazy, on, Show, type JSX } from 'solid-js';
import type { Repositories } from '../data';
import { I18nProvider } from '../i18n';
import Home from '../board/Home';
import AttendancePage from '../board/attendance/AttendancePage';
import { AppProvider, createAppStore, useApp } from '../core/context';
import { createPrefsStore, PrefsProvider } from '../core/prefs';
import { CustomPictograms } from './CustomPictograms';
import { NoticeHost } from '../core/ui';
import { KioskGuard } from '../kiosk/KioskGuard';
import { UpdatePrompt } from './UpdatePrompt';
import { InsecureContextNotice } from './InsecureContextNotice';
import { SpeechProvider } from '../core/speech/SpeechProvider';
import { DemoHistory } from '../setup/DemoHistory';
import type { StartedDemo } from '../setup/demo';

const GoalsPage = lazy(() => import('../board/goals/GoalsPage'));
const WorkPage = lazy(() => import('../board/work/WorkPage'));
const DeviationsPage = lazy(() => import('../board/deviations/DeviationsPage'));
const ReportDeviation = lazy(() => import('../board/deviations/ReportDeviation'));
const ImprovementsPage = lazy(() => import('../board/improvements/ImprovementsPage'));
const ProposeIdea = lazy(() => import('../board/improvements/ProposeIdea'));
const Setup = lazy(() => import('../setup/Setup'));
const Supervisor = lazy(() => import('./Supervisor'));
const About = lazy(() => import('./About'));
const SyncScreen = lazy(() => import('../sync-screens/SyncScreen'));
const PairPage = lazy(() => import('../sync-screens/PairPage'));
const AttendanceReportPage = lazy(() => import('../reports/AttendanceReportPage'));
const TrendsPage = lazy(() => import('../reports/TrendsPage'));
const BackupPage = lazy(() => import('../backup/BackupPage'));
const RestorePage = lazy(() => import('../backup/BackupPage').then((m) => ({ default: m.RestorePage })));
const RetentionPage = lazy(() => import('../retention/RetentionPage'));
const MeetingPage = lazy(() => import('../meeting/MeetingPage'));
const MeetingLog = lazy(() => import('../meeting/MeetingLog'));
const HistoryPage = lazy(() => import('../board/history/HistoryPage'));
const HistoryBoard = lazy(() => import('../board/history/HistoryBoard'));
const DeviationLog = lazy(() => import('../board/history/DeviationLog'));
const IdeaLog = lazy(() => import('../board/history/IdeaLog'));
const PrintBoard = lazy(() => import('../board/print/PrintBoard'));
const MyPage = lazy(() => import('../board/me/MyPage'));
const GrowthOverview = lazy(() => import('../growth/GrowthOverview'));
const PersonPlan = lazy(() => import('../growth/PersonPlan'));
const PlanPrint = lazy(() => import('../growth/PlanPrint'));
const SkillsMatrix = lazy(() => import('../growth/SkillsMatrix'));
const SurveyResults = lazy(() => import('../growth/SurveyResults'));
const SurveyPage = lazy(() => import('../growth/SurveyPage'));

/** Screens that need a workplace send a device without one to the setup wizard. */
function NeedsWorkplace(props: { children: JSX.Element }) {
  const app = useApp();
  return (
    <Show when={app.workplaceId()} fallback={<Navigate href="/setup" />}>
      {props.children}
    </Show>
  );
}

/** Supervisor-only screens: locked → back to the board. */
function NeedsSupervisor(props: { children: JSX.Element }) {
  const app = useApp();
  return (
    <Show when={app.unlocked()} fallback={<Navigate href="/" />}>
      {props.children}
    </Show>
  );
}

function Layout(props: RouteSectionProps) {
  const location = useLocation();
  let main: HTMLDivElement | undefined;
  // the screen scrolls in its own row (core/notices.css): a new screen starts at its top
  createEffect(on(() => location.pathname, () => main?.scrollTo?.({ top: 0 }), { defer: true }));
  return (
    <div class="app" data-path={location.pathname}>
      <div class="app-main" ref={main}>
        <InsecureContextNotice />
        <CustomPictograms />
        <KioskGuard>{props.children}</KioskGuard>
      </div>
      {/* the notice band: its own grid row, never over the screen (core/notices.css) */}
      <NoticeHost />
      <UpdatePrompt />
    </div>
  );
}

const guarded = (Page: (props: Record<string, never>) => JSX.Element) => () => (
  <NeedsWorkplace>
    <Page />
  </NeedsWorkplace>
);

const supervisorOnly = (Page: (props: Record<string, never>) => JSX.Element) => () => (
  <NeedsWorkplace>
    <NeedsSupervisor>
      <Page />
    </NeedsSupervisor>
  </NeedsWorkplace>
);

/** `demo`: a demo started before the app rendered (shell/start.tsx), whose past days are written once its board is on screen. */
export function App(props: { repos: Repositories; workplaceId: string | null; lang: string; demo?: Pick<StartedDemo, 'writeHistory'> }) {
  // eslint-disable-next-line solid/reactivity -- created once for the app's lifetime
  const store = createAppStore(props.repos, props.workplaceId);
  // eslint-disable-next-line solid/reactivity -- created once for the app's lifetime
  const prefs = createPrefsStore(props.repos);
  return (
    <I18nProvider initial={props.lang}>
      <PrefsProvider store={prefs}>
      <AppProvider store={store}>
      <SpeechProvider>
        <Show when={props.demo}>{(demo) => <DemoHistory demo={demo()} />}</Show>
        <Router root={Layout}>
          <Route path="/" component={guarded(Home)} />
          <Route path="/attendance" component={guarded(AttendancePage)} />
          <Route path="/goals" component={guarded(GoalsPage)} />
          <Route path="/work" component={guarded(WorkPage)} />
          <Route path="/deviations" component={guarded(DeviationsPage)} />
          <Route path="/deviations/new" component={guarded(ReportDeviation)} />
          <Route path="/improvements" component={guarded(ImprovementsPage)} />
          <Route path="/improvements/new" component={guarded(ProposeIdea)} />
          <Route path="/setup" component={Setup} />
          <Route path="/supervisor/*" component={supervisorOnly(Supervisor)} />
          <Route path="/sync" component={supervisorOnly(SyncScreen)} />
          {/* --- routes: meeting & history --- */}
          {/* the meeting guards supervisor mode itself: a lock mid-meeting asks for the PIN in place */}
          <Route path="/meeting" component={guarded(MeetingPage)} />
          <Route path="/meeting/log" component={guarded(MeetingLog)} />
          <Route path="/history" component={guarded(HistoryPage)} />
          <Route path="/history/deviations" component={guarded(DeviationLog)} />
          <Route path="/history/ideas" component={guarded(IdeaLog)} />
          <Route path="/history/:date" component={guarded(HistoryBoard)} />
          <Route path="/print/board" component={guarded(PrintBoard)} />
          {/* --- routes: reports, trends, backup --- */}
          <Route path="/reports/attendance" component={supervisorOnly(AttendanceReportPage)} />
          <Route path="/trends" component={supervisorOnly(TrendsPage)} />
          <Route path="/backup" component={supervisorOnly(BackupPage)} />
          <Route path="/retention" component={supervisorOnly(RetentionPage)} />
          <Route path="/restore" component={RestorePage} />
          {/* --- routes: own page, kiosk, speech --- */}
          <Route path="/me/:personId?" component={guarded(MyPage)} />
          <Route path="/pair" component={PairPage} />
          <Route path="/about" component={About} />
          {/* --- routes: growth (issue 14) — plans, ladder, skills: supervisors only; the survey is the participants' --- */}
          <Route path="/growth" component={supervisorOnly(GrowthOverview)} />
          <Route path="/growth/person/:personId" component={supervisorOnly(PersonPlan)} />
          <Route path="/growth/print/:personId" component={supervisorOnly(PlanPrint)} />
          <Route path="/growth/skills" component={supervisorOnly(SkillsMatrix)} />
          <Route path="/growth/survey" component={supervisorOnly(SurveyResults)} />
          <Route path="/survey" component={guarded(SurveyPage)} />
          <Route path="*" component={() => <Navigate href="/" />} />
        </Router>
      </SpeechProvider>
      </AppProvider>
      </PrefsProvider>
    </I18nProvider>
  );
}
