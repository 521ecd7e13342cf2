import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  daysInMonth,
  eachDay,
  isoDateAt,
  isoWeekday,
  isoWeekKey,
  isValidIsoDate,
  isValidTime,
  minutesOfDay,
  monthKey,
  parseIsoDate,
  startOfIsoWeek,
  timeOfDayMinutes,
  toIsoDate,
} from './dates';
import { InvalidIsoDate, InvalidTime } from './errors';

// These tests hold in any time zone: local instants are built from local
// components (new Date(y, m, d, h, min)), never from UTC strings. Run them
// with TZ=Europe/Stockholm (and others) to exercise the DST days for real.

/** Any calendar date from 1900 to 2200, as an ISO string. */
const arbIso = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('local dates', () => {
  it('reads the local calendar date of an instant', () => {
    expect(toIsoDate(new Date(2026, 10, 23, 0, 0))).toBe('2026-11-23');
    expect(toIsoDate(new Date(2026, 10, 23, 23, 59, 59))).toBe('2026-11-23');
    expect(isoDateAt(new Date(2026, 0, 5, 7, 30).getTime())).toBe('2026-01-05');
  });

  it('parses an ISO date to the start of that local day', () => {
    const d = parseIsoDate('2026-11-23');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 10, 23, 0, 0]);
  });

  it('keeps the date on the days daylight saving starts and ends (Europe: last Sunday of March and October)', () => {
    for (const iso of ['2026-03-29', '2026-10-25', '2025-03-30', '2025-10-26']) {
      expect(toIsoDate(parseIsoDate(iso))).toBe(iso);
      expect(toIsoDate(new Date(2000 + Number(iso.slice(2, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8)), 2, 30))).toBe(iso);
    }
  });

  it('round-trips every date through parseIsoDate and toIsoDate', () => {
    fc.assert(fc.property(arbIso, (iso) => toIsoDate(parseIsoDate(iso)) === iso));
  });

  it('does not map years before 100 into the 1900s', () => {
    expect(toIsoDate(parseIsoDate('0042-06-01'))).toBe('0042-06-01');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });

  it('rejects strings that are not real dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-5', '20261105', '', '2026-11-23T10:00']) {
      expect(isValidIsoDate(bad)).toBe(false);
      expect(() => parseIsoDate(bad)).toThrow(InvalidIsoDate);
    }
    expect(isValidIsoDate('2024-02-29')).toBe(true);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adding n days and then -n days returns to the same date', () => {
    fc.assert(
      fc.property(arbIso, fc.integer({ min: -1000, max: 1000 }), (iso, n) => {
        expect(addDays(addDays(iso, n), -n)).toBe(iso);
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });

  it('numbers weekdays the ISO way, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-28')).toBe(6);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-03-29')).toBe(7);
  });

  it('the next day is always the next weekday', () => {
    fc.assert(fc.property(arbIso, (iso) => isoWeekday(addDays(iso, 1)) === (isoWeekday(iso) % 7) + 1));
  });

  it('starts a week on its Monday', () => {
    expect(startOfIsoWeek('2026-11-23')).toBe('2026-11-23');
    expect(startOfIsoWeek('2026-11-29')).toBe('2026-11-23');
    expect(startOfIsoWeek('2027-01-01')).toBe('2026-12-28');
    fc.assert(
      fc.property(arbIso, (iso) => {
        const monday = startOfIsoWeek(iso);
        return isoWeekday(monday) === 1 && daysBetween(monday, iso) >= 0 && daysBetween(monday, iso) < 7;
      }),
    );
  });

  it('lists a month day by day, with leap years', () => {
    expect(daysInMonth(2026, 2)).toHaveLength(28);
    expect(daysInMonth(2024, 2)).toHaveLength(29);
    expect(daysInMonth(2026, 10)).toHaveLength(31);
    expect(daysInMonth(2026, 11)[0]).toBe('2026-11-01');
    expect(daysInMonth(2026, 11).at(-1)).toBe('2026-11-30');
    expect(() => daysInMonth(2026, 13)).toThrow(RangeError);
  });

  it('keys a month as YYYY-MM', () => {
    expect(monthKey('2026-11-23')).toBe('2026-11');
  });

  it('lists each day of a range, both ends included', () => {
    expect(eachDay('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(eachDay('2026-03-28', '2026-03-28')).toEqual(['2026-03-28']);
    expect(eachDay('2026-03-28', '2026-03-27')).toEqual([]);
  });
});

describe('ISO week keys', () => {
  it('uses the ISO week-numbering year around new year', () => {
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48');
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2020-12-31')).toBe('2020-W53');
  });

  it('gives two dates the same key exactly when they share a Monday', () => {
    fc.assert(
      fc.property(arbIso, fc.integer({ min: -10, max: 10 }), (iso, n) => {
        const other = addDays(iso, n);
        return (isoWeekKey(iso) === isoWeekKey(other)) === (startOfIsoWeek(iso) === startOfIsoWeek(other));
      }),
    );
  });

  it('numbers weeks 1 to 53 and counts up by one each Monday within a year', () => {
    fc.assert(
      fc.property(arbIso, (iso) => {
        const [year, w] = isoWeekKey(iso).split('-W').map(Number) as [number, number];
        expect(w).toBeGreaterThanOrEqual(1);
        expect(w).toBeLessThanOrEqual(53);
        const [nextYear, nextW] = isoWeekKey(addDays(startOfIsoWeek(iso), 7)).split('-W').map(Number) as [number, number];
        if (nextYear === year) expect(nextW).toBe(w + 1);
        else expect([nextYear, nextW]).toEqual([year + 1, 1]);
      }),
    );
  });
});

describe('times of day', () => {
  it('accepts only 24-hour HH:MM', () => {
    for (const ok of ['00:00', '07:30', '23:59']) expect(isValidTime(ok)).toBe(true);
    for (const bad of ['24:00', '7:30', '07:60', '0730', '07:30:00', '']) expect(isValidTime(bad)).toBe(false);
  });

  it('turns HH:MM into minutes after midnight', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('08:15')).toBe(495);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(() => minutesOfDay('8:15')).toThrow(InvalidTime);
  });

  it('reads the wall-clock minutes of an instant, also on DST days', () => {
    expect(timeOfDayMinutes(new Date(2026, 10, 23, 8, 5, 59).getTime())).toBe(485);
    expect(timeOfDayMinutes(new Date(2026, 2, 29, 8, 5).getTime())).toBe(485);
    expect(timeOfDayMinutes(new Date(2026, 9, 25, 8, 5).getTime())).toBe(485);
  });
});
