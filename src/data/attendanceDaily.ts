/**
 * Keeps the attendance aggregates equal to a count of `attendance`, in the
 * same IndexedDB transaction as every write of a mark:
 * - `attendanceDaily` (domain/dailyCounts.ts): per workplace and day, the
 *   number of live marks of each status (the trends read these);
 * - `attendanceMonthly` (domain/monthlyCounts.ts): per workplace, month and
 *   person, the marks of each status by weekday and the late check-in times
 *   (the attendance report reads these).
 *
 * It is a Dexie DBCore middleware rather than code in each repository, so no
 * writer can forget it: a check-in, a supervisor's edit, an undo, rows a sync
 * pull applies, an erased person, `clear()` — everything that writes
 * `attendance` goes through `mutate` below. A read-write transaction that
 * names `attendance` is widened to include both aggregate tables, so the
 * counts commit or roll back with the marks. Each write changes only the
 * rows of the days and months it touches (read, add the difference, put).
 *
 * One writer counts for itself: restoring a backup (data/repos/backup.ts)
 * writes a whole workplace in one transaction, marks that transaction with
 * `countsRebuiltBy` (the middleware then only passes its writes on) and puts
 * that workplace's counts, counted once, in the same transaction.
 *
 * The tables are local (never synced, not in backups): they are rebuilt from
 * the marks when they are created (the version 3 and 5 upgrades of an
 * existing device), and whenever the meta entry `attendanceDaily.built` is
 * missing: whoever writes marks around the app (a raw IndexedDB seed, a
 * restore of a copied database) deletes it, and the next reader
 * (`ensureAttendanceDaily`) recounts both.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware, Transaction } from 'dexie';
import type Dexie from 'dexie';
import { ATTENDANCE_STATUSES } from '../domain/types';
import { contribution, countMarks, emptyDay, isEmptyDay, type DailyAttendance, type MarkLikeForCount } from '../domain/dailyCounts';
import { applyContribution, copyMonth, countMonths, emptyMonth, isEmptyMonth, monthContribution, type MarkLikeForMonth, type MonthContribution, type PersonMonth } from '../domain/monthlyCounts';

export const ATTENDANCE = 'attendance';
export const ATTENDANCE_DAILY = 'attendanceDaily';
export const ATTENDANCE_MONTHLY = 'attendanceMonthly';
/** meta key present while `attendanceDaily` is a full count of the marks */
export const BUILT_KEY = 'attendanceDaily.built';

type Mark = MarkLikeForCount & MarkLikeForMonth & { id: string };

/** Transactions whose writer keeps the counts itself (see the header); by their DBCore transaction. */
const selfCounting = new WeakSet<object>();

/**
 * Marks an open Dexie transaction as one whose writer puts the aggregates of
 * every mark it writes itself, in the same transaction: the middleware leaves
 * its attendance writes alone. Only for writers that replace whole workplaces.
 */
export function countsRebuiltBy(tx: Transaction): void {
  selfCounting.add(tx.idbtrans);
}

/** key → per-status change of one day */
type Deltas = Map<string, { workplaceId: string; date: string; diff: Partial<Record<string, number>> }>;

function addDelta(deltas: Deltas, mark: Mark | undefined, sign: 1 | -1) {
  const c = contribution(mark);
  if (!c) return;
  let d = deltas.get(c.key);
  if (!d) deltas.set(c.key, (d = { workplaceId: c.workplaceId, date: c.date, diff: {} }));
  d.diff[c.status] = (d.diff[c.status] ?? 0) + sign;
}

async function applyDeltas(daily: DBCoreTable, trans: DBCoreTransaction, deltas: Deltas): Promise<void> {
  const changed = [...deltas].filter(([, d]) => Object.values(d.diff).some((n) => n !== 0));
  if (changed.length === 0) return;
  const keys = changed.map(([k]) => k);
  const current = (await daily.getMany({ trans, keys })) as (DailyAttendance | undefined)[];
  const puts: DailyAttendance[] = [];
  const deletes: string[] = [];
  changed.forEach(([key, d], i) => {
    const day = { ...(current[i] ?? emptyDay(d.workplaceId, d.date)) };
    for (const s of ATTENDANCE_STATUSES) day[s] = Math.max(0, (day[s] ?? 0) + (d.diff[s] ?? 0));
    if (isEmptyDay(day)) deletes.push(key);
    else puts.push(day);
  });
  await Promise.all([
    puts.length > 0 && daily.mutate({ type: 'put', trans, values: puts, keys: puts.map((p) => p.key) }),
    deletes.length > 0 && daily.mutate({ type: 'delete', trans, keys: deletes }),
  ]);
}

/** key → the contributions of one person's month that go (-1) and come (+1) */
type MonthDeltas = Map<string, { first: MonthContribution; changes: [MonthContribution, 1 | -1][] }>;

function addMonthDelta(deltas: MonthDeltas, mark: Mark | undefined, sign: 1 | -1) {
  const c = monthContribution(mark);
  if (!c) return;
  let d = deltas.get(c.key);
  if (!d) deltas.set(c.key, (d = { first: c, changes: [] }));
  d.changes.push([c, sign]);
}

async function applyMonthDeltas(monthly: DBCoreTable, trans: DBCoreTransaction, deltas: MonthDeltas): Promise<void> {
  // a mark put back as it was changes nothing: skip the read
  const changed = [...deltas].filter(([, d]) => {
    if (d.changes.length !== 2) return true;
    const [[a, sa], [b, sb]] = d.changes as [[MonthContribution, 1 | -1], [MonthContribution, 1 | -1]];
    return !(sa === -sb && a.status === b.status && a.weekday === b.weekday && Object.is(a.lateAt, b.lateAt));
  });
  if (changed.length === 0) return;
  const keys = changed.map(([k]) => k);
  const current = (await monthly.getMany({ trans, keys })) as (PersonMonth | undefined)[];
  const puts: PersonMonth[] = [];
  const deletes: string[] = [];
  changed.forEach(([key, d], i) => {
    const found = current[i];
    const row = found ? copyMonth(found) : emptyMonth(d.first.workplaceId, d.first.month, d.first.personId);
    // in the order of the batch: each step goes from one real state of the marks to the next
    for (const [c, sign] of d.changes) applyContribution(row, c, sign);
    if (isEmptyMonth(row)) {
      if (found) deletes.push(key);
    } else puts.push(row);
  });
  await Promise.all([
    puts.length > 0 && monthly.mutate({ type: 'put', trans, values: puts, keys: puts.map((p) => p.key) }),
    deletes.length > 0 && monthly.mutate({ type: 'delete', trans, keys: deletes }),
  ]);
}

export const attendanceDailyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'attendanceDaily',
  create(down) {
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(ATTENDANCE) ? [...new Set([...stores, ATTENDANCE_DAILY, ATTENDANCE_MONTHLY])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== ATTENDANCE) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const trans = req.trans;
            if (selfCounting.has(trans)) return table.mutate(req);
            let before: (Mark | undefined)[];
            if (req.type === 'deleteRange') {
              const found = await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } });
              before = found.result as Mark[];
            } else {
              const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: Mark) => v.id));
              before = (await table.getMany({ trans, keys })) as (Mark | undefined)[];
            }
            const res = await table.mutate(req);
            const deltas: Deltas = new Map();
            const months: MonthDeltas = new Map();
            if (req.type === 'add' || req.type === 'put') {
              // the same id twice in one batch: the second replaces the first, not the stored row
              const latest = new Map<string, Mark | undefined>();
              req.values.forEach((value: Mark, i) => {
                if (res.failures[i]) return;
                const id = (req.keys?.[i] as string | undefined) ?? value.id;
                const old = latest.has(id) ? latest.get(id) : before[i];
                addDelta(deltas, old, -1);
                addDelta(deltas, value, 1);
                addMonthDelta(months, old, -1);
                addMonthDelta(months, value, 1);
                latest.set(id, value);
              });
            } else {
              for (const old of before) {
                addDelta(deltas, old, -1);
                addMonthDelta(months, old, -1);
              }
            }
            // looked up here, not above: while an upgrade creates them, the stores are not in the schema yet
            // both in flight at once: a check-in waits for one round of reads and one of writes, not two
            await Promise.all([applyDeltas(down.table(ATTENDANCE_DAILY), trans, deltas), applyMonthDeltas(down.table(ATTENDANCE_MONTHLY), trans, months)]);
            return res;
          },
        };
      },
    };
  },
};

/** Recounts every day and every person's month from the marks (in one transaction); gives the number of day rows. */
export async function rebuildAttendanceDaily(db: Dexie): Promise<number> {
  return db.transaction('rw', [db.table(ATTENDANCE), db.table(ATTENDANCE_DAILY), db.table(ATTENDANCE_MONTHLY), db.table('meta')], async () => {
    const marks = (await db.table(ATTENDANCE).toArray()) as Mark[];
    const days = [...countMarks(marks).values()];
    const months = [...countMonths(marks).values()];
    await db.table(ATTENDANCE_DAILY).clear();
    await db.table(ATTENDANCE_MONTHLY).clear();
    if (days.length > 0) await db.table(ATTENDANCE_DAILY).bulkPut(days);
    if (months.length > 0) await db.table(ATTENDANCE_MONTHLY).bulkPut(months);
    await db.table('meta').put({ key: BUILT_KEY, value: true });
    return days.length;
  });
}

let ensuring: Promise<unknown> | undefined;
/** Recounts if the counts are marked missing (see the header); cheap (one key read) when they are there. */
export async function ensureAttendanceDaily(db: Dexie): Promise<void> {
  if (await db.table('meta').get(BUILT_KEY)) return;
  ensuring ??= rebuildAttendanceDaily(db).finally(() => (ensuring = undefined));
  await ensuring;
}
