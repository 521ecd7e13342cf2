import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  constantTimeEqual,
  derivePinHash,
  hashPin,
  InvalidPin,
  isLockedOut,
  lockoutAfterFailure,
  lockoutAfterSuccess,
  PIN_MAX_LOCK_MS,
  PIN_UNLOCKED,
  type PinLockState,
  validatePin,
  verifyPin,
} from './pin';

describe('PIN format', () => {
  it('accepts 4 to 8 digits, the demo 1234 included', () => {
    for (const pin of ['1234', '0000', '12345678']) expect(validatePin(pin)).toEqual([]);
  });

  it('says what is wrong with any other PIN', () => {
    expect(validatePin('123')).toEqual(['pin.error.length']);
    expect(validatePin('123456789')).toEqual(['pin.error.length']);
    expect(validatePin('12a4')).toEqual(['pin.error.digitsOnly']);
    expect(validatePin('١٢٣٤')).toEqual(['pin.error.digitsOnly']);
    expect(validatePin('')).toEqual(['pin.error.length']);
  });
});

describe('PIN hashing', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('verifies the right PIN and rejects a wrong one', async () => {
    const { hash, salt } = await hashPin('1234');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(await verifyPin('1234', hash, salt)).toBe(true);
    expect(await verifyPin('1235', hash, salt)).toBe(false);
    expect(await verifyPin('12345', hash, salt)).toBe(false);
  });

  it('salts each hash differently', async () => {
    const [a, b] = await Promise.all([hashPin('1234'), hashPin('1234')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('is PBKDF2-SHA-256 with 100,000 iterations (a known vector, so stored hashes stay valid)', async () => {
    const salt = '000102030405060708090a0b0c0d0e0f';
    const { pbkdf2Sync } = await import('node:crypto');
    const expected = pbkdf2Sync('1234', Buffer.from(salt, 'hex'), 100_000, 32, 'sha256').toString('hex');
    expect(await hashPin('1234', salt)).toEqual({ hash: expected, salt });
  });

  it('derives the same key with WebCrypto and with the portable PBKDF2, so stored hashes verify either way', async () => {
    const salt = '000102030405060708090a0b0c0d0e0f';
    const { pbkdf2Sync } = await import('node:crypto');
    const expected = pbkdf2Sync('4711', Buffer.from(salt, 'hex'), 100_000, 32, 'sha256').toString('hex');
    expect(await derivePinHash('4711', salt, 'webcrypto')).toBe(expected);
    expect(await derivePinHash('4711', salt, 'portable')).toBe(expected);
  });

  it('sets and checks PINs where the page has no secure context (no crypto.subtle), and old hashes still verify', async () => {
    const before = await hashPin('2580'); // made with WebCrypto, as on an HTTPS tablet
    const real = globalThis.crypto;
    const insecureCrypto = { getRandomValues: real.getRandomValues.bind(real), subtle: undefined };
    vi.stubGlobal('crypto', insecureCrypto);
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await verifyPin('2580', before.hash, before.salt)).toBe(true);
    expect(await verifyPin('2581', before.hash, before.salt)).toBe(false);
    const made = await hashPin('2580');
    vi.unstubAllGlobals();
    expect(await verifyPin('2580', made.hash, made.salt)).toBe(true); // and back on HTTPS
  }, 60_000); // pure-JS PBKDF2 (several hashes) is slow on a loaded 2-core machine

  it('refuses to hash a malformed PIN and never verifies one', async () => {
    await expect(hashPin('12')).rejects.toThrow(InvalidPin);
    expect(await verifyPin('12', 'ab', 'cd')).toBe(false);
    expect(await verifyPin('1234', 'ab', 'not hex')).toBe(false);
  });

  it('compares strings fully, whatever their lengths', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => constantTimeEqual(a, b) === (a === b)));
  });
});

describe('PIN lock-out', () => {
  const t0 = 1_790_000_000_000;
  const fail = (times: number, start: PinLockState = PIN_UNLOCKED) => {
    let s = start;
    let now = t0;
    for (let i = 0; i < times; i++) {
      now += isLockedOut(s, now); // wait out any lock, then guess again
      s = lockoutAfterFailure(s, now);
    }
    return { state: s, now };
  };

  it('allows two wrong PINs without waiting', () => {
    const { state, now } = fail(2);
    expect(state.failures).toBe(2);
    expect(isLockedOut(state, now)).toBe(0);
  });

  it('locks for 30 seconds after the third wrong PIN, then doubles', () => {
    expect(isLockedOut(fail(3).state, fail(3).now)).toBe(30_000);
    expect(isLockedOut(fail(4).state, fail(4).now)).toBe(60_000);
    expect(isLockedOut(fail(5).state, fail(5).now)).toBe(120_000);
  });

  it('never locks for more than 15 minutes', () => {
    expect(isLockedOut(fail(8).state, fail(8).now)).toBe(PIN_MAX_LOCK_MS);
    expect(isLockedOut(fail(60).state, fail(60).now)).toBe(PIN_MAX_LOCK_MS);
  });

  it('does not count guesses made while locked', () => {
    const { state, now } = fail(3);
    expect(lockoutAfterFailure(state, now + 1_000)).toBe(state);
  });

  it('unlocks when the time is up', () => {
    const { state, now } = fail(3);
    expect(isLockedOut(state, now + 29_999)).toBe(1);
    expect(isLockedOut(state, now + 30_000)).toBe(0);
  });

  it('does not stay locked for long if the device clock is set back', () => {
    const { state, now } = fail(3);
    expect(isLockedOut(state, now - 24 * 3_600_000)).toBe(PIN_MAX_LOCK_MS);
  });

  it('resets everything after the right PIN', () => {
    expect(lockoutAfterSuccess()).toEqual({ failures: 0, lockedUntil: 0 });
  });
});
