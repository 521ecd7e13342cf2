/**
 * Today's work: work areas, recurring task templates and the day's tasks.
 * `fillDay` puts each template due on a weekday onto that day's board with an
 * id derived from template + date, so the board fills itself each morning and
 * two tablets filling the same day create the same rows, not duplicates.
 */
import { recurringTaskId, tasksDueOn } from '../../domain/recurring';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { Iso, RecurringTask, Task, WorkArea } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';
import { compareOrder, orderAfter } from '../../domain/order';

export interface NewTask {
  workAreaId: string;
  pictogramId: string;
  text?: string;
  assignees?: string[];
}

export function workRepo(db: TavlaDb) {
  return {
    async addArea(workplaceId: string, input: { pictogramId: string; text?: string }, id = newId()): Promise<WorkArea> {
      const order = orderAfter(await db.workAreas.where('workplaceId').equals(workplaceId).toArray());
      return writeRecord<WorkArea>(db, 'workAreas', workplaceId, id, { pictogramId: input.pictogramId, text: input.text?.trim() ?? '', order });
    },
    updateArea(id: string, patch: Partial<Pick<WorkArea, 'pictogramId' | 'text' | 'order'>>) {
      return updateRecord<WorkArea>(db, 'workAreas', id, patch);
    },
    removeArea(id: string) {
      return deleteRecord<WorkArea>(db, 'workAreas', id);
    },
    async areas(workplaceId: string): Promise<WorkArea[]> {
      return liveRows(await db.workAreas.where('workplaceId').equals(workplaceId).toArray()).sort(compareOrder);
    },
    addRecurring(workplaceId: string, input: NewTask & { weekdays: number[] }, id = newId()): Promise<RecurringTask> {
      return writeRecord<RecurringTask>(db, 'recurringTasks', workplaceId, id, {
        workAreaId: input.workAreaId,
        pictogramId: input.pictogramId,
        text: input.text?.trim() ?? '',
        weekdays: input.weekdays,
        assignees: input.assignees ?? [],
        active: 1,
      });
    },
    updateRecurring(id: string, patch: Partial<Pick<RecurringTask, 'workAreaId' | 'pictogramId' | 'text' | 'weekdays' | 'assignees' | 'active'>>) {
      return updateRecord<RecurringTask>(db, 'recurringTasks', id, patch);
    },
    removeRecurring(id: string) {
      return deleteRecord<RecurringTask>(db, 'recurringTasks', id);
    },
    async recurring(workplaceId: string): Promise<RecurringTask[]> {
      return liveRows(await db.recurringTasks.where('workplaceId').equals(workplaceId).toArray());
    },
    addTask(workplaceId: string, date: Iso, input: NewTask, id = newId()): Promise<Task> {
      return writeRecord<Task>(db, 'tasks', workplaceId, id, {
        workAreaId: input.workAreaId,
        pictogramId: input.pictogramId,
        text: input.text?.trim() ?? '',
        date,
        assignees: input.assignees ?? [],
        doneAt: null,
        doneBy: null,
        recurringId: null,
      });
    },
    updateTask(id: string, patch: Partial<Pick<Task, 'workAreaId' | 'pictogramId' | 'text' | 'assignees'>>) {
      return updateRecord<Task>(db, 'tasks', id, patch);
    },
    removeTask(id: string) {
      return deleteRecord<Task>(db, 'tasks', id);
    },
    markDone(id: string, personId: string | null, at = db.now()) {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return updateRecord<Task>(db, 'tasks', id, { doneAt: now, doneBy: personId }, { now });
    },
    undoDone(id: string) {
      return updateRecord<Task>(db, 'tasks', id, { doneAt: null, doneBy: null });
    },
    async tasksFor(workplaceId: string, date: Iso): Promise<Task[]> {
      return liveRows(await db.tasks.where('[workplaceId+date]').equals([workplaceId, date]).toArray());
    },
    /** The tasks with these ids (missing and deleted ones left out). */
    async tasksByIds(ids: readonly string[]): Promise<Task[]> {
      return liveRows((await db.tasks.bulkGet([...ids])).filter((t): t is Task => t !== undefined));
    },
    /** Creates the day's tasks from recurring templates that are not on the board yet. */
    async fillDay(workplaceId: string, date: Iso): Promise<number> {
      // Nearly every start finds the day filled already (or nothing due): a read-only look first, so the board's
      // first reads of the tasks, the outbox and meta never queue behind a write transaction that writes nothing.
      const due = tasksDueOn(liveRows(await db.recurringTasks.where('workplaceId').equals(workplaceId).toArray()), date);
      if (!due.length) return 0;
      const present = await db.tasks.bulkGet(due.map((t) => recurringTaskId(t.id, date)));
      if (present.every((t) => t !== undefined)) return 0;
      return inWriteTx(db, ['recurringTasks', 'tasks'], async () => {
        const templates = liveRows(await db.recurringTasks.where('workplaceId').equals(workplaceId).toArray());
        let created = 0;
        for (const t of tasksDueOn(templates, date)) {
          const id = recurringTaskId(t.id, date);
          if (await db.tasks.get(id)) continue; // already there, or deliberately removed (tombstone)
          await writeRecord<Task>(db, 'tasks', workplaceId, id, {
            workAreaId: t.workAreaId,
            pictogramId: t.pictogramId,
            text: t.text,
            date,
            assignees: t.assignees,
            doneAt: null,
            doneBy: null,
            recurringId: t.id,
          });
          created++;
        }
        return created;
      });
    },
  };
}
