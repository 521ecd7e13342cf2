/**
 * Where the sync client keeps its state on the device (the `meta` table):
 * the pairing (server, workplace, device token) and the last status the board
 * shows. Kept apart from the runner so the board can read it without loading
 * the sync code itself.
 */
import type { TavlaDb } from './db';
import type { OutboxOp } from '../domain/types';

/** Why the last sync round failed, as the board explains it. */
export type SyncProblem = 'unauthorized' | 'update_required' | 'clock_drift' | 'offline' | 'server';

export const PAIRING_KEY = 'pairing';
export const STATUS_KEY = 'syncStatus';
/** Ops the server refused for good (400/413), kept with its reason, oldest first (src/sync/engine.ts). */
export const REJECTED_KEY = (workplaceId: string) => `rejectedOps:${workplaceId}`;

export interface RejectedOp {
  op: OutboxOp;
  status: number;
  message: string;
  at: number;
}

export async function readRejected(db: TavlaDb, workplaceId: string): Promise<RejectedOp[]> {
  return ((await db.meta.get(REJECTED_KEY(workplaceId)))?.value as RejectedOp[] | undefined) ?? [];
}

export interface Pairing {
  baseUrl: string;
  workplaceId: string;
  token: string;
  deviceName: string;
}

export interface SyncStatus {
  state: 'unpaired' | 'syncing' | 'synced' | 'offline' | 'attention';
  problem: SyncProblem | null;
  lastSyncAt: number | null;
}

export async function readPairing(db: TavlaDb): Promise<Pairing | null> {
  return ((await db.meta.get(PAIRING_KEY))?.value as Pairing | undefined) ?? null;
}

export async function savePairing(db: TavlaDb, pairing: Pairing | null): Promise<void> {
  if (pairing) await db.meta.put({ key: PAIRING_KEY, value: pairing });
  else await db.meta.delete(PAIRING_KEY);
}
