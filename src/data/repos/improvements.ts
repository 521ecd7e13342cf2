/** Improvements (förbättringar): ideas credited to who proposed them, moved idea → planned → doing → done. */
import { moveIdea } from '../../domain/pdca';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import { IMPROVEMENT_STATUSES, type Improvement, type ImprovementStatus, type Iso } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';

export interface NewImprovement {
  date: Iso;
  pictogramId?: string | null;
  photo?: string | null;
  text?: string;
  proposedBy?: string | null;
}

export function improvementsRepo(db: TavlaDb) {
  return {
    propose(workplaceId: string, input: NewImprovement, id = newId(), at = db.now()): Promise<Improvement> {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return writeRecord<Improvement>(
        db,
        'improvements',
        workplaceId,
        id,
        {
          date: input.date,
          pictogramId: input.pictogramId ?? null,
          photo: input.photo ?? null,
          text: input.text?.trim() ?? '',
          proposedBy: input.proposedBy ?? null,
          status: 'idea',
          reason: '',
          movedAt: now,
        },
        { now },
      );
    },
    /** `anyColumn`: the supervisor's jump to any column (domain/pdca.ts) */
    async move(id: string, to: ImprovementStatus, opts: { reason?: string; anyColumn?: boolean } = {}, at = db.now()) {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, ['improvements'], async () => {
        const idea = await db.improvements.get(id);
        if (!idea || idea.deleted) return undefined;
        const patch = moveIdea(idea, to, { now, ...opts });
        return updateRecord<Improvement>(db, 'improvements', id, patch, { now });
      });
    },
    update(id: string, patch: Partial<Pick<Improvement, 'text' | 'pictogramId'>>) {
      return updateRecord<Improvement>(db, 'improvements', id, patch);
    },
    remove(id: string) {
      return deleteRecord<Improvement>(db, 'improvements', id);
    },
    /**
     * How many of the workplace's ideas are in each column, counted by the
     * status index without reading a row (the home board shows only these; a
     * year holds a thousand done ideas). A deleted idea is a tombstone without
     * a status (writer.ts, merge.ts), so the index holds no deleted ideas.
     */
    async countByStatus(workplaceId: string): Promise<Record<ImprovementStatus, number>> {
      const counts = await Promise.all(IMPROVEMENT_STATUSES.map((s) => db.improvements.where('[workplaceId+status]').equals([workplaceId, s]).count()));
      return Object.fromEntries(IMPROVEMENT_STATUSES.map((s, i) => [s, counts[i]!])) as Record<ImprovementStatus, number>;
    },
    async all(workplaceId: string): Promise<Improvement[]> {
      const rows = await db.improvements.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, '\uffff']).toArray();
      return liveRows(rows);
    },
  };
}
