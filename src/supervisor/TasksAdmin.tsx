/**
 * Tasks: work areas (a pictogram and an optional word), recurring tasks
 * (which area, a pictogram, a word, the weekdays, who usually does it) that
 * the board puts on each due day, and one-off tasks for today only.
 */
import { createSignal, For, Show } from 'solid-js';
import type { Person, RecurringTask, Task, WorkArea } from '../domain/types';
import { collapseSpaces, textLength } from '../domain/text';
import { useI18n } from '../i18n';
import { WEEKDAY_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { createLive } from '../core/live';
import { useApp } from '../core/context';
import { EmptyNote, Dialog, PictoButton } from '../core/ui';
import { Field, FieldError, WeekdayToggles } from '../core/fields';
import { AdminRow, AdminScreen, AdminSection, ConfirmDialog, FormActions, PictogramField, SHORT_TEXT_MAX, useWorkplaceId } from '../core/admin';
import { AdminForm, createFormAction } from '../core/form';
import { FaceGrid } from '../core/board/FaceGrid';

const textError = (text: string) => textLength(collapseSpaces(text)) > SHORT_TEXT_MAX;

function AreaForm(props: { area: WorkArea | null; onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const wpId = useWorkplaceId();
  /* eslint-disable solid/reactivity -- the form starts from the area once */
  const [pictogram, setPictogram] = createSignal(props.area?.pictogramId ?? 'workshop');
  const [text, setText] = createSignal(props.area?.text ?? '');
  /* eslint-enable solid/reactivity */

  const action = createFormAction({
    valid: () => !textError(text()),
    write: () => {
      const input = { pictogramId: pictogram(), text: collapseSpaces(text()) };
      return props.area ? app.repos.work.updateArea(props.area.id, input) : app.repos.work.addArea(wpId(), input);
    },
    done: () => props.onClose(),
  });
  const tried = action.tried;

  return (
    <Dialog title={props.area ? t('supervisor.task.editArea') : t('supervisor.task.addArea')} pictogram="workshop" onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <PictogramField label={t('supervisor.pictogram')} value={pictogram()} onChange={setPictogram} categories={['work-area', 'tool', 'task']} />
        <Field label={t('supervisor.textOptional')} pictogram="edit" error={tried() && textError(text()) ? t('supervisor.textTooLong', { max: SHORT_TEXT_MAX }) : null}>
          <input type="text" name="areaText" autocomplete="off" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <FormActions onClose={() => props.onClose()} />
      </AdminForm>
    </Dialog>
  );
}

/** One form for a recurring task (with weekdays) and a task for today only (without). */
function TaskForm(props: {
  mode: 'recurring' | 'today';
  task: RecurringTask | null;
  areas: WorkArea[];
  people: Person[];
  onClose: () => void;
}) {
  const app = useApp();
  const { t, pl } = useI18n();
  const wpId = useWorkplaceId();
  /* eslint-disable solid/reactivity -- the form starts from the task once */
  const [areaId, setAreaId] = createSignal(props.task?.workAreaId ?? props.areas[0]?.id ?? '');
  const [pictogram, setPictogram] = createSignal(props.task?.pictogramId ?? 'check');
  const [text, setText] = createSignal(props.task?.text ?? '');
  const [weekdays, setWeekdays] = createSignal<number[]>(props.task?.weekdays ?? app.workplace()?.openDays ?? [1, 2, 3, 4, 5]);
  const [assignees, setAssignees] = createSignal<string[]>(props.task?.assignees ?? []);
  /* eslint-enable solid/reactivity */
  const daysError = () => props.mode === 'recurring' && weekdays().length === 0;

  const toggleAssignee = (id: string) => setAssignees((a) => (a.includes(id) ? a.filter((x) => x !== id) : [...a, id]));

  const action = createFormAction({
    valid: () => !(textError(text()) || daysError() || !areaId()),
    write: async () => {
      const base = { workAreaId: areaId(), pictogramId: pictogram(), text: collapseSpaces(text()), assignees: assignees() };
      if (props.mode === 'today') return app.repos.work.addTask(wpId(), app.today(), base);
      if (props.task) return app.repos.work.updateRecurring(props.task.id, { ...base, weekdays: weekdays() });
      const created = await app.repos.work.addRecurring(wpId(), { ...base, weekdays: weekdays() });
      // A new template due today appears on today's board at once.
      await app.repos.work.fillDay(wpId(), app.today());
      return created;
    },
    done: () => props.onClose(),
  });
  const tried = action.tried;

  const title = () =>
    props.mode === 'today' ? t('supervisor.task.addToday') : props.task ? t('supervisor.task.editRecurring') : t('supervisor.task.addRecurring');

  return (
    <Dialog title={title()} pictogram="toolbox" onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">
            <Pictogram id="workshop" class="tavla-field-icon" />
            <span>{t('supervisor.task.area')}</span>
          </legend>
          <div class="supervisor-choice-row">
            <For each={props.areas}>
              {(a) => (
                <PictoButton pictogram={a.pictogramId} label={a.text || pl(a.pictogramId)} aria-pressed={areaId() === a.id} onClick={() => setAreaId(a.id)} />
              )}
            </For>
          </div>
        </fieldset>
        <PictogramField label={t('supervisor.pictogram')} value={pictogram()} onChange={setPictogram} categories={['task', 'tool', 'work-area']} />
        <Field label={t('supervisor.textOptional')} pictogram="edit" error={tried() && textError(text()) ? t('supervisor.textTooLong', { max: SHORT_TEXT_MAX }) : null}>
          <input type="text" name="taskText" autocomplete="off" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <Show when={props.mode === 'recurring'}>
          <WeekdayToggles
            legend={t('supervisor.task.weekdays')}
            value={weekdays()}
            onChange={setWeekdays}
            error={tried() && daysError() ? t('supervisor.task.weekdaysRequired') : null}
          />
        </Show>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">
            <Pictogram id="people" class="tavla-field-icon" />
            <span>{t('supervisor.task.assignees')}</span>
          </legend>
          <FaceGrid people={props.people} class="supervisor-faces" pressed={(p) => assignees().includes(p.id)} onTap={(p) => toggleAssignee(p.id)} />
        </fieldset>
        <FormActions onClose={() => props.onClose()} />
      </AdminForm>
    </Dialog>
  );
}

type Removal = { kind: 'area'; row: WorkArea } | { kind: 'recurring'; row: RecurringTask } | { kind: 'task'; row: Task };

export default function TasksAdmin() {
  const app = useApp();
  const { t, pl } = useI18n();
  const wp = () => app.workplaceId();
  const areas = createLive(wp, (id) => app.repos.work.areas(id), [] as WorkArea[]);
  const recurring = createLive(wp, (id) => app.repos.work.recurring(id), [] as RecurringTask[]);
  const people = createLive(wp, (id) => app.repos.persons.list(id), [] as Person[]);
  const today = createLive(
    () => (wp() ? ([wp()!, app.today()] as const) : null),
    ([id, d]) => app.repos.work.tasksFor(id, d),
    [] as Task[],
  );
  const [areaForm, setAreaForm] = createSignal<WorkArea | 'new' | null>(null);
  const [taskForm, setTaskForm] = createSignal<{ mode: 'recurring' | 'today'; task: RecurringTask | null } | null>(null);
  const [removing, setRemoving] = createSignal<Removal | null>(null);

  const label = (x: { text: string; pictogramId: string }) => x.text || pl(x.pictogramId);
  const areaOf = (id: string) => areas().find((a) => a.id === id);
  const names = (ids: string[]) =>
    ids
      .map((id) => people().find((p) => p.id === id)?.firstName)
      .filter(Boolean)
      .join(', ');

  const remove = async (r: Removal) => {
    setRemoving(null);
    if (!app.unlocked()) return;
    const ok = await app.run(async () => {
      if (r.kind === 'area') await app.repos.work.removeArea(r.row.id);
      else if (r.kind === 'recurring') await app.repos.work.removeRecurring(r.row.id);
      else await app.repos.work.removeTask(r.row.id);
      return true;
    });
    if (ok) app.notify({ kind: 'success', pictogram: 'trash', message: 'supervisor.removed' });
  };

  const rowButtons = (name: string, onEdit: (() => void) | null, removal: Removal) => (
    <>
      <Show when={onEdit}>
        {(edit) => <PictoButton pictogram="edit" label={t('app.edit')} aria-label={`${t('app.edit')}: ${name}`} size="small" onClick={() => edit()()} />}
      </Show>
      <PictoButton pictogram="trash" label={t('app.delete')} aria-label={`${t('app.delete')}: ${name}`} variant="danger" size="small" onClick={() => setRemoving(removal)} />
    </>
  );

  return (
    <AdminScreen title={t('supervisor.tasks')} pictogram="toolbox">
      <AdminSection id="admin-areas" pictogram="workshop" title={t('supervisor.task.areas')}>
        <div class="row">
          <PictoButton pictogram="plus" label={t('supervisor.task.addArea')} variant="primary" onClick={() => setAreaForm('new')} />
        </div>
        <ul class="supervisor-list" role="list">
          <For each={areas()}>
            {(a) => (
              <AdminRow pictogram={a.pictogramId} title={label(a)}>
                {rowButtons(label(a), () => setAreaForm(a), { kind: 'area', row: a })}
              </AdminRow>
            )}
          </For>
        </ul>
      </AdminSection>

      <AdminSection id="admin-recurring" pictogram="calendar" title={t('supervisor.task.recurring')}>
        <Show when={areas().length > 0} fallback={<FieldError message={t('supervisor.task.noAreas')} />}>
          <div class="row">
            <PictoButton pictogram="plus" label={t('supervisor.task.addRecurring')} variant="primary" onClick={() => setTaskForm({ mode: 'recurring', task: null })} />
          </div>
        </Show>
        <Show when={recurring().length > 0} fallback={<EmptyNote pictogram="calendar" text={t('supervisor.task.noRecurring')} />}>
          <ul class="supervisor-list" role="list">
            <For each={recurring()}>
              {(r) => (
                <li class="supervisor-row">
                  <Pictogram id={r.pictogramId} class="supervisor-row-icon" />
                  <span class="supervisor-row-text">
                    <span class="supervisor-row-title">{label(r)}</span>
                    <span class="supervisor-row-detail">
                      <Show when={areaOf(r.workAreaId)}>{(a) => <span>{label(a())} ·</span>}</Show>
                      <span class="supervisor-row-days">
                        <For each={r.weekdays}>
                          {(d) => <Pictogram id={WEEKDAY_PICTOGRAM[d as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? 'calendar'} />}
                        </For>
                      </span>
                      <span class="sr-only">{r.weekdays.map((d) => pl(WEEKDAY_PICTOGRAM[d as 1 | 2 | 3 | 4 | 5 | 6 | 7] ?? 'calendar')).join(', ')}</span>
                      <Show when={r.assignees.length > 0}>
                        <span>· {names(r.assignees)}</span>
                      </Show>
                    </span>
                  </span>
                  <span class="supervisor-row-actions">
                    {rowButtons(label(r), () => setTaskForm({ mode: 'recurring', task: r }), { kind: 'recurring', row: r })}
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </AdminSection>

      <AdminSection id="admin-today" pictogram="sun" title={t('supervisor.task.today')}>
        <Show when={areas().length > 0}>
          <div class="row">
            <PictoButton pictogram="plus" label={t('supervisor.task.addToday')} variant="primary" onClick={() => setTaskForm({ mode: 'today', task: null })} />
          </div>
        </Show>
        <Show when={today().length > 0} fallback={<EmptyNote pictogram="toolbox" text={t('work.none')} />}>
          <ul class="supervisor-list" role="list">
            <For each={today()}>
              {(task) => (
                <AdminRow
                  pictogram={task.pictogramId}
                  title={label(task)}
                  detail={[areaOf(task.workAreaId) ? label(areaOf(task.workAreaId)!) : '', names(task.assignees)].filter(Boolean).join(' · ')}
                >
                  {rowButtons(label(task), null, { kind: 'task', row: task })}
                </AdminRow>
              )}
            </For>
          </ul>
        </Show>
      </AdminSection>

      <Show when={areaForm()} keyed>
        {(a) => <AreaForm area={a === 'new' ? null : a} onClose={() => setAreaForm(null)} />}
      </Show>
      <Show when={taskForm()} keyed>
        {(f) => <TaskForm mode={f.mode} task={f.task} areas={areas()} people={people()} onClose={() => setTaskForm(null)} />}
      </Show>
      <Show when={removing()}>
        {(r) => (
          <ConfirmDialog
            title={t('app.delete')}
            pictogram="trash"
            message={t('supervisor.removeConfirm', { name: label(r().row) })}
            confirmLabel={t('app.delete')}
            onConfirm={() => remove(r())}
            onClose={() => setRemoving(null)}
          />
        )}
      </Show>
    </AdminScreen>
  );
}
