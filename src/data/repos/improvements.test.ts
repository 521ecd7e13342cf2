import { describe, expect, it } from 'vitest';
import { createRepositories } from '..';
import { TavlaDb } from '../db';
import { IMPROVEMENT_STATUSES } from '../../domain/types';

describe("ideas per column on today's board", () => {
  it('counts by the status index what the list of ideas holds: moved, deleted and other workplaces’ ideas included right', async () => {
    const repos = createRepositories(new TavlaDb(`test-${crypto.randomUUID()}`));
    const ideas = [];
    for (let i = 0; i < 6; i++) ideas.push(await repos.improvements.propose('wp', { date: '2026-11-0' + (i + 1) }));
    await repos.improvements.move(ideas[0]!.id, 'planned');
    await repos.improvements.move(ideas[1]!.id, 'done', { anyColumn: true });
    await repos.improvements.move(ideas[2]!.id, 'done', { anyColumn: true });
    await repos.improvements.remove(ideas[2]!.id); // a deleted done idea
    await repos.improvements.remove(ideas[3]!.id); // a deleted new idea
    await repos.improvements.propose('other-workplace', { date: '2026-11-02' });

    const listed = await repos.improvements.all('wp');
    const expected = Object.fromEntries(IMPROVEMENT_STATUSES.map((s) => [s, listed.filter((i) => i.status === s).length]));
    expect(await repos.improvements.countByStatus('wp')).toEqual(expected);
    expect(expected).toMatchObject({ idea: 2, planned: 1, done: 1, doing: 0 });
  });
});
