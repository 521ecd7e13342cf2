/**
 * The attendance report from the months of each person gives exactly what it
 * gives from the marks (domain/stats), for any marks, period, open days and
 * opening hours: the kept months for the months the period covers whole, the
 * marks for the months it cuts (as data/repos/reports.ts reads them).
 * Property runs use the suite's seed (FC_SEED, tests/setup.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceReportFromMonths, countMonths, groupMonthSummaryFromMonths, lastDayOfMonth, monthsOfMarks, splitPeriod, type PersonMonth } from './monthlyCounts';
import { attendanceReport, groupMonthSummary } from './stats';
import { addDays } from './dates';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Iso } from './types';

const PEOPLE = ['p1', 'p2', 'p3', ''];
const day = fc.integer({ min: 0, max: 130 }).map((n) => addDays('2026-01-20', n));

const markArb = fc.record({
  id: fc.integer({ min: 0, max: 60 }).map((n) => `m${n}`),
  workplaceId: fc.constant('wp'),
  personId: fc.constantFrom(...PEOPLE),
  date: day,
  status: fc.constantFrom<AttendanceStatus | null>(null, ...ATTENDANCE_STATUSES),
  deleted: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  checkedInAt: fc.option(fc.integer({ min: Date.UTC(2026, 2, 2, 5), max: Date.UTC(2026, 2, 2, 16) }), { nil: null }),
});

const time = fc.option(fc.constantFrom('07:00', '08:00', '08:30', '12:00', '15:00', '16:30', 'bad'), { nil: undefined });

/** What data/repos/reports.ts hands the report: kept months whole, marks of the cut months. */
function monthsFor(marks: Parameters<typeof countMonths>[0] & readonly unknown[], from: Iso, to: Iso): PersonMonth[] {
  const kept = [...countMonths(marks).values()];
  const { whole, cut } = splitPeriod(from, to);
  const list = marks as unknown as Parameters<typeof monthsOfMarks>[0];
  return [
    ...kept.filter((m) => whole.includes(m.month)),
    ...cut.flatMap((part) => monthsOfMarks(list.filter((m) => m.date >= part.from && m.date <= part.to && m.deleted !== 1), from, to)),
  ];
}

describe('the attendance report from monthly counts', () => {
  it('equals the report from the marks, per person and per month', () => {
    fc.assert(
      fc.property(fc.array(markArb, { maxLength: 80 }), day, day, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), time, time, (gen, a, b, openDays, openingTime, closingTime) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const marks = [...new Map(gen.map((m) => [m.id, m])).values()]; // one row per id, as stored
        const months = monthsFor(marks, from, to);
        const opts = { from, to, openDays, openingTime, closingTime };
        const ids = ['p1', 'p2', 'p3', 'p4'];
        expect(attendanceReportFromMonths(ids, months, opts)).toEqual(attendanceReport(ids, marks, opts));
        expect(groupMonthSummaryFromMonths(months, openDays, from, to)).toEqual(groupMonthSummary(marks, openDays, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('splits a period into whole months and the parts of the months it cuts', () => {
    expect(splitPeriod('2025-12-08', '2026-12-07')).toEqual({
      whole: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
      cut: [
        { from: '2025-12-08', to: '2025-12-31' },
        { from: '2026-12-01', to: '2026-12-07' },
      ],
    });
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual({ whole: ['2026-02'], cut: [] });
    expect(splitPeriod('2026-02-02', '2026-02-27')).toEqual({ whole: [], cut: [{ from: '2026-02-02', to: '2026-02-27' }] });
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });
});
