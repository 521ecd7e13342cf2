/**
 * Read-only queries behind the trends screen and the attendance report.
 * Each reads through the [workplaceId+date] indexes, never a full scan, and
 * returns live rows only (tombstones dropped). Anonymised attendance marks
 * (no person, see domain/retention) are included: they still count for the
 * group's statistics.
 */
import type { TavlaDb } from '../db';
import type { AttendanceMark, Deviation, Improvement, Iso, Meeting, Person } from '../types';

const live = <T extends { deleted: 0 | 1 }>(rows: T[]) => rows.filter((r) => !r.deleted);

export interface TrendsData {
  people: Person[];
  marks: AttendanceMark[];
  deviations: Deviation[];
  ideas: Improvement[];
  meetings: Meeting[];
}

export function reportsRepo(db: TavlaDb) {
  const between = <T extends { deleted: 0 | 1 }>(table: 'attendance' | 'deviations' | 'meetings' | 'improvements', workplaceId: string, from: Iso, to: Iso) =>
    db
      .table(table)
      .where('[workplaceId+date]')
      .between([workplaceId, from], [workplaceId, to], true, true)
      .toArray()
      .then((rows) => live(rows as T[]));

  /** Everyone of the workplace who has not been erased, inactive people too (old reports name them). */
  const people = async (workplaceId: string): Promise<Person[]> => {
    const rows = live(await db.persons.where('workplaceId').equals(workplaceId).toArray());
    return rows.sort((a, b) => b.active - a.active || a.order - b.order || a.firstName.localeCompare(b.firstName));
  };

  return {
    people,
    marks(workplaceId: string, from: Iso, to: Iso): Promise<AttendanceMark[]> {
      return between<AttendanceMark>('attendance', workplaceId, from, to);
    },
    /** Everything the trends screen draws for from…to, read in one transaction. */
    trends(workplaceId: string, from: Iso, to: Iso): Promise<TrendsData> {
      return db.transaction('r', [db.persons, db.attendance, db.deviations, db.improvements, db.meetings], async () => {
        const [persons, marks, deviations, ideas, meetings] = await Promise.all([
          people(workplaceId),
          between<AttendanceMark>('attendance', workplaceId, from, to),
          // the safety cross pages back to any month, and ideas proposed earlier may be done now: all of them
          between<Deviation>('deviations', workplaceId, '', '\uffff'),
          between<Improvement>('improvements', workplaceId, '', '\uffff'),
          between<Meeting>('meetings', workplaceId, from, to),
        ]);
        return { people: persons, marks, deviations, ideas, meetings };
      });
    },
  };
}
