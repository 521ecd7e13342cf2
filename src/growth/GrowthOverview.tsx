/**
 * The supervisor's overview of everyone's way forward (`/growth`): the
 * follow-ups that are due or coming soon flagged first, then every
 * participant with their step on the ladder, their next follow-up and the
 * "done it" / "I learned it" taps waiting for confirmation. A row opens the
 * person's plan. The ladder's steps can be edited here.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { AdminScreen, PictogramField } from '../core/admin';
import { useApp } from '../core/context';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { Dialog, FaceImage, PictoButton, PictoLink } from '../core/ui';
import { AdminForm, createFormAction } from '../core/form';
import { Field } from '../core/fields';
import { currentStep, dueFollowUps, followUpStatus, ladderOf, MAX_LADDER_STEPS, type FollowUpStatus } from '../domain/growth';
import { parseIsoDate } from '../domain/dates';
import type { FollowUp, LadderStep, PlanGoal, Skill } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { newStepId } from './ids';
import './growth.css';

export const STATUS_PICTOGRAM: Record<FollowUpStatus, string> = {
  overdue: 'warning',
  today: 'bell',
  soon: 'clock',
  later: 'calendar',
  noDate: 'question',
  none: 'plus',
};

/** Everyone's follow-ups and the taps waiting for the supervisor, as live queries. */
export function createGrowthData() {
  const app = useApp();
  const followUps = createLive(() => app.workplaceId(), (wp) => app.repos.growth.allFollowUps(wp), [] as FollowUp[]);
  const goals = createLive(() => app.workplaceId(), (wp) => app.repos.growth.allGoals(wp), [] as PlanGoal[]);
  const skills = createLive(() => app.workplaceId(), (wp) => app.repos.growth.skills(wp), [] as Skill[]);
  const byPerson = createMemo(() => {
    const m = new Map<string, FollowUp[]>();
    for (const f of followUps()) m.set(f.personId, [...(m.get(f.personId) ?? []), f]);
    return m;
  });
  const claims = (personId: string) =>
    goals().filter((g) => g.personId === personId && g.claimedAt !== null).length + skills().filter((s) => s.personId === personId && s.claimedAt !== null).length;
  return { followUps, goals, skills, byPerson, claims };
}

function LadderEditor(props: { onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const words = useGrowthWords();
  const [steps, setSteps] = createSignal<LadderStep[]>(ladderOf(app.workplace()).map((s) => ({ ...s, text: words.step(s) })));
  const change = (i: number, patch: Partial<LadderStep>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const action = createFormAction({
    valid: () => steps().length > 0 && steps().every((s) => s.text.trim().length > 0 && s.text.length <= 40),
    write: () => app.repos.growth.setLadder(app.workplaceId() ?? '', steps()),
    done: () => props.onClose(),
  });
  return (
    <Dialog title={t('growth.ladder.edit')} pictogram="ladder" onClose={() => props.onClose()}>
      <AdminForm onSubmit={action.submit}>
        <Index each={steps()}>
          {(s, i) => (
            <fieldset class="tavla-fieldset growth-ladder-edit">
              <legend class="tavla-field-label">{t('growth.ladder.stepN', { number: i + 1 })}</legend>
              <PictogramField label={t('supervisor.pictogram')} value={s().pictogramId} onChange={(id) => change(i, { pictogramId: id })} categories={['goal', 'work-area', 'misc', 'ui']} />
              <Field label={t('growth.ladder.stepName')} pictogram="edit" error={action.tried() && !s().text.trim() ? t('growth.error.nameNeeded') : null}>
                <input type="text" name={`step-${i}`} maxLength={40} value={s().text} onInput={(e) => change(i, { text: e.currentTarget.value })} />
              </Field>
              <PictoButton pictogram="trash" label={t('app.delete')} aria-label={`${t('app.delete')}: ${s().text}`} variant="danger" size="small" disabled={steps().length <= 1} onClick={() => setSteps((all) => all.filter((_, j) => j !== i))} />
            </fieldset>
          )}
        </Index>
        <div class="row">
          <PictoButton pictogram="plus" label={t('growth.ladder.addStep')} disabled={steps().length >= MAX_LADDER_STEPS} onClick={() => setSteps((all) => [...all, { id: newStepId(), pictogramId: 'star', text: '' }])} />
        </div>
        <div class="row supervisor-form-actions">
          <PictoButton pictogram="cancel" label={t('app.cancel')} onClick={() => props.onClose()} />
          <PictoButton pictogram="save" label={t('app.save')} variant="primary" type="submit" />
        </div>
      </AdminForm>
    </Dialog>
  );
}

export default function GrowthOverview() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const words = useGrowthWords();
  const data = createGrowthData();
  const people = app.lookups.people;
  const ladder = () => ladderOf(app.workplace());
  const due = createMemo(() => dueFollowUps(people(), data.followUps(), app.today()));
  const [editingLadder, setEditingLadder] = createSignal(false);
  const date = (d: string | null) => (d ? formatDate(parseIsoDate(d), { weekday: 'short', day: 'numeric', month: 'short' }) : '');
  const statusWords = (status: FollowUpStatus, next: string | null) => t(`growth.status.${status}`, { date: date(next) });

  return (
    <AdminScreen title={t('growth.title')} pictogram="plan" class="growth-screen">
      <div class="row">
        <PictoLink href="/growth/skills" pictogram="skill-teach" label={t('growth.skills.title')} />
        <PictoLink href="/growth/survey" pictogram="survey" label={t('growth.survey.title')} />
        <PictoButton pictogram="ladder" label={t('growth.ladder.edit')} onClick={() => setEditingLadder(true)} />
      </div>

      <section class="supervisor-section growth-due" aria-labelledby="growth-due-title">
        <h2 id="growth-due-title">
          <Pictogram id="bell" />
          <span>{t('growth.due.title')}</span>
        </h2>
        <Show when={due().length > 0} fallback={<p class="empty">{t('growth.due.none')}</p>}>
          <ul class="supervisor-list" role="list">
            <For each={due()}>
              {(d) => (
                <li class={`supervisor-row growth-due-row is-${d.status}`} data-person-id={d.personId}>
                  <FaceImage person={app.lookups.person(d.personId)} />
                  <span class="supervisor-row-text">
                    <span class="supervisor-row-title">{app.lookups.person(d.personId)?.firstName}</span>
                    <span class="supervisor-row-detail">
                      <Pictogram id={STATUS_PICTOGRAM[d.status]} class="growth-status-icon" />
                      <span>{statusWords(d.status, d.nextDate)}</span>
                    </span>
                  </span>
                  <span class="supervisor-row-actions">
                    <PictoLink href={`/growth/person/${d.personId}`} pictogram="plan" label={t('growth.openPlan')} />
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="supervisor-section" aria-labelledby="growth-all-title">
        <h2 id="growth-all-title">
          <Pictogram id="ladder" />
          <span>{t('growth.everyone')}</span>
        </h2>
        <ul class="supervisor-list growth-people" role="list">
          <For each={people()}>
            {(p) => {
              const list = () => data.byPerson().get(p.id) ?? [];
              const step = () => ladder().find((s) => s.id === currentStep(list()));
              const status = () => followUpStatus(list(), app.today());
              const next = () => list().at(-1)?.nextDate ?? null;
              return (
                <li class={`supervisor-row growth-person is-${status()}`} data-person-id={p.id}>
                  <A href={`/growth/person/${p.id}`} class="growth-person-link">
                    <FaceImage person={p} />
                    <span class="supervisor-row-text">
                      <span class="supervisor-row-title">{p.firstName}</span>
                      <span class="supervisor-row-detail">
                        <Pictogram id={step()?.pictogramId ?? 'question'} class="growth-status-icon" />
                        <span class="growth-person-step">{words.step(step())}</span>
                        <span aria-hidden="true">·</span>
                        <Pictogram id={STATUS_PICTOGRAM[status()]} class="growth-status-icon" />
                        <span>{statusWords(status(), next())}</span>
                      </span>
                    </span>
                  </A>
                  <Show when={data.claims(p.id) > 0}>
                    <span class="badge growth-claims" title={t('growth.claims', { count: data.claims(p.id) })}>
                      <Pictogram id="check" class="growth-status-icon" />
                      <span>{t('growth.claims', { count: data.claims(p.id) })}</span>
                    </span>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
      <Show when={editingLadder()}>
        <LadderEditor onClose={() => setEditingLadder(false)} />
      </Show>
    </AdminScreen>
  );
}
