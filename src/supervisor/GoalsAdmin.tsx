/**
 * Goals: list, add, edit, remove. A goal is a pictogram, an optional short
 * text, a period (day or week) and a target: a count from 1 to 999 or
 * yes/no. The rules are domain/goals' validateGoalInput.
 */
import { createSignal, For, Show } from 'solid-js';
import type { Goal, GoalPeriod } from '../domain/types';
import { validateGoalInput } from '../domain/goals';
import { collapseSpaces } from '../domain/text';
import { useI18n } from '../i18n';
import { createLive } from '../core/live';
import { useApp } from '../core/context';
import { EmptyNote, Dialog, PictoButton } from '../core/ui';
import { Field } from '../core/fields';
import { AdminRow, AdminScreen, ConfirmDialog, FormActions, PictogramField, useWorkplaceId } from '../core/admin';
import { AdminForm, createFormAction } from '../core/form';

function GoalForm(props: { goal: Goal | null; onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const wpId = useWorkplaceId();
  /* eslint-disable solid/reactivity -- the form starts from the goal once */
  const [pictogram, setPictogram] = createSignal(props.goal?.pictogramId ?? 'target');
  const [text, setText] = createSignal(props.goal?.text ?? '');
  const [period, setPeriod] = createSignal<GoalPeriod>(props.goal?.period ?? 'day');
  const [kind, setKind] = createSignal<'count' | 'yesno'>(props.goal?.target.kind ?? 'count');
  const [target, setTarget] = createSignal(String(props.goal?.target.kind === 'count' ? props.goal.target.target : 10));
  /* eslint-enable solid/reactivity */

  const goalTarget = () => (kind() === 'count' ? { kind: 'count' as const, target: Number(target()) } : { kind: 'yesno' as const });
  const errors = () => validateGoalInput({ text: text(), target: goalTarget() });
  const errorOf = (key: 'goal.error.targetRange' | 'goal.error.textTooLong') => (tried() && errors().includes(key) ? t(key) : null);

  const action = createFormAction({
    valid: () => errors().length === 0,
    write: () => {
      const input = { pictogramId: pictogram(), text: collapseSpaces(text()), period: period(), target: goalTarget() };
      return props.goal ? app.repos.goals.update(props.goal.id, input) : app.repos.goals.add(wpId(), input);
    },
    done: () => props.onClose(),
  });
  const tried = action.tried;

  return (
    <Dialog title={props.goal ? t('supervisor.goal.edit') : t('supervisor.goal.add')} pictogram="target" onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <PictogramField label={t('supervisor.pictogram')} value={pictogram()} onChange={setPictogram} categories={['goal', 'task', 'tool', 'misc']} />
        <Field label={t('supervisor.textOptional')} pictogram="edit" error={errorOf('goal.error.textTooLong')}>
          <input type="text" name="goalText" autocomplete="off" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
        </Field>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">
            <span>{t('supervisor.goal.period')}</span>
          </legend>
          <div class="supervisor-choice-row">
            <PictoButton pictogram="sun" label={t('supervisor.goal.period.day')} aria-pressed={period() === 'day'} onClick={() => setPeriod('day')} />
            <PictoButton pictogram="calendar" label={t('supervisor.goal.period.week')} aria-pressed={period() === 'week'} onClick={() => setPeriod('week')} />
          </div>
        </fieldset>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">
            <span>{t('supervisor.goal.kind')}</span>
          </legend>
          <div class="supervisor-choice-row">
            <PictoButton pictogram="hundred" label={t('supervisor.goal.kind.count')} aria-pressed={kind() === 'count'} onClick={() => setKind('count')} />
            <PictoButton pictogram="check" label={t('supervisor.goal.kind.yesno')} aria-pressed={kind() === 'yesno'} onClick={() => setKind('yesno')} />
          </div>
        </fieldset>
        <Show when={kind() === 'count'}>
          <Field label={t('supervisor.goal.target')} pictogram="target" error={errorOf('goal.error.targetRange')}>
            <input type="number" name="target" inputmode="numeric" min="1" max="999" step="1" value={target()} onInput={(e) => setTarget(e.currentTarget.value)} />
          </Field>
        </Show>
        <FormActions onClose={() => props.onClose()} />
      </AdminForm>
    </Dialog>
  );
}

export default function GoalsAdmin() {
  const app = useApp();
  const { t, pl } = useI18n();
  const goals = createLive(() => app.workplaceId(), (id) => app.repos.goals.list(id), [] as Goal[]);
  const [editing, setEditing] = createSignal<Goal | 'new' | null>(null);
  const [removing, setRemoving] = createSignal<Goal | null>(null);
  const nameOf = (g: Goal) => g.text || pl(g.pictogramId);
  const detailOf = (g: Goal) =>
    `${t(g.period === 'day' ? 'supervisor.goal.period.day' : 'supervisor.goal.period.week')} · ${
      g.target.kind === 'count' ? t('supervisor.goal.targetShort', { target: g.target.target }) : t('supervisor.goal.kind.yesno')
    }`;

  const remove = async (g: Goal) => {
    setRemoving(null);
    if (!app.unlocked()) return;
    const ok = await app.run(async () => {
      await app.repos.goals.remove(g.id);
      return true;
    });
    if (ok) app.notify({ kind: 'success', pictogram: 'trash', message: 'supervisor.removed' });
  };

  return (
    <AdminScreen title={t('supervisor.goals')} pictogram="target">
      <div class="row">
        <PictoButton pictogram="plus" label={t('supervisor.goal.add')} variant="primary" onClick={() => setEditing('new')} />
      </div>
      <Show when={goals().length > 0} fallback={<EmptyNote pictogram="target" text={t('goals.none')} />}>
        <ul class="supervisor-list" role="list">
          <For each={goals()}>
            {(g) => (
              <AdminRow pictogram={g.pictogramId} title={nameOf(g)} detail={detailOf(g)}>
                <PictoButton pictogram="edit" label={t('app.edit')} aria-label={`${t('app.edit')}: ${nameOf(g)}`} size="small" onClick={() => setEditing(g)} />
                <PictoButton pictogram="trash" label={t('app.delete')} aria-label={`${t('app.delete')}: ${nameOf(g)}`} variant="danger" size="small" onClick={() => setRemoving(g)} />
              </AdminRow>
            )}
          </For>
        </ul>
      </Show>
      <Show when={editing()} keyed>
        {(e) => <GoalForm goal={e === 'new' ? null : e} onClose={() => setEditing(null)} />}
      </Show>
      <Show when={removing()}>
        {(g) => (
          <ConfirmDialog
            title={t('supervisor.goal.remove')}
            pictogram="trash"
            message={t('supervisor.removeConfirm', { name: nameOf(g()) })}
            confirmLabel={t('app.delete')}
            onConfirm={() => remove(g())}
            onClose={() => setRemoving(null)}
          />
        )}
      </Show>
    </AdminScreen>
  );
}
