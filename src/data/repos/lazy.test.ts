// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb } from '..';
import { backupRepo } from './backup';
import { reportsRepo } from './reports';
import { retentionRepo } from './retention';

describe('lazily loaded repositories', () => {
  it('offer every method of the real repository', () => {
    const db = new TavlaDb(`lazy-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    for (const [lazy, real] of [
      [repos.reports, reportsRepo(db)],
      [repos.retention, retentionRepo(db)],
      [repos.backup, backupRepo(db)],
    ] as const) {
      expect(Object.keys(lazy).sort()).toEqual(Object.keys(real).sort());
    }
  });

  it('load on first call and pass the result through', async () => {
    const repos = createRepositories(new TavlaDb(`lazy-${crypto.randomUUID()}`));
    expect(await repos.backup.exists('nope')).toBe(false);
    await expect(repos.retention.setMonths('nope', 0)).rejects.toThrow(RangeError);
  });
});
