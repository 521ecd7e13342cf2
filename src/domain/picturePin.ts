/**
 * The picture PIN that may guard a participant's own page: four taps among
 * nine pictograms, for people who do not read digits easily.
 *
 * A picture PIN is stored exactly like the supervisor PIN (PBKDF2-SHA-256,
 * random salt, see ./pin.ts): the four pictograms are first written as the
 * digits of their places in PICTURE_PIN_SYMBOLS (1–9), which is a valid
 * 4-digit PIN. So only the hash and salt are kept and synced, never the
 * pictograms, and wrong guesses lock the pad with the same growing lock-out.
 *
 * The order of PICTURE_PIN_SYMBOLS is therefore part of the stored format:
 * never reorder or replace a symbol (that would change everyone's PIN).
 */
import { InvalidPin } from './errors';
import { hashPin, verifyPin } from './pin';

/** The nine pictograms of the pad, in pad order (row by row). Part of the stored format. */
export const PICTURE_PIN_SYMBOLS = ['sun', 'heart', 'star', 'flower', 'tree', 'bus', 'coffee', 'music', 'bicycle'] as const;
export type PicturePinSymbol = (typeof PICTURE_PIN_SYMBOLS)[number];
export const PICTURE_PIN_LENGTH = 4;

export interface StoredPicturePin {
  hash: string;
  salt: string;
}

export function isPicturePinSymbol(id: string): id is PicturePinSymbol {
  return (PICTURE_PIN_SYMBOLS as readonly string[]).includes(id);
}

/** The digit string a complete picture PIN is hashed as. Throws InvalidPin for a wrong length or an unknown symbol. */
export function encodePicturePin(symbols: readonly string[]): string {
  if (symbols.length !== PICTURE_PIN_LENGTH) throw new InvalidPin();
  return symbols
    .map((s) => {
      const i = (PICTURE_PIN_SYMBOLS as readonly string[]).indexOf(s);
      if (i < 0) throw new InvalidPin();
      return String(i + 1);
    })
    .join('');
}

export function isCompletePicturePin(symbols: readonly string[]): boolean {
  return symbols.length === PICTURE_PIN_LENGTH && symbols.every(isPicturePinSymbol);
}

/** Hashes a picture PIN with a new random salt (or the given one). */
export function hashPicturePin(symbols: readonly string[], saltHex?: string): Promise<StoredPicturePin> {
  return hashPin(encodePicturePin(symbols), saltHex);
}

/** Whether the taps match the stored picture PIN; a malformed attempt or stored value is simply wrong. */
export async function verifyPicturePin(symbols: readonly string[], stored: StoredPicturePin | null | undefined): Promise<boolean> {
  if (!stored || !isCompletePicturePin(symbols)) return false;
  return verifyPin(encodePicturePin(symbols), stored.hash, stored.salt);
}

/** Two entries of a new picture PIN agree (the "once more to be sure" step). */
export function samePicturePin(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** Device-local settings key of one person's lock-out state (see PinLockState in ./pin.ts). */
export function picturePinLockKey(personId: string): string {
  return `picturePinLockout:${personId}`;
}
