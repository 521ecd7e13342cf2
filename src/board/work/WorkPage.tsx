/**
 * Today's work (daglig drift): the day's tasks grouped by work area, who does
 * what, and done / not done.
 *
 * Opening the screen fills the day from the recurring task templates
 * (repos.work.fillDay is idempotent: ids derive from template + date, so any
 * number of visits or tablets give each task once). A participant marks a
 * task done with one big button and gets a confirmation with undo; taking a
 * task back to "not done" later is a supervisor's change.
 *
 * To do and done differ by shape, not by a word: the button still to press
 * shows an empty box, a finished task a ticked box on a green, struck-through
 * card; the two states never share a pictogram.
 */
import { createEffect, createMemo, For, on, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { FaceImage, PictoButton, PictoLink, Screen } from '../../core/ui';
import type { Task } from '../../domain/types';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createBoardData } from '../../core/board/boardData';
import { createSkillSuggestions, SkillSuggestions } from '../../core/growth/SkillSuggestions';
import './work.css';

/** key of the group for tasks whose work area is missing or removed */
const OTHER = 'other';
const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export default function WorkPage() {
  const app = useApp();
  const { t, pl } = useI18n();
  const board = createBoardData();

  // Fill the board from the templates on opening, and again if the day rolls over while open.
  createEffect(
    on([app.workplaceId, app.today], ([wp, today]) => {
      if (wp) void app.run(() => app.repos.work.fillDay(wp, today));
    }),
  );

  // Groups and cards are keyed by id (live queries hand out new objects on every change), so the
  // board does not rebuild itself under the user's finger when one task changes.
  const areaById = createMemo(() => new Map(board.areas().map((a) => [a.id, a])));
  const taskById = createMemo(() => new Map(board.tasks().map((x) => [x.id, x])));
  const taskIdsByGroup = createMemo(() => {
    const byGroup = new Map<string, string[]>();
    const tasks = [...board.tasks()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    for (const task of tasks) {
      const key = areaById().has(task.workAreaId) ? task.workAreaId : OTHER;
      byGroup.set(key, [...(byGroup.get(key) ?? []), task.id]);
    }
    return byGroup;
  });
  const groupIds = createMemo(
    () => [...board.areas().map((a) => a.id), OTHER].filter((id) => taskIdsByGroup().has(id)),
    undefined,
    { equals: sameIds },
  );
  const total = () => board.tasks().length;
  const done = () => board.tasks().filter((x) => x.doneAt).length;

  const taskLabel = (task: Task) => task.text || pl(task.pictogramId);
  // who could do each task (skills are personal: supervisor mode only)
  const suggest = createSkillSuggestions(board, () => app.unlocked());

  const markDone = async (task: Task) => {
    if (task.doneAt) return;
    const ok = await app.run(async () => {
      await app.repos.work.markDone(task.id, null);
      return true;
    });
    if (!ok) return;
    app.notify({
      kind: 'success',
      pictogram: 'check',
      message: 'work.doneSaved',
      params: { task: taskLabel(task) },
      undo: () => app.repos.work.undoDone(task.id),
    });
  };

  const undoDone = async (task: Task) => {
    if (!app.unlocked() || !task.doneAt) return;
    await app.run(() => app.repos.work.undoDone(task.id));
  };

  const TaskCard = (props: { id: string }) => {
    // keeps the last known task for the moment between its removal and its card's disposal
    const task = createMemo<Task>((last) => (taskById().get(props.id) ?? last) as Task);
    const people = () => task().assignees.flatMap((id) => board.personById().get(id) ?? []);
    const nameId = () => `task-${task().id}`;
    return (
      <li class={`work-task ${task().doneAt ? 'is-done' : ''}`} aria-labelledby={nameId()} data-task-id={task().id}>
        <div class="work-task-main">
          <Pictogram id={task().pictogramId} class="work-task-icon" />
          <h3 id={nameId()} class={task().text ? 'work-task-text' : 'sr-only'}>
            {taskLabel(task())}
          </h3>
        </div>
        <Show when={people().length > 0}>
          <ul class="work-people" aria-label={t('work.assigned')}>
            <For each={people()}>
              {(p) => (
                <li class="work-person">
                  <FaceImage person={p} />
                  <span class="work-person-name">{p.firstName}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={app.unlocked() && !task().doneAt}>
          <SkillSuggestions task={task()} suggestion={suggest(task())} taskLabel={taskLabel(task())} />
        </Show>
        <div class="work-task-action">
          <Show
            when={task().doneAt}
            fallback={
              <PictoButton
                pictogram="status-not-done"
                label={t('work.tickOff')}
                aria-label={t('work.markDone', { task: taskLabel(task()) })}
                variant="secondary"
                size="large"
                class="work-done-button"
                onClick={() => void markDone(task())}
              />
            }
          >
            <p class="work-done-mark">
              <Pictogram id="status-done" />
              <span>{t('work.doneBy')}</span>
            </p>
            <Show when={app.unlocked()}>
              <PictoButton
                pictogram="undo"
                label={t('app.undo')}
                aria-label={t('work.undoDone', { task: taskLabel(task()) })}
                variant="ghost"
                size="small"
                onClick={() => void undoDone(task())}
              />
            </Show>
          </Show>
        </div>
      </li>
    );
  };

  return (
    <Screen
      title={t('work.title')}
      pictogram={SECTION_PICTOGRAM.work}
      class="work-screen"
      actions={
        <Show when={app.unlocked()}>
          <PictoLink href="/supervisor/tasks" pictogram="edit" label={t('work.manage')} />
        </Show>
      }
    >
      <Show
        when={total() > 0}
        fallback={
          <p class="empty work-empty">
            <Pictogram id={SECTION_PICTOGRAM.work} />
            <span>{t('work.none')}</span>
          </p>
        }
      >
        <div class="work-summary">
          <p class="screen-summary" aria-live="polite">
            <Pictogram id="check" />
            <span>{t('board.tasksSummary', { done: done(), total: total() })}</span>
          </p>
          <div class="progress-bar work-progress" aria-hidden="true">
            <span style={{ width: `${(done() / total()) * 100}%` }} />
          </div>
        </div>
        <div class="work-areas">
          <For each={groupIds()}>
            {(groupId) => {
              const titleId = `work-area-${groupId}`;
              const area = () => areaById().get(groupId);
              const taskIds = createMemo(() => taskIdsByGroup().get(groupId) ?? [], undefined, { equals: sameIds });
              const areaLabel = () => {
                const a = area();
                return a ? a.text || pl(a.pictogramId) : t('work.noArea');
              };
              return (
                <section class="work-area" aria-labelledby={titleId}>
                  <h2 id={titleId} class="work-area-title">
                    <Pictogram id={area()?.pictogramId ?? SECTION_PICTOGRAM.work} class="work-area-icon" />
                    <span>{areaLabel()}</span>
                  </h2>
                  <ul class="work-tasks" role="list">
                    <For each={taskIds()}>{(id) => <TaskCard id={id} />}</For>
                  </ul>
                </section>
              );
            }}
          </For>
        </div>
      </Show>
    </Screen>
  );
}
