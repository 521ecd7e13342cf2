/**
 * The supervisor PIN: its format, how it is stored, and the lock-out after
 * wrong guesses.
 *
 * A PIN is 4–8 ASCII digits, nothing more: the seeded demo workplace uses
 * 1234 and shows it on screen, so "weak" PINs cannot be refused. What keeps a
 * short PIN useful is the lock-out, not the PIN itself:
 *
 *   wrong PINs 1–2  no wait
 *   wrong PIN 3     locked 30 s
 *   each further    twice as long (60 s, 120 s, …), at most 15 minutes
 *   right PIN       everything reset
 *
 * An attempt made while locked is refused without being counted, so tapping
 * a locked keypad does not make the wait longer. The caller keeps the
 * `PinLockState` in device-local storage so a reload does not reset it.
 *
 * Storage: PBKDF2-SHA-256, 100,000 iterations, a random 16-byte salt, 32-byte
 * key, both hex (Workplace.pinHash / pinSalt). Only the hash syncs, never the
 * PIN.
 *
 * WebCrypto's `crypto.subtle` exists only in a secure context (HTTPS or
 * localhost). A tablet that opens the server over plain http on the local
 * network has none, yet must still set and check PINs, so the derivation
 * falls back to @noble/hashes' PBKDF2 there: the same function, the same
 * bytes, so a hash made by either verifies with the other (pin.test.ts pins
 * both to one known vector). The native one is kept where it exists because
 * it is several times faster on a slow tablet. The portable one is a chunk of
 * its own, fetched only where it is used (and at once in a context without
 * WebCrypto), so it is not part of every start's JS.
 */
import { InvalidPin } from './errors';
import { toHex } from './hex';

export { InvalidPin } from './errors';

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;
export const PIN_ITERATIONS = 100_000;
export const PIN_SALT_BYTES = 16;
const PIN_HASH_BITS = 256;

export const PIN_FREE_FAILURES = 2;
export const PIN_FIRST_LOCK_MS = 30_000;
export const PIN_MAX_LOCK_MS = 15 * 60_000;

export type PinError = 'pin.error.digitsOnly' | 'pin.error.length';

export interface PinLockState {
  /** wrong PINs since the last right one */
  failures: number;
  /** epoch ms until which the keypad is locked; 0 when never locked */
  lockedUntil: number;
}

export const PIN_UNLOCKED: PinLockState = Object.freeze({ failures: 0, lockedUntil: 0 });

/** Error keys for a PIN being chosen; empty when it is fine. */
export function validatePin(pin: string): PinError[] {
  const errors: PinError[] = [];
  if (!/^[0-9]*$/.test(pin)) errors.push('pin.error.digitsOnly');
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) errors.push('pin.error.length');
  return errors;
}

export function isValidPin(pin: string): boolean {
  return validatePin(pin).length === 0;
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) throw new TypeError('Expected a non-empty hex string');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Which PBKDF2 to use: the native one when this context has WebCrypto, else the portable one. */
export type PinDerivation = 'webcrypto' | 'portable';

export function defaultDerivation(): PinDerivation {
  return globalThis.crypto?.subtle ? 'webcrypto' : 'portable';
}

let portable: Promise<[typeof import('@noble/hashes/pbkdf2.js'), typeof import('@noble/hashes/sha2.js')]> | undefined;
const loadPortable = () => (portable ??= Promise.all([import('@noble/hashes/pbkdf2.js'), import('@noble/hashes/sha2.js')]));
// a context without WebCrypto (plain http on the local network) will need it for the first PIN: fetch it now
if (defaultDerivation() === 'portable') void loadPortable().catch(() => (portable = undefined));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, how: PinDerivation = defaultDerivation()): Promise<string> {
  // A PIN is ASCII digits, so its bytes are its char codes (no TextEncoder,
  // whose Uint8Array comes from another realm under jsdom).
  const pinBytes = Uint8Array.from(pin, (c) => c.charCodeAt(0));
  if (how === 'portable') {
    const [{ pbkdf2Async }, { sha256 }] = await loadPortable().catch((err: unknown) => {
      portable = undefined; // a failed fetch is tried again at the next PIN
      throw err;
    });
    return toHex(await pbkdf2Async(sha256, pinBytes, salt, { c: PIN_ITERATIONS, dkLen: PIN_HASH_BITS / 8 }));
  }
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', pinBytes, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PIN_ITERATIONS }, key, PIN_HASH_BITS);
  return toHex(new Uint8Array(bits));
}

/** The PBKDF2 key of a PIN with the given salt, by the chosen implementation (exported for the format test). */
export function derivePinHash(pin: string, saltHex: string, how: PinDerivation): Promise<string> {
  return derive(pin, fromHex(saltHex), how);
}

/** Hashes a PIN with a new random salt (or the given one). Throws InvalidPin for a malformed PIN. */
export async function hashPin(pin: string, saltHex?: string): Promise<{ hash: string; salt: string }> {
  if (!isValidPin(pin)) throw new InvalidPin();
  const salt = saltHex === undefined ? globalThis.crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES)) : fromHex(saltHex);
  return { hash: await derive(pin, salt), salt: toHex(salt) };
}

/** Whether `pin` matches the stored hash; compares in constant time. */
export async function verifyPin(pin: string, hash: string, salt: string): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  let saltBytes: Uint8Array<ArrayBuffer>;
  try {
    saltBytes = fromHex(salt);
  } catch {
    return false;
  }
  return constantTimeEqual(await derive(pin, saltBytes), hash.toLowerCase());
}

/** String equality whose time does not depend on where the strings differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/**
 * Milliseconds the keypad stays locked, 0 when open. Never more than the
 * longest lock, so a device clock set back cannot lock the keypad for hours.
 */
export function isLockedOut(state: PinLockState, now: number): number {
  return Math.min(PIN_MAX_LOCK_MS, Math.max(0, state.lockedUntil - now));
}

/** The lock state after a wrong PIN (see the table in the header). */
export function lockoutAfterFailure(state: PinLockState, now: number): PinLockState {
  if (isLockedOut(state, now) > 0) return state;
  const failures = state.failures + 1;
  if (failures <= PIN_FREE_FAILURES) return { failures, lockedUntil: state.lockedUntil };
  const doublings = failures - PIN_FREE_FAILURES - 1;
  const lockMs = Math.min(PIN_MAX_LOCK_MS, PIN_FIRST_LOCK_MS * 2 ** Math.min(doublings, 30));
  return { failures, lockedUntil: now + lockMs };
}

/** The lock state after the right PIN. */
export function lockoutAfterSuccess(): PinLockState {
  return { ...PIN_UNLOCKED };
}
