/**
 * Dexie liveQuery → Solid signal. The query re-runs whenever IndexedDB data it
 * read changes (in this tab or another), and whenever `source` changes.
 * Returning to the UI only through signals keeps components free of Dexie.
 * `.ready()` turns true once the first result for the current source arrived.
 */
import { liveQuery } from 'dexie';
import { batch, createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';

export type Live<T> = Accessor<T> & { ready: Accessor<boolean> };

export function createLive<S, T>(source: Accessor<S | undefined | null | false>, query: (s: S) => Promise<T> | T, initial: T): Live<T> {
  const [value, setValue] = createSignal<T>(initial);
  const [ready, setReady] = createSignal(false);
  createEffect(() => {
    const s = source();
    setReady(false);
    if (s === undefined || s === null || s === false) {
      setValue(() => initial);
      return;
    }
    const sub = liveQuery(() => query(s)).subscribe({
      // one update for the value and its readiness: the screen re-renders once per result, not twice
      next: (v) =>
        batch(() => {
          setValue(() => v);
          setReady(true);
        }),
      error: (err) => console.error('live query failed', err),
    });
    onCleanup(() => sub.unsubscribe());
  });
  const live = value as Live<T>;
  live.ready = ready;
  return live;
}
