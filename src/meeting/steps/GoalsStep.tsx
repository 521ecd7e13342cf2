/**
 * Meeting step 3, goals: for each goal, the previous open day's result (how far it got,
 * in its traffic-light colour) beside today's target and progress so far.
 * Weekly goals show the week so far. Nothing is changed here: goals are
 * counted on the board during the day.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import type { Goal, GoalProgress } from '../../domain/types';
import { addDays, isoWeekday, parseIsoDate, startOfIsoWeek } from '../../domain/dates';
import { previousOpenDay } from '../../domain/meeting';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM, STATUS_PICTOGRAM, WEEKDAY_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createGoalViews, type GoalView } from '../../core/board/goalStatus';
import type { BoardData } from '../../core/board/boardData';
import { createLive } from '../../core/live';

export function GoalsStep(props: { board: BoardData }) {
  const app = useApp();
  const { t, pl, formatDate } = useI18n();
  const yesterday = () => previousOpenDay(app.today(), app.workplace()?.openDays ?? []);
  /** the previous open day by its weekday ("Friday" on a Monday), not a "yesterday" that was not */
  const yesterdayName = () => formatDate(parseIsoDate(yesterday()), { weekday: 'long' });
  // yesterday's progress: one live query of its week, not a second whole board
  const yesterdayProgress = createLive(
    () => (app.workplaceId() ? ([app.workplaceId()!, yesterday()] as const) : null),
    ([id, d]) => app.repos.goals.progressBetween(id, startOfIsoWeek(d), addDays(startOfIsoWeek(d), 6)),
    [] as GoalProgress[],
  );
  const before = { day: yesterday, goals: props.board.goals, progress: yesterdayProgress };
  // eslint-disable-next-line solid/reactivity -- the board's data object is created once for the meeting screen
  const todayViews = createGoalViews(props.board);
  const yesterdayViews = createGoalViews(before);
  const yesterdayById = createMemo(() => new Map(yesterdayViews().map((v) => [v.goal.id, v])));

  const target = (g: Goal) => (g.target.kind === 'count' ? g.target.target : 1);
  const result = (v: GoalView | undefined) => {
    if (!v) return '–';
    if (v.goal.target.kind === 'yesno') return v.progress >= 1 ? t('goals.done') : t('goals.notDone');
    return t('goals.progress', { progress: v.progress, target: target(v.goal) });
  };

  return (
    <Show
      when={todayViews().length > 0}
      fallback={
        <p class="meeting-empty">
          <Pictogram id={SECTION_PICTOGRAM.goals} />
          <span>{t('goals.none')}</span>
        </p>
      }
    >
      <ul class="meeting-goals" role="list">
        <For each={todayViews()}>
          {(v) => {
            const past = () => yesterdayById().get(v.goal.id);
            const weekly = () => v.goal.period === 'week';
            return (
              <li class="meeting-goal">
                <h3 class="meeting-goal-name">
                  <Pictogram id={v.goal.pictogramId} class="meeting-goal-icon" />
                  <span>{v.goal.text || pl(v.goal.pictogramId)}</span>
                </h3>
                <div class={`meeting-goal-cell color-${past()?.color ?? 'yellow'}`}>
                  <p class="meeting-goal-when">
                    <Pictogram id={WEEKDAY_PICTOGRAM[isoWeekday(yesterday())]} />
                    <span>{yesterdayName()}</span>
                  </p>
                  <p class="meeting-goal-value">{result(past())}</p>
                  <Show when={past()}>
                    {(p) => (
                      <p class="goals-status">
                        <Pictogram id={STATUS_PICTOGRAM[p().color]} class="goals-status-icon" />
                        <span>{t(`goals.status.${p().color}`)}</span>
                      </p>
                    )}
                  </Show>
                </div>
                <div class={`meeting-goal-cell color-${v.color}`}>
                  <p class="meeting-goal-when">
                    <Pictogram id={weekly() ? 'calendar' : WEEKDAY_PICTOGRAM[isoWeekday(app.today())]} />
                    <span>{weekly() ? t('meeting.thisWeek') : t('app.today')}</span>
                  </p>
                  <p class="meeting-goal-value">{result(v)}</p>
                  <p class="goals-status">
                    <Pictogram id="target" class="goals-status-icon" />
                    <span>{v.goal.target.kind === 'count' ? t('supervisor.goal.targetShort', { target: target(v.goal) }) : t('supervisor.goal.yesnoShort')}</span>
                  </p>
                </div>
              </li>
            );
          }}
        </For>
      </ul>
    </Show>
  );
}
