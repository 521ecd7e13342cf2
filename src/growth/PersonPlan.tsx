/**
 * One participant's plan, for the supervisor (`/growth/person/:personId`):
 * where they are on the ladder, the goals with their stars (confirm a
 * "done it" tap, or add a step), the history of follow-ups and ladder
 * moves, and "Record a follow-up": the conversation's date, the step agreed
 * (a move when it changes), the agreed next step, the next follow-up's date
 * and any new goals, saved in one go. "Print" opens the plan page.
 */
import { useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { AdminScreen, AdminSection, ConfirmDialog, FormActions, PictogramField } from '../core/admin';
import { useApp } from '../core/context';
import { Field } from '../core/fields';
import { AdminForm, createFormAction } from '../core/form';
import { GoalSteps, LadderView } from '../core/growth/LadderView';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { EmptyNote, Dialog, FaceImage, PictoButton, PictoLink } from '../core/ui';
import { currentStep, describeMove, isGoalReached, ladderMoves, ladderOf, MAX_GOAL_STEPS, suggestNextDate, type LadderMove } from '../domain/growth';
import { isValidIsoDate, parseIsoDate } from '../domain/dates';
import type { FollowUp, Person, PlanGoal } from '../domain/types';
import type { NewGoal } from '../data/repos/growth';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import './growth.css';

const TEXT_MAX = 80;

function StepsChoice(props: { value: number; onChange: (n: number) => void; label: string }) {
  const { t } = useI18n();
  return (
    <fieldset class="tavla-fieldset">
      <legend class="tavla-field-label">{props.label}</legend>
      <div class="supervisor-choice-row">
        <For each={Array.from({ length: MAX_GOAL_STEPS }, (_, i) => i + 1)}>
          {(n) => (
            <PictoButton pictogram="star" label={String(n)} aria-label={t('growth.goal.stepsN', { count: n })} aria-pressed={props.value === n} size="small" onClick={() => props.onChange(n)} />
          )}
        </For>
      </div>
    </fieldset>
  );
}

function FollowUpForm(props: { person: Person; current: string | null; onClose: () => void }) {
  const app = useApp();
  const { t } = useI18n();
  const words = useGrowthWords();
  /* eslint-disable solid/reactivity -- the form starts from the person's current step once */
  const [date, setDate] = createSignal(app.today());
  const [step, setStep] = createSignal<string | null>(props.current);
  /* eslint-enable solid/reactivity */
  const [nextStep, setNextStep] = createSignal('');
  const [nextPictogram, setNextPictogram] = createSignal('next');
  const [nextDate, setNextDate] = createSignal(suggestNextDate(app.today()));
  const [note, setNote] = createSignal('');
  const [goals, setGoals] = createSignal<NewGoal[]>([]);
  const changeGoal = (i: number, patch: Partial<NewGoal>) => setGoals((all) => all.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const dateOk = () => isValidIsoDate(date()) && date() <= app.today();
  const nextOk = () => nextDate() === '' || (isValidIsoDate(nextDate()) && nextDate() >= date());
  const goalsOk = () => goals().every((g) => g.text.trim().length > 0 && g.text.length <= TEXT_MAX);
  const action = createFormAction({
    valid: () => dateOk() && nextOk() && goalsOk() && nextStep().length <= TEXT_MAX && note().length <= 500,
    write: () =>
      app.repos.growth.recordFollowUp(app.workplaceId() ?? '', {
        personId: props.person.id,
        date: date(),
        step: step(),
        nextStep: nextStep(),
        nextPictogramId: nextStep().trim() || nextPictogram() !== 'next' ? nextPictogram() : null,
        nextDate: nextDate() || null,
        note: note(),
        goals: goals(),
      }),
    notice: () => ({ kind: 'success', pictogram: 'plan', message: 'growth.followUp.saved', params: { name: props.person.firstName } }),
    done: () => props.onClose(),
  });
  const ladder = () => ladderOf(app.workplace());
  return (
    <Dialog title={t('growth.followUp.record')} pictogram="plan" onClose={() => props.onClose()} class="growth-follow-up-dialog">
      <AdminForm onSubmit={action.submit}>
        <Field label={t('growth.followUp.date')} pictogram="calendar" error={action.tried() && !dateOk() ? t('error.invalidDate') : null}>
          <input type="date" name="followUpDate" value={date()} max={app.today()} onInput={(e) => setDate(e.currentTarget.value)} />
        </Field>
        <fieldset class="tavla-fieldset">
          <legend class="tavla-field-label">{t('growth.followUp.step')}</legend>
          <div class="supervisor-choice-row growth-step-choice">
            <For each={ladder()}>
              {(s, i) => (
                <PictoButton
                  pictogram={s.pictogramId}
                  label={`${i() + 1}. ${words.step(s)}`}
                  aria-pressed={step() === s.id}
                  data-step={s.id}
                  onClick={() => setStep(s.id)}
                />
              )}
            </For>
          </div>
        </fieldset>
        <PictogramField label={t('growth.followUp.nextPictogram')} value={nextPictogram()} onChange={setNextPictogram} categories={['task', 'goal', 'misc', 'tool', 'work-area', 'ui']} />
        <Field label={t('growth.followUp.nextStep')} pictogram="next" error={nextStep().length > TEXT_MAX ? t('growth.error.tooLong') : null}>
          <input type="text" name="nextStep" autocomplete="off" value={nextStep()} onInput={(e) => setNextStep(e.currentTarget.value)} />
        </Field>
        <Field label={t('growth.followUp.nextDate')} pictogram="calendar" error={action.tried() && !nextOk() ? t('error.invalidDate') : null}>
          <input type="date" name="nextDate" value={nextDate()} min={date()} onInput={(e) => setNextDate(e.currentTarget.value)} />
        </Field>
        <Field label={t('growth.followUp.note')} pictogram="edit">
          <textarea name="note" rows="2" maxLength={500} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <Index each={goals()}>
          {(g, i) => (
            <fieldset class="tavla-fieldset growth-new-goal">
              <legend class="tavla-field-label">{t('growth.goal.new')}</legend>
              <PictogramField label={t('supervisor.pictogram')} value={g().pictogramId} onChange={(id) => changeGoal(i, { pictogramId: id })} categories={['goal', 'task', 'misc', 'tool', 'attendance']} />
              <Field label={t('growth.goal.text')} pictogram="edit" error={action.tried() && !g().text.trim() ? t('growth.error.nameNeeded') : null}>
                <input type="text" name={`goalText-${i}`} autocomplete="off" value={g().text} onInput={(e) => changeGoal(i, { text: e.currentTarget.value })} />
              </Field>
              <StepsChoice label={t('growth.goal.steps')} value={g().steps} onChange={(n) => changeGoal(i, { steps: n })} />
              <PictoButton pictogram="trash" label={t('app.delete')} variant="danger" size="small" onClick={() => setGoals((all) => all.filter((_, j) => j !== i))} />
            </fieldset>
          )}
        </Index>
        <div class="row">
          <PictoButton pictogram="target" label={t('growth.goal.add')} onClick={() => setGoals((all) => [...all, { pictogramId: 'target', text: '', steps: 3 }])} />
        </div>
        <FormActions onClose={() => props.onClose()} />
      </AdminForm>
    </Dialog>
  );
}

/** One move on the ladder in words: "Work training → Adapted work (up 1 step)". */
export function useMoveWords() {
  const app = useApp();
  const { t } = useI18n();
  const words = useGrowthWords();
  return (m: LadderMove) => {
    const ladder = ladderOf(app.workplace());
    const name = (id: string | null) => words.step(ladder.find((s) => s.id === id));
    const d = describeMove(ladder, m);
    if (d.kind === 'start') return t('growth.move.start', { step: name(m.to) });
    if (d.kind === 'unknown') return name(m.to);
    return t(d.kind === 'up' ? 'growth.move.up' : 'growth.move.down', { from: name(m.from), to: name(m.to), count: d.steps });
  };
}

export default function PersonPlan() {
  const params = useParams();
  const app = useApp();
  const { t, pl, formatDate } = useI18n();
  const words = useGrowthWords();
  const moveWords = useMoveWords();
  const person = () => app.lookups.person(params.personId ?? '');
  const key = () => {
    const wp = app.workplaceId();
    return wp && params.personId ? ([wp, params.personId] as const) : null;
  };
  const followUps = createLive(key, ([wp, id]) => app.repos.growth.followUps(wp, id), [] as FollowUp[]);
  const goals = createLive(key, ([wp, id]) => app.repos.growth.goals(wp, id), [] as PlanGoal[]);
  const step = () => currentStep(followUps());
  const moves = createMemo(() => new Map(ladderMoves(followUps()).map((m) => [m.followUpId, m])));
  const [recording, setRecording] = createSignal(false);
  const [removing, setRemoving] = createSignal<PlanGoal | null>(null);
  const date = (d: string) => formatDate(parseIsoDate(d), { day: 'numeric', month: 'short', year: 'numeric' });
  const goalLabel = (g: PlanGoal) => g.text || pl(g.pictogramId);
  const ladder = () => ladderOf(app.workplace());

  const confirm = (g: PlanGoal) => void app.run(() => app.repos.growth.confirmGoalStep(g.id));
  const decline = (g: PlanGoal) => void app.run(() => app.repos.growth.declineGoalClaim(g.id));

  return (
    <AdminScreen title={t('growth.planOf', { name: person()?.firstName ?? '' })} pictogram="plan" class="growth-screen growth-person-screen">
      <Show when={person()} fallback={<EmptyNote pictogram="person" text={t('me.notFound')} />}>
        {(p) => (
          <>
            <div class="row growth-person-head">
              <FaceImage person={p()} class="growth-face" />
              <PictoLink href="/growth" pictogram="people" label={t('growth.everyone')} />
              <PictoButton pictogram="plan" label={t('growth.followUp.record')} variant="primary" onClick={() => setRecording(true)} />
              <PictoLink href={`/growth/print/${p().id}`} pictogram="print" label={t('growth.print.open')} />
            </div>
            <AdminSection id="growth-ladder-title" pictogram="ladder" title={t('growth.ladder')}>
              <LadderView ladder={ladder()} current={step()} label={t('growth.ladder')} />
            </AdminSection>
            <AdminSection id="growth-goals-title" pictogram="target" title={t('growth.me.goals')}>
              <Show when={goals().length > 0} fallback={<EmptyNote pictogram="target" text={t('growth.goal.none')} />}>
                <ul class="supervisor-list" role="list">
                  <For each={goals()}>
                    {(g) => (
                      <li class={`supervisor-row growth-goal ${g.claimedAt !== null ? 'is-claimed' : ''}`} data-plan-goal={g.id}>
                        <Pictogram id={g.pictogramId} class="supervisor-row-icon" />
                        <span class="supervisor-row-text">
                          <span class="supervisor-row-title">{goalLabel(g)}</span>
                          <span class="supervisor-row-detail">
                            <GoalSteps steps={g.steps} progress={g.progress} />
                            <Show when={g.claimedAt !== null}>
                              <span class="growth-claim">
                                <Pictogram id="bell" class="growth-status-icon" />
                                <span>{t('growth.goal.claimed')}</span>
                              </span>
                            </Show>
                          </span>
                        </span>
                        <span class="supervisor-row-actions">
                          <Show when={!isGoalReached(g)}>
                            <PictoButton pictogram="check" label={t('growth.goal.confirm')} aria-label={t('growth.goal.confirmFor', { goal: goalLabel(g) })} variant="primary" size="small" onClick={() => confirm(g)} />
                          </Show>
                          <Show when={g.claimedAt !== null}>
                            <PictoButton pictogram="cancel" label={t('growth.goal.decline')} aria-label={`${t('growth.goal.decline')}: ${goalLabel(g)}`} size="small" onClick={() => decline(g)} />
                          </Show>
                          <PictoButton pictogram="trash" label={t('app.delete')} aria-label={`${t('app.delete')}: ${goalLabel(g)}`} variant="danger" size="small" onClick={() => setRemoving(g)} />
                        </span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </AdminSection>
            <AdminSection id="growth-history-title" pictogram="calendar" title={t('growth.history')}>
              <Show when={followUps().length > 0} fallback={<EmptyNote pictogram="calendar" text={t('growth.followUp.none')} />}>
                <ol class="supervisor-list growth-history" role="list">
                  <For each={[...followUps()].reverse()}>
                    {(f) => (
                      <li class="supervisor-row" data-follow-up={f.id}>
                        <Pictogram id={ladder().find((s) => s.id === f.step)?.pictogramId ?? 'meeting'} class="supervisor-row-icon" />
                        <span class="supervisor-row-text">
                          <span class="supervisor-row-title">
                            {date(f.date)} · {moves().get(f.id) ? moveWords(moves().get(f.id)!) : words.step(ladder().find((s) => s.id === f.step))}
                          </span>
                          <Show when={f.nextStep}>
                            <span class="supervisor-row-detail">
                              {t('growth.me.nextStep')}: {f.nextStep}
                            </span>
                          </Show>
                          <Show when={f.nextDate}>
                            <span class="supervisor-row-detail">{t('growth.followUp.nextOn', { date: date(f.nextDate!) })}</span>
                          </Show>
                          <Show when={f.note}>
                            <span class="supervisor-row-detail">{f.note}</span>
                          </Show>
                        </span>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
            </AdminSection>
            <Show when={recording()}>
              <FollowUpForm person={p()} current={step()} onClose={() => setRecording(false)} />
            </Show>
            <Show when={removing()}>
              {(g) => (
                <ConfirmDialog
                  title={t('growth.goal.remove')}
                  pictogram="trash"
                  message={t('supervisor.removeConfirm', { name: goalLabel(g()) })}
                  confirmLabel={t('app.delete')}
                  onConfirm={() => {
                    const id = g().id;
                    setRemoving(null);
                    void app.run(() => app.repos.growth.removeGoal(id));
                  }}
                  onClose={() => setRemoving(null)}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </AdminScreen>
  );
}
