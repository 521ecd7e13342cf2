import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validate as isUuid } from 'uuid';
import { ATTENDANCE_STATUSES } from './types';
import {
  attendanceId,
  attendanceRate,
  canUndoCheckIn,
  checkInStatus,
  isHere,
  summarizeAttendance,
  SUPERVISOR_STATUSES,
} from './attendance';
import { InvalidIsoDate } from './errors';

const at = (h: number, m: number, s = 0) => new Date(2026, 2, 30, h, m, s).getTime();

describe('attendance ids', () => {
  it('are the same UUID for the same person and day on any device', () => {
    const a = attendanceId('0190c6a8-0000-7000-8000-000000000001', '2026-11-23');
    expect(a).toBe(attendanceId('0190c6a8-0000-7000-8000-000000000001', '2026-11-23'));
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('5');
  });

  it('stay stable across releases (the namespace must never change)', () => {
    // Computed independently: SHA-1 over namespace bytes + name, version and variant bits set (RFC 9562).
    expect(attendanceId('p1', '2026-11-23')).toBe('e4fdcfa5-aa9a-5e34-9e3a-2dda7a7937be');
  });

  it('differ for another person or another day', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (p, q) => {
        fc.pre(p !== q);
        expect(attendanceId(p, '2026-11-23')).not.toBe(attendanceId(q, '2026-11-23'));
        expect(attendanceId(p, '2026-11-23')).not.toBe(attendanceId(p, '2026-11-24'));
      }),
    );
  });

  it('refuse a date that is not YYYY-MM-DD, so no device derives a different id', () => {
    expect(() => attendanceId('p1', '2026-11-3')).toThrow(InvalidIsoDate);
  });
});

describe('checking in', () => {
  it('is on time up to and including the opening minute', () => {
    expect(checkInStatus(at(7, 45), '08:00')).toBe('present');
    expect(checkInStatus(at(8, 0, 59), '08:00')).toBe('present');
  });

  it('is late strictly after opening plus grace', () => {
    expect(checkInStatus(at(8, 1), '08:00')).toBe('late');
    expect(checkInStatus(at(8, 5), '08:00', 5)).toBe('present');
    expect(checkInStatus(at(8, 6), '08:00', 5)).toBe('late');
  });

  it('treats negative grace as none', () => {
    expect(checkInStatus(at(8, 0), '08:00', -10)).toBe('present');
  });

  it('can be undone for ten seconds', () => {
    const t = at(8, 0);
    expect(canUndoCheckIn(t, t)).toBe(true);
    expect(canUndoCheckIn(t, t + 9_999)).toBe(true);
    expect(canUndoCheckIn(t, t + 10_000)).toBe(false);
    expect(canUndoCheckIn(t, t - 1)).toBe(false);
    expect(canUndoCheckIn(null, t)).toBe(false);
  });
});

describe('the attendance summary', () => {
  const people = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

  it('counts present and late as here, out of everyone', () => {
    const s = summarizeAttendance(people, [
      { personId: 'a', status: 'present' },
      { personId: 'b', status: 'late' },
      { personId: 'c', status: 'sick' },
    ]);
    expect(s).toMatchObject({ here: 2, total: 5, unmarked: 2 });
    expect(s.byStatus).toEqual({ present: 1, late: 1, sick: 1, absentNotified: 0, absentUnnotified: 0, leave: 0 });
  });

  it('ignores marks of people not on the list and counts a person once', () => {
    const s = summarizeAttendance(people, [
      { personId: 'zz', status: 'present' },
      { personId: 'a', status: 'present' },
      { personId: 'a', status: 'sick' },
    ]);
    expect(s).toMatchObject({ here: 0, total: 5, unmarked: 4 });
  });

  it('always adds up: every person is marked once or unmarked', () => {
    const arb = fc.array(fc.record({ personId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'x'), status: fc.constantFrom(...ATTENDANCE_STATUSES) }));
    fc.assert(
      fc.property(arb, (marks) => {
        const s = summarizeAttendance(people, marks);
        const marked = Object.values(s.byStatus).reduce((a, b) => a + b, 0);
        expect(marked + s.unmarked).toBe(s.total);
        expect(s.here).toBeLessThanOrEqual(s.total);
      }),
    );
  });
});

describe('statuses', () => {
  it('offers supervisors every status, present first', () => {
    expect([...SUPERVISOR_STATUSES].sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    expect(SUPERVISOR_STATUSES[0]).toBe('present');
  });

  it('counts only present and late as here', () => {
    expect(ATTENDANCE_STATUSES.filter(isHere)).toEqual(['present', 'late']);
  });
});

describe('attendance rate', () => {
  it('is the share of expected open days attended, leave not expected', () => {
    const rate = attendanceRate(
      [
        { date: '2026-11-23', status: 'present' }, // Monday
        { date: '2026-11-24', status: 'late' },
        { date: '2026-11-25', status: 'sick' },
        { date: '2026-11-26', status: 'leave' },
        { date: '2026-11-28', status: 'absentUnnotified' }, // Saturday, closed
      ],
      [1, 2, 3, 4, 5],
    );
    expect(rate).toBeCloseTo(2 / 3);
  });

  it('is null when nothing was expected', () => {
    expect(attendanceRate([], [1, 2, 3, 4, 5])).toBeNull();
    expect(attendanceRate([{ date: '2026-11-23', status: 'leave' }], [1, 2, 3, 4, 5])).toBeNull();
  });
});
