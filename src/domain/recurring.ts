/**
 * Recurring tasks: templates that put a task on the board on given weekdays.
 *
 * Any tablet may be the first to open the board on a day and create that
 * day's tasks from the templates. The task id is derived from (template,
 * date) as a name-based UUID (v5), so two tablets doing it at once write the
 * same row, which sync merges, instead of showing every task twice.
 */
import { v5 as uuidv5 } from 'uuid';
import type { Iso, RecurringTask, Task } from './types';
import { isoWeekday, isValidIsoDate } from './dates';
import { InvalidIsoDate } from './errors';

/** Fixed namespace for recurring task ids. Never change it: ids on every device depend on it. */
export const RECURRING_TASK_ID_NAMESPACE = '97ca5ae4-fa1e-4e83-b851-1955a3faa31e';

/** The id of the task a template puts on the board on a date; the same on every device. */
export function recurringTaskId(templateId: string, date: Iso): string {
  if (!isValidIsoDate(date)) throw new InvalidIsoDate(date);
  return uuidv5(`recurring/${templateId}/${date}`, RECURRING_TASK_ID_NAMESPACE);
}

type TemplateLike = Pick<RecurringTask, 'weekdays' | 'active'> & { deleted?: 0 | 1 };

/** Live, active templates whose weekdays include the date's ISO weekday. */
export function tasksDueOn<T extends TemplateLike>(templates: readonly T[], date: Iso): T[] {
  const weekday = isoWeekday(date);
  return templates.filter((t) => t.active === 1 && t.deleted !== 1 && t.weekdays.includes(weekday));
}

/** The task fields a template gives on a date (the repository adds the synced-row fields). */
export function taskFromTemplate(
  template: Pick<RecurringTask, 'id' | 'workAreaId' | 'pictogramId' | 'text' | 'assignees'>,
  date: Iso,
): Pick<Task, 'id' | 'workAreaId' | 'pictogramId' | 'text' | 'date' | 'assignees' | 'doneAt' | 'doneBy' | 'recurringId'> {
  return {
    id: recurringTaskId(template.id, date),
    workAreaId: template.workAreaId,
    pictogramId: template.pictogramId,
    text: template.text,
    date,
    assignees: [...template.assignees],
    doneAt: null,
    doneBy: null,
    recurringId: template.id,
  };
}
