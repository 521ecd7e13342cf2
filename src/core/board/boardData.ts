/**
 * The board's live view of a day: every section reads from here, so the home
 * board and the section screens always agree. All values are Solid signals
 * fed by Dexie live queries; nothing here writes.
 *
 * Each screen asks only for what it shows: a section's live query opens the
 * first time the screen reads it (the attendance page never subscribes to
 * the deviations), and closes with the screen. People come from the app's
 * shared workplace lookups, so no screen opens its own list of them.
 */
import { createMemo, getOwner, runWithOwner, type Accessor } from 'solid-js';
import { useApp } from '../context';
import { createLive, type Live } from '../live';
import type { AttendanceMark, Deviation, Goal, GoalProgress, Improvement, Task, WorkArea } from '../../domain/types';
import { summarizeAttendance } from '../../domain/attendance';
import { addDays, startOfIsoWeek } from '../../domain/dates';

export interface BoardDataOptions {
  /** 'board': only what today's home board shows (open deviations and the month's); default 'all' */
  deviations?: 'all' | 'board';
}

export function createBoardData(date?: Accessor<string>, options: BoardDataOptions = {}) {
  const app = useApp();
  const { repos } = app;
  const owner = getOwner();
  const day = () => (date ? date() : app.today());
  const wp = () => app.workplaceId();
  const key = () => (wp() ? ([wp()!, day()] as const) : null);

  /** Opens on first read, owned by the screen (not by whichever effect read first). */
  function onDemand<T>(open: () => T): () => T {
    let value: T | undefined;
    return () => (value ??= owner ? runWithOwner(owner, open)! : open());
  }
  /** A live query that opens when first read. */
  function lazyLive<T>(open: () => Live<T>): Live<T> {
    const get = onDemand(open);
    return Object.assign(() => get()(), { ready: () => get().ready() }) as Live<T>;
  }

  const people = app.lookups.people;
  const marks = lazyLive(() => createLive(key, ([id, d]) => repos.attendance.forDay(id, d), [] as AttendanceMark[]));
  const goals = lazyLive(() => createLive(wp, (id) => repos.goals.list(id), [] as Goal[]));
  const progress = lazyLive(() =>
    createLive(key, ([id, d]) => repos.goals.progressBetween(id, startOfIsoWeek(d), addDays(startOfIsoWeek(d), 6)), [] as GoalProgress[]),
  );
  const areas = lazyLive(() => createLive(wp, (id) => repos.work.areas(id), [] as WorkArea[]));
  const tasks = lazyLive(() => createLive(key, ([id, d]) => repos.work.tasksFor(id, d), [] as Task[]));
  const deviations = lazyLive(() =>
    options.deviations === 'board'
      ? createLive(key, ([id, d]) => repos.deviations.forBoard(id, d), [] as Deviation[])
      : createLive(wp, (id) => repos.deviations.all(id), [] as Deviation[]),
  );
  const improvements = lazyLive(() => createLive(wp, (id) => repos.improvements.all(id), [] as Improvement[]));

  const markOf = onDemand(() => createMemo(() => new Map(marks().map((m) => [m.personId, m]))));
  const attendance = onDemand(() =>
    createMemo(() =>
      summarizeAttendance(
        people(),
        marks().flatMap((m) => (m.status ? [{ personId: m.personId, status: m.status }] : [])),
      ),
    ),
  );

  /** true once every section's first result is in (the board is fully rendered after this); opens them all */
  const ready = () => [people, marks, goals, progress, areas, tasks, deviations, improvements].every((l) => l.ready());

  return {
    ready,
    day,
    people,
    personById: app.lookups.peopleById,
    marks,
    markOf: () => markOf()(),
    attendance: () => attendance()(),
    goals,
    progress,
    areas,
    tasks,
    deviations,
    improvements,
  };
}

export type BoardData = ReturnType<typeof createBoardData>;
