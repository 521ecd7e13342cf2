/**
 * "The demo's past days are still to be written": the demo writes today first and its history once the board
 * is on screen and the page idles (Setup.tsx); a page closed before that finished would leave a demo without
 * its past. So the facts to write it are kept in localStorage meanwhile, and the next start resumes it
 * (shell/start.tsx → demo.ts resumeDemoHistory). Light on purpose: start reads it before loading demo.ts.
 */
import { storage, type Store } from '../core/snapshot';

export const DEMO_PENDING_KEY = 'tavla:demo-history';

export interface DemoPending {
  workplaceId: string;
  /** the demo's today and clock when it was started: the past days are those before it */
  today: string;
  now: number;
  lang: string;
}

export function markDemoPending(facts: DemoPending, store: Store | null = storage()): void {
  try {
    store?.setItem(DEMO_PENDING_KEY, JSON.stringify(facts));
  } catch {
    /* storage full or off: a page closed too early leaves the demo without its past, as before */
  }
}

export function readDemoPending(store: Store | null = storage()): DemoPending | null {
  try {
    const v = JSON.parse(store?.getItem(DEMO_PENDING_KEY) ?? 'null') as Partial<DemoPending> | null;
    return v && typeof v.workplaceId === 'string' && typeof v.today === 'string' && typeof v.now === 'number' && typeof v.lang === 'string' ? (v as DemoPending) : null;
  } catch {
    return null;
  }
}

export function clearDemoPending(store: Store | null = storage()): void {
  try {
    store?.removeItem(DEMO_PENDING_KEY);
  } catch {
    /* nothing to clear */
  }
}
