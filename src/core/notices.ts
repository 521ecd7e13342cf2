/**
 * The one notice queue: the big confirmation or error that answers a tap,
 * pictogram + words, optionally with an undo. One notice shows at a time; a
 * newer one replaces it (a participant should see the answer to the tap they
 * just made, not an older one), and each closes by itself after its time.
 * Failures of store actions become notices here, so nothing fails silently.
 */
import { createSignal, type Accessor } from 'solid-js';
import { StorageFullError, StorageUnavailableError } from '../data/writer';
import { DomainError } from '../domain/errors';
import type { MessageKey, Params } from '../i18n';

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

export type NewNotice = Omit<Notice, 'id' | 'duration'> & { duration?: number };

export interface NoticeQueue {
  notice: Accessor<Notice | null>;
  notify(n: NewNotice): void;
  closeNotice(): void;
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

export function createNoticeQueue(): NoticeQueue {
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const closeNotice = () => {
    clearTimeout(timer);
    setNotice(null);
  };
  const notify = (n: NewNotice) => {
    clearTimeout(timer);
    const duration = n.duration ?? (n.undo ? 10_000 : n.kind === 'error' ? 8_000 : 3_000);
    const full: Notice = { ...n, id: ++seq, duration };
    setNotice(full);
    timer = setTimeout(() => setNotice((cur) => (cur?.id === full.id ? null : cur)), duration);
  };
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
  return { notice, notify, closeNotice, reportError, run, dispose: () => clearTimeout(timer) };
}
