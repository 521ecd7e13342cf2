/**
 * Kiosk rules: the pure decisions behind a wall tablet that nobody looks
 * after. No DOM, Dexie or Solid here, so every rule is unit-tested beside it
 * (kiosk.test.ts); KioskGuard.tsx wires them to the browser.
 *
 * - Participant screens are the board and its sections (plus the own page):
 *   they return home after an idle time, hide text in pictures-only mode and
 *   refuse text selection and the context menu. Supervisor, setup and sync
 *   screens are left alone.
 * - The screen dims outside the workplace's opening hours, with a margin:
 *   people arrive before the day starts to check in, and leave a bit after.
 *   A day that runs past midnight (closing ≤ opening) belongs to the weekday
 *   it started on.
 * - The nightly "quiet reload" picks up a new app version when nothing can
 *   be lost: it happens once after the chosen hour, inside a window, and only
 *   when no work is pending (outbox, drafts, dialogs, a recent touch).
 * - A crash brings the board back; crashes in a burst mean the board itself
 *   is broken, and then the tablet offers a full restart instead of looping.
 */

/** Path prefixes of the screens participants use; everything else is a supervisor's or a setup screen. */
export const PARTICIPANT_PATHS = ['/attendance', '/goals', '/work', '/deviations', '/improvements', '/me', '/survey'] as const;

export function isParticipantPath(path: string): boolean {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return p === '/' || p === '' || PARTICIPANT_PATHS.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

/** The idle times a supervisor can choose for "back to the board", in seconds. */
export const IDLE_SECONDS_CHOICES = [10, 30, 60, 120, 300, 600] as const;
export const MIN_IDLE_SECONDS = IDLE_SECONDS_CHOICES[0];

/** Clamps a stored idle time to something sane (an old or hand-edited setting must not make it 0). */
export function idleMs(idleSeconds: number): number {
  const s = Number.isFinite(idleSeconds) ? idleSeconds : 120;
  return Math.max(MIN_IDLE_SECONDS, Math.min(3600, s)) * 1000;
}

/**
 * Whether a participant screen should go back to the home board: it is not
 * the board already, nobody touched it for the idle time, and no supervisor is
 * working (supervisor mode locks itself after its own idle time).
 */
export function shouldReturnHome(path: string, now: number, lastActivity: number, idleSeconds: number, supervisorUnlocked: boolean): boolean {
  if (supervisorUnlocked || !isParticipantPath(path)) return false;
  const p = path.replace(/\/+$/, '');
  if (p === '' || p === '/') return false;
  return now - lastActivity >= idleMs(idleSeconds);
}

export interface OpeningHours {
  /** 'HH:MM' */
  openingTime: string;
  /** 'HH:MM' */
  closingTime: string;
  /** ISO weekdays 1 = Monday … 7 = Sunday */
  openDays: readonly number[];
}

/** Minutes before opening the board wakes up (people check in early). */
export const WAKE_BEFORE_OPENING_MIN = 60;
/** Minutes after closing the board stays bright. */
export const STAY_AFTER_CLOSING_MIN = 30;

function minutesOf(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
function isoDay(d: Date): number {
  return ((d.getDay() + 6) % 7) + 1;
}

/**
 * Whether `now` (local wall clock) is outside the workplace's day, margins
 * included. Hours that cannot be read count as "open": a broken setting must
 * never leave the board dark.
 */
export function isOutsideHours(
  now: Date,
  hours: OpeningHours,
  beforeMin = WAKE_BEFORE_OPENING_MIN,
  afterMin = STAY_AFTER_CLOSING_MIN,
): boolean {
  const open = minutesOf(hours.openingTime);
  const close = minutesOf(hours.closingTime);
  if (open === null || close === null) return false;
  const minute = now.getHours() * 60 + now.getMinutes();
  const today = isoDay(now);
  const yesterday = ((today + 5) % 7) + 1;
  const isOpenDay = (d: number) => hours.openDays.includes(d);
  const start = open - beforeMin;
  if (close > open) {
    // An ordinary day; the margins may reach into the day before or after.
    const end = close + afterMin;
    if (isOpenDay(today) && minute >= start && minute < end) return false;
    if (isOpenDay(today === 7 ? 1 : today + 1) && start < 0 && minute >= 1440 + start) return false;
    if (isOpenDay(yesterday) && end > 1440 && minute < end - 1440) return false;
    return true;
  }
  // The day runs past midnight (or round the clock when closing = opening).
  if (close === open) return !isOpenDay(today) && !isOpenDay(yesterday);
  const end = close + afterMin;
  if (isOpenDay(today) && minute >= start) return false;
  if (isOpenDay(yesterday) && minute < end) return false;
  return true;
}

/**
 * Whether the screen should be dimmed now: the setting is on, it is outside
 * the day, and nobody has touched the tablet for the idle time (a tap lifts
 * the dimming for that long again).
 */
export function shouldDim(
  enabled: boolean,
  now: Date,
  hours: OpeningHours | undefined,
  lastActivity: number,
  idleSeconds: number,
): boolean {
  if (!enabled || !hours) return false;
  return isOutsideHours(now, hours) && now.getTime() - lastActivity >= idleMs(idleSeconds);
}

/** How long after the chosen hour a quiet reload may still happen (a busy night waits for a calm moment). */
export const QUIET_RELOAD_WINDOW_MS = 3 * 60 * 60 * 1000;

/** The latest local instant at `hour`:00 at or before `now`. */
export function lastQuietSlot(now: Date, hour: number): Date {
  const h = Math.max(0, Math.min(23, Math.floor(hour)));
  const slot = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, 0, 0, 0);
  if (slot.getTime() > now.getTime()) slot.setDate(slot.getDate() - 1);
  return slot;
}

/**
 * Whether to reload for updates now: the page was loaded before tonight's
 * slot, we are inside the window after it, and nothing is pending.
 */
export function shouldQuietReload(now: Date | number, lastReload: number, hour: number, pending: boolean, windowMs = QUIET_RELOAD_WINDOW_MS): boolean {
  if (pending || !Number.isFinite(hour)) return false;
  const at = typeof now === 'number' ? new Date(now) : now;
  const slot = lastQuietSlot(at, hour).getTime();
  return lastReload < slot && at.getTime() - slot < windowMs;
}

/** What is still going on that a reload would lose or interrupt. */
export interface PendingWork {
  outbox: number;
  drafts: number;
  dialogOpen: boolean;
  typing: boolean;
  supervisorUnlocked: boolean;
  /** ms since the last touch */
  idleForMs: number;
}

/** A touch less than this long ago means someone is at the tablet. */
export const QUIET_MIN_IDLE_MS = 5 * 60 * 1000;

export function hasPendingWork(w: PendingWork): boolean {
  return w.outbox > 0 || w.drafts > 0 || w.dialogOpen || w.typing || w.supervisorUnlocked || w.idleForMs < QUIET_MIN_IDLE_MS;
}

/** Crashes within this span count as one burst. */
export const CRASH_BURST_MS = 60_000;
/** This many crashes in a burst: stop recovering in place and offer a restart. */
export const CRASH_BURST_LIMIT = 3;

/** After a crash at `now` with earlier crash times `history`: show the board again, or offer a restart. */
export function crashRecovery(history: readonly number[], now: number): 'board' | 'restart' {
  const recent = history.filter((t) => now - t < CRASH_BURST_MS && t <= now).length + 1;
  return recent >= CRASH_BURST_LIMIT ? 'restart' : 'board';
}
