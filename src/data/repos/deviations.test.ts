import { describe, expect, it } from 'vitest';
import { createRepositories } from '..';
import { TavlaDb } from '../db';

describe("deviations on today's board", () => {
  it('reads every open deviation and the month’s, not the solved ones of earlier months', async () => {
    const repos = createRepositories(new TavlaDb(`test-${crypto.randomUUID()}`));
    const report = (date: string) => repos.deviations.report('wp', { category: 'safety', date });
    const openOld = await report('2026-03-02');
    const handlingOld = await report('2026-05-10');
    await repos.deviations.setStatus(handlingOld.id, 'handling');
    const solvedOld = await report('2026-04-01');
    await repos.deviations.setStatus(solvedOld.id, 'handling');
    await repos.deviations.setStatus(solvedOld.id, 'solved');
    const solvedThisMonth = await report('2026-11-03');
    await repos.deviations.setStatus(solvedThisMonth.id, 'handling');
    await repos.deviations.setStatus(solvedThisMonth.id, 'solved');
    const newThisMonth = await report('2026-11-20');
    await repos.deviations.report('other-workplace', { category: 'safety', date: '2026-11-20' });

    const shown = await repos.deviations.forBoard('wp', '2026-11-28');
    expect(shown.map((d) => d.id).sort()).toEqual([openOld.id, handlingOld.id, solvedThisMonth.id, newThisMonth.id].sort());
  });
});
