/**
 * Who can do what, as a table: the workplace's kinds of task (its task
 * templates) × its people, each cell one of four pictogram levels — not yet,
 * learning, can, can teach. Shared by the supervisor's skills screen (cells
 * are buttons: `onTap` moves a level or confirms an "I learned it" claim)
 * and the meeting's "who can do what" step (no `onTap`: read-only, claims
 * not shown). Skills are personal data: the callers show this only to a
 * supervisor, or at the meeting when the supervisor has switched the step on.
 */
import { createMemo, For, Show } from 'solid-js';
import { levelOf, SKILL_PICTOGRAM, skillId, skillTasks } from '../../domain/growth';
import { SKILL_LEVELS, type Person, type RecurringTask, type Skill } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { useApp } from '../context';
import { createLive } from '../live';
import { EmptyNote, FaceImage } from '../ui';
import { useGrowthWords } from './names';
import './growth.css';

/** The workplace's skills and task templates as live queries (only while `enabled`). */
export function createSkillsData(enabled: () => boolean = () => true) {
  const app = useApp();
  const skills = createLive(() => (enabled() ? app.workplaceId() : null), (wp) => app.repos.growth.skills(wp), [] as Skill[]);
  const templates = createLive(() => (enabled() ? app.workplaceId() : null), (wp) => app.repos.work.recurring(wp), [] as RecurringTask[]);
  // one row per kind of task: templates with the same pictogram and words are one row
  const tasks = createMemo(() => skillTasks(templates()));
  return { skills, tasks };
}

/** The four levels' pictograms and names (and, on the supervisor's screen, the claim's bell). */
export function SkillsLegend(props: { claims?: boolean }) {
  const { t } = useI18n();
  const words = useGrowthWords();
  return (
    <ul class="skills-legend" role="list" aria-label={t('growth.skills.legend')}>
      <For each={[...SKILL_LEVELS]}>
        {(l) => (
          <li>
            <Pictogram id={SKILL_PICTOGRAM[l]} />
            <span>{words.level(l)}</span>
          </li>
        )}
      </For>
      <Show when={props.claims}>
        <li>
          <Pictogram id="bell" />
          <span>{t('growth.skills.claimHint')}</span>
        </li>
      </Show>
    </ul>
  );
}

export function SkillsTable(props: {
  skills: readonly Skill[];
  tasks: readonly RecurringTask[];
  people: readonly Person[];
  /** a tap on a cell; without it the table is read-only */
  onTap?: (personId: string, taskKey: string, skill: Skill | undefined) => void;
  class?: string;
}) {
  const app = useApp();
  const { t, pl } = useI18n();
  const words = useGrowthWords();
  const taskLabel = (r: RecurringTask) => r.text || pl(r.pictogramId);
  const skillAt = (personId: string, taskKey: string) => props.skills.find((s) => s.id === skillId(app.workplaceId() ?? '', personId, taskKey));

  return (
    <Show when={props.tasks.length > 0 && props.people.length > 0} fallback={<EmptyNote pictogram="skill-teach" text={t('growth.skills.none')} />}>
      <div class={`skills-wrap ${props.class ?? ''}`}>
        <table class={`skills-matrix ${props.onTap ? '' : 'is-read-only'}`}>
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t('growth.skills.task')}</span>
              </th>
              <For each={props.people}>
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
            <For each={props.tasks}>
              {(r) => (
                <tr data-task-key={r.id}>
                  <th scope="row">
                    <span class="skills-task">
                      <Pictogram id={r.pictogramId} />
                      <span>{taskLabel(r)}</span>
                    </span>
                  </th>
                  <For each={props.people}>
                    {(p) => {
                      const level = () => levelOf(props.skills, p.id, r.id);
                      const claimed = () => !!props.onTap && skillAt(p.id, r.id)?.claimedAt != null;
                      return (
                        <td>
                          <Show
                            when={props.onTap}
                            fallback={
                              <span class={`skills-cell level-${level()}`} data-person-id={p.id} data-level={level()}>
                                <Pictogram id={SKILL_PICTOGRAM[level()]} />
                                <span>{words.level(level())}</span>
                              </span>
                            }
                          >
                            {(tap) => (
                              <button
                                type="button"
                                class={`skills-cell level-${level()} ${claimed() ? 'is-claimed' : ''}`}
                                data-person-id={p.id}
                                data-level={level()}
                                aria-label={`${p.firstName}, ${taskLabel(r)}: ${words.level(level())}${claimed() ? `. ${t('growth.skills.claimed')}` : ''}`}
                                onClick={() => tap()(p.id, r.id, skillAt(p.id, r.id))}
                              >
                                <Pictogram id={claimed() ? 'bell' : SKILL_PICTOGRAM[level()]} />
                                <span>{words.level(level())}</span>
                              </button>
                            )}
                          </Show>
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
  );
}
