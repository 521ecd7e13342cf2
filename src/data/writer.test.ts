import { describe, expect, it } from 'vitest';
import { TavlaDb } from './db';
import { createRepositories } from './index';
import { deleteRecord, readClock, saveClock, StorageFullError, translateStorageError, writeRecord, writeRecordsInBulk, type BulkWrite } from './writer';
import { initialClock } from '../sync/shared/hlc';
import type { Person } from '../domain/types';
import { storesSecret } from '../../tests/helpers/values';

const fresh = () => {
  const db = new TavlaDb(`writer-${crypto.randomUUID()}`);
  return { db, repos: createRepositories(db) };
};

describe('writeRecord', () => {
  it('stores the row and exactly one outbox op describing it, stamped with one HLC', async () => {
    const { db } = fresh();
    const row = await writeRecord<Person>(db, 'persons', 'wp1', 'p1', {
      firstName: 'Aya',
      avatar: { kind: 'pictogram', ref: 'person' },
      language: 'sv',
      active: 1,
      order: 0,
    });
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({ table: 'persons', rowId: 'p1', workplaceId: 'wp1' });
    expect(ops[0]!.fields).toMatchObject({ firstName: 'Aya', deleted: 0 });
    expect(row.workplaceId).toBe('wp1');
    for (const field of Object.keys(ops[0]!.fields)) expect(row._clock[field]).toBe(ops[0]!.hlc);
  });

  it('records only the changed fields of an update, with a later clock', async () => {
    const { db } = fresh();
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya', language: 'sv' });
    const [created] = await db.outbox.toArray();
    await db.outbox.clear(); // as if pushed and acknowledged
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya', language: 'ar' });
    const ops = await db.outbox.orderBy('opId').toArray();
    expect(ops).toHaveLength(1);
    expect(Object.keys(ops[0]!.fields).sort()).toEqual(['language', 'updatedAt']);
    expect(ops[0]!.hlc > created!.hlc).toBe(true);
    const row = await db.persons.get('p1');
    expect(row!._clock.language).toBe(ops[0]!.hlc);
    expect(row!._clock.firstName).toBe(created!.hlc);
  });

  it("coalesces a row's pending edits into one op, its stamps moved with it", async () => {
    const { db } = fresh();
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya', language: 'sv' });
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { language: 'ar' });
    await writeRecord<Person>(db, 'persons', 'wp1', 'p2', { firstName: 'Bo' });
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { order: 3 });
    const ops = await db.outbox.orderBy('opId').toArray();
    expect(ops.map((o) => o.rowId).sort()).toEqual(['p1', 'p2']);
    const p1 = ops.find((o) => o.rowId === 'p1')!;
    expect(p1.fields).toMatchObject({ firstName: 'Aya', language: 'ar', order: 3, deleted: 0 });
    const row = await db.persons.get('p1');
    for (const k of Object.keys(p1.fields)) expect(row!._clock[k], k).toBe(p1.hlc);
    // a delete coalesced with pending edits sends the tombstone, not the name
    await deleteRecord<Person>(db, 'persons', 'p1', { firstName: '' });
    const del = (await db.outbox.toArray()).filter((o) => o.rowId === 'p1');
    expect(del).toHaveLength(1);
    expect(del[0]!.fields).toMatchObject({ deleted: 1, firstName: '' });
    expect(JSON.stringify(del[0]!.fields)).not.toContain('Aya');
  });

  it('writes nothing when nothing changed', async () => {
    const { db } = fresh();
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya' });
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya' });
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a tombstone dead, holding nothing but its identity', async () => {
    const { db } = fresh();
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya' });
    await deleteRecord<Person>(db, 'persons', 'p1');
    await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Bo' });
    const row = await db.persons.get('p1');
    expect(row).toMatchObject({ id: 'p1', workplaceId: 'wp1', deleted: 1 });
    expect(row).not.toHaveProperty('firstName');
  });

  it('rolls back the row when the outbox write fails, so nothing is half-written', async () => {
    const { db } = fresh();
    const add = db.outbox.add.bind(db.outbox);
    db.outbox.add = (() => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))) as unknown as typeof db.outbox.add;
    await expect(writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya' })).rejects.toBeInstanceOf(StorageFullError);
    db.outbox.add = add;
    expect(await db.persons.get('p1')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('translates quota errors into StorageFullError', () => {
    expect(translateStorageError({ name: 'QuotaExceededError' })).toBeInstanceOf(StorageFullError);
  });
});

describe('repositories', () => {
  it('every repository write appends its outbox entry', async () => {
    const { db, repos } = fresh();
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', pin: '1234' });
    const [p] = await Promise.all([repos.persons.add(wp.id, { firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'person' } })]);
    await repos.attendance.checkIn(wp.id, p!.id, '2026-11-23', '08:00', new Date(2026, 10, 23, 7, 55).getTime());
    const goal = await repos.goals.add(wp.id, { pictogramId: 'star', period: 'day', target: { kind: 'count', target: 5 } });
    await repos.goals.addProgress(wp.id, goal.id, '2026-11-23', 1);
    const area = await repos.work.addArea(wp.id, { pictogramId: 'workshop' });
    const task = await repos.work.addTask(wp.id, '2026-11-23', { workAreaId: area.id, pictogramId: 'saw' });
    await repos.work.markDone(task.id, p!.id);
    const dev = await repos.deviations.report(wp.id, { category: 'safety', date: '2026-11-23', reportedBy: p!.id });
    await repos.deviations.setStatus(dev.id, 'handling');
    const idea = await repos.improvements.propose(wp.id, { date: '2026-11-23', proposedBy: p!.id, pictogramId: 'idea' });
    await repos.improvements.move(idea.id, 'planned');
    const ops = await db.outbox.toArray();
    const tables = ops.map((o) => o.table);
    for (const t of ['workplaces', 'persons', 'attendance', 'goals', 'goalProgress', 'workAreas', 'tasks', 'deviations', 'improvements'])
      expect(tables).toContain(t);
    // one pending op per row: later edits of a row (done, status, move) join its op
    expect(ops).toHaveLength(9);
    expect(new Set(ops.map((o) => `${o.table}/${o.rowId}`)).size).toBe(9);
    expect(ops.find((o) => o.table === 'deviations')!.fields).toMatchObject({ status: 'handling' });
  });

  it('never stores the supervisor PIN in plain text', async () => {
    const { db, repos } = fresh();
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', pin: '482913' });
    expect(storesSecret([await db.workplaces.get(wp.id), await db.outbox.toArray()], '482913')).toBe(false);
    // the check itself finds a PIN stored as a value, and ignores it inside timestamps
    expect(storesSecret({ fields: { pin: '482913' } }, '482913')).toBe(true);
    expect(storesSecret({ updatedAt: 1795855987622 }, '9876')).toBe(false);
  });

  it('checks a person in once per day: two tablets produce the same record id', async () => {
    const a = fresh();
    const wp = await a.repos.workplaces.create({ name: 'V', activityType: 'laundry', openingTime: '08:00', pin: '1234' });
    const m1 = await a.repos.attendance.checkIn(wp.id, 'person-1', '2026-11-23', '08:00', new Date(2026, 10, 23, 7, 0).getTime());
    const b = fresh();
    const m2 = await b.repos.attendance.checkIn(wp.id, 'person-1', '2026-11-23', '08:00', new Date(2026, 10, 23, 9, 0).getTime());
    expect(m1.id).toBe(m2.id);
    expect(m1.status).toBe('present');
    expect(m2.status).toBe('late');
  });

  it('undoing a check-in leaves the day unmarked and allows a new check-in', async () => {
    const { repos } = fresh();
    const at = new Date(2026, 10, 23, 7, 0).getTime();
    await repos.attendance.checkIn('wp', 'p', '2026-11-23', '08:00', at);
    await repos.attendance.undoCheckIn('wp', 'p', '2026-11-23', at + 1000);
    expect((await repos.attendance.forDay('wp', '2026-11-23'))[0]!.status).toBeNull();
    const again = await repos.attendance.checkIn('wp', 'p', '2026-11-23', '08:00', at + 2000);
    expect(again.status).toBe('present');
  });

  it('fills the day from recurring tasks once, even when called twice', async () => {
    const { repos } = fresh();
    const area = await repos.work.addArea('wp', { pictogramId: 'workshop' });
    await repos.work.addRecurring('wp', { workAreaId: area.id, pictogramId: 'saw', weekdays: [1] }); // Monday
    await repos.work.addRecurring('wp', { workAreaId: area.id, pictogramId: 'hammer', weekdays: [2] });
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(1); // a Monday
    expect(await repos.work.fillDay('wp', '2026-11-23')).toBe(0);
    const tasks = await repos.work.tasksFor('wp', '2026-11-23');
    expect(tasks.map((t) => t.pictogramId)).toEqual(['saw']);
  });

  it('erasing a person blanks their personal data and removes their photo', async () => {
    const { db, repos } = fresh();
    const hash = await repos.blobs.put('wp', new Blob(['face'], { type: 'image/webp' }));
    const p = await repos.persons.add('wp', { firstName: 'Aya', avatar: { kind: 'photo', ref: hash } });
    await repos.persons.erase(p.id);
    const row = await db.persons.get(p.id);
    expect(row).toMatchObject({ deleted: 1 });
    expect(JSON.stringify(row)).not.toContain('Aya');
    expect(JSON.stringify(await db.outbox.toArray())).not.toContain('Aya');
    expect(await db.blobs.get(hash)).toBeUndefined();
    expect(await repos.persons.list('wp')).toEqual([]);
  });
});

describe('writeRecordsInBulk', () => {
  /** the same device twice: the same clock and time, so stamps can be compared */
  const twin = async () => {
    const { db } = fresh();
    let t = 1_700_000_000_000;
    db.now = () => (t += 1000);
    await saveClock(db, initialClock('node-a'));
    return db;
  };
  const writes: BulkWrite[] = [
    { table: 'persons', workplaceId: 'wp1', id: 'p1', patch: { firstName: 'Aya', language: 'sv', active: 1, order: 'a' } },
    { table: 'tasks', workplaceId: 'wp1', id: 't1', patch: { pictogramId: 'broom', date: '2026-03-11', assignees: [], doneAt: null, doneBy: null } },
    { table: 'persons', workplaceId: 'wp1', id: 'p2', patch: { firstName: 'Sara', language: 'sv', active: 1, order: 'b' } },
    { table: 'tasks', workplaceId: 'wp1', id: 't1', patch: { assignees: ['p1'] } },
    // nothing changes: no tick, no op field
    { table: 'persons', workplaceId: 'wp1', id: 'p2', patch: { firstName: 'Sara' } },
    { table: 'tasks', workplaceId: 'wp1', id: 't1', patch: { doneAt: 1_700_000_000_500, doneBy: 'p1' }, now: 1_700_000_000_500 },
    { table: 'attendance', workplaceId: 'wp1', id: 'a1', patch: { personId: 'p1', date: '2026-03-11', status: 'present', checkedInAt: 5, setBy: 'self' } },
    { table: 'persons', workplaceId: 'wp1', id: 'p3', patch: { firstName: 'Old', language: 'sv', active: 1, order: 'c' } },
    { table: 'persons', workplaceId: 'wp1', id: 'p3', patch: { deleted: 1 } },
  ];
  const contents = async (db: TavlaDb) => ({
    persons: await db.persons.orderBy('id').toArray(),
    tasks: await db.tasks.toArray(),
    attendance: await db.attendance.toArray(),
    daily: await db.table('attendanceDaily').toArray(),
    ops: (await db.outbox.toArray()).map(({ opId: _opId, ...op }) => op).sort((a, b) => a.rowId.localeCompare(b.rowId)),
    clock: await readClock(db),
  });

  it('stores the same rows, stamps, outbox ops and attendance counts as writeRecord one write after another', async () => {
    const one = await twin();
    for (const w of writes) await writeRecord(one, w.table, w.workplaceId, w.id, w.patch, { now: w.now });
    const bulk = await twin();
    await writeRecordsInBulk(bulk, writes);
    const expected = await contents(one);
    expect(expected.ops.map((o) => o.rowId)).toEqual(['a1', 'p1', 'p2', 'p3', 't1']);
    expect(await contents(bulk)).toEqual(expected);
  });

  it('joins the fields of ops still waiting in the outbox, as writeRecord does', async () => {
    const one = await twin();
    const bulk = await twin();
    for (const db of [one, bulk]) await writeRecord<Person>(db, 'persons', 'wp1', 'p1', { firstName: 'Aya', language: 'sv' });
    const later: BulkWrite[] = [{ table: 'persons', workplaceId: 'wp1', id: 'p1', patch: { language: 'ar' } }];
    await writeRecord<Person>(one, 'persons', 'wp1', 'p1', { language: 'ar' });
    await writeRecordsInBulk(bulk, later);
    const got = await contents(bulk);
    expect(got.ops).toHaveLength(1);
    expect(Object.keys(got.ops[0]!.fields).sort()).toEqual(['createdAt', 'deleted', 'firstName', 'language', 'updatedAt']);
    expect(got).toEqual(await contents(one));
  });
});
