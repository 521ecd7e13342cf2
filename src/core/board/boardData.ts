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
import { IMPROVEMENT_STATUSES, type AttendanceMark, type Deviation, type Goal, type GoalProgress, type Improvement, type ImprovementStatus, type Task, type WorkArea } from '../../domain/types';
import { summarizeAttendance } from '../../domain/attendance';
import { addDays, startOfIsoWeek } from '../../domain/dates';

export interface BoardDataOptions {
  /** 'board': only what today's home board shows (open deviations and the month's); default 'all' */
  deviations?: 'all' | 'board';
  /** 'counts': the screen shows only how many ideas are in each column (`ideaCounts`), never the ideas; default 'all' */
  improvements?: 'all' | 'counts';
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
  const noIdeas = Object.fromEntries(IMPROVEMENT_STATUSES.map((s) => [s, 0])) as Record<ImprovementStatus, number>;
  const countedIdeas = onDemand(() =>
    createMemo(() => {
      const out = { ...noIdeas };
      for (const i of improvements()) out[i.status] += 1;
      return out;
    }),
  );
  /** ideas per column: counted by the index ('counts'), else from the ideas read anyway */
  const ideaCounts: Live<Record<ImprovementStatus, number>> =
    options.improvements === 'counts'
      ? lazyLive(() => createLive(wp, (id) => repos.improvements.countByStatus(id), noIdeas))
      : Object.assign(() => countedIdeas()(), { ready: () => improvements.ready() });

  const markOf = onDemand(() => createMemo(() => new Map(marks().map((m) => [m.personId, m]))));
  const attendance = onDemand(() =>
    createMemo(() =>
      summarizeAttendance(
        people(),
        marks().flatMap((m) => (m.status ? [{ personId: m.personId, status: m.status }] : [])),
      ),
    ),
  );

  const sections = [people, marks, goals, progress, areas, tasks, deviations, options.improvements === 'counts' ? ideaCounts : improvements];
  /** true once every section's first result is in (the board is fully rendered after this); opens them all at once (no waterfall) */
  const ready = () => sections.map((l) => l.ready()).every(Boolean);

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
    ideaCounts,
  };
}

export type BoardData = ReturnType<typeof createBoardData>;
