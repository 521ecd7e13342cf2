/**
 * The supervisor's overview of everyone's way forward (`/growth`): the
 * follow-ups that are due or coming soon flagged first, then every
 * participant with their step on the ladder, their next follow-up and the
 * "done it" / "I learned it" taps waiting for confirmation. A row opens the
 * person's plan. The ladder's steps can be edited here.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { AdminScreen, AdminSection } from '../core/admin';
import { useApp } from '../core/context';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { EmptyNote, FaceImage, PictoButton, PictoLink } from '../core/ui';
import { currentStep, dueFollowUps, followUpStatus, ladderOf, MAX_LADDER_STEPS, type FollowUpStatus } from '../domain/growth';
import { parseIsoDate } from '../domain/dates';
import type { FollowUp, LadderStep, PlanGoal, Skill } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { newStepId } from './ids';
import { PictogramListEditor } from './PictogramListEditor';
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
  return (
    <PictogramListEditor<LadderStep>
      title={t('growth.ladder.edit')}
      pictogram="ladder"
      initial={ladderOf(app.workplace()).map((s) => ({ ...s, text: words.step(s) }))}
      itemLabel={(number) => t('growth.ladder.stepN', { number })}
      textLabel={t('growth.ladder.stepName')}
      namePrefix="step"
      maxLength={40}
      max={MAX_LADDER_STEPS}
      categories={['goal', 'work-area', 'misc', 'ui']}
      addLabel={t('growth.ladder.addStep')}
      newItem={() => ({ id: newStepId(), pictogramId: 'star', text: '' })}
      save={(steps) => app.repos.growth.setLadder(app.workplaceId() ?? '', steps)}
      onClose={() => props.onClose()}
    />
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

      <AdminSection id="growth-due-title" pictogram="bell" title={t('growth.due.title')} class="growth-due">
        <Show when={due().length > 0} fallback={<EmptyNote pictogram="bell" text={t('growth.due.none')} />}>
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
      </AdminSection>

      <AdminSection id="growth-all-title" pictogram="ladder" title={t('growth.everyone')}>
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
      </AdminSection>
      <Show when={editingLadder()}>
        <LadderEditor onClose={() => setEditingLadder(false)} />
      </Show>
    </AdminScreen>
  );
}
