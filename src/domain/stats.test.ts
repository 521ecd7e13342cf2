import { describe, expect, it } from 'vitest';
import type { AttendanceStatus, DeviationCategory } from './types';
import {
  attendanceReport,
  daysToSolve,
  deviationPareto,
  groupMonthSummary,
  ideaProposers,
  ideasByMonth,
  median,
  meetingLengths,
  personDays,
  scheduledMinutes,
  timeToSolveByMonth,
  weeklyAttendanceRates,
  workdayMinutes,
} from './stats';
import { addDays, isoDateAt, monthsBetween } from './dates';

/** Local noon of a date: the same calendar day in every time zone the tests run in. */
const noon = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12).getTime();
const at = (iso: string, hh: number, mm: number) =>
  new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), hh, mm).getTime();

const mark = (personId: string, date: string, status: AttendanceStatus | null, extra: { checkedInAt?: number | null; deleted?: 0 | 1 } = {}) => ({
  personId,
  date,
  status,
  checkedInAt: null,
  deleted: 0 as 0 | 1,
  ...extra,
});

const MON_FRI = [1, 2, 3, 4, 5];

describe('median and months', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('lists the months from one date to another, across a year end', () => {
    expect(monthsBetween('2025-11-20', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-01')).toEqual([]);
  });
});

describe('weekly attendance rate', () => {
  // 2026-03-02 is a Monday (week 10); 2026-03-09 starts week 11.
  const marks = [
    mark('a', '2026-03-02', 'present'),
    mark('b', '2026-03-02', 'late'),
    mark('c', '2026-03-02', 'sick'),
    mark('d', '2026-03-02', 'leave'), // leave is not an expected day
    mark('a', '2026-03-03', 'absentUnnotified'),
    mark('a', '2026-03-07', 'present'), // Saturday: closed, not counted
    mark('b', '2026-03-04', null), // an undone check-in: not counted
    mark('c', '2026-03-05', 'present', { deleted: 1 }), // tombstone: not counted
    mark('a', '2026-03-10', 'present'),
    mark('b', '2026-03-10', 'present'),
  ];

  it('is here ÷ expected per ISO week, with leave, closed days, undone and deleted marks left out', () => {
    const weeks = weeklyAttendanceRates(marks, MON_FRI, '2026-03-02', '2026-03-22');
    expect(weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11', '2026-W12']);
    expect(weeks[0]).toMatchObject({ start: '2026-03-02', expected: 4, here: 2, rate: 0.5 });
    expect(weeks[1]).toMatchObject({ expected: 2, here: 2, rate: 1 });
    expect(weeks[2]).toMatchObject({ expected: 0, here: 0, rate: null });
  });

  it('only counts marks inside the period, while showing every week it touches', () => {
    const weeks = weeklyAttendanceRates(marks, MON_FRI, '2026-03-03', '2026-03-09');
    expect(weeks.map((w) => w.week)).toEqual(['2026-W10', '2026-W11']);
    expect(weeks[0]).toMatchObject({ expected: 1, here: 0, rate: 0 });
    expect(weeks[1]).toMatchObject({ expected: 0, rate: null });
  });
});

describe('attendance report', () => {
  const opts = { from: '2026-03-01', to: '2026-03-31', openDays: MON_FRI, openingTime: '08:00', closingTime: '15:00' };

  it('knows the length of a workday, or that there is none', () => {
    expect(workdayMinutes('08:00', '15:30')).toBe(450);
    expect(workdayMinutes('08:00', '08:00')).toBeNull();
    expect(workdayMinutes(undefined, '15:00')).toBeNull();
    expect(workdayMinutes('8', '15:00')).toBeNull();
  });

  it('schedules a present day from opening, a late day from the check-in, other days not at all', () => {
    expect(scheduledMinutes({ status: 'present', checkedInAt: null }, '08:00', '15:00')).toBe(420);
    expect(scheduledMinutes({ status: 'late', checkedInAt: at('2026-03-02', 9, 30) }, '08:00', '15:00')).toBe(330);
    expect(scheduledMinutes({ status: 'late', checkedInAt: null }, '08:00', '15:00')).toBe(420);
    expect(scheduledMinutes({ status: 'sick', checkedInAt: null }, '08:00', '15:00')).toBe(0);
    expect(scheduledMinutes({ status: 'late', checkedInAt: at('2026-03-02', 16, 0) }, '08:00', '15:00')).toBe(0);
  });

  it('counts each status per person, with hours and rate, in the order given', () => {
    const marks = [
      mark('ada', '2026-03-02', 'present'),
      mark('ada', '2026-03-03', 'late', { checkedInAt: at('2026-03-03', 9, 0) }),
      mark('ada', '2026-03-04', 'sick'),
      mark('ada', '2026-03-05', 'absentNotified'),
      mark('ada', '2026-03-06', 'leave'),
      mark('ada', '2026-02-27', 'present'), // before the period
      mark('bo', '2026-03-02', 'absentUnnotified'),
      mark('zed', '2026-03-02', 'present'), // not asked for
    ];
    const [ada, bo, cy] = attendanceReport(['ada', 'bo', 'cy'], marks, opts);
    expect(ada).toMatchObject({
      personId: 'ada',
      counts: { present: 1, late: 1, sick: 1, absentNotified: 1, absentUnnotified: 0, leave: 1 },
      daysHere: 2,
      marked: 5,
      hours: 13, // 7 h + 6 h
      rate: 0.5, // 2 here of 4 expected (leave is not expected)
    });
    expect(bo).toMatchObject({ daysHere: 0, marked: 1, hours: 0, rate: 0 });
    expect(cy).toMatchObject({ marked: 0, hours: 0, rate: null });
  });

  it('gives no hours when the workplace has no opening hours', () => {
    const [row] = attendanceReport(['ada'], [mark('ada', '2026-03-02', 'present')], { ...opts, openingTime: undefined });
    expect(row!.hours).toBeNull();
  });

  it('sums the whole group per month, anonymised marks counted but not as people', () => {
    const marks = [
      mark('ada', '2026-02-27', 'present'),
      mark('ada', '2026-03-02', 'present'),
      mark('bo', '2026-03-02', 'sick'),
      mark('', '2026-03-03', 'late'),
      mark('ada', '2026-04-01', 'present'),
    ];
    const months = groupMonthSummary(marks, MON_FRI, '2026-02-15', '2026-03-31');
    expect(months.map((m) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(months[0]).toMatchObject({ marks: 1, people: 1, rate: 1 });
    expect(months[1]).toMatchObject({ marks: 3, people: 2, counts: { present: 1, sick: 1, late: 1 } });
    expect(months[1]!.rate).toBeCloseTo(2 / 3);
  });

  it('lists every day of a person, unmarked days as null', () => {
    const days = personDays('ada', [mark('ada', '2026-03-03', 'sick'), mark('bo', '2026-03-02', 'present')], '2026-03-02', '2026-03-04');
    expect(days).toEqual([
      { date: '2026-03-02', status: null },
      { date: '2026-03-03', status: 'sick' },
      { date: '2026-03-04', status: null },
    ]);
  });
});

describe('deviations', () => {
  const dev = (category: DeviationCategory, date: string, solvedOn: string | null = null, deleted: 0 | 1 = 0) => ({
    category,
    date,
    status: solvedOn ? 'solved' : 'new',
    solvedAt: solvedOn ? noon(solvedOn) : null,
    deleted,
  });

  it('ranks categories biggest first with the cumulative share (Pareto)', () => {
    const list = [
      ...Array.from({ length: 5 }, () => dev('missingMaterial', '2026-03-02')),
      ...Array.from({ length: 3 }, () => dev('brokenTool', '2026-03-03')),
      dev('safety', '2026-03-04'),
      dev('time', '2026-03-05'),
      dev('quality', '2026-03-05', null, 1), // deleted
      dev('customer', '2026-02-01'), // outside
    ];
    const bars = deviationPareto(list, '2026-03-01', '2026-03-31');
    expect(bars.map((b) => [b.category, b.count])).toEqual([
      ['missingMaterial', 5],
      ['brokenTool', 3],
      ['safety', 1], // ties keep the board's category order
      ['time', 1],
    ]);
    expect(bars.map((b) => b.cumulative)).toEqual([0.5, 0.8, 0.9, 1]);
    expect(bars[0]!.share).toBe(0.5);
    expect(deviationPareto([], '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('counts calendar days from report to solution', () => {
    expect(daysToSolve(dev('safety', '2026-03-02', '2026-03-02'))).toBe(0);
    expect(daysToSolve(dev('safety', '2026-03-02', '2026-03-05'))).toBe(3);
    expect(daysToSolve(dev('safety', '2026-03-02'))).toBeNull();
    expect(daysToSolve({ date: '2026-03-05', status: 'solved', solvedAt: noon('2026-03-01') })).toBe(0);
  });

  it('takes the median time to solve per month of solving', () => {
    const list = [
      dev('safety', '2026-02-25', '2026-03-02'), // 5 days, solved in March
      dev('time', '2026-03-02', '2026-03-03'), // 1
      dev('time', '2026-03-10', '2026-03-12'), // 2
      dev('time', '2026-03-20'), // open
      dev('quality', '2026-04-01', '2026-04-09'), // 8
    ];
    expect(timeToSolveByMonth(list, ['2026-02', '2026-03', '2026-04'])).toEqual([
      { month: '2026-02', solved: 0, medianDays: null },
      { month: '2026-03', solved: 3, medianDays: 2 },
      { month: '2026-04', solved: 1, medianDays: 8 },
    ]);
  });

  it('gives each month the median of daysToSolve of the deviations solved in it, over a year and across the turn of the year', () => {
    const months = monthsBetween('2025-11-01', '2026-10-31');
    const list = Array.from({ length: 400 }, (_, i) => {
      const reported = addDays('2025-10-20', (i * 7) % 370);
      const d = dev(i % 2 ? 'time' : 'safety', reported, i % 9 === 0 ? undefined : addDays(reported, (i * 13) % 40));
      return i % 17 === 0 ? { ...d, deleted: 1 as const } : d;
    });
    const expected = months.map((month) => {
      const days = list.filter((d) => d.deleted === 0 && d.solvedAt !== null && isoDateAt(d.solvedAt).startsWith(month)).map((d) => daysToSolve(d)!);
      return { month, solved: days.length, medianDays: median(days) };
    });
    expect(timeToSolveByMonth(list, months)).toEqual(expected);
    expect(expected.every((m) => m.solved > 0)).toBe(true);
  });
});

describe('ideas', () => {
  const idea = (date: string, status: string, proposedBy: string | null, movedOn = date) => ({ date, status, proposedBy, movedAt: noon(movedOn), deleted: 0 as const });

  it('counts proposed by the day proposed and done by the day moved to done', () => {
    const list = [idea('2026-02-20', 'done', 'ada', '2026-03-04'), idea('2026-03-01', 'idea', 'bo'), idea('2026-03-02', 'done', 'ada', '2026-03-09'), idea('2026-03-03', 'notNow', null)];
    expect(ideasByMonth(list, ['2026-02', '2026-03'])).toEqual([
      { month: '2026-02', proposed: 1, done: 0 },
      { month: '2026-03', proposed: 3, done: 2 },
    ]);
  });

  it('credits the people who proposed, most ideas first', () => {
    const list = [idea('2026-03-01', 'done', 'bo'), idea('2026-03-02', 'idea', 'ada'), idea('2026-03-03', 'done', 'ada'), idea('2026-03-04', 'idea', null), idea('2026-01-01', 'idea', 'bo')];
    expect(ideaProposers(list, '2026-03-01', '2026-03-31')).toEqual([
      { personId: 'ada', proposed: 2, done: 1 },
      { personId: 'bo', proposed: 1, done: 1 },
      { personId: null, proposed: 1, done: 0 },
    ]);
  });
});

describe('meeting length', () => {
  it('lists ended meetings oldest first, in minutes', () => {
    const m = (date: string, startMin: number, endMin: number | null, deleted: 0 | 1 = 0) => ({
      date,
      startedAt: at(date, 8, 0) + startMin * 60_000,
      endedAt: endMin === null ? null : at(date, 8, 0) + endMin * 60_000,
      targetMinutes: 15,
      deleted,
    });
    const lengths = meetingLengths([m('2026-03-03', 0, 12), m('2026-03-02', 5, 23), m('2026-03-04', 0, null), m('2026-03-05', 0, 9, 1)], '2026-03-01', '2026-03-31');
    expect(lengths).toEqual([
      { date: '2026-03-02', minutes: 18, targetMinutes: 15 },
      { date: '2026-03-03', minutes: 12, targetMinutes: 15 },
    ]);
  });
});

describe('the rate rule', () => {
  it('is the attendance rule of the board (domain/attendance)', async () => {
    const { attendanceRate } = await import('./attendance');
    const statuses: AttendanceStatus[] = ['present', 'late', 'sick', 'absentNotified', 'absentUnnotified', 'leave'];
    const marks = Array.from({ length: 60 }, (_, i) => mark('ada', `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, statuses[(i * 7) % 6]!));
    const [row] = attendanceReport(['ada'], marks, { from: '2026-03-01', to: '2026-03-31', openDays: [1, 2, 3, 4, 6] });
    expect(row!.rate).toBe(attendanceRate(marks as { date: string; status: AttendanceStatus }[], [1, 2, 3, 4, 6]));
  });
});
