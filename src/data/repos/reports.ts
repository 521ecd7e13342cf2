/**
 * Read-only queries behind the trends screen and the attendance report.
 * The trends read attendance as daily counts (`attendanceDaily`, a few
 * hundred rows for a year, kept in step with the marks by
 * data/attendanceDaily.ts), not as marks; the report of everyone reads the
 * months of each person (`attendanceMonthly`, kept the same way) for the
 * months the period covers whole, and marks only for a month it cuts.
 * Each reads through the [workplaceId+date] indexes, never a full scan, and
 * returns live rows only (tombstones dropped). Anonymised attendance marks
 * (no person, see domain/retention) are included: they still count for the
 * group's statistics.
 *
 * A year of marks is ~12,000 rows, and reading them is most of the cost of
 * both screens (structured-clone decoding). So rows are kept in memory per
 * month (and "all rows" for deviations and ideas) and reused until the table
 * changes: Dexie's `storagemutated` event (fired for every committed write,
 * in this tab or another) bumps a per-table version, and a cached piece of
 * an older version is read again. Changing the report's period or opening
 * the trends again then costs only the computing. Only the last workplace
 * asked about is kept.
 */
import { monthsBetween } from '../../domain/dates';
import Dexie from 'dexie';
import type { TavlaDb } from '../db';
import type { DailyAttendance } from '../../domain/dailyCounts';
import { monthsOfMarks, splitPeriod, type PersonMonth } from '../../domain/monthlyCounts';
import { ensureAttendanceDaily } from '../attendanceDaily';
import type { AttendanceMark, Deviation, Improvement, Iso, Meeting, Person } from '../../domain/types';
import { liveRows } from '../../domain/rows';
import { compareOrder, compareSortKeys } from '../../domain/order';

type Dated = 'attendance' | 'deviations' | 'meetings' | 'improvements';
type Row = { deleted: 0 | 1; date: Iso };

export interface TrendsData {
  people: Person[];
  /** attendance counts of each day of from…to that has marks */
  days: DailyAttendance[];
  deviations: Deviation[];
  ideas: Improvement[];
  meetings: Meeting[];
}

/** Per database: table → version, bumped on every committed change to the table. */
const versions = new Map<string, Map<string, number>>();
let listening = false;

function listen() {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      const m = /^idb:\/\/(.+)\/([^/]+)\/[^/]*$/.exec(part);
      if (!m) continue;
      const byTable = versions.get(m[1]!) ?? new Map<string, number>();
      versions.set(m[1]!, byTable);
      byTable.set(m[2]!, (byTable.get(m[2]!) ?? 0) + 1);
    }
  });
}

export function reportsRepo(db: TavlaDb) {
  listen();
  const version = (table: string) => versions.get(db.name)?.get(table) ?? 0;
  /** key → rows as read at a table version */
  const cache = new Map<string, { version: number; rows: Row[] }>();
  let cachedWorkplace = '';

  const readRows = async <T extends Row>(table: Dated, workplaceId: string, from: Iso, to: Iso): Promise<T[]> =>
    liveRows(
      (await db
        .table(table)
        .where('[workplaceId+date]')
        .between([workplaceId, from], [workplaceId, to], true, true)
        .toArray()) as T[],
    );

  const forWorkplace = (workplaceId: string) => {
    if (cachedWorkplace !== workplaceId) cache.clear();
    cachedWorkplace = workplaceId;
  };

  /**
   * One read at a time per key and table version: a second caller (the hub's prefetch, then the tap that
   * opens the screen while it is still reading) waits for the read under way instead of starting its own.
   */
  const pending = new Map<string, { version: number; done: Promise<unknown> }>();
  function once<T>(key: string, v: number, run: () => Promise<T>): Promise<T> {
    const hit = pending.get(key);
    if (hit?.version === v) return hit.done as Promise<T>;
    const done = run().finally(() => {
      if (pending.get(key)?.done === done) pending.delete(key);
    });
    pending.set(key, { version: v, done });
    return done;
  }

  /** Rows of from…to, read a month at a time and reused while the table is unchanged. */
  async function between<T extends Row>(table: Dated, workplaceId: string, from: Iso, to: Iso): Promise<T[]> {
    forWorkplace(workplaceId);
    const v = version(table);
    const key = (m: string) => `${table}|${m}`;
    const byMonth = new Map<string, Row[]>();
    for (const m of monthsBetween(from, to)) {
      const hit = cache.get(key(m));
      byMonth.set(m, hit?.version === v ? hit.rows : []);
    }
    const stale = [...byMonth.keys()].filter((m) => cache.get(key(m))?.version !== v);
    if (stale.length > 0) {
      const first = stale[0]!;
      const last = stale[stale.length - 1]!;
      const read = await once(`${workplaceId}|${table}|${first}…${last}`, v, async () => {
        // one read over the span of stale months, then split by month ('-31' sorts after every day)
        const rows = await readRows<T>(table, workplaceId, `${first}-01`, `${last}-31`);
        const split = new Map<string, Row[]>(monthsBetween(`${first}-01`, `${last}-01`).map((m) => [m, []]));
        for (const r of rows) split.get(r.date.slice(0, 7))?.push(r);
        // (not if another workplace was asked about meanwhile: the cache is its now)
        if (cachedWorkplace === workplaceId) for (const [m, list] of split) cache.set(key(m), { version: v, rows: list });
        return split;
      });
      for (const m of stale) byMonth.set(m, read.get(m) ?? []);
    }
    const out: T[] = [];
    for (const list of byMonth.values()) for (const r of list as T[]) if (r.date >= from && r.date <= to) out.push(r);
    return out;
  }

  /** Every live row of a table, reused while the table is unchanged. */
  async function all<T extends Row>(table: Dated, workplaceId: string): Promise<T[]> {
    forWorkplace(workplaceId);
    const v = version(table);
    const hit = cache.get(`${table}|*`);
    if (hit?.version === v) return hit.rows as T[];
    return once(`${workplaceId}|${table}|*`, v, async () => {
      const rows = await readRows<T>(table, workplaceId, '', '\uffff');
      if (cachedWorkplace === workplaceId) cache.set(`${table}|*`, { version: v, rows });
      return rows;
    });
  }

  /** Everyone of the workplace who has not been erased, inactive people too (old reports name them). */
  const people = async (workplaceId: string): Promise<Person[]> => {
    const rows = liveRows(await db.persons.where('workplaceId').equals(workplaceId).toArray());
    return rows.sort((a, b) => b.active - a.active || compareSortKeys(a.order, b.order) || a.firstName.localeCompare(b.firstName) || compareOrder(a, b));
  };

  /** The daily attendance counts of from…to (recounted first if they are missing). */
  const dailyCounts = async (workplaceId: string, from: Iso, to: Iso): Promise<DailyAttendance[]> => {
    await ensureAttendanceDaily(db);
    return db.attendanceDaily.where('[workplaceId+date]').between([workplaceId, from], [workplaceId, to], true, true).toArray();
  };

  /**
   * Attendance of from…to as months of each person: the kept months for the
   * months inside the period, counted from the marks for a month it cuts
   * (recounted first if the kept counts are missing).
   */
  const attendanceMonths = async (workplaceId: string, from: Iso, to: Iso): Promise<PersonMonth[]> => {
    const { whole, cut } = splitPeriod(from, to);
    const [kept, marks] = await Promise.all([
      whole.length === 0
        ? []
        : ensureAttendanceDaily(db).then(() =>
            db.attendanceMonthly.where('[workplaceId+month]').between([workplaceId, whole[0]!], [workplaceId, whole[whole.length - 1]!], true, true).toArray(),
          ),
      Promise.all(cut.map((part) => between<AttendanceMark>('attendance', workplaceId, part.from, part.to))),
    ]);
    return [...kept, ...marks.flatMap((list) => monthsOfMarks(list, from, to))];
  };

  return {
    people,
    attendanceMonths,
    /** One person's live marks of from…to (through the person's index: a few hundred rows). */
    async personMarks(workplaceId: string, personId: string, from: Iso, to: Iso): Promise<AttendanceMark[]> {
      const rows = await db.attendance.where('[workplaceId+personId]').equals([workplaceId, personId]).toArray();
      return liveRows(rows).filter((m) => m.date >= from && m.date <= to);
    },
    marks(workplaceId: string, from: Iso, to: Iso): Promise<AttendanceMark[]> {
      return between<AttendanceMark>('attendance', workplaceId, from, to);
    },
    /** Everything the trends screen draws for from…to. */
    async trends(workplaceId: string, from: Iso, to: Iso): Promise<TrendsData> {
      const [persons, days, deviations, ideas, meetings] = await Promise.all([
        people(workplaceId),
        dailyCounts(workplaceId, from, to),
        // the safety cross pages back to any month, and ideas proposed earlier may be done now: all of them
        all<Deviation>('deviations', workplaceId),
        all<Improvement>('improvements', workplaceId),
        between<Meeting>('meetings', workplaceId, from, to),
      ]);
      return { people: persons, days, deviations, ideas, meetings };
    },
  };
}
