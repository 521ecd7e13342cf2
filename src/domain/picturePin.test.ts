import { describe, expect, it } from 'vitest';
import { InvalidPin } from './errors';
import { isLockedOut, lockoutAfterFailure, PIN_UNLOCKED, verifyPin } from './pin';
import {
  encodePicturePin,
  hashPicturePin,
  isCompletePicturePin,
  PICTURE_PIN_SYMBOLS,
  picturePinLockKey,
  samePicturePin,
  verifyPicturePin,
} from './picturePin';

describe('picture PIN format', () => {
  it('writes four pictograms as the digits of their places on the pad', () => {
    expect(encodePicturePin(['sun', 'heart', 'star', 'bicycle'])).toBe('1239');
    expect(encodePicturePin(['tree', 'tree', 'tree', 'tree'])).toBe('5555');
  });

  it('keeps the pad order stable (it is part of every stored PIN)', () => {
    expect(PICTURE_PIN_SYMBOLS).toEqual(['sun', 'heart', 'star', 'flower', 'tree', 'bus', 'coffee', 'music', 'bicycle']);
  });

  it('refuses a PIN of the wrong length or with a pictogram that is not on the pad', () => {
    expect(() => encodePicturePin(['sun', 'heart', 'star'])).toThrow(InvalidPin);
    expect(() => encodePicturePin(['sun', 'heart', 'star', 'sun', 'sun'])).toThrow(InvalidPin);
    expect(() => encodePicturePin(['sun', 'heart', 'star', 'saw'])).toThrow(InvalidPin);
    expect(isCompletePicturePin(['sun', 'heart', 'star'])).toBe(false);
    expect(isCompletePicturePin(['sun', 'heart', 'star', 'tree'])).toBe(true);
  });

  it('compares two entries of a new PIN', () => {
    expect(samePicturePin(['sun', 'sun', 'bus', 'tree'], ['sun', 'sun', 'bus', 'tree'])).toBe(true);
    expect(samePicturePin(['sun', 'sun', 'bus', 'tree'], ['sun', 'bus', 'sun', 'tree'])).toBe(false);
  });
});

describe('picture PIN storage', () => {
  it('stores only a salted PBKDF2 hash, never the pictograms, and verifies the right taps', async () => {
    const pin = ['coffee', 'sun', 'music', 'sun'];
    const stored = await hashPicturePin(pin);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(stored)).not.toMatch(/coffee|music|sun/);
    // the same helper as the supervisor PIN
    expect(await verifyPin('7181', stored.hash, stored.salt)).toBe(true);
    expect(await verifyPicturePin(pin, stored)).toBe(true);
  });

  it('refuses wrong taps, half a PIN and a person without a PIN', async () => {
    const stored = await hashPicturePin(['sun', 'heart', 'star', 'flower']);
    expect(await verifyPicturePin(['sun', 'heart', 'star', 'tree'], stored)).toBe(false);
    expect(await verifyPicturePin(['flower', 'star', 'heart', 'sun'], stored)).toBe(false);
    expect(await verifyPicturePin(['sun', 'heart', 'star'], stored)).toBe(false);
    expect(await verifyPicturePin(['sun', 'heart', 'star', 'flower'], null)).toBe(false);
    expect(await verifyPicturePin(['sun', 'heart', 'star', 'flower'], { hash: stored.hash, salt: 'zz' })).toBe(false);
  });

  it('gives the same hash for the same salt (so every tablet can check it)', async () => {
    const a = await hashPicturePin(['bus', 'bus', 'tree', 'star']);
    const b = await hashPicturePin(['bus', 'bus', 'tree', 'star'], a.salt);
    expect(b).toEqual(a);
  });

  it('locks a person out after repeated wrong PINs, per person', () => {
    let state = PIN_UNLOCKED;
    for (let i = 0; i < 3; i++) state = lockoutAfterFailure(state, 1_000);
    expect(isLockedOut(state, 1_000)).toBeGreaterThan(0);
    expect(picturePinLockKey('p1')).not.toBe(picturePinLockKey('p2'));
  });
});
