/**
 * The board's live view of today: every section reads from here, so the home
 * board and the section screens always agree. All values are Solid signals
 * fed by Dexie live queries; nothing here writes.
 */
import { createMemo, type Accessor } from 'solid-js';
import { useApp } from '../context';
import { createLive } from '../live';
import type { AttendanceMark, Deviation, Goal, GoalProgress, Improvement, Person, Task, WorkArea } from '../../domain/types';
import { summarizeAttendance } from '../../domain/attendance';
import { addDays, startOfIsoWeek } from '../../domain/dates';

export interface BoardDataOptions {
  /** 'board': only what today's home board shows (open deviations and the month's); default 'all' */
  deviations?: 'all' | 'board';
}

export function createBoardData(date?: Accessor<string>, options: BoardDataOptions = {}) {
  const app = useApp();
  const { repos } = app;
  const day = () => (date ? date() : app.today());
  const wp = () => app.workplaceId();
  const key = () => (wp() ? ([wp()!, day()] as const) : null);

  const people = createLive(wp, (id) => repos.persons.list(id), [] as Person[]);
  const marks = createLive(key, ([id, d]) => repos.attendance.forDay(id, d), [] as AttendanceMark[]);
  const goals = createLive(wp, (id) => repos.goals.list(id), [] as Goal[]);
  const progress = createLive(
    key,
    ([id, d]) => repos.goals.progressBetween(id, startOfIsoWeek(d), addDays(startOfIsoWeek(d), 6)),
    [] as GoalProgress[],
  );
  const areas = createLive(wp, (id) => repos.work.areas(id), [] as WorkArea[]);
  const tasks = createLive(key, ([id, d]) => repos.work.tasksFor(id, d), [] as Task[]);
  const deviations =
    options.deviations === 'board'
      ? createLive(key, ([id, d]) => repos.deviations.forBoard(id, d), [] as Deviation[])
      : createLive(wp, (id) => repos.deviations.all(id), [] as Deviation[]);
  const improvements = createLive(wp, (id) => repos.improvements.all(id), [] as Improvement[]);

  const markOf = createMemo(() => new Map(marks().map((m) => [m.personId, m])));
  const personById = createMemo(() => new Map(people().map((p) => [p.id, p])));
  const attendance = createMemo(() =>
    summarizeAttendance(
      people(),
      marks().flatMap((m) => (m.status ? [{ personId: m.personId, status: m.status }] : [])),
    ),
  );

  /** true once every section's first result is in (the board is fully rendered after this) */
  const ready = () => [people, marks, goals, progress, areas, tasks, deviations, improvements].every((l) => l.ready());

  return { ready, day, people, personById, marks, markOf, attendance, goals, progress, areas, tasks, deviations, improvements };
}

export type BoardData = ReturnType<typeof createBoardData>;
