/** What the UI may read and set of the device's sync state (the runner writes the status). */
import type { TavlaDb } from '../db';
import { restoreQueueSize } from '../restoreQueue';
import { PAIRING_KEY, REJECTED_KEY, STATUS_KEY, readRejected, savePairing, type Pairing, type RejectedOp, type SyncStatus } from '../syncState';

export function syncRepo(db: TavlaDb) {
  return {
    async status(): Promise<SyncStatus | null> {
      return ((await db.meta.get(STATUS_KEY))?.value as SyncStatus | undefined) ?? null;
    },
    async pairing(): Promise<Pairing | null> {
      return ((await db.meta.get(PAIRING_KEY))?.value as Pairing | undefined) ?? null;
    },
    /** changes waiting to be sent: outbox ops, and restored rows not yet made into ops (data/restoreQueue.ts) */
    async pendingCount(workplaceId: string): Promise<number> {
      return (await db.outbox.where('workplaceId').equals(workplaceId).count()) + (await restoreQueueSize(db, workplaceId));
    },
    /** Changes the server refused for good; they stay on this device (see src/sync/engine.ts). */
    rejected(workplaceId: string): Promise<RejectedOp[]> {
      return readRejected(db, workplaceId);
    },
    /** Puts refused changes back in the outbox (after a server update, say); the next round sends them. */
    async retryRejected(workplaceId: string): Promise<number> {
      return db.transaction('rw', db.outbox, db.meta, async () => {
        const list = await readRejected(db, workplaceId);
        await db.outbox.bulkPut(list.map((r) => r.op));
        await db.meta.delete(REJECTED_KEY(workplaceId));
        return list.length;
      });
    },
    setPairing(p: Pairing | null): Promise<void> {
      return savePairing(db, p);
    },
  };
}
