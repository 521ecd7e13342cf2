/**
 * Field-level merge of synced rows (shared by the client and the server).
 *
 * Every synced row carries `_clock`: for each field, the HLC stamp of its
 * last write. Two versions of a row merge field by field:
 *
 *   - the value with the higher stamp wins (HLC stamps compare as strings);
 *   - a field with no stamp loses to one that has a stamp;
 *   - equal stamps (or both missing) fall back to comparing the JSON of the
 *     values, so the result never depends on which side came first;
 *   - `deleted` is a tombstone: 1 beats 0 whatever the stamps say, so a
 *     delete wins over concurrent edits and a deleted row stays deleted.
 *
 * A tombstone keeps only its identity (`TOMBSTONE_FIELDS`); every other field
 * and its stamp is dropped. That makes a delete an erasure (a person's name
 * does not linger on the server or other tablets) and it keeps the merge
 * convergent: an edit that arrives after the delete is merged and then
 * dropped again, whatever the order.
 *
 * Because each field is a "max" under a total order and the tombstone rule
 * only ever removes data once `deleted` is 1 (which is itself a max), the
 * merge is commutative, associative and idempotent, so replicas that have
 * seen the same writes hold the same row, whatever order they saw them in.
 * `merge.test.ts` checks these laws with property tests.
 *
 * Only own properties count: a row is data from the network, and a field
 * named like an `Object.prototype` member (`toString`, `constructor`) must
 * read as absent, not as the inherited function, which would win every stamp
 * comparison and make the row impossible to store. Fields are written with
 * `defineProperty`, so even `__proto__` stays a plain field. (Which field
 * names a table accepts at all is fields.ts's business.)
 *
 * Pure: no I/O, no DOM, no node imports.
 */

import type { Hlc, OutboxOp, SyncedRow } from '../../domain/types';

/** A row as stored and synced: any fields plus the stamps. */
export type MergeableRow = SyncedRow & Record<string, unknown>;

/** Fields a tombstone keeps; everything else is erased on delete. */
export const TOMBSTONE_FIELDS: readonly string[] = ['id', 'workplaceId', 'createdAt', 'updatedAt', 'deleted'];

const CLOCK = '_clock';

/** An own property's value; inherited members (`toString` …) read as absent. */
function own(obj: object | null | undefined, key: string): unknown {
  return obj != null && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** An own stamp, or undefined when it is missing or not a string. */
function stampOf(clock: object | null | undefined, key: string): Hlc | undefined {
  const s = own(clock, key);
  return typeof s === 'string' ? s : undefined;
}

/** Sets a field as a plain own property, whatever its name (`__proto__` included). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const clockOf = (row: object): object => {
  const c = own(row, CLOCK);
  return c !== null && typeof c === 'object' ? c : {};
};

/** Stable JSON for tie-breaks: object keys sorted, undefined first. */
function rank(value: unknown): string {
  if (value === undefined) return '';
  return '\u0001' + stableJson(value);
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(stableJson).join(',') + ']';
  const obj = value as Record<string, unknown>;
  return (
    '{' +
    Object.keys(obj)
      .sort()
      .map((k) => JSON.stringify(k) + ':' + stableJson(own(obj, k)))
      .join(',') +
    '}'
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders two versions of one field: > 0 when `a` wins. For `deleted`, the
 * tombstone (1) wins first; then the stamp; then the value as a tie-break.
 */
function compareField(field: string, va: unknown, ca: Hlc | undefined, vb: unknown, cb: Hlc | undefined): number {
  if (field === 'deleted') {
    const da = va === 1 ? 1 : 0;
    const db = vb === 1 ? 1 : 0;
    if (da !== db) return da - db;
  }
  const byClock = compareStrings(ca ?? '', cb ?? '');
  if (byClock !== 0) return byClock;
  return compareStrings(rank(va), rank(vb));
}

/** Drops every field but the identity of a deleted row. */
function eraseTombstone<T extends MergeableRow>(row: T): T {
  if (row.deleted !== 1) return row;
  const out: Record<string, unknown> = {};
  const clock: Record<string, Hlc> = {};
  for (const f of TOMBSTONE_FIELDS) {
    if (Object.hasOwn(row, f)) out[f] = row[f];
    const c = stampOf(clockOf(row), f);
    if (c !== undefined) clock[f] = c;
  }
  out[CLOCK] = clock;
  return out as T;
}

/**
 * Merges two versions of the same row. Commutative, associative and
 * idempotent; the result always has `deleted` (0 or 1) and `_clock`.
 */
export function mergeRows<T extends MergeableRow>(a: T, b: T): T {
  const clockA = clockOf(a);
  const clockB = clockOf(b);
  const fields = new Set<string>([...Object.keys(a), ...Object.keys(b), ...Object.keys(clockA), ...Object.keys(clockB)]);
  fields.delete(CLOCK);
  fields.add('deleted');
  const out: Record<string, unknown> = {};
  const clock: Record<string, Hlc> = {};
  for (const f of fields) {
    const va = own(a, f);
    const vb = own(b, f);
    const ca = stampOf(clockA, f);
    const cb = stampOf(clockB, f);
    const aWins = compareField(f, va, ca, vb, cb) >= 0;
    const value = aWins ? va : vb;
    const stamp = aWins ? ca : cb;
    if (value !== undefined) put(out, f, value);
    if (stamp !== undefined) put(clock, f, stamp);
  }
  out.deleted = out.deleted === 1 ? 1 : 0;
  out[CLOCK] = clock;
  return eraseTombstone(out as T);
}

/** The row an op describes on its own: its fields, each stamped with op.hlc. */
export function opAsRow(op: Pick<OutboxOp, 'rowId' | 'workplaceId' | 'fields' | 'hlc'>): MergeableRow {
  const row: Record<string, unknown> = {};
  const clock: Record<string, Hlc> = {};
  for (const [f, v] of Object.entries(op.fields)) {
    if (f === CLOCK || f === 'id' || f === 'workplaceId' || v === undefined) continue;
    put(row, f, v);
    put(clock, f, op.hlc);
  }
  row.id = op.rowId;
  row.workplaceId = op.workplaceId;
  row[CLOCK] = clock;
  return row as MergeableRow;
}

/**
 * Applies one op to a row (or creates the row): each field in the op is
 * taken when op.hlc is newer than that field's stamp. Applying the same set
 * of ops in any order, any number of times, gives the same row.
 */
export function applyOp<T extends MergeableRow>(
  row: T | undefined,
  op: Pick<OutboxOp, 'rowId' | 'workplaceId' | 'fields' | 'hlc'>,
): T {
  const incoming = opAsRow(op) as T;
  return mergeRows(row ?? incoming, incoming);
}
