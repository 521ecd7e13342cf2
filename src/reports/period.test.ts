import { describe, expect, it } from 'vitest';
import { isValidPeriod, monthPeriod, periodFromParams, shiftPeriod, weekPeriod } from './period';

describe('report periods', () => {
  it('makes Monday–Sunday weeks and whole months', () => {
    expect(weekPeriod('2026-03-05')).toEqual({ kind: 'week', from: '2026-03-02', to: '2026-03-08' });
    expect(monthPeriod('2024-02-10')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
  });

  it('steps to the previous and next period', () => {
    expect(shiftPeriod(weekPeriod('2026-01-01'), -1)).toEqual({ kind: 'week', from: '2025-12-22', to: '2025-12-28' });
    expect(shiftPeriod(monthPeriod('2026-01-31'), -1)).toEqual({ kind: 'month', from: '2025-12-01', to: '2025-12-31' });
    expect(shiftPeriod(monthPeriod('2026-01-15'), 1)).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(shiftPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' }, 1)).toEqual({ kind: 'custom', from: '2026-03-11', to: '2026-03-20' });
  });

  it('reads the period from the URL, falling back to this month', () => {
    expect(periodFromParams({}, '2026-03-15')).toEqual(monthPeriod('2026-03-15'));
    expect(periodFromParams({ period: 'week', from: '2026-03-04' }, '2026-03-15')).toEqual(weekPeriod('2026-03-04'));
    expect(periodFromParams({ period: 'custom', from: '2026-01-01', to: '2026-02-15' }, '2026-03-15')).toEqual({ kind: 'custom', from: '2026-01-01', to: '2026-02-15' });
    expect(periodFromParams({ period: 'custom', from: '2026-01-01', to: 'soon' }, '2026-03-15')).toEqual(monthPeriod('2026-01-01'));
    expect(periodFromParams({ period: 'month', from: '2026-02-31' }, '2026-03-15')).toEqual(monthPeriod('2026-03-15'));
  });

  it('knows a period that ends before it starts is not one', () => {
    expect(isValidPeriod({ kind: 'custom', from: '2026-03-10', to: '2026-03-01' })).toBe(false);
    expect(isValidPeriod({ kind: 'custom', from: '2026-03-10', to: '2026-03-10' })).toBe(true);
  });
});
