import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isInSafetyCrossShape,
  SAFETY_CROSS_LAYOUT,
  SAFETY_CROSS_SHAPE,
  safetyCrossCells,
  safetyCrossMonth,
  safetyDeviationDates,
} from './safetyCross';

const weekdays = [1, 2, 3, 4, 5];

describe('safety cross colours', () => {
  // November 2026: the 1st is a Sunday; today is Wednesday the 25th.
  const month = (opts: Partial<Parameters<typeof safetyCrossMonth>[2]> = {}) =>
    safetyCrossMonth(2026, 11, { today: '2026-11-25', openDays: weekdays, safetyDeviationDates: [], ...opts });
  const colorOf = (days: ReturnType<typeof month>, day: number) => days[day - 1]!.color;

  it('has one cell per day of the month', () => {
    expect(month()).toHaveLength(30);
    expect(safetyCrossMonth(2026, 2, { today: '2026-02-01', openDays: weekdays, safetyDeviationDates: [] })).toHaveLength(28);
    expect(month()[0]).toEqual({ date: '2026-11-01', day: 1, color: 'grey', isToday: false });
  });

  it('colours open days up to today green, including today', () => {
    expect(colorOf(month(), 2)).toBe('green');
    expect(colorOf(month(), 25)).toBe('green');
    expect(month()[24]!.isToday).toBe(true);
  });

  it('colours future days and closed days grey', () => {
    expect(colorOf(month(), 26)).toBe('grey');
    expect(colorOf(month(), 21)).toBe('grey'); // Saturday
    expect(colorOf(month({ closedDates: ['2026-11-06'] }), 6)).toBe('grey');
  });

  it('colours a day with a safety deviation red, even today or a closed day', () => {
    const days = month({ safetyDeviationDates: ['2026-11-03', '2026-11-25', '2026-11-22'] });
    expect(colorOf(days, 3)).toBe('red');
    expect(colorOf(days, 25)).toBe('red');
    expect(colorOf(days, 22)).toBe('red');
  });

  it('is red exactly on the days with a safety deviation', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 30 })),
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 })),
        fc.uniqueArray(fc.integer({ min: 1, max: 30 })),
        (deviationDays, todayDay, openDays, closedDays) => {
          const iso = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;
          const days = safetyCrossMonth(2026, 11, {
            today: iso(todayDay),
            openDays,
            closedDates: closedDays.map(iso),
            safetyDeviationDates: deviationDays.map(iso),
          });
          for (const d of days) {
            expect(d.color === 'red').toBe(deviationDays.includes(d.day));
            if (d.day > todayDay && d.color !== 'red') expect(d.color).toBe('grey');
          }
        },
      ),
    );
  });

  it('takes the dates of live safety deviations only', () => {
    expect(
      safetyDeviationDates([
        { category: 'safety', date: '2026-11-05' },
        { category: 'safety', date: '2026-11-02' },
        { category: 'safety', date: '2026-11-05' },
        { category: 'quality', date: '2026-11-03' },
        { category: 'safety', date: '2026-11-04', deleted: 1 },
      ]),
    ).toEqual(['2026-11-02', '2026-11-05']);
  });
});

describe('safety cross layout', () => {
  it('places 31 days on 31 different cells', () => {
    expect(SAFETY_CROSS_LAYOUT).toHaveLength(31);
    expect(SAFETY_CROSS_LAYOUT.map((c) => c.day)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(new Set(SAFETY_CROSS_LAYOUT.map((c) => `${c.row},${c.col}`)).size).toBe(31);
  });

  it('keeps every day inside the plus sign', () => {
    for (const c of SAFETY_CROSS_LAYOUT) expect(isInSafetyCrossShape(c.row, c.col)).toBe(true);
  });

  it('draws a plus sign of 33 cells, symmetric both ways', () => {
    expect(SAFETY_CROSS_SHAPE).toHaveLength(33);
    for (const { row, col } of SAFETY_CROSS_SHAPE) {
      expect(isInSafetyCrossShape(6 - row, col)).toBe(true);
      expect(isInSafetyCrossShape(row, 6 - col)).toBe(true);
      expect(isInSafetyCrossShape(col, row)).toBe(true);
    }
    expect(isInSafetyCrossShape(0, 0)).toBe(false);
    expect(isInSafetyCrossShape(1, 5)).toBe(false);
  });

  it('puts the days in reading order: 1 top of the upper arm, 31 at the foot', () => {
    expect(SAFETY_CROSS_LAYOUT[0]).toEqual({ day: 1, row: 0, col: 2 });
    expect(SAFETY_CROSS_LAYOUT[6]).toEqual({ day: 7, row: 2, col: 0 });
    expect(SAFETY_CROSS_LAYOUT[30]).toEqual({ day: 31, row: 6, col: 2 });
  });

  it('places the days of a month on the grid', () => {
    const cells = safetyCrossCells(safetyCrossMonth(2026, 11, { today: '2026-11-25', openDays: weekdays, safetyDeviationDates: [] }));
    expect(cells[16]).toMatchObject({ day: 17, date: '2026-11-17', row: 3, col: 3 });
  });
});

describe('a new workplace', () => {
  it('shows the days before it existed as neutral, not safe', () => {
    // made on Monday 7 December 2026: 1–4 December are not five safe days
    const days = safetyCrossMonth(2026, 12, { today: '2026-12-07', openDays: [1, 2, 3, 4, 5], safetyDeviationDates: [], since: '2026-12-07' });
    expect(days.filter((d) => d.color === 'green').map((d) => d.date)).toEqual(['2026-12-07']);
    expect(days.slice(0, 6).every((d) => d.color === 'grey')).toBe(true);
  });
});
