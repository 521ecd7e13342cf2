/**
 * The one activity tracker: when someone last touched the tablet or pressed a
 * key. Supervisor mode locks after a quiet spell, the kiosk returns home and
 * dims after one; both read the same last touch instead of each adding its
 * own window listeners. Listens in the capture phase so a control that stops
 * an event's propagation still counts as a touch.
 */
export interface ActivityTracker {
  /** Time (ms since epoch) of the last touch or key press. */
  last(): number;
  /** Counts as a touch now (a tap the tracker cannot see, such as waking the dimmed screen). */
  mark(at?: number): void;
  /** Calls `listener` on every touch; returns the unsubscribe. */
  onActivity(listener: () => void): () => void;
  /** Starts listening on `target`; returns the stop. */
  listen(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void;
}

export function createActivityTracker(now: () => number = () => Date.now()): ActivityTracker {
  let last = now();
  const listeners = new Set<() => void>();
  const mark = (at = now()) => {
    last = at;
    for (const listener of listeners) listener();
  };
  const onEvent = () => mark();
  return {
    last: () => last,
    mark,
    onActivity(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listen(target) {
      target.addEventListener('pointerdown', onEvent, { passive: true, capture: true });
      target.addEventListener('keydown', onEvent, { capture: true });
      return () => {
        target.removeEventListener('pointerdown', onEvent, { capture: true });
        target.removeEventListener('keydown', onEvent, { capture: true });
      };
    },
  };
}
