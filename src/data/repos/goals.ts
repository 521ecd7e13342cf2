/** Goals and their progress taps (a sum of entries, so taps on two tablets both count). */
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { Goal, GoalPeriod, GoalProgress, GoalTarget, Iso } from '../../domain/types';
import { deleteRecord, updateRecord, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';
import { compareOrder, orderAfter } from '../../domain/order';

export interface NewGoal {
  pictogramId: string;
  text?: string;
  period: GoalPeriod;
  target: GoalTarget;
}

export function goalsRepo(db: TavlaDb) {
  return {
    async add(workplaceId: string, input: NewGoal, id = newId()): Promise<Goal> {
      const order = orderAfter(await db.goals.where('workplaceId').equals(workplaceId).toArray());
      return writeRecord<Goal>(db, 'goals', workplaceId, id, {
        pictogramId: input.pictogramId,
        text: input.text?.trim() ?? '',
        period: input.period,
        target: input.target,
        active: 1,
        order,
      });
    },
    update(id: string, patch: Partial<Pick<Goal, 'pictogramId' | 'text' | 'period' | 'target' | 'active' | 'order'>>) {
      return updateRecord<Goal>(db, 'goals', id, patch);
    },
    remove(id: string) {
      return deleteRecord<Goal>(db, 'goals', id);
    },
    async list(workplaceId: string): Promise<Goal[]> {
      const rows = await db.goals.where('workplaceId').equals(workplaceId).toArray();
      return rows.filter((g) => !g.deleted && g.active).sort(compareOrder);
    },
    addProgress(workplaceId: string, goalId: string, date: Iso, amount: number, personId: string | null = null, id = newId()) {
      return writeRecord<GoalProgress>(db, 'goalProgress', workplaceId, id, { goalId, date, amount, personId });
    },
    undoProgress(progressId: string) {
      return deleteRecord<GoalProgress>(db, 'goalProgress', progressId);
    },
    async progressBetween(workplaceId: string, from: Iso, to: Iso): Promise<GoalProgress[]> {
      const rows = await db.goalProgress.where('[workplaceId+date]').between([workplaceId, from], [workplaceId, to], true, true).toArray();
      return liveRows(rows);
    },
  };
}
