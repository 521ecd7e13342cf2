/**
 * What the kiosk guard knows about this tablet right now, for the "This
 * tablet" screen to show: whether the screen is kept awake, and the log of
 * crashes the guard recovered from (device-local, in `settings`, the last
 * CRASH_LOG_MAX entries: when, where, what — never any personal data).
 */
import { createSignal } from 'solid-js';
import type { Repositories } from '../data';

export type WakeLockState = 'pending' | 'active' | 'refused' | 'unsupported' | 'released';

const [wakeLock, setWakeLock] = createSignal<WakeLockState>('pending');
export { setWakeLock, wakeLock };

export const CRASH_LOG_KEY = 'kioskCrashLog';
export const CRASH_LOG_MAX = 20;

export interface CrashEntry {
  at: number;
  path: string;
  message: string;
}

export async function readCrashLog(repos: Repositories): Promise<CrashEntry[]> {
  const log = await repos.settings.get<CrashEntry[]>(CRASH_LOG_KEY, []);
  return Array.isArray(log) ? log : [];
}

export async function logCrash(repos: Repositories, entry: CrashEntry): Promise<void> {
  const log = await readCrashLog(repos);
  await repos.settings.set(CRASH_LOG_KEY, [...log, { ...entry, message: entry.message.slice(0, 300) }].slice(-CRASH_LOG_MAX));
}
