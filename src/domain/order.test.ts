import { describe, expect, it } from 'vitest';
import { generateKeyBetween } from 'fractional-indexing';
import { seededRandom } from './random';
import { compareOrder, orderAfter, type SortKey } from './order';

type Row = { id: string; order: SortKey };

describe('row order', () => {
  it('puts each new row after the ones before it', () => {
    const rows: Row[] = [];
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) rows.push({ id: `r${String(199 - i).padStart(3, '0')}`, order: orderAfter(rows, random) });
    const sorted = [...rows].sort(compareOrder);
    expect(sorted.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it('gives two tablets adding after the same list different keys, in one order everywhere', () => {
    const before: Row[] = [{ id: 'a', order: orderAfter([]) }];
    const onTabletA = orderAfter(before, seededRandom(10));
    const onTabletB = orderAfter(before, seededRandom(20));
    expect(onTabletA).not.toBe(onTabletB);
    const merged: Row[] = [...before, { id: 'x', order: onTabletA }, { id: 'y', order: onTabletB }];
    const orderOnA = [...merged].sort(compareOrder).map((r) => r.id);
    const orderOnB = [...merged].reverse().sort(compareOrder).map((r) => r.id);
    expect(orderOnA).toEqual(orderOnB);
    expect(orderOnA[0]).toBe('a');
  });

  it('keeps keys valid: a row can still be placed between any two', () => {
    const random = seededRandom(3);
    const a = orderAfter([], random);
    const b = orderAfter([{ order: a }], random);
    const between = generateKeyBetween(a, b);
    expect(a < between && between < b).toBe(true);
  });

  it('keeps rows numbered before keys existed first, in their number order', () => {
    const rows: Row[] = [
      { id: 'new', order: orderAfter([{ order: 0 }, { order: 1 }]) },
      { id: 'second', order: 1 },
      { id: 'first', order: 0 },
    ];
    expect([...rows].sort(compareOrder).map((r) => r.id)).toEqual(['first', 'second', 'new']);
  });

  it('breaks a tie by id', () => {
    expect([{ id: 'b', order: 'a0' }, { id: 'a', order: 'a0' }].sort(compareOrder).map((r) => r.id)).toEqual(['a', 'b']);
  });
});
