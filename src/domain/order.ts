/**
 * Where a person, goal or work area stands in its list. A new row goes after
 * the last one with a fractional-index key (`fractional-indexing`), so a row
 * can later be placed between two others without renumbering. Two tablets
 * adding at the same moment both see the same last key; a random tail on
 * each new key keeps their keys apart, and the row id breaks the (now
 * vanishingly rare) tie, so every device shows the same order.
 *
 * Rows written before keys existed hold a number (their count at the time);
 * they keep their order and stand before every keyed row.
 */
import { generateKeyBetween } from 'fractional-indexing';

export type SortKey = number | string;

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TAIL = 4;

/** Compares two keys: numbers (older rows) first, then keys. */
export function compareSortKeys(a: SortKey, b: SortKey): number {
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Orders rows by their key, then by id. */
export function compareOrder(a: { order: SortKey; id: string }, b: { order: SortKey; id: string }): number {
  return compareSortKeys(a.order, b.order) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A key after every row of `rows`, unique to this add with near certainty. */
export function orderAfter(rows: readonly { order: SortKey }[], random: () => number = Math.random): string {
  let last: string | null = null;
  for (const { order } of rows) if (typeof order === 'string' && (last === null || order > last)) last = order;
  let tail = '';
  // a key may not end in the digit 0 (it would equal the shorter key)
  for (let i = 0; i < TAIL; i++) tail += DIGITS[(i === TAIL - 1 ? 1 : 0) + Math.floor(random() * (i === TAIL - 1 ? DIGITS.length - 1 : DIGITS.length))];
  return generateKeyBetween(last, null) + tail;
}
