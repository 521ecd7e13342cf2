/**
 * "My way forward" on a participant's own page (issue 14): where they are
 * on the job ladder (the steps behind and ahead), the next step agreed with
 * the supervisor and when they meet next, their plan's goals with stars and
 * a "done it" tap, and the tasks they are learning with an "I learned it"
 * tap. Both taps wait for the supervisor to confirm.
 *
 * Personal data: this is shown only here, behind the person's picture code
 * when they have one, and on the supervisor's screens — never on the board.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { GoalSteps, LadderView } from '../../core/growth/LadderView';
import { useGrowthWords } from '../../core/growth/names';
import { createLive } from '../../core/live';
import { PictoButton, TitledSection } from '../../core/ui';
import { canClaimSkill, currentStep, isGoalReached, ladderOf, latestFollowUp, levelOf, SKILL_PICTOGRAM, skillTasks } from '../../domain/growth';
import { parseIsoDate } from '../../domain/dates';
import type { FollowUp, Person, PlanGoal, RecurringTask, Skill } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';

export function MyGrowth(props: { person: Person }) {
  const app = useApp();
  const { t, pl, formatDate } = useI18n();
  const words = useGrowthWords();
  const key = () => {
    const wp = app.workplaceId();
    return wp ? ([wp, props.person.id] as const) : null;
  };
  const followUps = createLive(key, ([wp, id]) => app.repos.growth.followUps(wp, id), [] as FollowUp[]);
  const goals = createLive(key, ([wp, id]) => app.repos.growth.goals(wp, id), [] as PlanGoal[]);
  const skills = createLive(key, ([wp, id]) => app.repos.growth.skillsOf(wp, id), [] as Skill[]);
  const templates = createLive(() => app.workplaceId(), (wp) => app.repos.work.recurring(wp), [] as RecurringTask[]);
  const ladder = () => ladderOf(app.workplace());
  const step = () => currentStep(followUps());
  const latest = () => latestFollowUp(followUps());
  const shownGoals = createMemo(() => goals().filter((g) => g.closedAt === null || isGoalReached(g)));
  /** the tasks the person is learning or could claim: every active template */
  const tasks = createMemo(() => skillTasks(templates()));
  const skillOf = (taskKey: string) => skills().find((s) => s.taskKey === taskKey);
  const goalLabel = (g: PlanGoal) => g.text || pl(g.pictogramId);
  const taskLabel = (r: RecurringTask) => r.text || pl(r.pictogramId);

  const claimGoal = async (g: PlanGoal) => {
    const done = await app.run(() => app.repos.growth.claimGoal(g.id));
    if (done) app.notify({ kind: 'success', pictogram: 'check', message: 'growth.me.claimed', params: { goal: goalLabel(g) } });
  };
  const claimSkill = async (r: RecurringTask) => {
    const wp = app.workplaceId();
    if (!wp) return;
    const personId = props.person.id;
    const done = await app.run(() => app.repos.growth.claimSkill(wp, personId, r.id));
    if (done) app.notify({ kind: 'success', pictogram: 'skill-learning', message: 'growth.me.learnedClaimed', params: { task: taskLabel(r) } });
  };

  return (
    <Show when={followUps.ready() && (followUps().length > 0 || goals().length > 0 || skills().length > 0)}>
      <TitledSection id="me-plan-title" pictogram="plan" title={t('growth.me.plan')} class="me-section me-plan" headingClass="me-section-title">
        <LadderView ladder={ladder()} current={step()} label={t('growth.ladder')} />
        <Show when={latest()}>
          {(f) => (
            <div class="me-next">
              <Show when={f().nextStep || f().nextPictogramId}>
                <p class="me-next-step" data-speak={`${t('growth.me.nextStep')}: ${f().nextStep || pl(f().nextPictogramId ?? 'next')}`}>
                  <Pictogram id={f().nextPictogramId ?? 'next'} class="me-next-icon" />
                  <span>
                    <span class="me-next-label">{t('growth.me.nextStep')}: </span>
                    <span class="me-next-text">{f().nextStep || pl(f().nextPictogramId ?? 'next')}</span>
                  </span>
                </p>
              </Show>
              <Show when={f().nextDate}>
                {(d) => (
                  <p class="me-next-date">
                    <Pictogram id="calendar" class="me-next-icon" />
                    <span>{t('growth.me.nextMeeting', { date: formatDate(parseIsoDate(d()), { weekday: 'long', day: 'numeric', month: 'long' }) })}</span>
                  </p>
                )}
              </Show>
            </div>
          )}
        </Show>
        <Show when={shownGoals().length > 0}>
          <h3 class="me-subtitle">
            <Pictogram id="target" />
            <span>{t('growth.me.goals')}</span>
          </h3>
          <ul class="me-plan-goals" role="list">
            <For each={shownGoals()}>
              {(g) => (
                <li class={`me-plan-goal ${isGoalReached(g) ? 'is-reached' : ''}`} data-plan-goal={g.id}>
                  <Pictogram id={g.pictogramId} class="me-goal-icon" />
                  <div class="me-goal-main">
                    <span class="me-plan-goal-text">{goalLabel(g)}</span>
                    <GoalSteps steps={g.steps} progress={g.progress} />
                  </div>
                  <Show
                    when={!isGoalReached(g)}
                    fallback={<Pictogram id="trophy" class="me-plan-trophy" />}
                  >
                    <Show
                      when={g.claimedAt === null}
                      fallback={
                        <p class="me-waiting">
                          <Pictogram id="clock" />
                          <span>{t('growth.me.waiting')}</span>
                        </p>
                      }
                    >
                      <PictoButton
                        pictogram="check"
                        label={t('growth.me.doneIt')}
                        aria-label={t('growth.me.doneItFor', { goal: goalLabel(g) })}
                        variant="primary"
                        onClick={() => void claimGoal(g)}
                      />
                    </Show>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </TitledSection>
      <Show when={tasks().length > 0 && skills().length > 0}>
        <TitledSection id="me-skills-title" pictogram="skill-teach" title={t('growth.me.skills')} class="me-section me-skills" headingClass="me-section-title">
          <ul class="me-skill-list" role="list">
            <For each={tasks()}>
              {(r) => {
                const level = () => levelOf(skills(), props.person.id, r.id);
                const claimed = () => skillOf(r.id)?.claimedAt ?? null;
                return (
                  <li class={`me-skill level-${level()}`} data-task-key={r.id}>
                    <Pictogram id={r.pictogramId} class="me-skill-task" />
                    <span class="me-skill-name">{taskLabel(r)}</span>
                    <Pictogram id={SKILL_PICTOGRAM[level()]} class="me-skill-level" />
                    <span class="me-skill-level-word">{words.level(level())}</span>
                    <Show when={claimed() !== null}>
                      <span class="me-waiting">
                        <Pictogram id="clock" />
                        <span>{t('growth.me.waiting')}</span>
                      </span>
                    </Show>
                    <Show when={canClaimSkill(level(), claimed())}>
                      <PictoButton
                        pictogram="skill-learning"
                        label={t('growth.me.learnedIt')}
                        aria-label={t('growth.me.learnedItFor', { task: taskLabel(r) })}
                        onClick={() => void claimSkill(r)}
                      />
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </TitledSection>
      </Show>
    </Show>
  );
}
