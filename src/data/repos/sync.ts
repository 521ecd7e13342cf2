/** What the UI may read and set of the device's sync state (the runner writes the status). */
import type { TavlaDb } from '../db';
import { PAIRING_KEY, STATUS_KEY, savePairing, type Pairing, type SyncStatus } from '../syncState';

export function syncRepo(db: TavlaDb) {
  return {
    async status(): Promise<SyncStatus | null> {
      return ((await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? null;
    },
    async pairing(): Promise<Pairing | null> {
      return ((await db.meta.get(PAIRING_KEY))?.value as Pairing | undefined) ?? null;
    },
    pendingCount(workplaceId: string): Promise<number> {
      return db.outbox.where('workplaceId').equals(workplaceId).count();
    },
    setPairing(p: Pairing | null): Promise<void> {
      return savePairing(db, p);
    },
  };
}
