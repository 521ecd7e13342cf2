// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyOp, mergeRows, type MergeableRow } from './merge';
import { formatHlc } from './hlc';

const ROW_ID = 'row-1';
const WP = '0190a0b0-0000-7000-8000-000000000001';

const hlcArb = fc
  .record({
    millis: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_010 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom('aaaa', 'bbbb', 'cccc'),
  })
  .map(formatHlc);

const valueArb = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y', null), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }));

const opArb = fc.record({
  rowId: fc.constant(ROW_ID),
  workplaceId: fc.constant(WP),
  hlc: hlcArb,
  fields: fc.dictionary(fc.constantFrom('name', 'order', 'text', 'updatedAt'), valueArb, { maxKeys: 3 }).chain((f) =>
    fc.boolean().map((del) => (del ? { ...f, deleted: 1 } : f)),
  ),
});

/** A row as a replica would hold it: the result of some ops. */
const rowArb = fc.array(opArb, { minLength: 1, maxLength: 4 }).map((ops) => ops.reduce<MergeableRow | undefined>(applyOp, undefined)!);

describe('mergeRows', () => {
  it('takes each field from the side with the newer stamp', () => {
    const a = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc: formatHlc({ millis: 1, counter: 0, node: 'a' }), fields: { name: 'A', order: 1 } });
    const b = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc: formatHlc({ millis: 2, counter: 0, node: 'b' }), fields: { name: 'B' } });
    const m = mergeRows(a, b);
    expect(m.name).toBe('B');
    expect(m.order).toBe(1);
    expect(m._clock.name).toBe(b._clock.name);
    expect(m._clock.order).toBe(a._clock.order);
  });

  it('lets a field with a stamp beat one without', () => {
    const a = { id: ROW_ID, workplaceId: WP, deleted: 0, createdAt: 1, updatedAt: 1, name: 'old', _clock: {} } as MergeableRow;
    const b = { id: ROW_ID, workplaceId: WP, deleted: 0, createdAt: 1, updatedAt: 1, name: 'new', _clock: { name: formatHlc({ millis: 0, counter: 0, node: 'z' }) } } as MergeableRow;
    expect(mergeRows(a, b).name).toBe('new');
    expect(mergeRows(b, a).name).toBe('new');
  });

  it('keeps a delete over a later edit and erases the fields of the tombstone', () => {
    const created = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc: formatHlc({ millis: 1, counter: 0, node: 'a' }), fields: { firstName: 'Ada', createdAt: 1 } });
    const deleted = applyOp(created, { rowId: ROW_ID, workplaceId: WP, hlc: formatHlc({ millis: 2, counter: 0, node: 'a' }), fields: { deleted: 1 } });
    const edited = applyOp(created, { rowId: ROW_ID, workplaceId: WP, hlc: formatHlc({ millis: 3, counter: 0, node: 'b' }), fields: { firstName: 'Bo' } });
    const m = mergeRows(edited, deleted);
    expect(m.deleted).toBe(1);
    expect(m.firstName).toBeUndefined();
    expect(m._clock.firstName).toBeUndefined();
    expect(m.createdAt).toBe(1);
    expect(mergeRows(deleted, edited)).toEqual(m);
  });

  it('is commutative', () => {
    fc.assert(fc.property(rowArb, rowArb, (a, b) => {
      expect(mergeRows(a, b)).toEqual(mergeRows(b, a));
    }), { numRuns: 500 });
  });

  it('is associative', () => {
    fc.assert(
      fc.property(rowArb, rowArb, rowArb, (a, b, c) => {
        expect(mergeRows(mergeRows(a, b), c)).toEqual(mergeRows(a, mergeRows(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        expect(mergeRows(a, a)).toEqual(a);
        const ab = mergeRows(a, b);
        expect(mergeRows(ab, b)).toEqual(ab);
      }),
      { numRuns: 500 },
    );
  });
});

describe('applyOp', () => {
  it('creates a row from an op, stamping every field', () => {
    const hlc = formatHlc({ millis: 5, counter: 1, node: 'n' });
    const row = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc, fields: { text: 'Sweep', order: 2 } });
    expect(row).toEqual({ id: ROW_ID, workplaceId: WP, text: 'Sweep', order: 2, deleted: 0, _clock: { text: hlc, order: hlc } });
  });

  it('ignores an older write to a field', () => {
    const newer = formatHlc({ millis: 5, counter: 0, node: 'n' });
    const older = formatHlc({ millis: 4, counter: 0, node: 'n' });
    const row = applyOp(applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc: newer, fields: { text: 'new' } }), {
      rowId: ROW_ID,
      workplaceId: WP,
      hlc: older,
      fields: { text: 'old' },
    });
    expect(row.text).toBe('new');
  });

  it('gives the same row whatever order (and how often) the ops arrive', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 8 }).chain((ops) => fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length }), fc.array(fc.constantFrom(...ops), { maxLength: 3 }))),
        ([ops, shuffled, repeats]) => {
          const inOrder = ops.reduce<MergeableRow | undefined>(applyOp, undefined);
          const anyOrder = [...shuffled, ...repeats].reduce<MergeableRow | undefined>(applyOp, undefined);
          expect(anyOrder).toEqual(inOrder);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('field names that are Object.prototype members', () => {
  const protoNames = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];

  it('reads only own properties: an inherited member is absent, an own one is plain data', () => {
    const hlc = formatHlc({ millis: 5, counter: 0, node: 'a' });
    for (const name of protoNames) {
      const plain = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc, fields: { text: 'x' } });
      const fields = JSON.parse(`{${JSON.stringify(name)}: "v"}`) as Record<string, unknown>;
      const withField = applyOp(undefined, { rowId: ROW_ID, workplaceId: WP, hlc, fields });
      for (const m of [mergeRows(plain, withField), mergeRows(withField, plain), mergeRows(plain, plain)]) {
        // every value is data a structured clone (IndexedDB) can store; no function crept in
        expect(() => structuredClone(m), name).not.toThrow();
        expect(Object.getPrototypeOf(m), name).toBe(Object.prototype);
        for (const k of Object.keys(m)) expect(typeof (m as Record<string, unknown>)[k], `${name}.${k}`).not.toBe('function');
        for (const v of Object.values(m._clock)) expect(typeof v).toBe('string');
      }
      expect(Object.hasOwn(mergeRows(plain, withField), name), name).toBe(true);
      expect(Object.hasOwn(mergeRows(plain, plain), name), name).toBe(false);
    }
  });
});
