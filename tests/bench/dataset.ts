/**
 * A deterministic "one busy year" data set for benchmarks: 50 people,
 * 12,000 attendance marks, 3,000 deviations, 1,000 ideas and 5,000 tasks,
 * shaped exactly like the app's rows (so the app's own queries run on it).
 */
import { attendanceId } from '../../src/domain/attendance';
import { addDays, isoWeekday } from '../../src/domain/dates';
import { ATTENDANCE_STATUSES, DEVIATION_CATEGORIES, IMPROVEMENT_STATUSES } from '../../src/domain/types';
import { seededRandom } from '../../src/domain/random';

const HLC = '000001700000000-0000-bench';

function row(workplaceId: string, id: string, fields: Record<string, unknown>, now: number) {
  const clock: Record<string, string> = {};
  const all = { ...fields, workplaceId, createdAt: now, updatedAt: now, deleted: 0 };
  for (const k of Object.keys(all)) clock[k] = HLC;
  return { id, ...all, _clock: clock };
}

export interface Dataset {
  workplaceId: string;
  tables: Record<string, Record<string, unknown>[]>;
}

export function oneYear(today: string, seed = 42): Dataset {
  const rnd = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const wp = '01900000-0000-7000-8000-00000000b001';
  const now = Date.now();
  const tables: Dataset['tables'] = {
    workplaces: [
      row(wp, wp, {
        name: 'Benchverkstan',
        activityType: 'carpentry',
        openingTime: '08:00',
        closingTime: '16:00',
        openDays: [1, 2, 3, 4, 5],
        pinHash: '0'.repeat(64),
        pinSalt: '0'.repeat(32),
        demo: false,
        deviationCategories: [...DEVIATION_CATEGORIES],
      }, now),
    ],
    persons: [],
    attendance: [],
    goals: [],
    goalProgress: [],
    workAreas: [],
    tasks: [],
    deviations: [],
    improvements: [],
  };
  const people = Array.from({ length: 50 }, (_, i) => `01900000-0000-7000-8000-0000000${String(10000 + i)}`);
  people.forEach((id, i) =>
    tables.persons!.push(row(wp, id, { firstName: `Person${i + 1}`, avatar: { kind: 'pictogram', ref: 'person' }, language: 'sv', active: 1, order: i }, now)),
  );
  // 12,000 marks: the open days of the past year, for as many people as fit
  const days: string[] = [];
  for (let d = 1; days.length < 250; d++) {
    const iso = addDays(today, -d);
    if (isoWeekday(iso) <= 5) days.push(iso);
  }
  let n = 0;
  outer: for (const date of days) {
    for (const personId of people) {
      if (n >= 12_000) break outer;
      const r = rnd();
      const status = r < 0.82 ? 'present' : r < 0.9 ? 'late' : pick(ATTENDANCE_STATUSES);
      tables.attendance!.push(row(wp, attendanceId(personId, date), { personId, date, status, checkedInAt: null, setBy: 'self' }, now));
      n++;
    }
  }
  const areas = ['workshop', 'warehouse', 'office', 'outdoor'].map((p, i) => {
    const id = `01900000-0000-7000-8000-00000000a00${i}`;
    tables.workAreas!.push(row(wp, id, { pictogramId: p, text: '', order: i }, now));
    return id;
  });
  for (let i = 0; i < 5000; i++) {
    const date = addDays(today, -Math.floor(i / 20));
    tables.tasks!.push(
      row(wp, `t-${i}`, { workAreaId: pick(areas), pictogramId: pick(['saw', 'hammer', 'broom', 'paint', 'assemble']), text: '', date, assignees: [pick(people)], doneAt: rnd() < 0.7 ? now : null, doneBy: null, recurringId: null }, now),
    );
  }
  for (let i = 0; i < 3000; i++) {
    const date = addDays(today, -Math.floor(rnd() * 365));
    const status = i < 2950 ? 'solved' : pick(['new', 'handling'] as const);
    tables.deviations!.push(
      row(wp, `d-${i}`, { category: pick(DEVIATION_CATEGORIES), date, pictogramId: null, photo: null, text: '', reportedBy: pick(people), status, responsibleId: null, action: '', solvedAt: status === 'solved' ? now : null }, now),
    );
  }
  for (let i = 0; i < 1000; i++) {
    const date = addDays(today, -Math.floor(rnd() * 365));
    tables.improvements!.push(
      row(wp, `i-${i}`, { date, pictogramId: 'idea', photo: null, text: '', proposedBy: pick(people), status: i < 900 ? 'done' : pick(IMPROVEMENT_STATUSES), reason: 'x', movedAt: now }, now),
    );
  }
  for (let i = 0; i < 6; i++) {
    tables.goals!.push(row(wp, `g-${i}`, { pictogramId: 'star', text: '', period: i % 2 ? 'week' : 'day', target: { kind: 'count', target: 10 }, active: 1, order: i }, now));
  }
  return { workplaceId: wp, tables };
}
