/**
 * The application store: one place that holds device-wide state and hands
 * repositories to feature stores.
 *
 * - which workplace this device shows (a device setting);
 * - the app clock (src/core/clock.ts): "today" and the minute tick, so a
 *   board left on overnight rolls over; the device's stamps read it too;
 * - the day's tasks: whenever the workplace or the day changes (the board
 *   loads, midnight passes) the day's recurring tasks are put on the board
 *   if it is an open day, whatever screen is showing. fillDay is idempotent
 *   and its ids derive from (template, date), so tablets doing it at once
 *   converge on one set;
 * - supervisor mode: unlocked by PIN (salted hash compare), growing lock-out
 *   after wrong PINs (persisted, so a reload does not reset it), and locked
 *   again after 2 minutes without a touch;
 * - notices: the one queue of confirmations and errors, with an undo stack (core/notices.ts).
 *
 * The shared services underneath (activity tracker, lock-out gate, notice
 * queue, workplace lookups) are built here once and handed to every feature.
 */
import { WORKPLACE_SETTING } from '../data/repos/device';
import { createContext, createEffect, createSignal, on, onCleanup, onMount, useContext, type Accessor, type ParentProps } from 'solid-js';
import { createRepositories, type Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { verifyPin } from '../domain/pin';
import { isoWeekday } from '../domain/dates';
import { createActivityTracker } from './activity';
import { createClock, type AppClock } from './clock';
import { createLive } from './live';
import { createLockoutGate, type GateResult } from './lockout';
import { createNoticeQueue } from './notices';
import { createWorkplaceLookups } from './lookups';

export type { Notice } from './notices';

export const SUPERVISOR_IDLE_MS = 2 * 60 * 1000;
/** idle time before supervisor mode locks while a meeting is running */
export const MEETING_IDLE_MS = 20 * 60 * 1000;
const LOCKOUT_KEY = 'pinLockout';

export type UnlockResult = GateResult;

/** `clock`: the app clock (tests pass their own; by default one is made and disposed with the store). */
export function createAppStore(repos: Repositories, initialWorkplaceId: string | null, clock: AppClock = createClock()) {
  const [workplaceId, setWorkplaceIdSignal] = createSignal<string | null>(initialWorkplaceId);
  const workplace = createLive(workplaceId, (id) => repos.workplaces.get(id), undefined as Workplace | undefined);
  // Every stamp the device writes reads the same clock as the screens.
  repos.db.now = clock.now;
  const today = clock.today;
  /** wall clock, ticking once a minute: enough for goal colours and lateness */
  const now = clock.minute;
  createEffect(() => clock.setOpeningTime(workplace()?.openingTime));
  createEffect(
    on([() => workplace()?.id, () => workplace()?.openDays.join(), today], ([id, , day]) => {
      const wp = workplace();
      if (!id || !wp || !wp.openDays.includes(isoWeekday(day))) return;
      repos.work.fillDay(id, day).catch((err: unknown) => console.warn("filling the day's tasks failed", err));
    }),
  );
  const [unlocked, setUnlocked] = createSignal(false);
  const notices = createNoticeQueue();
  const activity = createActivityTracker(clock.now);
  const pinGate = createLockoutGate(repos.settings, LOCKOUT_KEY, clock.now);
  const lookups = createWorkplaceLookups(repos, workplaceId);
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const lock = () => {
    clearTimeout(idleTimer);
    setUnlocked(false);
  };
  // A running board meeting holds supervisor mode open longer: the
  // supervisor talks for minutes without touching the tablet.
  let holds = 0;
  const touch = () => {
    if (!unlocked()) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(lock, holds > 0 ? MEETING_IDLE_MS : SUPERVISOR_IDLE_MS);
  };
  /** Keeps supervisor mode unlocked for up to MEETING_IDLE_MS without touches; returns the release. */
  const holdUnlocked = () => {
    holds += 1;
    touch();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holds -= 1;
      touch();
    };
  };

  const unlock = async (pin: string, now = clock.now()): Promise<UnlockResult> => {
    // The live workplace may still be loading right after start: read it directly.
    const id = workplaceId();
    const wp = workplace() ?? (id ? await repos.workplaces.get(id) : undefined);
    if (!wp) return { ok: false, lockedForMs: 0 };
    const result = await pinGate.attempt(() => verifyPin(pin, wp.pinHash, wp.pinSalt), now);
    if (result.ok) {
      setUnlocked(true);
      touch();
    }
    return result;
  };

  const setWorkplaceId = async (id: string | null) => {
    await repos.settings.set(WORKPLACE_SETTING, id);
    setWorkplaceIdSignal(id);
  };

  onMount(() => {
    const stopListening = activity.listen(window);
    const stopTouching = activity.onActivity(touch);
    onCleanup(() => {
      clock.dispose();
      clearTimeout(idleTimer);
      notices.dispose();
      stopTouching();
      stopListening();
    });
  });

  return {
    repos,
    workplaceId: workplaceId as Accessor<string | null>,
    workplace,
    setWorkplaceId,
    clock,
    today,
    now,
    unlocked,
    holdUnlocked,
    unlock,
    lock,
    activity,
    lookups,
    notice: notices.notice,
    notices: notices.notices,
    pending: notices.pending,
    notify: notices.notify,
    closeNotice: notices.closeNotice,
    reportError: notices.reportError,
    run: notices.run,
  };
}

export type AppStore = ReturnType<typeof createAppStore>;

const AppContext = createContext<AppStore>();

export function AppProvider(props: ParentProps<{ store: AppStore }>) {
  return <AppContext.Provider value={props.store}>{props.children}</AppContext.Provider>;
}

export function useApp(): AppStore {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppProvider');
  return ctx;
}

export { createRepositories };
