/** Deviations (avvikelser): anyone reports; only a supervisor changes status. */
import { changeDeviationStatus } from '../../domain/deviations';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { Deviation, DeviationCategory, DeviationStatus, Iso } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';

export interface NewDeviation {
  category: DeviationCategory;
  date: Iso;
  pictogramId?: string | null;
  photo?: string | null;
  text?: string;
  reportedBy?: string | null;
}

export function deviationsRepo(db: TavlaDb) {
  return {
    /** `at`: when it was reported (default now; never later than the device clock) */
    report(workplaceId: string, input: NewDeviation, id = newId(), at?: number): Promise<Deviation> {
      return writeRecord<Deviation>(db, 'deviations', workplaceId, id, {
        category: input.category,
        date: input.date,
        pictogramId: input.pictogramId ?? null,
        photo: input.photo ?? null,
        text: input.text?.trim() ?? '',
        reportedBy: input.reportedBy ?? null,
        status: 'new',
        responsibleId: null,
        action: '',
        solvedAt: null,
      }, { now: at });
    },
    /** Supervisor only (the store checks the mode): moves new → handling → solved. */
    async setStatus(id: string, to: DeviationStatus, extra: { responsibleId?: string | null; action?: string } = {}, at = db.now()) {
      const now = db.stamp(at); // a device never writes a stamp from its future
      return inWriteTx(db, ['deviations'], async () => {
        const d = await db.deviations.get(id);
        if (!d || d.deleted) return undefined;
        const patch = changeDeviationStatus(d, to, { now, ...extra });
        return updateRecord<Deviation>(db, 'deviations', id, patch, { now });
      });
    },
    update(id: string, patch: Partial<Pick<Deviation, 'responsibleId' | 'action' | 'text' | 'category'>>) {
      return updateRecord<Deviation>(db, 'deviations', id, patch);
    },
    remove(id: string) {
      return deleteRecord<Deviation>(db, 'deviations', id);
    },
    async all(workplaceId: string): Promise<Deviation[]> {
      const rows = await db.deviations.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, '\uffff']).toArray();
      return liveRows(rows);
    },
    /**
     * What today's home board shows: every open deviation, whenever reported,
     * and the month's (for the safety cross). A year holds thousands of
     * solved deviations the board never needs to read.
     */
    async forBoard(workplaceId: string, day: Iso): Promise<Deviation[]> {
      const month = day.slice(0, 7);
      const [open, thisMonth] = await Promise.all([
        // one indexed read per open status, in the index's order (anyOf walked a cursor, a request per row)
        Promise.all((['handling', 'new'] as const).map((s) => db.deviations.where('[workplaceId+status]').equals([workplaceId, s]).toArray())).then((parts) => parts.flat()),
        db.deviations.where('[workplaceId+date]').between([workplaceId, `${month}-01`], [workplaceId, `${month}-31`], true, true).toArray(),
      ]);
      const byId = new Map([...open, ...thisMonth].map((d) => [d.id, d]));
      return liveRows([...byId.values()]);
    },
    async between(workplaceId: string, from: Iso, to: Iso): Promise<Deviation[]> {
      const rows = await db.deviations.where('[workplaceId+date]').between([workplaceId, from], [workplaceId, to], true, true).toArray();
      return liveRows(rows);
    },
  };
}
