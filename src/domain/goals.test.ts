import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GoalPeriod, GoalTarget } from './types';
import {
  goalProgressFor,
  goalStatus,
  InvalidGoalTarget,
  validateGoalInput,
  weekFraction,
  workdayFraction,
} from './goals';

const count = (target: number, period: GoalPeriod = 'day') => ({ id: 'g1', period, target: { kind: 'count', target } as GoalTarget });
const yesno = (period: GoalPeriod = 'day') => ({ id: 'g1', period, target: { kind: 'yesno' } as GoalTarget });
const entry = (date: string, amount = 1, goalId = 'g1') => ({ goalId, date, amount });
const weekdays = [1, 2, 3, 4, 5];

describe('goal progress', () => {
  it('sums only today for a day goal', () => {
    const entries = [entry('2026-11-25'), entry('2026-11-25', 2), entry('2026-11-24'), entry('2026-11-25', 5, 'other')];
    expect(goalProgressFor(count(10), entries, '2026-11-25')).toBe(3);
  });

  it('sums Monday to Sunday of the ISO week for a week goal', () => {
    const entries = [entry('2026-11-22'), entry('2026-11-23'), entry('2026-11-26', 2), entry('2026-11-29'), entry('2026-11-30')];
    expect(goalProgressFor(count(10, 'week'), entries, '2026-11-25')).toBe(4);
  });

  it('counts undo entries but never goes below zero, and skips deleted entries', () => {
    expect(goalProgressFor(count(10), [entry('2026-11-25'), entry('2026-11-25', -1)], '2026-11-25')).toBe(0);
    expect(goalProgressFor(count(10), [entry('2026-11-25', -3)], '2026-11-25')).toBe(0);
    expect(goalProgressFor(count(10), [{ ...entry('2026-11-25'), deleted: 1 as const }], '2026-11-25')).toBe(0);
  });

  it('counts a week across the new year in the right week', () => {
    const entries = [entry('2026-12-31'), entry('2027-01-03'), entry('2027-01-04')];
    expect(goalProgressFor(count(10, 'week'), entries, '2026-12-28')).toBe(2);
  });
});

describe('how much of the period has passed', () => {
  const at = (h: number, m: number) => new Date(2026, 10, 25, h, m).getTime();

  it('runs from 0 at opening to 1 at closing', () => {
    expect(workdayFraction(at(7, 0), '08:00', '16:00')).toBe(0);
    expect(workdayFraction(at(8, 0), '08:00', '16:00')).toBe(0);
    expect(workdayFraction(at(12, 0), '08:00', '16:00')).toBe(0.5);
    expect(workdayFraction(at(16, 0), '08:00', '16:00')).toBe(1);
    expect(workdayFraction(at(20, 0), '08:00', '16:00')).toBe(1);
  });

  it('survives a closing time not after opening', () => {
    expect(workdayFraction(at(7, 0), '08:00', '08:00')).toBe(0);
    expect(workdayFraction(at(9, 0), '08:00', '08:00')).toBe(1);
  });

  it('counts open days of the week gone, plus the part of today', () => {
    expect(weekFraction('2026-11-23', weekdays)).toBe(0); // Monday morning
    expect(weekFraction('2026-11-25', weekdays)).toBe(2 / 5); // Wednesday
    expect(weekFraction('2026-11-25', weekdays, 0.5)).toBe(2.5 / 5);
    expect(weekFraction('2026-11-27', weekdays, 1)).toBe(1); // Friday evening
    expect(weekFraction('2026-11-28', weekdays, 0.5)).toBe(1); // Saturday, closed
    expect(weekFraction('2026-11-25', [])).toBe(0);
  });

  it('stays between 0 and 1 whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 23, max: 29 }),
        fc.uniqueArray(fc.integer({ min: -2, max: 9 })),
        fc.double({ noNaN: false }),
        (day, open, f) => {
          const w = weekFraction(`2026-11-${day}`, open, f);
          return w >= 0 && w <= 1;
        },
      ),
    );
  });
});

describe('goal colour', () => {
  it('a yes/no goal is green when done', () => {
    expect(goalStatus(yesno(), 1, { dayFraction: 0.9 })).toBe('green');
  });

  it('a yes/no goal not done is yellow until two thirds of the day, red after', () => {
    expect(goalStatus(yesno(), 0, { dayFraction: 0.5 })).toBe('yellow');
    expect(goalStatus(yesno(), 0, { dayFraction: 2 / 3 })).toBe('red');
  });

  it('a weekly yes/no goal goes by the week', () => {
    expect(goalStatus(yesno('week'), 0, { dayFraction: 0.9, weekFraction: 0.4 })).toBe('yellow');
    expect(goalStatus(yesno('week'), 0, { dayFraction: 0.1, weekFraction: 0.8 })).toBe('red');
  });

  it('a count goal is green when on track or reached', () => {
    expect(goalStatus(count(10), 5, { dayFraction: 0.5 })).toBe('green');
    expect(goalStatus(count(10), 12, { dayFraction: 1 })).toBe('green');
    expect(goalStatus(count(10), 0, { dayFraction: 0 })).toBe('green');
  });

  it('a count goal is yellow a bit behind and red far behind', () => {
    expect(goalStatus(count(10), 3, { dayFraction: 0.5 })).toBe('yellow'); // 0.3 >= 0.5 × 0.6
    expect(goalStatus(count(10), 2, { dayFraction: 0.5 })).toBe('red');
    expect(goalStatus(count(10), 9, { dayFraction: 1 })).toBe('yellow');
  });

  it('a weekly count goal goes by the week', () => {
    expect(goalStatus(count(50, 'week'), 20, { dayFraction: 1, weekFraction: 0.4 })).toBe('green');
    expect(goalStatus(count(50, 'week'), 5, { dayFraction: 0, weekFraction: 0.8 })).toBe('red');
  });

  it('a week goal without weekFraction is a programming error', () => {
    expect(() => goalStatus(count(5, 'week'), 1, { dayFraction: 0.5 })).toThrow(TypeError);
  });

  it('refuses a target of zero or less', () => {
    expect(() => goalStatus(count(0), 1, { dayFraction: 0.5 })).toThrow(InvalidGoalTarget);
    expect(() => goalStatus(count(-3), 1, { dayFraction: 0.5 })).toThrow(InvalidGoalTarget);
  });

  it('more progress never makes a goal look worse', () => {
    const rank = { red: 0, yellow: 1, green: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(200), fc.nat(200), fc.double({ min: -1, max: 2 }), (target, a, b, f) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[goalStatus(count(target), hi, { dayFraction: f })]).toBeGreaterThanOrEqual(
          rank[goalStatus(count(target), lo, { dayFraction: f })],
        );
      }),
    );
  });

  it('later in the day never makes a goal look better', () => {
    const rank = { red: 0, yellow: 1, green: 2 };
    // NaN is excluded here because it has no place in "earlier/later" (it is unordered); what a NaN
    // fraction does is pinned by the next test.
    const fraction = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.nat(200), fraction, fraction, (target, p, f, g) => {
        const [early, late] = f <= g ? [f, g] : [g, f];
        expect(rank[goalStatus(count(target), p, { dayFraction: late })]).toBeLessThanOrEqual(
          rank[goalStatus(count(target), p, { dayFraction: early })],
        );
      }),
    );
  });
});

describe('a broken day fraction', () => {
  it('counts NaN as the start of the period and infinities as its ends', () => {
    expect(goalStatus(count(10), 0, { dayFraction: Number.NaN })).toBe('green');
    expect(goalStatus(count(10), 0, { dayFraction: Number.NEGATIVE_INFINITY })).toBe('green');
    expect(goalStatus(count(10), 0, { dayFraction: Number.POSITIVE_INFINITY })).toBe('red');
  });
});

describe('goal form', () => {
  it('accepts a short text and a target from 1 to 999', () => {
    expect(validateGoalInput({ text: 'Stryk 20 skjortor', target: { kind: 'count', target: 20 } })).toEqual([]);
    expect(validateGoalInput({ text: '', target: { kind: 'yesno' } })).toEqual([]);
  });

  it('rejects targets out of range or not whole', () => {
    for (const t of [0, -1, 1000, 2.5, Number.NaN]) {
      expect(validateGoalInput({ text: 'x', target: { kind: 'count', target: t } })).toEqual(['goal.error.targetRange']);
    }
  });

  it('rejects text longer than 60 characters', () => {
    expect(validateGoalInput({ text: 'a'.repeat(60), target: { kind: 'yesno' } })).toEqual([]);
    expect(validateGoalInput({ text: 'a'.repeat(61), target: { kind: 'count', target: 0 } })).toEqual([
      'goal.error.targetRange',
      'goal.error.textTooLong',
    ]);
  });
});

describe('a week goal made mid-week', () => {
  it('counts only the open days since it was made', () => {
    const weekdays = [1, 2, 3, 4, 5];
    // made on Wednesday 25 November: on Thursday morning one of three days is gone, not three of five
    expect(weekFraction('2026-11-26', weekdays, 0, '2026-11-25')).toBeCloseTo(1 / 3);
    expect(weekFraction('2026-11-26', weekdays, 0)).toBeCloseTo(3 / 5);
    // made last week: the whole week counts
    expect(weekFraction('2026-11-26', weekdays, 0, '2026-11-01')).toBeCloseTo(3 / 5);
  });
});
