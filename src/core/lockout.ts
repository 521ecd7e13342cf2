/**
 * The one lock-out gate for secrets typed on the tablet: the supervisor PIN
 * and a participant's picture code. Wrong tries grow a lock-out
 * (domain/pin's table) that is persisted per key in the device settings, so a
 * reload does not reset it; the right secret clears it. The dialogs share the
 * countdown too, which ticks only while a lock-out runs.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Repositories } from '../data';
import type { AppClock } from './clock';
import { isLockedOut, lockoutAfterFailure, PIN_UNLOCKED, type PinLockState } from '../domain/pin';

export type GateResult = { ok: true } | { ok: false; lockedForMs: number };

export interface LockoutGate {
  /** Milliseconds the gate stays shut, 0 when open. */
  remaining(at?: number): Promise<number>;
  /** Tries a secret: refused unopened while locked out, else checked and the lock-out updated. */
  attempt(check: () => Promise<boolean>, at?: number): Promise<GateResult>;
}

export function createLockoutGate(settings: Repositories['settings'], key: string, now: () => number = () => Date.now()): LockoutGate {
  const read = () => settings.get<PinLockState>(key, PIN_UNLOCKED);
  return {
    async remaining(at = now()) {
      return isLockedOut(await read(), at);
    },
    async attempt(check, at = now()) {
      const state = await read();
      const remaining = isLockedOut(state, at);
      if (remaining > 0) return { ok: false, lockedForMs: remaining };
      if (await check()) {
        await settings.set(key, PIN_UNLOCKED);
        return { ok: true };
      }
      const next = lockoutAfterFailure(state, at);
      await settings.set(key, next);
      return { ok: false, lockedForMs: isLockedOut(next, at) };
    },
  };
}

/** Whole seconds left of a lock-out, for the dialog's "wait N seconds"; counts down on the app clock, only while a lock-out runs. */
export function createLockoutCountdown(clock: Pick<AppClock, 'now' | 'every'>): { waitSeconds: Accessor<number>; lockFor(ms: number): void } {
  const [lockedUntil, setLockedUntil] = createSignal(0);
  const [now, setNow] = createSignal(clock.now());
  let stopTicker: (() => void) | undefined;
  const stop = () => {
    stopTicker?.();
    stopTicker = undefined;
  };
  onCleanup(stop);
  const waitSeconds = () => Math.max(0, Math.ceil((lockedUntil() - now()) / 1000));
  return {
    waitSeconds,
    lockFor(ms) {
      // one reading of the clock: two would leave a millisecond of lock-out that rounds up to "1 second"
      const at = clock.now();
      setNow(at);
      setLockedUntil(at + ms);
      stop();
      if (ms <= 0) return;
      stopTicker = clock.every(500, (t) => {
        setNow(t);
        if (waitSeconds() === 0) stop();
      });
    },
  };
}
