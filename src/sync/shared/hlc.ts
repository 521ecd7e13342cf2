/**
 * Hybrid logical clock (HLC).
 *
 * Every write on a device is stamped with an HLC: wall-clock milliseconds, a
 * counter and the device's node id. The stamp is a fixed-width string, so
 * comparing two stamps is plain string comparison, and the order is total
 * (the node id breaks ties). The clock never goes backwards, even if the
 * wall clock does, and after `recv()` it is ahead of every stamp seen, so
 * "last writer wins" follows causality between devices.
 *
 *   send(): local event.  l' = max(l, now); c' = (l' == l) ? c + 1 : 0
 *   recv(): remote stamp r. l' = max(l, r.l, now); c' from whichever maxed
 *
 * A remote stamp more than MAX_DRIFT_MS ahead of our wall clock is refused
 * (ClockDriftError): a device with a wrong clock would otherwise win every
 * conflict for as long as its clock is wrong.
 *
 * This module is pure: the caller supplies `now` and persists the state.
 */

export const MAX_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 0xffff;

export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

export class ClockDriftError extends Error {
  constructor(
    readonly remoteMillis: number,
    readonly localMillis: number,
  ) {
    super(`Clock drift: remote ${remoteMillis} is more than ${MAX_DRIFT_MS} ms ahead of local ${localMillis}`);
    this.name = 'ClockDriftError';
  }
}

export class ClockOverflowError extends Error {
  constructor() {
    super('HLC counter overflow');
    this.name = 'ClockOverflowError';
  }
}

/** Formats a stamp: 15-digit millis, 4 hex counter digits, node id. */
export function formatHlc(s: HlcState): string {
  return `${String(s.millis).padStart(15, '0')}-${s.counter.toString(16).padStart(4, '0')}-${s.node}`;
}

export function parseHlc(stamp: string): HlcState {
  const m = /^(\d{15})-([0-9a-f]{4})-([0-9a-zA-Z]{1,32})$/.exec(stamp);
  if (!m) throw new Error(`Not an HLC stamp: ${stamp}`);
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && /^\d{15}-[0-9a-f]{4}-[0-9a-zA-Z]{1,32}$/.test(stamp);
}

/** Advances the clock for a local event and returns the new state. */
export function send(state: HlcState, now: number): HlcState {
  const millis = Math.max(state.millis, now);
  const counter = millis === state.millis ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new ClockOverflowError();
  return { millis, counter, node: state.node };
}

/** Merges a remote stamp into the clock; throws ClockDriftError if it is too far ahead. */
export function recv(state: HlcState, remote: string, now: number): HlcState {
  const r = parseHlc(remote);
  if (r.millis - now > MAX_DRIFT_MS) throw new ClockDriftError(r.millis, now);
  const millis = Math.max(state.millis, r.millis, now);
  let counter: number;
  if (millis === state.millis && millis === r.millis) counter = Math.max(state.counter, r.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === r.millis) counter = r.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new ClockOverflowError();
  return { millis, counter, node: state.node };
}

/** A fresh clock for a node id (16 hex chars recommended). */
export function initialClock(node: string): HlcState {
  return { millis: 0, counter: 0, node };
}
