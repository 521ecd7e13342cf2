// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRepositories, TavlaDb } from '../data';
import { attendanceId } from '../domain/attendance';
import { startRetentionJob, sweepIfDue } from './job';

async function deviceWithOldMark() {
  const repos = createRepositories(new TavlaDb(`job-${crypto.randomUUID()}`));
  const wp = await repos.workplaces.create({ name: 'Caféet', activityType: 'kitchen', openingTime: '08:00', pin: '1234' });
  await repos.settings.set('workplaceId', wp.id);
  const ada = await repos.persons.add(wp.id, { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' } });
  await repos.attendance.setStatus(wp.id, ada.id, '2020-01-07', 'present');
  return { repos, wp, ada };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the daily retention sweep', () => {
  it('sweeps once a day: at the first check, again only when the date has changed', async () => {
    const { repos, ada } = await deviceWithOldMark();
    const sweep = vi.spyOn(repos.retention, 'sweep');
    expect(await sweepIfDue(repos, new Date(2026, 2, 2, 9))).toBe(true);
    expect((await repos.db.attendance.get(attendanceId(ada.id, '2020-01-07')))!.deleted).toBe(1);
    expect(await sweepIfDue(repos, new Date(2026, 2, 2, 17))).toBe(false);
    expect(await sweepIfDue(repos, new Date(2026, 2, 3, 7))).toBe(true);
    expect(sweep).toHaveBeenCalledTimes(2);
    expect(sweep.mock.calls.map((c) => c[1])).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('does nothing on a device without a workplace', async () => {
    const repos = createRepositories(new TavlaDb(`job-${crypto.randomUUID()}`));
    expect(await sweepIfDue(repos)).toBe(false);
  });

  it('starts by itself shortly after start and checks on an interval', async () => {
    const { repos } = await deviceWithOldMark();
    const sweep = vi.spyOn(repos.retention, 'sweep');
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    const stop = startRetentionJob(repos, { startDelayMs: 1000, checkEveryMs: 5000 });
    expect(sweep).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(sweep).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sweep).toHaveBeenCalledTimes(1); // same day: no second sweep
    stop();
  });
});
