/**
 * Short texts people type on the tablet: first names, goal and task labels,
 * deviation notes.
 *
 * Tavla stores first names only, by design: no surnames and never a personal
 * identity number (personnummer / samordningsnummer). The data of someone on
 * a labour-market programme is sensitive, and a tablet on a wall is not the
 * place for it. So `normalizeFirstName` refuses anything that looks like an
 * identity number (any run of 6 or more digits, counting digits separated by
 * '-', '+', '.', '/' or spaces as one run: ÅÅMMDD-XXXX, ÅÅÅÅMMDDXXXX, and even
 * a bare birth date), digits only, and more than two words. Two words are
 * allowed so two people called Anna can be "Anna B" and "Anna K"; a digit is
 * allowed for the same reason ("Anna 2").
 *
 * Lengths count what a reader sees as one character (grapheme clusters), so
 * an emoji or an Arabic letter with a diacritic counts as one.
 */

export const FIRST_NAME_MAX = 30;
export const FIRST_NAME_MAX_WORDS = 2;

export type FirstNameError =
  | 'person.error.empty'
  | 'person.error.tooLong'
  | 'person.error.identityNumber'
  | 'person.error.firstNameOnly';

export type FirstNameResult = { ok: true; value: string } | { ok: false; error: FirstNameError };

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** The characters of a text as a reader counts them. */
function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Length as a reader counts it (grapheme clusters). */
export function textLength(text: string): number {
  return graphemes(text).length;
}

/** Trims, turns every run of whitespace (newlines too) into one space, and applies Unicode NFC. */
export function collapseSpaces(input: string): string {
  return input.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A one-line text of at most `max` characters, cut without breaking a character. */
export function clampShortText(input: string, max: number): string {
  if (!Number.isInteger(max) || max < 0) throw new RangeError(`clampShortText needs a max >= 0, got ${max}`);
  const text = collapseSpaces(input);
  const chars = graphemes(text);
  return chars.length <= max ? text : chars.slice(0, max).join('').trim();
}

/** True when the text holds a run of 6+ digits, ignoring separators between digits. */
export function looksLikeIdentityNumber(input: string): boolean {
  // No lookbehind: older iPad Safari (before 16.4) cannot even parse it.
  const joined = input.replace(/(\d)[\s\-+./]+(?=\d)/gu, '$1');
  return /\d{6,}/u.test(joined);
}

export function normalizeFirstName(input: string): FirstNameResult {
  const value = collapseSpaces(input);
  if (value === '') return { ok: false, error: 'person.error.empty' };
  if (looksLikeIdentityNumber(value)) return { ok: false, error: 'person.error.identityNumber' };
  if (textLength(value) > FIRST_NAME_MAX) return { ok: false, error: 'person.error.tooLong' };
  if (!/\p{L}/u.test(value)) return { ok: false, error: 'person.error.firstNameOnly' };
  if (value.split(' ').length > FIRST_NAME_MAX_WORDS) return { ok: false, error: 'person.error.firstNameOnly' };
  return { ok: true, value };
}
