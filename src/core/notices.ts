/**
 * The one notice queue: the confirmations and errors that answer a tap,
 * pictogram + words, optionally with an action (undo). Everything shown goes
 * through here (the speech "no voice" notice too) and is drawn by NoticeHost
 * in a band the page layout reserves (core/notices.css): never over a control,
 * under open dialogs, never printed.
 *
 * - A notice with an `undo` joins the undo stack: up to MAX_STACK recent ones
 *   stay side by side, each with its own Undo and its own timer (two quick
 *   check-ins each keep their undo).
 * - A plain notice is "the answer to the last tap": it replaces the plain one
 *   showing (errors are not replaced by successes; they wait their turn).
 * - A `queued` notice (low priority: the speech notice) never replaces
 *   anything: it waits until no plain notice shows, then shows shortly.
 * Failures of store actions become notices here, so nothing fails silently.
 */
import { createSignal, untrack, type Accessor } from 'solid-js';
import { StorageFullError, StorageUnavailableError } from '../data/writer';
import { DomainError } from '../domain/errors';
import type { MessageKey, Params } from '../i18n';

/** at most this many undo notices show at once; an older one drops off (its undo too) */
export const MAX_STACK = 3;
export const UNDO_MS = 10_000;
export const ERROR_MS = 8_000;
export const SUCCESS_MS = 3_000;
/** a queued (low-priority) notice shows this long */
export const QUEUED_MS = 2_500;

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  pictogram: string;
  /** a person's face shown instead of the pictogram, the pictogram as a small badge on it (e.g. ✓ on a check-in) */
  personId?: string;
  message: MessageKey;
  params?: Params;
  /** shown as a big undo button until the notice closes */
  undo?: () => Promise<unknown> | unknown;
  /** another action than undo: its label key, pictogram and what it does */
  action?: { label: MessageKey; pictogram: string; run: () => Promise<unknown> | unknown };
  /** waits until no plain notice shows (low priority, e.g. the speech notice) */
  queued?: boolean;
  /** extra class on the notice (e.g. 'speech-notice') */
  class?: string;
  /** ms the notice stays; undo notices stay 10 s */
  duration: number;
}

export type NewNotice = Omit<Notice, 'id' | 'duration'> & { duration?: number };

export interface NoticeQueue {
  /** the newest notice showing (the answer to the last tap), or null */
  notice: Accessor<Notice | null>;
  /** every notice showing, oldest first: the undo stack, then the plain notice */
  notices: Accessor<Notice[]>;
  /** notices waiting for their turn */
  pending: Accessor<Notice[]>;
  notify(n: NewNotice): number;
  /** closes one notice (by id) or, without id, the newest showing */
  closeNotice(id?: number): void;
  /** Turns any failure into a clear notice; nothing saved is lost because writes are transactions. */
  reportError(err: unknown): void;
  /** Runs a store action, reporting failures as notices. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  dispose(): void;
}

/** The message a failure is explained with. */
export function errorMessage(err: unknown): MessageKey {
  const name = (err as Error)?.name;
  return err instanceof DomainError
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
}

export function durationOf(n: NewNotice): number {
  return n.duration ?? (n.undo || n.action ? UNDO_MS : n.kind === 'error' ? ERROR_MS : n.queued ? QUEUED_MS : SUCCESS_MS);
}

export function createNoticeQueue(): NoticeQueue {
  const [stack, setStack] = createSignal<Notice[]>([]);
  const [current, setCurrent] = createSignal<Notice | null>(null);
  const [pending, setPending] = createSignal<Notice[]>([]);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let seq = 0;

  const arm = (n: Notice) => {
    clearTimeout(timers.get(n.id));
    timers.set(
      n.id,
      setTimeout(() => closeNotice(n.id), n.duration),
    );
  };
  const disarm = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
  };
  /** the next waiting notice takes the plain place when it is free */
  const showNext = () => {
    if (current()) return;
    const [next, ...rest] = pending();
    if (!next) return;
    setPending(rest);
    setCurrent(next);
    arm(next);
  };
  function closeNotice(id?: number) {
    untrack(() => closeNow(id));
  }
  function closeNow(id?: number) {
    const target = id ?? notice()?.id;
    if (target === undefined) return;
    disarm(target);
    if (current()?.id === target) {
      setCurrent(null);
      showNext();
    } else if (stack().some((n) => n.id === target)) {
      setStack((s) => s.filter((n) => n.id !== target));
    } else {
      setPending((p) => p.filter((n) => n.id !== target));
    }
  }
  // untracked: a screen may notify from an effect, and must not re-run each time the band changes
  const notify = (n: NewNotice): number => untrack(() => notifyNow(n));
  const notifyNow = (n: NewNotice): number => {
    const full: Notice = { ...n, id: ++seq, duration: durationOf(n) };
    if (full.undo || full.action) {
      const next = [...stack(), full];
      for (const dropped of next.slice(0, Math.max(0, next.length - MAX_STACK))) disarm(dropped.id);
      setStack(next.slice(-MAX_STACK));
      arm(full);
      return full.id;
    }
    const cur = current();
    if (full.queued) {
      if (cur) setPending((p) => [...p.filter((x) => !(x.queued && x.message === full.message)), full]);
      else {
        setCurrent(full);
        arm(full);
      }
      return full.id;
    }
    if (cur && cur.kind === 'error' && full.kind !== 'error') {
      // a success does not wipe an error away unread: it waits its turn, and shows shortly
      setPending((p) => [...p, full]);
      return full.id;
    }
    if (cur) {
      disarm(cur.id);
      // a low-priority notice that was cut short gets its turn again afterwards
      if (cur.queued) setPending((p) => [{ ...cur }, ...p.filter((x) => x.id !== cur.id)]);
    }
    setCurrent(full);
    arm(full);
    return full.id;
  };
  const notices = () => {
    const c = current();
    return c ? [...stack(), c] : stack();
  };
  /** the newest showing */
  function notice(): Notice | null {
    const all = notices();
    let newest: Notice | null = null;
    for (const n of all) if (!newest || n.id > newest.id) newest = n;
    return newest;
  }
  const reportError = (err: unknown) => {
    console.error(err);
    notify({ kind: 'error', pictogram: 'warning', message: errorMessage(err) });
  };
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (err) {
      reportError(err);
      return undefined;
    }
  }
  const dispose = () => {
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
  return { notice, notices, pending, notify, closeNotice, reportError, run, dispose };
}
