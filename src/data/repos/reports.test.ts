// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb } from '..';

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
});
