/**
 * The home board: today's date with its weekday pictogram and the five
 * sections, each an ARIA region showing its state at a glance (counts,
 * colours, faces) and opening on tap. The layout is a CSS grid sized to the
 * viewport so the whole board fits a 1280×800 or 800×1280 tablet and a
 * 1920×1080 TV without scrolling.
 */
import { A } from '@solidjs/router';
import { createEffect, createMemo, For, Show, type JSX } from 'solid-js';
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
import { swedishMessages as sv } from '../i18n/tools/swedish';

type SectionKey = keyof typeof SECTION_PICTOGRAM;

function Section(props: { key: SectionKey; href: string; title: MessageKey; summary: string; children: JSX.Element; action?: JSX.Element; readOnly?: boolean }) {
  const { t } = useI18n();
  const id = () => `section-${props.key}`;
  return (
    <section class={`board-section section-${props.key}`} aria-labelledby={`${id()}-title`}>
      {/* read-only (a past day): the same tile, but it opens nothing */}
      <Dynamic component={props.readOnly ? 'div' : A} {...(props.readOnly ? {} : { href: props.href })} class="section-open" aria-describedby={`${id()}-summary`} data-speak={t(props.title)} data-speak-key={`message:${props.title}`}>
        <h2 id={`${id()}-title`} class="section-title">
          <Pictogram id={SECTION_PICTOGRAM[props.key]} class="section-icon" />
          <span>
            <BilingualLabel text={t(props.title)} sv={sv[props.title]} />
          </span>
        </h2>
        <p id={`${id()}-summary`} class="section-summary">
          {props.summary}
        </p>
        <div class="section-glance">{props.children}</div>
      </Dynamic>
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
  // eslint-disable-next-line solid/reactivity -- a Home is either today's board or one past day for its lifetime
  const board = createBoardData(day, { deviations: props.date ? 'all' : 'board' });
  const goals = createGoalViews(board);
  // A past day shows deviations and ideas as they stood then (see domain/history.ts).
  const deviations = createMemo(() => (props.date ? deviationsOn(board.deviations(), day()) : board.deviations()));
  const improvements = createMemo(() => (props.date ? improvementsOn(board.improvements(), day()) : board.improvements()));

  const here = createMemo(() => board.people().filter((p) => {
    const s = board.markOf().get(p.id)?.status;
    return s === 'present' || s === 'late';
  }));
  const openDeviations = createMemo(() => deviations().filter((d) => d.status !== 'solved'));
  const newDeviations = createMemo(() => openDeviations().filter((d) => d.status === 'new').length);
  const doneTasks = createMemo(() => board.tasks().filter((x) => x.doneAt).length);
  const ideaCount = (s: string) => improvements().filter((i) => i.status === s).length;
  const weekday = () => isoWeekday(day());
  // A performance mark for the benchmark: the first frame with every section's data.
  createEffect(() => {
    if (board.ready() && !performance.getEntriesByName('tavla:board-ready').length) {
      requestAnimationFrame(() => performance.mark('tavla:board-ready'));
    }
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
          summary={closedDay() ? t('board.closedDay') : t('board.hereCount', { here: board.attendance().here, total: board.attendance().total })}
          readOnly={props.readOnly}
        >
          <div class="glance-faces">
            <For each={board.people()}>
              {(p) => (
                <span class={`glance-face ${here().includes(p) ? 'is-here' : 'not-here'}`}>
                  <FaceImage person={p} />
                  <Show when={props.readOnly}>
                    <span class="sr-only">
                      {p.firstName}: {closedDay() ? t('board.closedDay') : t(`status.${board.markOf().get(p.id)?.status ?? 'none'}`)}
                    </span>
                  </Show>
                </span>
              )}
            </For>
          </div>
        </Section>
        <Section
          key="goals"
          href="/goals"
          title="section.goals"
          summary={
            goals().length
              ? t('board.goalsSummary', { green: goals().filter((g) => g.color === 'green').length, total: goals().length })
              : t('board.noGoals')
          }
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
          summary={board.tasks().length ? t('board.tasksSummary', { done: doneTasks(), total: board.tasks().length }) : closedDay() ? t('board.closedDay') : t('board.noTasks')}
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
                    <Show when={task.doneAt}>
                      <Pictogram id="check" class="done-mark" />
                    </Show>
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
          summary={openDeviations().length ? t('board.openDeviations', { count: openDeviations().length }) : t('deviations.none')}
          action={<PictoLink href="/deviations/new" pictogram="plus" label={t('deviations.report')} variant="primary" />}
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
          summary={t('board.ideasSummary', { ideas: ideaCount('idea') + ideaCount('planned'), doing: ideaCount('doing'), done: ideaCount('done') })}
          action={<PictoLink href="/improvements/new" pictogram="plus" label={t('improvements.new')} variant="primary" />}
          readOnly={props.readOnly}
        >
          <ul class="glance-pdca">
            <For each={['idea', 'planned', 'doing', 'done'] as const}>
              {(s) => (
                <li>
                  <Pictogram id={PDCA_PICTOGRAM[s]} />
                  <span class="count" aria-label={`${t(`improvement.status.${s}`)}: ${formatNumber(ideaCount(s))}`}>
                    {formatNumber(ideaCount(s))}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Section>
      </main>
    </div>
  );
}
