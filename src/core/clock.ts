/**
 * The app clock: the one place the client reads the time.
 *
 * A wall tablet keeps one page open for weeks, so "today" is not a value
 * computed once at load but an input that changes under the running app.
 * Everything that depends on the time reads it here:
 *
 * - `now()` — the wall clock in epoch ms, read fresh (for stamps and
 *   one-off decisions);
 * - `minute()` — a signal of the wall clock that moves once a minute, on the
 *   minute (goal colours, lateness, "synced 3 min ago");
 * - `today()` — the local calendar date of the workplace (the tablet's time
 *   zone is the workplace's);
 * - `onDayBoundary` — fired when the day turns over at midnight and when the
 *   workplace opens (so attendance, the day's tasks, goal periods, the safety
 *   cross and the meeting move on without a reload);
 * - `every(ms, fn)` — a faster ticker for a screen that shows seconds (a
 *   running meeting's timer, a lock-out countdown), started only while that
 *   screen needs it.
 *
 * All of it is quiet while the page is hidden (a tablet's screen off, a
 * background tab): no timer runs, and on `visibilitychange` back to visible
 * the clock catches up at once, firing the boundaries it slept through.
 *
 * Only `Date.now()` and the timer functions are read, so tests drive the
 * clock with fake timers (vitest's `vi.useFakeTimers`, Playwright's
 * `page.clock`) and never depend on the machine's date. This module imports
 * nothing of the project above the domain.
 */
import { createSignal, type Accessor } from 'solid-js';
import { minutesOfDay, parseIsoDate, toIsoDate } from '../domain/dates';

type Iso = ReturnType<typeof toIsoDate>;

const MINUTE_MS = 60_000;

export interface DayBoundary {
  /** 'midnight': a new calendar day began; 'opening': the workplace's opening time passed */
  kind: 'midnight' | 'opening';
  /** the (new) local date */
  today: Iso;
  /** the wall clock when the boundary was noticed (later than the boundary after a hidden page wakes) */
  at: number;
}

export interface AppClock {
  now(): number;
  minute: Accessor<number>;
  today: Accessor<Iso>;
  /** Calls `listener` at every day boundary; returns the unsubscribe. */
  onDayBoundary(listener: (b: DayBoundary) => void): () => void;
  /** The workplace's opening time ('HH:MM'), or null for no opening boundary. */
  setOpeningTime(time: string | null | undefined): void;
  /** Calls `fn` every `ms` while the page is visible; returns the stop. */
  every(ms: number, fn: (now: number) => void): () => void;
  /** Re-reads the wall clock now (after a user action that must see fresh time). */
  refresh(): void;
  dispose(): void;
}

export interface ClockOptions {
  /** the document whose visibility quiets the clock; none (e.g. a worker) → always running */
  doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  openingTime?: string | null;
}

/** Epoch ms of `time` ('HH:MM') on the local date `day`. */
function localTimeOn(day: Iso, time: string): number {
  const d = parseIsoDate(day);
  const minutes = minutesOfDay(time);
  d.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  return d.getTime();
}

/** The boundaries passed going from `from` to `to` (epoch ms), oldest first. */
export function boundariesBetween(from: number, to: number, openingTime: string | null): DayBoundary[] {
  const out: DayBoundary[] = [];
  if (to <= from) return out;
  let day = toIsoDate(new Date(from));
  const last = toIsoDate(new Date(to));
  // Walk the calendar days in between; a page asleep for weeks fires each day only once: the
  // listeners act on "today", so only the last midnight and opening matter.
  if (day !== last) {
    out.push({ kind: 'midnight', today: last, at: to });
    day = last;
  }
  if (openingTime) {
    const opening = localTimeOn(day, openingTime);
    if (opening <= to && (opening > from || out.length > 0)) out.push({ kind: 'opening', today: last, at: to });
  }
  return out;
}

export function createClock(opts: ClockOptions = {}): AppClock {
  const doc = opts.doc ?? (typeof document === 'undefined' ? undefined : document);
  let openingTime: string | null = opts.openingTime ?? null;
  let last = Date.now();
  const [minute, setMinute] = createSignal(last);
  const [today, setToday] = createSignal<Iso>(toIsoDate(new Date(last)));
  const listeners = new Set<(b: DayBoundary) => void>();
  const tickers = new Set<{ ms: number; fn: (now: number) => void; timer?: ReturnType<typeof setInterval> }>();
  let minuteTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const visible = () => !doc || doc.visibilityState !== 'hidden';

  const refresh = () => {
    const now = Date.now();
    const passed = boundariesBetween(last, now, openingTime);
    last = Math.max(last, now);
    setMinute(now);
    setToday(toIsoDate(new Date(now)));
    for (const b of passed) for (const l of [...listeners]) l(b);
  };

  const scheduleMinute = () => {
    clearTimeout(minuteTimer);
    if (disposed || !visible()) return;
    // on the minute: midnight and opening times are whole minutes, so they are met exactly
    const wait = MINUTE_MS - (Date.now() % MINUTE_MS) + 5;
    minuteTimer = setTimeout(() => {
      refresh();
      scheduleMinute();
    }, wait);
  };

  const startTicker = (t: { ms: number; fn: (now: number) => void; timer?: ReturnType<typeof setInterval> }) => {
    clearInterval(t.timer);
    t.timer = setInterval(() => t.fn(Date.now()), t.ms);
  };

  const onVisibility = () => {
    if (visible()) {
      refresh();
      scheduleMinute();
      for (const t of tickers) {
        startTicker(t);
        t.fn(Date.now());
      }
    } else {
      clearTimeout(minuteTimer);
      for (const t of tickers) clearInterval(t.timer);
    }
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  scheduleMinute();

  return {
    now: () => Date.now(),
    minute,
    today,
    onDayBoundary(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOpeningTime(time) {
      openingTime = time ?? null;
    },
    every(ms, fn) {
      const t: { ms: number; fn: (now: number) => void; timer?: ReturnType<typeof setInterval> } = { ms, fn };
      tickers.add(t);
      if (visible() && !disposed) startTicker(t);
      return () => {
        clearInterval(t.timer);
        tickers.delete(t);
      };
    },
    refresh,
    dispose() {
      disposed = true;
      clearTimeout(minuteTimer);
      for (const t of tickers) clearInterval(t.timer);
      tickers.clear();
      listeners.clear();
      doc?.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
