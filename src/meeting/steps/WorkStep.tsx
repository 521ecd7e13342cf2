/**
 * Meeting step 5, today's work: every task of the day with the faces of who
 * does it. The supervisor taps "Who does it?" and toggles faces; each change
 * is saved on the task and recorded as a decision (the task's assignees).
 * The day is filled from the recurring tasks first, as on the work screen.
 */
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { Dialog, PictoButton } from '../../core/ui';
import type { Task } from '../../domain/types';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import type { BoardData } from '../../core/board/boardData';
import type { MeetingStore } from '../store';
import { FaceGrid, FaceList } from '../../core/board/FaceGrid';

export function WorkStep(props: { store: MeetingStore; board: BoardData }) {
  const app = useApp();
  const { t, pl } = useI18n();
  const [assigningId, setAssigningId] = createSignal<string | null>(null);

  createEffect(
    on([app.workplaceId, app.today], ([wp, today]) => {
      if (wp) void app.run(() => app.repos.work.fillDay(wp, today));
    }),
  );

  const tasks = createMemo(() => {
    const order = new Map(props.board.areas().map((a, i) => [a.id, i]));
    return [...props.board.tasks()].sort(
      (a, b) => (order.get(a.workAreaId) ?? 99) - (order.get(b.workAreaId) ?? 99) || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    );
  });
  const assigning = () => props.board.tasks().find((x) => x.id === assigningId());
  const label = (task: Task) => task.text || pl(task.pictogramId);

  const toggle = async (task: Task, personId: string) => {
    const assignees = task.assignees.includes(personId) ? task.assignees.filter((id) => id !== personId) : [...task.assignees, personId];
    await props.store.decide('assignTask', task.id, assignees.join(','), () => app.repos.work.updateTask(task.id, { assignees }), {
      pictogram: task.pictogramId,
      message: 'meeting.decisionSaved',
      personId,
    });
  };

  return (
    <div class="meeting-work">
      <Show
        when={tasks().length > 0}
        fallback={
          <p class="meeting-empty">
            <Pictogram id={SECTION_PICTOGRAM.work} />
            <span>{t('work.none')}</span>
          </p>
        }
      >
        <ul class="meeting-tasks" role="list">
          <For each={tasks()}>
            {(task) => {
              const people = () => task.assignees.flatMap((id) => props.board.personById().get(id) ?? []);
              return (
                <li class={`meeting-task ${task.doneAt ? 'is-done' : ''}`}>
                  <h3 class="meeting-task-name">
                    <Pictogram id={task.pictogramId} class="meeting-task-icon" />
                    <span>{label(task)}</span>
                    <Show when={task.doneAt}>
                      <Pictogram id="check" class="meeting-task-done" />
                      <span class="sr-only">{t('work.doneBy')}</span>
                    </Show>
                  </h3>
                  <FaceList
                    people={people()}
                    class="meeting-task-people"
                    label={t('work.assigned')}
                    empty={<li class="meeting-nobody">{t('meeting.nobodyAssigned')}</li>}
                  />
                  <PictoButton
                    pictogram="person"
                    label={t('meeting.assign')}
                    aria-label={`${t('meeting.assign')} ${label(task)}`}
                    onClick={() => setAssigningId(task.id)}
                  />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={assigning()}>
        {(task) => (
          <Dialog title={t('meeting.assignTask', { task: label(task()) })} pictogram={task().pictogramId} onClose={() => setAssigningId(null)}>
            <FaceGrid
              people={props.board.people()}
              faceClass={(p) => (task().assignees.includes(p.id) ? 'status-present' : '')}
              pressed={(p) => task().assignees.includes(p.id)}
              onTap={(p) => void toggle(task(), p.id)}
            />
            <PictoButton pictogram="check" label={t('app.done')} variant="primary" size="large" onClick={() => setAssigningId(null)} />
          </Dialog>
        )}
      </Show>
    </div>
  );
}
