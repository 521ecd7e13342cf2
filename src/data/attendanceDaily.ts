/**
 * Keeps `attendanceDaily` (domain/dailyCounts.ts: per workplace and day, the
 * number of live marks of each status) equal to a count of `attendance`, in
 * the same IndexedDB transaction as every write of a mark.
 *
 * It is a Dexie DBCore middleware rather than code in each repository, so no
 * writer can forget it: a check-in, a supervisor's edit, an undo, rows a sync
 * pull applies, a restored backup, an erased person, `clear()` — everything
 * that writes `attendance` goes through `mutate` below. A read-write
 * transaction that names `attendance` is widened to include
 * `attendanceDaily`, so the counts commit or roll back with the marks.
 *
 * The table is local (never synced, not in backups): it is rebuilt from the
 * marks when it is created (the version 3 upgrade of an existing device),
 * and whenever the meta entry `attendanceDaily.built` is missing: whoever
 * writes marks around the app (a raw IndexedDB seed, a restore of a copied
 * database) deletes it, and the next reader (`ensureAttendanceDaily`)
 * recounts.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type Dexie from 'dexie';
import { ATTENDANCE_STATUSES } from '../domain/types';
import { contribution, countMarks, emptyDay, isEmptyDay, type DailyAttendance, type MarkLikeForCount } from '../domain/dailyCounts';

export const ATTENDANCE = 'attendance';
export const ATTENDANCE_DAILY = 'attendanceDaily';
/** meta key present while `attendanceDaily` is a full count of the marks */
export const BUILT_KEY = 'attendanceDaily.built';

type Mark = MarkLikeForCount & { id: string };

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
  if (puts.length > 0) await daily.mutate({ type: 'put', trans, values: puts, keys: puts.map((p) => p.key) });
  if (deletes.length > 0) await daily.mutate({ type: 'delete', trans, keys: deletes });
}

export const attendanceDailyMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'attendanceDaily',
  create(down) {
    return {
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.includes(ATTENDANCE) && !stores.includes(ATTENDANCE_DAILY) ? [...stores, ATTENDANCE_DAILY] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== ATTENDANCE) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            const trans = req.trans;
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
            if (req.type === 'add' || req.type === 'put') {
              // the same id twice in one batch: the second replaces the first, not the stored row
              const latest = new Map<string, Mark | undefined>();
              req.values.forEach((value: Mark, i) => {
                if (res.failures[i]) return;
                const id = (req.keys?.[i] as string | undefined) ?? value.id;
                addDelta(deltas, latest.has(id) ? latest.get(id) : before[i], -1);
                addDelta(deltas, value, 1);
                latest.set(id, value);
              });
            } else {
              for (const old of before) addDelta(deltas, old, -1);
            }
            // looked up here, not above: while an upgrade creates it, the store is not in the schema yet
            await applyDeltas(down.table(ATTENDANCE_DAILY), trans, deltas);
            return res;
          },
        };
      },
    };
  },
};

/** Recounts every day from the marks (in one transaction); gives the number of day rows. */
export async function rebuildAttendanceDaily(db: Dexie): Promise<number> {
  return db.transaction('rw', [db.table(ATTENDANCE), db.table(ATTENDANCE_DAILY), db.table('meta')], async () => {
    const marks = (await db.table(ATTENDANCE).toArray()) as Mark[];
    const days = [...countMarks(marks).values()];
    await db.table(ATTENDANCE_DAILY).clear();
    if (days.length > 0) await db.table(ATTENDANCE_DAILY).bulkPut(days);
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
