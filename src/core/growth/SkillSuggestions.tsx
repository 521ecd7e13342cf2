/**
 * Today's work, in supervisor mode: who could do a task (from the skills
 * matrix), and a learner who could do it with someone who can teach it. A
 * tap on a suggestion gives them the task. Skills are personal data, so
 * this shows only while the supervisor has unlocked the tablet (the caller
 * checks), never to the board at large.
 */
import { createMemo, For, Show } from 'solid-js';
import { availableToday, suggestForTask, taskKeyOf, type TaskSuggestion } from '../../domain/growth';
import type { RecurringTask, Skill, Task } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import type { BoardData } from '../board/boardData';
import { useApp } from '../context';
import { createLive } from '../live';
import { PictoButton } from '../ui';
import './growth.css';

/** One suggestion function for the whole work screen (two live queries, not two per task). */
export function createSkillSuggestions(board: Pick<BoardData, 'people' | 'marks'>, enabled: () => boolean) {
  const app = useApp();
  const skills = createLive(() => (enabled() ? app.workplaceId() : null), (wp) => app.repos.growth.skills(wp), [] as Skill[]);
  const templates = createLive(() => (enabled() ? app.workplaceId() : null), (wp) => app.repos.work.recurring(wp), [] as RecurringTask[]);
  const here = createMemo(() => (enabled() ? availableToday(board.people(), board.marks()) : []));
  // read by each task card in its own render, so it tracks there
  // eslint-disable-next-line solid/reactivity
  return (task: Task): TaskSuggestion | null => {
    const key = taskKeyOf(task, templates());
    if (!key) return null;
    const s = suggestForTask(key, skills(), here());
    // who already has the task is not suggested again
    const able = s.able.filter((id) => !task.assignees.includes(id));
    return able.length > 0 || s.pairs.length > 0 ? { able, pairs: s.pairs } : null;
  };
}

export function SkillSuggestions(props: { task: Task; suggestion: TaskSuggestion | null; taskLabel: string }) {
  const app = useApp();
  const { t } = useI18n();
  const name = (id: string) => app.lookups.person(id)?.firstName ?? '';
  const assign = (ids: string[]) => {
    const task = props.task;
    const label = props.taskLabel;
    void app.run(async () => {
      const assignees = [...new Set([...task.assignees, ...ids])];
      await app.repos.work.updateTask(task.id, { assignees });
      app.notify({ kind: 'success', pictogram: 'check', message: 'growth.suggest.assigned', params: { task: label, names: ids.map(name).join(', ') } });
      return true;
    });
  };
  return (
    <Show when={props.suggestion}>
      {(s) => (
        <div class="skill-hint" data-skill-hint={props.task.id}>
          <span class="skill-hint-title">
            <Pictogram id="skill-can" />
            <span>{t('growth.suggest.title')}</span>
          </span>
          <For each={s().able}>
            {(id) => (
              <PictoButton
                pictogram={app.lookups.person(id)?.avatar.kind === 'pictogram' ? app.lookups.person(id)!.avatar.ref : 'person'}
                label={name(id)}
                aria-label={t('growth.suggest.assign', { name: name(id), task: props.taskLabel })}
                size="small"
                class="skill-hint-person"
                onClick={() => assign([id])}
              />
            )}
          </For>
          <For each={s().pairs}>
            {(p) => (
              <PictoButton
                pictogram="skill-teach"
                label={t('growth.suggest.pair', { learner: name(p.learner), teacher: name(p.teacher) })}
                aria-label={t('growth.suggest.assignPair', { learner: name(p.learner), teacher: name(p.teacher), task: props.taskLabel })}
                size="small"
                class="skill-hint-pair"
                onClick={() => assign([p.learner, p.teacher])}
              />
            )}
          </For>
        </div>
      )}
    </Show>
  );
}
