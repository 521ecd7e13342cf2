/**
 * Goals: today's goals and this week's goals, each a card with its pictogram,
 * progress and traffic-light status (colour AND pictogram AND word), plus the
 * month's safety cross.
 *
 * Participants only add: "+1" on a count goal, "done" on a yes/no goal, each
 * with a big confirmation and a 10-second undo. Taking a yes/no goal back
 * later is supervisor-only. Goals themselves are made in the supervisor screens.
 *
 * A supervisor counts like on paper: −1, and a typed number (14 is one number,
 * not 14 taps on +1). Both are progress entries too (the difference), so sync
 * merges them and each has its undo.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoButton, PictoLink, Screen } from '../../core/ui';
import type { GoalPeriod } from '../../domain/types';
import { isoWeekday } from '../../domain/dates';
import { periodRange } from '../../domain/goals';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM, STATUS_PICTOGRAM, WEEKDAY_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createBoardData } from '../../core/board/boardData';
import { SafetyCross } from '../../core/board/SafetyCross';
import { createGoalViews, type GoalView } from '../../core/board/goalStatus';
import '../../core/board/goals.css';
import './goals-count.css';

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export default function GoalsPage() {
  const app = useApp();
  const { t, pl } = useI18n();
  const board = createBoardData();
  const views = createGoalViews(board);
  // Cards are keyed by goal id (live queries hand out new objects on every change), so a card and
  // its focused button stay in place while its progress updates.
  const viewById = createMemo(() => new Map(views().map((v) => [v.goal.id, v])));
  const idsOf = (period: GoalPeriod) =>
    createMemo(() => views().filter((v) => v.goal.period === period).map((v) => v.goal.id), undefined, { equals: sameIds });
  const daily = idsOf('day');
  const weekly = idsOf('week');

  const goalLabel = (v: GoalView) => v.goal.text || pl(v.goal.pictogramId);

  const addOne = async (v: GoalView) => {
    const wp = app.workplaceId();
    if (!wp || v.goal.target.kind !== 'count') return;
    const target = v.goal.target.target;
    const entry = await app.run(() => app.repos.goals.addProgress(wp, v.goal.id, app.today(), 1));
    if (!entry) return;
    app.notify({
      kind: 'success',
      pictogram: v.goal.pictogramId,
      message: 'goals.added',
      params: { goal: goalLabel(v), progress: v.progress + 1, target },
      undo: () => app.repos.goals.undoProgress(entry.id),
    });
  };

  /** −1 and a typed number: entries of the difference, never below zero (supervisor only). */
  const changeBy = async (v: GoalView, delta: number, message: 'goals.countSet') => {
    const wp = app.workplaceId();
    if (!wp || !app.unlocked() || v.goal.target.kind !== 'count' || delta === 0) return;
    const value = v.progress + delta;
    if (value < 0) return;
    const entry = await app.run(() => app.repos.goals.addProgress(wp, v.goal.id, app.today(), delta));
    if (!entry) return;
    app.notify({
      kind: 'success',
      pictogram: v.goal.pictogramId,
      message,
      params: { name: goalLabel(v), value },
      undo: () => app.repos.goals.undoProgress(entry.id),
    });
  };
  const MAX_COUNT = 100_000;

  /** The goal's live progress entries in its current period (today, or this week). */
  const entriesOf = (v: GoalView) => {
    const [from, to] = periodRange(v.goal.period, board.day());
    return board.progress().filter((p) => p.goalId === v.goal.id && p.date >= from && p.date <= to);
  };

  const toggleDone = async (v: GoalView) => {
    const wp = app.workplaceId();
    if (!wp) return;
    if (v.progress >= 1) {
      // Taking "done" back is a supervisor's change; a participant uses the notice's undo.
      if (!app.unlocked()) {
        app.notify({ kind: 'info', pictogram: STATUS_PICTOGRAM.green, message: 'goals.alreadyDone', params: { goal: goalLabel(v) } });
        return;
      }
      const entries = entriesOf(v);
      const ok = await app.run(async () => {
        for (const e of entries) await app.repos.goals.undoProgress(e.id);
        return true;
      });
      if (ok) app.notify({ kind: 'info', pictogram: 'undo', message: 'app.undone' });
      return;
    }
    const entry = await app.run(() => app.repos.goals.addProgress(wp, v.goal.id, app.today(), 1));
    if (!entry) return;
    app.notify({
      kind: 'success',
      pictogram: v.goal.pictogramId,
      message: 'goals.doneSaved',
      params: { goal: goalLabel(v) },
      undo: () => app.repos.goals.undoProgress(entry.id),
    });
  };

  const GoalCard = (props: { id: string }) => {
    // keeps the last known view for the moment between a goal's removal and its card's disposal
    const v = createMemo<GoalView>((last) => (viewById().get(props.id) ?? last) as GoalView);
    const headingId = () => `goal-${v().goal.id}`;
    const target = () => {
      const tg = v().goal.target;
      return tg.kind === 'count' ? tg.target : 1;
    };
    const share = () => Math.min(100, (v().progress / target()) * 100);
    return (
      <li class={`goals-card color-${v().color}`} aria-labelledby={headingId()} data-goal-id={v().goal.id}>
        <div class="goals-card-head">
          <Pictogram id={v().goal.pictogramId} class="goals-card-icon" />
          <h3 id={headingId()} class={v().goal.text ? 'goals-card-text' : 'sr-only'}>
            {goalLabel(v())}
          </h3>
        </div>
        <p class="goals-status">
          <Pictogram id={STATUS_PICTOGRAM[v().color]} class="goals-status-icon" />
          <span>{t(`goals.status.${v().color}`)}</span>
        </p>
        <Show
          when={v().goal.target.kind === 'count'}
          fallback={
            <PictoButton
              pictogram="check"
              label={v().progress >= 1 ? t('goals.done') : t('goals.notDone')}
              aria-label={t('goals.doneToggle', { goal: goalLabel(v()), state: v().progress >= 1 ? t('goals.done') : t('goals.notDone') })}
              aria-pressed={v().progress >= 1}
              variant={v().progress >= 1 ? 'primary' : 'secondary'}
              size="large"
              class="goals-done"
              onClick={() => void toggleDone(v())}
            />
          }
        >
          <p class="goals-progress-text">{t('goals.progress', { progress: v().progress, target: target() })}</p>
          <div class="progress-bar goals-progress-bar" aria-hidden="true">
            <span style={{ width: `${share()}%` }} />
          </div>
          <PictoButton
            pictogram="plus"
            label="+1"
            aria-label={t('goals.addOne', { goal: goalLabel(v()) })}
            variant="primary"
            size="large"
            class="goals-add"
            onClick={() => void addOne(v())}
          />
          <Show when={app.unlocked()}>
            <div class="goals-supervisor-count">
              <PictoButton
                pictogram="minus"
                label="−1"
                aria-label={t('goals.minusOne', { name: goalLabel(v()) })}
                class="goals-minus"
                disabled={v().progress <= 0}
                onClick={() => void changeBy(v(), -1, 'goals.countSet')}
              />
              <CountForm view={v()} />
            </div>
          </Show>
        </Show>
      </li>
    );
  };

  /** The typed number: what the count is now (e.g. 14), saved as the difference. */
  const CountForm = (props: { view: GoalView }) => {
    const [value, setValue] = createSignal('');
    const inputId = () => `goal-count-${props.view.goal.id}`;
    const submit = (e: Event) => {
      e.preventDefault();
      const n = Number(value());
      if (value().trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_COUNT) return;
      setValue('');
      void changeBy(props.view, n - props.view.progress, 'goals.countSet');
    };
    return (
      <form class="goals-count-form" onSubmit={submit}>
        <label for={inputId()} class="sr-only">
          {t('goals.typeCount', { name: goalLabel(props.view) })}
        </label>
        <input
          id={inputId()}
          type="number"
          inputmode="numeric"
          min="0"
          max={MAX_COUNT}
          step="1"
          placeholder={String(props.view.progress)}
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <PictoButton type="submit" pictogram="save" label={t('app.save')} aria-label={`${t('app.save')}: ${t('goals.typeCount', { name: goalLabel(props.view) })}`} />
      </form>
    );
  };

  const Group = (props: { id: string; title: string; pictogram: string; goalIds: string[] }) => (
    <Show when={props.goalIds.length > 0}>
      <section class="goals-group" aria-labelledby={props.id}>
        <h2 id={props.id} class="goals-group-title">
          <Pictogram id={props.pictogram} />
          <span>{props.title}</span>
        </h2>
        <ul class="goals-cards" role="list">
          <For each={props.goalIds}>{(id) => <GoalCard id={id} />}</For>
        </ul>
      </section>
    </Show>
  );

  return (
    <Screen
      title={t('goals.title')}
      pictogram={SECTION_PICTOGRAM.goals}
      class="goals-screen"
      actions={
        <Show when={app.unlocked()}>
          <PictoLink href="/supervisor/goals" pictogram="edit" label={t('goals.manage')} />
        </Show>
      }
    >
      <div class="goals-layout">
        <div class="goals-main">
          <Show
            when={views().length > 0}
            fallback={
              <p class="empty goals-empty">
                <Pictogram id={SECTION_PICTOGRAM.goals} />
                <span>{t('goals.none')}</span>
              </p>
            }
          >
            <Group id="goals-daily" title={t('goals.daily')} pictogram={WEEKDAY_PICTOGRAM[isoWeekday(board.day())]} goalIds={daily()} />
            <Group id="goals-weekly" title={t('goals.weekly')} pictogram="calendar" goalIds={weekly()} />
          </Show>
        </div>
        <section class="goals-safety" aria-labelledby="goals-safety-title">
          <h2 id="goals-safety-title" class="goals-group-title">
            <Pictogram id="safety" />
            <span>{t('goals.safetyCross')}</span>
          </h2>
          <SafetyCross date={app.today()} deviations={board.deviations()} />
        </section>
      </div>
    </Screen>
  );
}
