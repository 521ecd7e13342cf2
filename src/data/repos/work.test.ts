import { describe, expect, it, vi } from 'vitest';
import { TavlaDb } from '../db';
import { createRepositories } from '../index';

function fresh() {
  const db = new TavlaDb(`work-${crypto.randomUUID()}`);
  return { db, repos: createRepositories(db) };
}

describe('work repository: filling the day', () => {
  it('writes nothing, in no write transaction, when the day is filled already or nothing is due', async () => {
    const { db, repos } = fresh();
    const area = await repos.work.addArea('wp', { pictogramId: 'workshop' });
    await repos.work.addRecurring('wp', { workAreaId: area.id, pictogramId: 'saw', weekdays: [1] }); // Mondays
    const transaction = vi.spyOn(db, 'transaction');
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(1); // a Monday: written in a transaction
    expect(transaction).toHaveBeenCalled();
    transaction.mockClear();
    const outbox = await db.outbox.count();
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(0); // filled already
    expect(await repos.work.fillDay('wp', '2026-11-24')).toBe(0); // a Tuesday: nothing due
    expect(transaction).not.toHaveBeenCalled();
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('still fills a template added after the day was filled, and never brings back a removed task', async () => {
    const { repos } = fresh();
    const area = await repos.work.addArea('wp', { pictogramId: 'workshop' });
    await repos.work.addRecurring('wp', { workAreaId: area.id, pictogramId: 'saw', weekdays: [1] });
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(1);
    const [saw] = await repos.work.tasksFor('wp', '2026-11-23');
    await repos.work.removeTask(saw!.id);
    await repos.work.addRecurring('wp', { workAreaId: area.id, pictogramId: 'hammer', weekdays: [1] });
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(1);
    expect((await repos.work.tasksFor('wp', '2026-11-23')).map((t) => t.pictogramId)).toEqual(['hammer']);
  });
});
