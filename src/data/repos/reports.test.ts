// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb } from '..';
import { attendanceReport, groupMonthSummary } from '../../domain/stats';
import { attendanceReportFromMonths, groupMonthSummaryFromMonths } from '../../domain/monthlyCounts';

describe('report queries', () => {
  it('reuse what they read until the table changes, in this tab or through any writer', async () => {
    const repos = createRepositories(new TavlaDb(`reports-${crypto.randomUUID()}`));
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', pin: '1234' });
    const ada = await repos.persons.add(wp.id, { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' } });
    await repos.attendance.setStatus(wp.id, ada.id, '2026-01-30', 'present');
    await repos.attendance.setStatus(wp.id, ada.id, '2026-02-02', 'sick');
    expect((await repos.reports.marks(wp.id, '2026-01-01', '2026-02-28')).map((m) => m.status)).toEqual(['present', 'sick']);
    // a narrower period is cut from the months already read
    expect((await repos.reports.marks(wp.id, '2026-02-01', '2026-02-28')).map((m) => m.date)).toEqual(['2026-02-02']);
    // a write anywhere in the table is seen at the next read
    await repos.attendance.setStatus(wp.id, ada.id, '2026-02-03', 'late');
    await repos.attendance.setStatus(wp.id, ada.id, '2026-01-30', 'leave');
    expect((await repos.reports.marks(wp.id, '2026-01-01', '2026-02-28')).map((m) => m.status)).toEqual(['leave', 'sick', 'late']);
    await repos.deviations.report(wp.id, { category: 'time', date: '2025-06-01' });
    expect((await repos.reports.trends(wp.id, '2026-01-01', '2026-02-28')).deviations).toHaveLength(1);
    await repos.deviations.report(wp.id, { category: 'time', date: '2026-02-01' });
    expect((await repos.reports.trends(wp.id, '2026-01-01', '2026-02-28')).deviations).toHaveLength(2);
    // and another workplace's rows never show
    const other = await repos.workplaces.create({ name: 'Tvätten', activityType: 'laundry', openingTime: '08:00', pin: '1234' });
    expect(await repos.reports.marks(other.id, '2026-01-01', '2026-02-28')).toEqual([]);
    expect((await repos.reports.trends(other.id, '2026-01-01', '2026-02-28')).deviations).toEqual([]);
  });

  it('read a table once for callers that ask while it is being read (the hub prefetch, then the tap), and again after a write', async () => {
    const db = new TavlaDb(`reports-once-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', pin: '1234' });
    await repos.deviations.report(wp.id, { category: 'time', date: '2026-02-01' });
    const reads: string[] = [];
    const table = db.table.bind(db);
    db.table = ((name: string) => {
      reads.push(name);
      return table(name);
    }) as typeof db.table;
    const count = (name: string) => reads.filter((n) => n === name).length;
    const [a, b] = await Promise.all([repos.reports.trends(wp.id, '2026-01-01', '2026-02-28'), repos.reports.trends(wp.id, '2026-01-01', '2026-02-28')]);
    expect(a.deviations).toHaveLength(1);
    expect(b.deviations).toEqual(a.deviations);
    expect(b.meetings).toEqual(a.meetings);
    expect([count('deviations'), count('improvements'), count('meetings')]).toEqual([1, 1, 1]);
    // kept while nothing changes
    await repos.reports.trends(wp.id, '2026-01-01', '2026-02-28');
    expect([count('deviations'), count('improvements'), count('meetings')]).toEqual([1, 1, 1]);
    // a write made while a read is under way: that read's rows are not reused, the next caller reads again
    const during = repos.reports.trends(wp.id, '2025-01-01', '2026-02-28');
    await repos.deviations.report(wp.id, { category: 'safety', date: '2026-02-03' });
    await during;
    expect((await repos.reports.trends(wp.id, '2025-01-01', '2026-02-28')).deviations.map((d) => d.category).sort()).toEqual(['safety', 'time']);
  });

  it('give the report of everyone from kept months and cut months, the same as from the marks, before and after an erasure', async () => {
    const repos = createRepositories(new TavlaDb(`reports-months-${crypto.randomUUID()}`));
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', closingTime: '15:00', pin: '1234' });
    const ada = await repos.persons.add(wp.id, { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' } });
    const bo = await repos.persons.add(wp.id, { firstName: 'Bo', avatar: { kind: 'pictogram', ref: 'person' } });
    const dates = ['2026-01-28', '2026-02-02', '2026-02-16', '2026-03-02', '2026-03-20'];
    for (const [i, date] of dates.entries()) {
      await repos.attendance.checkIn(wp.id, ada.id, date, '08:00', Date.parse(`${date}T0${7 + (i % 2)}:${10 + i}:00+01:00`));
      await repos.attendance.setStatus(wp.id, bo.id, date, i % 2 ? 'sick' : 'present');
    }
    const from = '2026-01-15';
    const to = '2026-03-10';
    const opts = { from, to, openDays: [1, 2, 3, 4, 5], openingTime: '08:00', closingTime: '15:00' };
    const expectSameAsMarks = async () => {
      const ids = (await repos.reports.people(wp.id)).map((p) => p.id);
      const months = await repos.reports.attendanceMonths(wp.id, from, to);
      const marks = await repos.reports.marks(wp.id, from, to);
      expect(attendanceReportFromMonths(ids, months, opts)).toEqual(attendanceReport(ids, marks, opts));
      expect(groupMonthSummaryFromMonths(months, opts.openDays, from, to)).toEqual(groupMonthSummary(marks, opts.openDays, from, to));
      return attendanceReportFromMonths(ids, months, opts);
    };
    const before = await expectSameAsMarks();
    expect(before.map((r) => [r.personId, r.marked])).toEqual([
      [ada.id, 4],
      [bo.id, 4],
    ]);
    expect(before[0]!.counts.late).toBe(2);
    expect(before[0]!.hours).toBeCloseTo(7 * 2 + (15 * 60 - (8 * 60 + 11)) / 60 + (15 * 60 - (8 * 60 + 13)) / 60);
    await repos.persons.erase(bo.id);
    const after = await expectSameAsMarks();
    expect(after.map((r) => r.personId)).toEqual([ada.id]);
  });
});
