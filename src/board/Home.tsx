/**
 * The home board: today's date with its weekday pictogram and the five
 * sections, each an ARIA region showing its state at a glance (counts,
 * colours, faces) and opening on tap. The layout is a CSS grid sized to the
 * viewport so the whole board fits a 1280×800 or 800×1280 tablet and a
 * 1920×1080 TV without scrolling.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useApp } from '../core/context';
import { FaceImage, PictoLink } from '../core/ui';
import { DEVIATION_PICTOGRAM, SECTION_PICTOGRAM, STATUS_PICTOGRAM, WEEKDAY_PICTOGRAM, PDCA_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { isoWeekday, parseIsoDate } from '../domain/dates';
import { deviationsOn, improvementsOn } from '../domain/history';
import { useI18n, type MessageKey } from '../i18n';
import { createBoardData } from '../core/board/boardData';
import { createGoalViews } from '../core/board/goalStatus';
import { BoardHeader } from '../core/board/BoardHeader';
import { SafetyCross } from '../core/board/SafetyCross';
import { BilingualLabel } from '../core/speech/BilingualLabel';
import { CheckInFaces, StatusDialog } from '../core/board/FaceGrid';
import { createCheckIns } from '../core/board/checkIn';
import type { AttendanceStatus, ImprovementStatus, Person } from '../domain/types';
import { swedishMessages as sv } from '../i18n/tools/swedish';
import { boardIsLive, keepBoardSnapshot } from '../core/snapshot';

/** "Report a problem" and "new idea" each have their own pictogram (never the same +). */
const REPORT_PICTOGRAM = 'warning';
const NEW_IDEA_PICTOGRAM = 'idea';

type SectionKey = keyof typeof SECTION_PICTOGRAM;

function Section(props: {
  key: SectionKey;
  href: string;
  title: MessageKey;
  /** the summary line; undefined while the section's data is loading (no count flashes) */
  summary: string | undefined;
  /** the summary's numbers alone, shown in pictures-only mode (numbers need no reading) */
  digits?: string;
  children?: JSX.Element;
  /** controls of their own inside the section (the check-in faces), outside the link that opens it */
  controls?: JSX.Element;
  action?: JSX.Element;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const id = () => `section-${props.key}`;
  return (
    <section
      class={`board-section section-${props.key} ${props.action && !props.readOnly ? 'has-action' : ''} ${props.controls ? 'has-controls' : ''}`}
      aria-labelledby={`${id()}-title`}
    >
      {/* read-only (a past day): the same tile, but it opens nothing */}
      <Dynamic component={props.readOnly ? 'div' : A} {...(props.readOnly ? {} : { href: props.href })} class="section-open" aria-describedby={`${id()}-summary`} data-speak={t(props.title)} data-speak-key={`message:${props.title}`}>
        <h2 id={`${id()}-title`} class="section-title">
          <Pictogram id={SECTION_PICTOGRAM[props.key]} class="section-icon" />
          <span>
            <BilingualLabel text={t(props.title)} sv={sv[props.title]} />
          </span>
        </h2>
        <p id={`${id()}-summary`} class="section-summary" aria-busy={props.summary === undefined ? 'true' : undefined}>
          <Show when={props.summary !== undefined} fallback={<span class="summary-placeholder" aria-hidden="true" />}>
            {props.summary}
          </Show>
        </p>
        <Show when={props.summary !== undefined && props.digits}>
          <p class="digits section-digits" aria-hidden="true">
            {props.digits}
          </p>
        </Show>
        <Show when={props.children}>
          <div class="section-glance">{props.children}</div>
        </Show>
      </Dynamic>
      <Show when={props.controls}>
        <div class="section-controls">{props.controls}</div>
      </Show>
      <Show when={!props.readOnly && props.action}>
        <div class="section-action">{props.action}</div>
      </Show>
    </section>
  );
}

export interface HomeProps {
  /** the day to show (default today); a past day with `readOnly` is the history view */
  date?: string;
  /** no links into the section screens and no "report" / "new idea" buttons */
  readOnly?: boolean;
  /** replaces the board header (gets the date line) */
  header?: (date: JSX.Element) => JSX.Element;
}

export default function Home(props: HomeProps) {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const day = () => props.date ?? app.today();
  /** a past day the workplace was closed (and nobody marked): History says closed, not "not here yet" */
  const closedDay = () => !!props.date && !(app.workplace()?.openDays ?? []).includes(isoWeekday(day())) && board.marks().length === 0;
  // a past day needs every deviation to reconstruct the day; today's board only the open and the month's
  // today's board shows only how many ideas are in each column: counted by the index, no idea read
  // eslint-disable-next-line solid/reactivity -- a Home is either today's board or one past day for its lifetime
  const board = createBoardData(day, { deviations: props.date ? 'all' : 'board', improvements: props.date ? 'all' : 'counts' });
  const goals = createGoalViews(board);
  // A past day shows deviations and ideas as they stood then (see domain/history.ts).
  const deviations = createMemo(() => (props.date ? deviationsOn(board.deviations(), day()) : board.deviations()));
  const improvements = createMemo(() => (props.date ? improvementsOn(board.improvements(), day()) : []));

  const here = createMemo(() => board.people().filter((p) => {
    const s = board.markOf().get(p.id)?.status;
    return s === 'present' || s === 'late';
  }));
  const statusOf = (p: Person) => board.markOf().get(p.id)?.status ?? null;
  const checkIns = createCheckIns(statusOf);
  const [editing, setEditing] = createSignal<Person | null>(null);
  const setStatus = async (p: Person, status: AttendanceStatus | null) => {
    const wp = app.workplace();
    setEditing(null);
    if (!wp || !app.unlocked()) return;
    await app.run(() => app.repos.attendance.setStatus(wp.id, p.id, app.today(), status));
  };
  // a section shows its counts only once its own data is in: never "0 of 8 here" while the marks load
  // (both read at once: `&&` would open the second query only after the first one's result)
  const attendanceReady = () => [board.people.ready(), board.marks.ready()].every(Boolean);
  const goalsReady = () => [board.goals.ready(), board.progress.ready()].every(Boolean);
  const openDeviations = createMemo(() => deviations().filter((d) => d.status !== 'solved'));
  const newDeviations = createMemo(() => openDeviations().filter((d) => d.status === 'new').length);
  const doneTasks = createMemo(() => board.tasks().filter((x) => x.doneAt).length);
  const ideaCount = (s: ImprovementStatus) => (props.date ? improvements().filter((i) => i.status === s).length : board.ideaCounts()[s]);
  const ideasReady = () => (props.date ? board.improvements.ready() : board.ideaCounts.ready());
  const weekday = () => isoWeekday(day());
  // A performance mark for the benchmark: the first frame with every section's data.
  createEffect(() => {
    // the picture of the board painted before the app loaded gives way now, with nothing blank in between (main.tsx)
    if (board.ready() && !props.date) boardIsLive();
    if (board.ready() && !performance.getEntriesByName('tavla:board-ready').length) {
      requestAnimationFrame(() => performance.mark('tavla:board-ready'));
    }
  });

  // Today's board keeps its picture for the next start (core/snapshot.ts); a past day never does.
  onMount(() => {
    const root = document.getElementById('root');
    // (the address is checked when saving: the router updates it only after this first render)
    if (props.date || props.readOnly || !root) return;
    const facts = () => {
      const workplaceId = app.workplaceId();
      return workplaceId && location.pathname === '/' ? { workplaceId, day: app.today() } : null;
    };
    onCleanup(keepBoardSnapshot(root, facts, () => board.ready(), () => app.clock.now()));
  });

  const dateLine = () => (
    <p class="board-date">
      <Pictogram id={WEEKDAY_PICTOGRAM[weekday()]} class="weekday-icon" />
      <span>
        <span class="weekday-name">{formatDate(parseIsoDate(day()), { weekday: 'long' })}</span>{' '}
        <span class="date-text">{formatDate(parseIsoDate(day()), { day: 'numeric', month: 'long' })}</span>
      </span>
    </p>
  );

  return (
    <div class="board">
      <Show when={props.header} fallback={<BoardHeader date={dateLine()} />}>
        {(header) => header()(dateLine())}
      </Show>
      <main class="board-grid" aria-label={t('board.title')}>
        <Section
          key="attendance"
          href="/attendance"
          title="section.attendance"
          summary={
            closedDay()
              ? t('board.closedDay')
              : attendanceReady()
                ? t('board.hereCount', { here: board.attendance().here, total: board.attendance().total })
                : undefined
          }
          digits={closedDay() ? undefined : `${formatNumber(board.attendance().here)}/${formatNumber(board.attendance().total)}`}
          readOnly={props.readOnly}
          controls={
            props.readOnly ? undefined : (
              <CheckInFaces
                people={board.people()}
                statusOf={statusOf}
                checkIns={checkIns}
                onTap={(p) => (app.unlocked() ? setEditing(p) : void checkIns.checkIn(p))}
                statusIdPrefix="board-status-"
                size="board"
                label={t('attendance.tapYourFace')}
              />
            )
          }
        >
          <Show when={props.readOnly}>
            <div class="glance-faces">
              <For each={board.people()}>
                {(p) => (
                  <span class={`glance-face ${here().includes(p) ? 'is-here' : 'not-here'}`}>
                    <FaceImage person={p} />
                    {/* like the summary, a face's status is told only once the marks are in */}
                    <Show when={attendanceReady()}>
                      <span class="sr-only">
                        {p.firstName}: {closedDay() ? t('board.closedDay') : t(`status.${board.markOf().get(p.id)?.status ?? 'none'}`)}
                      </span>
                    </Show>
                  </span>
                )}
              </For>
            </div>
          </Show>
        </Section>
        <Section
          key="goals"
          href="/goals"
          title="section.goals"
          summary={
            !goalsReady()
              ? undefined
              : goals().length
                ? t('board.goalsSummary', { green: goals().filter((g) => g.color === 'green').length, total: goals().length })
                : t('board.noGoals')
          }
          digits={goals().length ? `${formatNumber(goals().filter((g) => g.color === 'green').length)}/${formatNumber(goals().length)}` : undefined}
          readOnly={props.readOnly}
        >
          <div class="glance-goals">
            <ul class="glance-goal-list">
              <For each={goals().slice(0, 4)}>
                {(g) => (
                  <li class={`glance-goal color-${g.color}`}>
                    <Pictogram id={g.goal.pictogramId} />
                    <Pictogram id={STATUS_PICTOGRAM[g.color]} class="goal-dot" />
                  </li>
                )}
              </For>
            </ul>
            <SafetyCross compact date={day()} deviations={deviations()} />
          </div>
        </Section>
        <Section
          key="work"
          href="/work"
          title="section.work"
          summary={
            !board.tasks.ready()
              ? undefined
              : board.tasks().length
                ? t('board.tasksSummary', { done: doneTasks(), total: board.tasks().length })
                : closedDay()
                  ? t('board.closedDay')
                  : t('board.noTasks')
          }
          digits={board.tasks().length ? `${formatNumber(doneTasks())}/${formatNumber(board.tasks().length)}` : undefined}
          readOnly={props.readOnly}
        >
          <div class="glance-tasks">
            <div class="progress-bar" aria-hidden="true">
              <span style={{ width: `${board.tasks().length ? (doneTasks() / board.tasks().length) * 100 : 0}%` }} />
            </div>
            <ul class="glance-task-list">
              <For each={board.tasks().slice(0, 8)}>
                {(task) => (
                  <li class={task.doneAt ? 'done' : ''}>
                    <Pictogram id={task.pictogramId} />
                    <Pictogram id={task.doneAt ? 'status-done' : 'status-not-done'} class="done-mark" />
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Section>
        <Section
          key="deviations"
          href="/deviations"
          title="section.deviations"
          summary={board.deviations.ready() ? (openDeviations().length ? t('board.openDeviations', { count: openDeviations().length }) : t('deviations.none')) : undefined}
          digits={formatNumber(openDeviations().length)}
          action={<PictoLink href="/deviations/new" pictogram={REPORT_PICTOGRAM} label={t('deviations.report')} variant="primary" class="report-deviation" />}
          readOnly={props.readOnly}
        >
          <ul class="glance-deviation-list">
            <For each={openDeviations().slice(0, 6)}>
              {(d) => (
                <li class={`deviation-chip status-${d.status}`}>
                  <Pictogram id={d.pictogramId ?? DEVIATION_PICTOGRAM[d.category]} />
                </li>
              )}
            </For>
          </ul>
          <Show when={newDeviations() > 0}>
            <span class="badge">{t('board.newDeviations', { count: newDeviations() })}</span>
          </Show>
        </Section>
        <Section
          key="improvements"
          href="/improvements"
          title="section.improvements"
          summary={ideasReady() ? t('board.ideasSummary', { ideas: ideaCount('idea') + ideaCount('planned'), doing: ideaCount('doing'), done: ideaCount('done') }) : undefined}
          action={<PictoLink href="/improvements/new" pictogram={NEW_IDEA_PICTOGRAM} label={t('improvements.new')} variant="primary" class="new-idea" />}
          readOnly={props.readOnly}
        >
          <ul class="glance-pdca">
            <For each={['idea', 'planned', 'doing', 'done'] as const}>
              {(s) => (
                <li>
                  <Pictogram id={PDCA_PICTOGRAM[s]} />
                  <span class="count digits" aria-label={`${t(`improvement.status.${s}`)}: ${formatNumber(ideaCount(s))}`}>
                    {formatNumber(ideaCount(s))}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Section>
      </main>
      <Show when={editing()}>
        {(p) => <StatusDialog person={p()} current={statusOf(p())} onPick={(st) => void setStatus(p(), st)} onClose={() => setEditing(null)} />}
      </Show>
    </div>
  );
}
