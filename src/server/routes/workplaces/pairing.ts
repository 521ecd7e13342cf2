/**
 * Pairing codes: how a tablet joins a workplace without anyone typing a
 * password on it. A supervisor asks for a code (8 characters from an
 * alphabet without look-alikes: no 0/O, 1/I/L), shown as text and as a QR
 * code of `<origin>/pair?code=…`. A tablet claims it once within 10
 * minutes and receives its own device token. Only the SHA-256 of the code
 * is stored.
 */
import { randomInt } from 'node:crypto';

export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_TTL_MS = 10 * 60 * 1000;

export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** What a person might type: lower case, spaces or a dash in the middle. */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
