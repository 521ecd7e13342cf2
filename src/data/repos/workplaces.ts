/** Workplaces: the tenant every other record belongs to, plus its settings. */
import { hashPin } from '../../domain/pin';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { ActivityType, DeviationCategory, Workplace } from '../../domain/types';
import { DEVIATION_CATEGORIES, SYNCED_TABLES } from '../../domain/types';
import { translateStorageError, updateRecord, writeRecord } from '../writer';
import { RESTORE_PENDING_KEY, RESTORE_QUEUE_KEY } from '../restoreQueue';

export interface NewWorkplace {
  name: string;
  activityType: ActivityType;
  openingTime: string;
  closingTime?: string;
  openDays?: number[];
  pin: string;
  demo?: boolean;
  deviationCategories?: DeviationCategory[];
}

export function workplacesRepo(db: TavlaDb) {
  return {
    async create(input: NewWorkplace, id = newId()): Promise<Workplace> {
      const { hash, salt } = await hashPin(input.pin);
      return writeRecord<Workplace>(db, 'workplaces', id, id, {
        name: input.name.trim(),
        activityType: input.activityType,
        openingTime: input.openingTime,
        closingTime: input.closingTime ?? '15:00',
        openDays: input.openDays ?? [1, 2, 3, 4, 5],
        pinHash: hash,
        pinSalt: salt,
        demo: input.demo ?? false,
        deviationCategories: input.deviationCategories ?? [...DEVIATION_CATEGORIES],
      });
    },
    get(id: string): Promise<Workplace | undefined> {
      return db.workplaces.get(id);
    },
    update(id: string, patch: Partial<Pick<Workplace, 'name' | 'openingTime' | 'closingTime' | 'openDays' | 'deviationCategories'>>) {
      return updateRecord<Workplace>(db, 'workplaces', id, patch);
    },
    /**
     * Removes every row of a workplace from this device — records, blobs and
     * unsent outbox ops (and restored rows waiting to be sent) — in one transaction, without tombstones: nothing is
     * sent to the server. Used to leave the demo.
     */
    async eraseFromDevice(id: string): Promise<void> {
      const tables = [...SYNCED_TABLES.map((n) => db.table(n)), db.blobs, db.outbox, db.meta];
      try {
        await db.transaction('rw', tables, async () => {
          for (const name of SYNCED_TABLES) {
            if (name === 'workplaces') await db.workplaces.delete(id);
            else await db.table(name).filter((row: { workplaceId?: string }) => row.workplaceId === id).delete();
          }
          await db.blobs.where('workplaceId').equals(id).delete();
          await db.outbox.where('workplaceId').equals(id).delete();
          await db.meta.delete(RESTORE_QUEUE_KEY(id)); // restored rows not sent yet: nothing to send now
          await db.meta.delete(RESTORE_PENDING_KEY(id)); // nor a restore's history still to store
        });
      } catch (err) {
        throw translateStorageError(err);
      }
    },
    async changePin(id: string, pin: string) {
      const { hash, salt } = await hashPin(pin);
      return updateRecord<Workplace>(db, 'workplaces', id, { pinHash: hash, pinSalt: salt, demo: false });
    },
  };
}
