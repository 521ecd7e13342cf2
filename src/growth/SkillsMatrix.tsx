/**
 * Who can do what (`/growth/skills`): the workplace's tasks (its task
 * templates) × its people, each cell one of four pictogram levels — not yet,
 * learning, can, can teach. A tap moves a cell to the next level; a cell
 * with an "I learned it" tap waiting is outlined and its tap confirms the
 * claim (one level up). Supervisors only: skills are personal data; the
 * supervisor may show this screen at the meeting.
 */
import { createMemo, For, Show } from 'solid-js';
import { AdminScreen } from '../core/admin';
import { useApp } from '../core/context';
import { useGrowthWords } from '../core/growth/names';
import { createLive } from '../core/live';
import { FaceImage, PictoLink } from '../core/ui';
import { levelOf, SKILL_PICTOGRAM, skillId, skillTasks } from '../domain/growth';
import { SKILL_LEVELS, type RecurringTask, type Skill, type SkillLevel } from '../domain/types';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import './growth.css';

export default function SkillsMatrix() {
  const app = useApp();
  const { t, pl } = useI18n();
  const words = useGrowthWords();
  const skills = createLive(() => app.workplaceId(), (wp) => app.repos.growth.skills(wp), [] as Skill[]);
  const templates = createLive(() => app.workplaceId(), (wp) => app.repos.work.recurring(wp), [] as RecurringTask[]);
  // one row per kind of task: templates with the same pictogram and words are one row
  const tasks = createMemo(() => skillTasks(templates()));
  const people = app.lookups.people;
  const taskLabel = (r: RecurringTask) => r.text || pl(r.pictogramId);
  const skillAt = (personId: string, taskKey: string) => skills().find((s) => s.id === skillId(app.workplaceId() ?? '', personId, taskKey));

  const tap = (personId: string, taskKey: string) => {
    const wp = app.workplaceId();
    if (!wp) return;
    const s = skillAt(personId, taskKey);
    if (s?.claimedAt != null) return void app.run(() => app.repos.growth.confirmSkillClaim(s.id));
    const next = ((levelOf(skills(), personId, taskKey) + 1) % 4) as SkillLevel;
    void app.run(() => app.repos.growth.setSkill(wp, personId, taskKey, next));
  };

  return (
    <AdminScreen title={t('growth.skills.title')} pictogram="skill-teach" class="growth-screen skills-screen">
      <div class="row">
        <PictoLink href="/growth" pictogram="plan" label={t('growth.title')} />
      </div>
      <ul class="skills-legend" role="list" aria-label={t('growth.skills.legend')}>
        <For each={[...SKILL_LEVELS]}>
          {(l) => (
            <li>
              <Pictogram id={SKILL_PICTOGRAM[l]} />
              <span>{words.level(l)}</span>
            </li>
          )}
        </For>
        <li>
          <Pictogram id="bell" />
          <span>{t('growth.skills.claimHint')}</span>
        </li>
      </ul>
      <Show when={tasks().length > 0 && people().length > 0} fallback={<p class="empty">{t('growth.skills.none')}</p>}>
        <div class="skills-wrap">
          <table class="skills-matrix">
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr-only">{t('growth.skills.task')}</span>
                </th>
                <For each={people()}>
                  {(p) => (
                    <th scope="col">
                      <FaceImage person={p} />
                      <span>{p.firstName}</span>
                    </th>
                  )}
                </For>
              </tr>
            </thead>
            <tbody>
              <For each={tasks()}>
                {(r) => (
                  <tr data-task-key={r.id}>
                    <th scope="row">
                      <span class="skills-task">
                        <Pictogram id={r.pictogramId} />
                        <span>{taskLabel(r)}</span>
                      </span>
                    </th>
                    <For each={people()}>
                      {(p) => {
                        const level = () => levelOf(skills(), p.id, r.id);
                        const claimed = () => skillAt(p.id, r.id)?.claimedAt != null;
                        return (
                          <td>
                            <button
                              type="button"
                              class={`skills-cell level-${level()} ${claimed() ? 'is-claimed' : ''}`}
                              data-person-id={p.id}
                              data-level={level()}
                              aria-label={`${p.firstName}, ${taskLabel(r)}: ${words.level(level())}${claimed() ? `. ${t('growth.skills.claimed')}` : ''}`}
                              onClick={() => tap(p.id, r.id)}
                            >
                              <Pictogram id={claimed() ? 'bell' : SKILL_PICTOGRAM[level()]} />
                              <span>{words.level(level())}</span>
                            </button>
                          </td>
                        );
                      }}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <p class="hint">
        <Pictogram id="tap" class="growth-status-icon" />
        <span>{t('growth.skills.tapHint')}</span>
      </p>
    </AdminScreen>
  );
}
