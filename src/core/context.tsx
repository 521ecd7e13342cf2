/**
 * The application store: one place that holds device-wide state and hands
 * repositories to feature stores.
 *
 * - which workplace this device shows (a device setting);
 * - "today" (re-evaluated every 30 s so a board left on overnight rolls over);
 * - supervisor mode: unlocked by PIN (salted hash compare), growing lock-out
 *   after wrong PINs (persisted, so a reload does not reset it), and locked
 *   again after 2 minutes without a touch;
 * - notices: one big confirmation or error at a time, pictogram + words,
 *   optionally with an undo action.
 */
import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor, type ParentProps } from 'solid-js';
import { createRepositories, type Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { StorageFullError, StorageUnavailableError } from '../data/writer';
import { isLockedOut, lockoutAfterFailure, verifyPin, type PinLockState } from '../domain/pin';
import { toIsoDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import type { MessageKey, Params } from '../i18n';
import { createLive } from './live';

export const SUPERVISOR_IDLE_MS = 2 * 60 * 1000;
/** idle time before supervisor mode locks while a meeting is running */
export const MEETING_IDLE_MS = 20 * 60 * 1000;
const WORKPLACE_KEY = 'workplaceId';
const LOCKOUT_KEY = 'pinLockout';

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  pictogram: string;
  message: MessageKey;
  params?: Params;
  /** shown as a big undo button until the notice closes */
  undo?: () => Promise<unknown> | unknown;
  /** ms the notice stays; undo notices stay 10 s */
  duration: number;
}

export type UnlockResult = { ok: true } | { ok: false; lockedForMs: number };

export function createAppStore(repos: Repositories, initialWorkplaceId: string | null) {
  const [workplaceId, setWorkplaceIdSignal] = createSignal<string | null>(initialWorkplaceId);
  const workplace = createLive(workplaceId, (id) => repos.workplaces.get(id), undefined as Workplace | undefined);
  const [today, setToday] = createSignal(toIsoDate(new Date()));
  /** wall clock, ticking every 30 s: enough for goal colours and lateness */
  const [now, setNow] = createSignal(Date.now());
  const [unlocked, setUnlocked] = createSignal(false);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let noticeSeq = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const closeNotice = () => {
    clearTimeout(noticeTimer);
    setNotice(null);
  };

  const notify = (n: Omit<Notice, 'id' | 'duration'> & { duration?: number }) => {
    clearTimeout(noticeTimer);
    const duration = n.duration ?? (n.undo ? 10_000 : n.kind === 'error' ? 8_000 : 3_000);
    const full: Notice = { ...n, id: ++noticeSeq, duration };
    setNotice(full);
    noticeTimer = setTimeout(() => setNotice((cur) => (cur?.id === full.id ? null : cur)), duration);
  };

  /** Turns any failure into a clear notice; nothing saved is lost because writes are transactions. */
  const reportError = (err: unknown) => {
    console.error(err);
    const name = (err as Error)?.name;
    const message: MessageKey =
      err instanceof DomainError
        ? (err.key as MessageKey)
        : err instanceof StorageFullError
        ? 'error.storageFull'
        : err instanceof StorageUnavailableError
          ? 'error.storageUnavailable'
          : name === 'ImageTooLargeError'
            ? 'error.imageTooLarge'
            : name === 'ImageDecodeError'
              ? 'error.imageCorrupt'
              : 'error.generic';
    notify({ kind: 'error', pictogram: 'warning', message });
  };

  /** Runs a store action, reporting failures as notices. */
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (err) {
      reportError(err);
      return undefined;
    }
  }

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

  const unlock = async (pin: string, now = Date.now()): Promise<UnlockResult> => {
    // The live workplace may still be loading right after start: read it directly.
    const id = workplaceId();
    const wp = workplace() ?? (id ? await repos.workplaces.get(id) : undefined);
    if (!wp) return { ok: false, lockedForMs: 0 };
    const state = await repos.settings.get<PinLockState>(LOCKOUT_KEY, { failures: 0, lockedUntil: 0 });
    const remaining = isLockedOut(state, now);
    if (remaining > 0) return { ok: false, lockedForMs: remaining };
    if (await verifyPin(pin, wp.pinHash, wp.pinSalt)) {
      await repos.settings.set(LOCKOUT_KEY, { failures: 0, lockedUntil: 0 });
      setUnlocked(true);
      touch();
      return { ok: true };
    }
    const next = lockoutAfterFailure(state, now);
    await repos.settings.set(LOCKOUT_KEY, next);
    return { ok: false, lockedForMs: isLockedOut(next, now) };
  };

  const setWorkplaceId = async (id: string | null) => {
    await repos.settings.set(WORKPLACE_KEY, id);
    setWorkplaceIdSignal(id);
  };

  onMount(() => {
    const tick = setInterval(() => {
      setNow(Date.now());
      setToday(toIsoDate(new Date()));
    }, 30_000);
    const onActivity = () => touch();
    window.addEventListener('pointerdown', onActivity, { passive: true });
    window.addEventListener('keydown', onActivity);
    onCleanup(() => {
      clearInterval(tick);
      clearTimeout(idleTimer);
      clearTimeout(noticeTimer);
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
    });
  });

  return {
    repos,
    workplaceId: workplaceId as Accessor<string | null>,
    workplace,
    setWorkplaceId,
    today,
    now,
    unlocked,
    holdUnlocked,
    unlock,
    lock,
    notice,
    notify,
    closeNotice,
    reportError,
    run,
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

export { createRepositories, WORKPLACE_KEY };
