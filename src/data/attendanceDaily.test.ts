// @vitest-environment node
/**
 * The daily attendance counts and the monthly counts per person stay equal to
 * a recount of the marks, whatever writes the marks: random sequences of
 * repository writes, raw bulk puts (with repeated ids), updates, deletes by
 * key and by index, modify(), clear(), sync-style merges of pulled rows in one
 * transaction, erasures (a person's marks tombstoned, or anonymised as the
 * retention sweep does), and transactions that fail and roll back. Property
 * runs use the suite's seed (FC_SEED, tests/setup.ts).
 */
import fc from 'fast-check';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createRepositories, TavlaDb } from '.';
import { BUILT_KEY, ensureAttendanceDaily, rebuildAttendanceDaily } from './attendanceDaily';
import { SCHEMA_V1, SCHEMA_V2 } from './db';
import { countMarks, weeklyRatesFromDays, type DailyAttendance } from '../domain/dailyCounts';
import { countMonths, type PersonMonth } from '../domain/monthlyCounts';
import { weeklyAttendanceRates } from '../domain/stats';
import { ATTENDANCE_STATUSES, type AttendanceMark, type AttendanceStatus } from '../domain/types';

const WORKPLACES = ['wp-a', 'wp-b'];
const PEOPLE = ['p1', 'p2', 'p3', 'p4'];
const DATES = ['2026-03-02', '2026-03-03', '2026-03-07', '2026-03-09', '2026-03-31', '2026-04-01'];

const status = fc.constantFrom<AttendanceStatus | null>(null, ...ATTENDANCE_STATUSES);
const markArb = fc.record({
  id: fc.integer({ min: 0, max: 9 }).map((n) => `m${n}`),
  workplaceId: fc.constantFrom(...WORKPLACES),
  personId: fc.constantFrom(...PEOPLE),
  date: fc.constantFrom(...DATES),
  status,
  deleted: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  // a check-in time (what a late mark's hours are counted from), or none
  checkedInAt: fc.option(fc.integer({ min: Date.UTC(2026, 2, 2, 6), max: Date.UTC(2026, 2, 2, 14) }), { nil: null }),
});

type Gen = ReturnType<typeof markArb.generate>['value'];

type Op =
  | { kind: 'bulkPut'; marks: Gen[] }
  | { kind: 'add'; mark: Gen }
  | { kind: 'update'; id: string; status: AttendanceStatus | null; date: string | undefined; deleted: 0 | 1 | undefined }
  | { kind: 'delete'; id: string }
  | { kind: 'deleteByPerson'; personId: string }
  | { kind: 'modifyDay'; workplaceId: string; date: string; status: AttendanceStatus | null }
  | { kind: 'clear' }
  | { kind: 'erasePerson'; personId: string }
  | { kind: 'anonymise'; personId: string }
  | { kind: 'merge'; marks: Gen[] }
  | { kind: 'aborted'; marks: Gen[] };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('bulkPut' as const), marks: fc.array(markArb, { maxLength: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), mark: markArb }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      id: fc.integer({ min: 0, max: 9 }).map((n) => `m${n}`),
      status,
      date: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
      deleted: fc.option(fc.constantFrom<0 | 1>(0, 1), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 9 }).map((n) => `m${n}`) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteByPerson' as const), personId: fc.constantFrom(...PEOPLE) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('modifyDay' as const), workplaceId: fc.constantFrom(...WORKPLACES), date: fc.constantFrom(...DATES), status }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erasePerson' as const), personId: fc.constantFrom(...PEOPLE) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('anonymise' as const), personId: fc.constantFrom(...PEOPLE) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), marks: fc.array(markArb, { maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('aborted' as const), marks: fc.array(markArb, { minLength: 1, maxLength: 6 }) }) },
);

const full = (m: Gen) => ({ ...m, setBy: 'supervisor', createdAt: 1, updatedAt: 1, _clock: {} }) as unknown as AttendanceMark;

async function run(db: TavlaDb, op: Op): Promise<void> {
  switch (op.kind) {
    case 'bulkPut':
      await db.attendance.bulkPut(op.marks.map(full));
      return;
    case 'add':
      // an existing id fails (ConstraintError): nothing may be counted
      await db.attendance.add(full(op.mark)).catch(() => undefined);
      return;
    case 'update': {
      const changes: Partial<AttendanceMark> = { status: op.status };
      if (op.date) changes.date = op.date;
      if (op.deleted !== undefined) changes.deleted = op.deleted;
      await db.attendance.update(op.id, changes);
      return;
    }
    case 'delete':
      await db.attendance.delete(op.id);
      return;
    case 'deleteByPerson':
      await db.attendance.where('personId').equals(op.personId).delete();
      return;
    case 'modifyDay':
      await db.attendance.where('[workplaceId+date]').equals([op.workplaceId, op.date]).modify({ status: op.status });
      return;
    case 'clear':
      await db.attendance.clear();
      return;
    case 'erasePerson':
      // the person's marks become tombstones (identity only, as writer.ts leaves a deleted row)
      await db.transaction('rw', db.attendance, async () => {
        const marks = await db.attendance.where('personId').equals(op.personId).toArray();
        await db.attendance.bulkPut(marks.map((m) => ({ id: m.id, workplaceId: m.workplaceId, createdAt: 1, updatedAt: 2, deleted: 1, _clock: {} }) as unknown as AttendanceMark));
      });
      return;
    case 'anonymise':
      // what the retention sweep leaves: the mark without its person or check-in time
      await db.attendance.where('personId').equals(op.personId).modify({ personId: '', checkedInAt: null });
      return;
    case 'merge':
      // what the sync client does with a pulled page: get, merge, put, one row at a time, one transaction
      await db.transaction('rw', [db.attendance, db.meta], async () => {
        for (const m of op.marks) {
          const local = await db.attendance.get(m.id);
          await db.attendance.put({ ...(local ?? {}), ...full(m) });
        }
        await db.meta.put({ key: 'cursor', value: 1 });
      });
      return;
    case 'aborted':
      await db
        .transaction('rw', db.attendance, async () => {
          await db.attendance.bulkPut(op.marks.map(full));
          throw new Error('the write fails half-way');
        })
        .catch(() => undefined);
      return;
  }
}

const sorted = <T extends { key: string }>(rows: Iterable<T>) => [...rows].sort((a, b) => (a.key < b.key ? -1 : 1));
async function expectCountsMatchMarks(db: TavlaDb) {
  const marks = await db.attendance.toArray();
  expect(sorted<DailyAttendance>(await db.attendanceDaily.toArray())).toEqual(sorted(countMarks(marks).values()));
  expect(sorted<PersonMonth>(await db.attendanceMonthly.toArray())).toEqual(sorted(countMonths(marks).values()));
}

describe('daily attendance counts', () => {
  it('equal a recount of the marks after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const db = new TavlaDb(`daily-${crypto.randomUUID()}`);
        try {
          for (const op of ops) await run(db, op);
          await expectCountsMatchMarks(db);
        } finally {
          db.close();
          await Dexie.delete(db.name);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follow the repositories: check-in, undo, a supervisor’s mark, an erased person', async () => {
    const db = new TavlaDb(`daily-repo-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    const wp = await repos.workplaces.create({ name: 'Verkstan', activityType: 'carpentry', openingTime: '08:00', pin: '1234' });
    const ada = await repos.persons.add(wp.id, { firstName: 'Ada', avatar: { kind: 'pictogram', ref: 'person' } });
    const bo = await repos.persons.add(wp.id, { firstName: 'Bo', avatar: { kind: 'pictogram', ref: 'person' } });
    await repos.attendance.setStatus(wp.id, ada.id, '2026-03-02', 'present');
    await repos.attendance.setStatus(wp.id, bo.id, '2026-03-02', 'sick');
    await repos.attendance.setStatus(wp.id, bo.id, '2026-03-03', 'late');
    const day = (date: string) => db.attendanceDaily.get(`${wp.id}|${date}`);
    expect(await day('2026-03-02')).toMatchObject({ present: 1, sick: 1, late: 0 });
    await repos.attendance.setStatus(wp.id, bo.id, '2026-03-02', 'present');
    expect(await day('2026-03-02')).toMatchObject({ present: 2, sick: 0 });
    await repos.attendance.setStatus(wp.id, bo.id, '2026-03-03', null);
    expect(await day('2026-03-03')).toBeUndefined();
    expect((await repos.reports.trends(wp.id, '2026-03-01', '2026-03-31')).days).toEqual([expect.objectContaining({ date: '2026-03-02', present: 2 })]);
    await expectCountsMatchMarks(db);
    await repos.persons.erase(bo.id);
    await expectCountsMatchMarks(db);
    await repos.workplaces.eraseFromDevice(wp.id);
    expect(await db.attendanceDaily.count()).toBe(await db.attendance.count());
    await expectCountsMatchMarks(db);
  });

  it('are counted when the table is created on a device that already has marks (upgrade to version 3)', async () => {
    const name = `daily-upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    // the schema of versions 1 and 2 (db.ts), as a device installed before version 3 has it
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    const marks = [
      { id: 'a', workplaceId: 'wp', personId: 'p1', date: '2026-03-02', status: 'present', deleted: 0 },
      { id: 'b', workplaceId: 'wp', personId: 'p2', date: '2026-03-02', status: 'late', deleted: 0 },
      { id: 'c', workplaceId: 'wp', personId: 'p3', date: '2026-03-02', status: 'sick', deleted: 1 },
      { id: 'd', workplaceId: 'wp', personId: 'p3', date: '2026-03-03', status: null, deleted: 0 },
    ];
    await old.table('attendance').bulkPut(marks);
    old.close();
    const db = new TavlaDb(name);
    expect(await db.attendanceDaily.toArray()).toEqual([expect.objectContaining({ key: 'wp|2026-03-02', present: 1, late: 1, sick: 0 })]);
    expect(await db.meta.get(BUILT_KEY)).toBeDefined();
    await expectCountsMatchMarks(db);
  });

  it('are recounted by the next reader when marked missing (marks written around the app)', async () => {
    const db = new TavlaDb(`daily-missing-${crypto.randomUUID()}`);
    await db.open();
    expect(await db.meta.get(BUILT_KEY)).toBeDefined(); // a new device: complete from the start
    // a raw write that bypasses Dexie: the writer declares the counts missing
    const idb = db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['attendance', 'meta'], 'readwrite');
      tx.objectStore('attendance').put({ id: 'x', workplaceId: 'wp', personId: 'p1', date: '2026-03-02', status: 'present', deleted: 0 });
      tx.objectStore('meta').delete(BUILT_KEY);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    expect(await db.attendanceDaily.count()).toBe(0);
    await ensureAttendanceDaily(db);
    expect(await db.attendanceDaily.get('wp|2026-03-02')).toMatchObject({ present: 1 });
    await expectCountsMatchMarks(db);
    expect(await rebuildAttendanceDaily(db)).toBe(1);
  });

  it('give the same weekly attendance rates as the marks', () => {
    const weekday = fc.integer({ min: 1, max: 7 });
    fc.assert(
      fc.property(fc.array(markArb, { maxLength: 40 }), fc.uniqueArray(weekday, { maxLength: 7 }), fc.constantFrom(...DATES), fc.constantFrom(...DATES), (marks, openDays, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        // one workplace, one mark per id (as stored)
        const rows = [...new Map(marks.map((m) => [m.id, { ...m, workplaceId: 'wp' }])).values()];
        const days = [...countMarks(rows).values()];
        expect(weeklyRatesFromDays(days, openDays, from, to)).toEqual(weeklyAttendanceRates(rows, openDays, from, to));
      }),
    );
  });
});
