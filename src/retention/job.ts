/**
 * The tablet's automatic retention sweep: once shortly after start, then
 * whenever the calendar day has changed since the last sweep (checked every
 * hour, so a board left on for weeks still sweeps daily). The day of the
 * last sweep is a device setting per workplace. Across tabs, a Web Lock lets
 * one sweep at a time (each chunk is a transaction anyway, see the repo).
 * A failed sweep is logged and tried again at the next check; it never
 * bothers the people at the board.
 */
import type { Repositories } from '../data';
import { toIsoDate } from '../domain/dates';
import { WORKPLACE_SETTING } from '../data/repos/device';

export const CHECK_EVERY_MS = 60 * 60_000;
export const START_DELAY_MS = 10_000;
const LAST_RUN_KEY = (workplaceId: string) => `retentionLastRun:${workplaceId}`;

/** Sweeps the device's workplace if it has not been swept today. Returns whether it swept. */
export async function sweepIfDue(repos: Repositories, now = new Date(repos.db.now())): Promise<boolean> {
  const workplaceId = await repos.settings.get<string | null>(WORKPLACE_SETTING, null);
  if (!workplaceId) return false;
  const today = toIsoDate(now);
  if ((await repos.settings.get<string | null>(LAST_RUN_KEY(workplaceId), null)) === today) return false;
  await repos.retention.sweep(workplaceId, today);
  await repos.settings.set(LAST_RUN_KEY(workplaceId), today);
  return true;
}

/** Starts the daily sweep for the life of the page; returns a stop function. */
export function startRetentionJob(repos: Repositories, opts: { startDelayMs?: number; checkEveryMs?: number } = {}): () => void {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    const run = () => sweepIfDue(repos).catch((err: unknown) => console.warn('retention sweep failed; will retry', err));
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks) await locks.request('tavla-retention', { ifAvailable: true }, async (lock) => (lock ? run() : undefined));
    else await run();
  };
  const first = setTimeout(() => void tick(), opts.startDelayMs ?? START_DELAY_MS);
  const every = setInterval(() => void tick(), opts.checkEveryMs ?? CHECK_EVERY_MS);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}
