/**
 * The demo workplace: a laundry with eight people and two weeks of history,
 * so someone trying Tavla sees a living board (attendance, goals under way,
 * today's tasks, deviations in every state, ideas across the PDCA columns)
 * instead of an empty one.
 *
 * The demo is generated relative to now and never in the future: today's
 * check-ins, finished tasks and goal taps appear only once their time of day
 * has come (at 06:50 on a Monday nobody is in yet), and today's deviation and
 * idea belong to the previous open day until then (the board has the same
 * deviations and ideas at any hour),
 * and past open days have their tasks, mostly done, for History. So the
 * demo syncs to a server and restores from its backup at any hour.
 *
 * My way forward (issue 14) has sample data too, none of it on the board:
 * the default ladder written on the workplace, a plan (a follow-up with two
 * goals, the next follow-up weeks away, so nothing is due) for Ahmed and
 * Fatima, and a few skills of Ahmed, Fatima and Yonas in tasks other than
 * washing clothes. It uses no random numbers, so the board's story above is
 * exactly what it was; the people are ones the e2e tests leave alone.
 *
 * Everything random comes from a seeded PRNG, so the same `today` and time
 * of day always give the same board (tests rely on it).
 *
 * It is written in two parts so "Try the demo" shows the board at once
 * (issue 13): first everything today's board shows — the workplace, its
 * template, the people, today's marks, tasks and goal taps, the deviations and
 * the ideas — in one transaction of bulk writes (`writeRecordsInBulk`: the
 * same rows and outbox ops as the repositories' one-by-one writes, so the demo
 * syncs and erases like real data), then the history the board does not show
 * (the past days' marks and tasks, in bulk, and the growth samples, through
 * the repositories). The board is true as soon as the first part is stored:
 * the second only adds past days and personal data. The PIN is hashed
 * (WebCrypto) while the language loads, before the first transaction (no
 * awaiting anything but IndexedDB inside one).
 */
import { addDays, isoWeekday, minutesOfDay, parseIsoDate } from '../domain/dates';
import { DEFAULT_LADDER, skillTasks } from '../domain/growth';
import { previousOpenDay } from '../domain/meeting';
import type { MessageKey } from '../i18n';
import { loadLanguage, makeTranslator } from '../i18n';
import type { Repositories } from '../data/index';
import { fitWeekdays, templateGoalKey, TEMPLATES } from './templates';
import type { AttendanceStatus, DeviationCategory, DeviationStatus, Goal, ImprovementStatus, Iso, RecurringTask, SkillLevel, SyncedTable, Workplace } from '../domain/types';
import { DEVIATION_CATEGORIES, SYNCED_TABLES } from '../domain/types';
import { inWriteTx, writeRecordsInBulk, type BulkWrite } from '../data/writer';
import { newId } from '../data/ids';
import { seededRandom } from '../domain/random';
import { DEMO_PEOPLE } from './demoPeople';
import { WORKPLACE_SETTING } from '../data/repos/device';
import { markDemoPending } from './demoPending';
import { attendanceId, checkInStatus } from '../domain/attendance';
import { recurringTaskId, tasksDueOn } from '../domain/recurring';
import { orderAfter } from '../domain/order';
import { changeDeviationStatus } from '../domain/deviations';
import { moveIdea } from '../domain/pdca';

export { DEMO_PEOPLE } from './demoPeople';

export const DEMO_PIN = '1234';
/**
 * The demo's PIN as stored: PBKDF2 of DEMO_PIN (domain/pin.ts, hashPin) with a salt fixed once. The PIN is
 * public (the demo shows it), so nothing is lost by a fixed salt, and "Try the demo" skips 100,000 rounds
 * of hashing on a slow tablet (demo.test.ts verifies it; a PIN changed later gets a random salt as always).
 */
export const DEMO_PIN_HASH = { hash: 'a23551da1ec1e68f1f3851f412409d336c37d58bfbfa477b327c6d3ed43453f1', salt: '4953494941cd7a655296029d99e4973a' } as const;
export const DEMO_HISTORY_DAYS = 14;


/** A past day's status: mostly present, now and then late, sick or away. */
function pickStatus(r: number): AttendanceStatus {
  if (r < 0.78) return 'present';
  if (r < 0.87) return 'late';
  if (r < 0.93) return 'sick';
  if (r < 0.96) return 'absentNotified';
  if (r < 0.98) return 'absentUnnotified';
  return 'leave';
}

interface DemoDeviation {
  category: DeviationCategory;
  daysAgo: number;
  pictogramId: string;
  text: MessageKey;
  reporter: number;
  status: DeviationStatus;
  responsible?: number;
  action?: MessageKey;
}

const DEVIATIONS: DemoDeviation[] = [
  { category: 'safety', daysAgo: 10, pictogramId: 'spill', text: 'demo.deviation.wetFloor', reporter: 0, status: 'solved', responsible: 2, action: 'demo.deviation.wetFloorAction' },
  { category: 'quality', daysAgo: 6, pictogramId: 'quality', text: 'demo.deviation.stains', reporter: 6, status: 'solved', responsible: 5 },
  { category: 'time', daysAgo: 3, pictogramId: 'late-time', text: 'demo.deviation.lateBus', reporter: 3, status: 'solved' },
  { category: 'missingMaterial', daysAgo: 1, pictogramId: 'detergent', text: 'demo.deviation.noDetergent', reporter: 4, status: 'handling', responsible: 5 },
  { category: 'brokenTool', daysAgo: 0, pictogramId: 'broken-machine', text: 'demo.deviation.leakingMachine', reporter: 7, status: 'new' },
];

interface DemoIdea {
  daysAgo: number;
  pictogramId: string;
  text: MessageKey;
  proposer: number;
  status: ImprovementStatus;
}

const IDEAS: DemoIdea[] = [
  { daysAgo: 12, pictogramId: 'safety', text: 'demo.idea.mat', proposer: 1, status: 'done' },
  { daysAgo: 8, pictogramId: 'photo', text: 'demo.idea.foldingPictures', proposer: 6, status: 'doing' },
  { daysAgo: 5, pictogramId: 'laundry-basket', text: 'demo.idea.basketColours', proposer: 0, status: 'planned' },
  { daysAgo: 2, pictogramId: 'sort-laundry', text: 'demo.idea.sortShelf', proposer: 4, status: 'idea' },
  { daysAgo: 0, pictogramId: 'music', text: 'demo.idea.music', proposer: 3, status: 'idea' },
];

const FLOW: ImprovementStatus[] = ['idea', 'planned', 'doing', 'done'];

interface DemoPlan {
  person: number;
  /** the follow-up conversation, this many days ago */
  daysAgo: number;
  /** the ladder step agreed (a default ladder step id) */
  step: string;
  /** the pictogram of the agreed next step (its words are the pictogram's, in any language) */
  nextPictogramId: string;
  /** the next follow-up, this many days ahead: weeks away, so none is due */
  nextInDays: number;
  /** two goals, words from their pictograms; `stars` of them already confirmed */
  goals: { pictogramId: string; steps: number; stars: number }[];
}

/** Plans for Ahmed and Fatima (the e2e tests make Aya's plan themselves). */
export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    person: 3,
    daysAgo: 9,
    step: 'lightTraining',
    nextPictogramId: 'step-training',
    nextInDays: 21,
    goals: [
      { pictogramId: 'late-time', steps: 3, stars: 1 },
      { pictogramId: 'bus', steps: 2, stars: 0 },
    ],
  },
  {
    person: 4,
    daysAgo: 4,
    step: 'training',
    nextPictogramId: 'step-adapted',
    nextInDays: 28,
    goals: [
      { pictogramId: 'washing-machine', steps: 3, stars: 2 },
      { pictogramId: 'fold-laundry', steps: 4, stars: 1 },
    ],
  },
];

/** Who can do what: a few skills, never in washing clothes (the e2e test builds that row itself). */
export const DEMO_SKILLS: readonly { person: number; task: string; level: SkillLevel }[] = [
  { person: 4, task: 'fold-laundry', level: 3 },
  { person: 3, task: 'fold-laundry', level: 1 },
  { person: 7, task: 'fold-laundry', level: 2 },
  { person: 3, task: 'detergent', level: 2 },
  { person: 7, task: 'sew', level: 3 },
  { person: 4, task: 'sew', level: 1 },
];

export interface SeedDemoOptions {
  /** the board's today */
  today: Iso;
  /** language of the demo's texts (goal and deviation texts are free text once written) */
  lang: string;
  /** the wall clock; today's check-ins are never later than this */
  now?: number;
}

/** Creates the demo workplace with its people and history; returns the workplace (once everything is stored). */
export async function seedDemo(repos: Repositories, opts: SeedDemoOptions): Promise<Workplace> {
  const started = await startDemo(repos, opts);
  return started.writeHistory();
}

export interface StartedDemo {
  /** the workplace, with everything today's board shows stored */
  workplace: Workplace;
  /** writes the rest (past days, growth samples; once: a second call returns the first's promise); the workplace as it is then */
  writeHistory: () => Promise<Workplace>;
}

/**
 * Writes what today's board shows (one transaction); the history is written
 * when the caller asks (after the board is on screen: it would compete with
 * rendering it).
 */
export async function startDemo(repos: Repositories, opts: SeedDemoOptions & { device?: boolean }): Promise<StartedDemo> {
  const story = await demoStory(repos, opts);
  const stored = await writeRecordsInBulk(repos.db, story.today, opts.device ? { settings: { [WORKPLACE_SETTING]: story.workplaceId } } : {});
  return { workplace: stored.get(`workplaces/${story.workplaceId}`) as Workplace, writeHistory: story.writeHistory };
}

/**
 * "Try the demo" on this device: what today's board shows and the device's workplace setting (the demo's) in
 * one transaction, and the facts to write its past days kept until they are (demoPending.ts). The caller opens
 * the board, then writes the history (DemoHistory.tsx, finishDemo).
 */
export async function startDemoOnDevice(repos: Repositories, opts: SeedDemoOptions & { now: number }): Promise<StartedDemo> {
  const started = await startDemo(repos, { ...opts, device: true });
  // until the past days are written, the next start resumes them (a page closed too early: demoPending.ts)
  markDemoPending({ workplaceId: started.workplace.id, today: opts.today, lang: opts.lang, now: opts.now });
  return started;
}

/** The ids of a demo already written (resumeDemoHistory): its rows are found again, never made anew. */
interface DemoIds {
  workplace: string;
  area: (pictogramId: string) => string | undefined;
  task: (areaId: string, pictogramId: string) => string | undefined;
  person: (firstName: string) => string | undefined;
}

/** What the demo is: today's writes (not written) and the writer of its history; `existing` names the rows of a demo already there. */
async function demoStory(repos: Repositories, opts: SeedDemoOptions, existing?: DemoIds): Promise<{ workplaceId: string; today: BulkWrite[]; writeHistory: () => Promise<Workplace> }> {
  const { today } = opts;
  const now = repos.db.stamp(opts.now);
  const messages = await loadLanguage(opts.lang);
  const pin = DEMO_PIN_HASH;
  const t = makeTranslator(messages);
  const random = seededRandom(0x7a71a);
  const wpId = existing?.workplace ?? newId();
  const openDays = [1, 2, 3, 4, 5];
  const openingTime = '07:30';
  const opening = minutesOfDay(openingTime);
  const at = (date: Iso, minutes: number) => parseIsoDate(date).getTime() + minutes * 60_000;
  const isOpen = (date: Iso) => openDays.includes(isoWeekday(date));
  /** has this moment of the demo's story come yet? */
  const happened = (date: Iso, minutes: number) => at(date, minutes) <= now;
  /** the day of an event `daysAgo`: today's comes on the previous open day while its time has not come */
  const eventDay = (daysAgo: number, minutes: number): Iso => {
    const date = addDays(today, -daysAgo);
    return happened(date, minutes) ? date : previousOpenDay(date, openDays);
  };

  const writes: BulkWrite[] = [];
  const write = (table: SyncedTable, id: string, patch: BulkWrite['patch'], when?: number) => writes.push({ table, workplaceId: wpId, id, patch, now: when });

  // The workplace and its template (as workplaces.create and applyTemplate write them).
  write('workplaces', wpId, {
    name: t('demo.workplaceName').trim(),
    activityType: 'laundry',
    openingTime,
    closingTime: '15:00',
    openDays,
    pinHash: pin.hash,
    pinSalt: pin.salt,
    demo: true,
    deviationCategories: [...DEVIATION_CATEGORIES],
  });
  const template = TEMPLATES.laundry;
  write('workplaces', wpId, { deviationCategories: [...template.deviationCategories] });
  const areaOrders: { order: string }[] = [];
  const recurring: RecurringTask[] = [];
  for (const area of template.areas) {
    const areaId = existing?.area(area.pictogramId) ?? newId();
    const order = orderAfter(areaOrders);
    areaOrders.push({ order });
    write('workAreas', areaId, { pictogramId: area.pictogramId, text: '', order });
    for (const tk of area.tasks) {
      const fields = { workAreaId: areaId, pictogramId: tk.pictogramId, text: '', weekdays: fitWeekdays(tk.weekdays, openDays), assignees: [] as string[], active: 1 as const };
      const id = existing?.task(areaId, tk.pictogramId) ?? newId();
      write('recurringTasks', id, fields);
      recurring.push({ id, workplaceId: wpId, ...fields } as RecurringTask);
    }
  }
  const goalOrders: { order: string }[] = [];
  const goals: { id: string; target: Goal['target'] }[] = [];
  for (const g of template.goals) {
    const id = newId();
    const order = orderAfter(goalOrders);
    goalOrders.push({ order });
    write('goals', id, { pictogramId: g.pictogramId, text: t(templateGoalKey(g.key)).trim(), period: g.period, target: g.target, active: 1, order });
    goals.push({ id, target: g.target });
  }

  // The people (as persons.add writes them).
  const people: { id: string }[] = [];
  const personOrders: { order: string }[] = [];
  for (const p of DEMO_PEOPLE) {
    const id = existing?.person(p.firstName) ?? newId();
    const order = orderAfter(personOrders);
    personOrders.push({ order });
    write('persons', id, { firstName: p.firstName, avatar: { kind: 'pictogram', ref: p.avatar }, language: p.language, active: 1, order });
    people.push({ id });
  }
  /** attendance.checkIn and setStatus */
  const checkIn = (personId: string, date: Iso, when: number) => {
    const stamp = repos.db.stamp(when);
    write('attendance', attendanceId(personId, date), { personId, date, status: checkInStatus(stamp, openingTime), checkedInAt: stamp, setBy: 'self' }, stamp);
  };
  const setStatus = (personId: string, date: Iso, status: AttendanceStatus, when: number) =>
    write('attendance', attendanceId(personId, date), { personId, date, status, setBy: 'supervisor' }, when);
  /** work.fillDay, then each task shared out (updateTask) and perhaps done (markDone); `done` decides per task */
  const fillDay = (date: Iso, back: number, done: (i: number) => boolean) => {
    const due = tasksDueOn(recurring, date)
      .map((r) => ({ r, id: recurringTaskId(r.id, date) }))
      // in the order tasksFor reads them: by id
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { r, id } of due) {
      write('tasks', id, { workAreaId: r.workAreaId, pictogramId: r.pictogramId, text: r.text, date, assignees: r.assignees, doneAt: null, doneBy: null, recurringId: r.id });
    }
    for (const [i, { id }] of due.entries()) {
      const who = people[(i + back) % people.length]!;
      write('tasks', id, { assignees: [who.id] });
      const doneAt = opening + 30 + i * 5;
      if (done(i) && happened(date, doneAt)) {
        const stamp = repos.db.stamp(at(date, doneAt));
        write('tasks', id, { doneAt: stamp, doneBy: who.id }, stamp);
      }
    }
  };

  // This morning three people arrive before opening (once they have); the rest can try checking in.
  if (isOpen(today)) {
    for (const [i, p] of people.slice(0, 3).entries()) {
      const arrival = opening - 10 + i * 3;
      if (happened(today, arrival)) checkIn(p.id, today, at(today, arrival));
    }
    if (happened(today, opening - 30)) setStatus(people[7]!.id, today, 'sick', at(today, opening - 30));
    // today's tasks, shared out, a few done once the day is under way
    fillDay(today, 0, (i) => i % 3 === 0);
  }

  // Goals under way once the day is: some taps today, credited to whoever tapped.
  if (isOpen(today) && happened(today, opening + 30)) {
    for (const g of goals) {
      if (g.target.kind !== 'count') continue;
      const taps = Math.max(1, Math.floor(g.target.target * 0.4));
      for (let i = 0; i < taps; i++) write('goalProgress', newId(), { goalId: g.id, date: today, amount: 1, personId: people[i % people.length]!.id });
    }
  }

  for (const d of DEVIATIONS) {
    const date = eventDay(d.daysAgo, opening + 45);
    const id = newId();
    write('deviations', id, { category: d.category, date, pictogramId: d.pictogramId, photo: null, text: t(d.text).trim(), reportedBy: people[d.reporter]!.id, status: 'new', responsibleId: null, action: '', solvedAt: null }, at(date, opening + 45));
    const extra = {
      responsibleId: d.responsible === undefined ? undefined : people[d.responsible]!.id,
      action: d.action ? t(d.action) : undefined,
    };
    if (d.status !== 'new') {
      const when = repos.db.stamp(at(date, opening + 60));
      write('deviations', id, changeDeviationStatus({ status: 'new' }, 'handling', { now: when, ...extra }), when);
    }
    if (d.status === 'solved') {
      const when = repos.db.stamp(at(addDays(date, 1), opening + 60));
      write('deviations', id, changeDeviationStatus({ status: 'handling' }, 'solved', { now: when }), when);
    }
  }

  for (const idea of IDEAS) {
    const date = eventDay(idea.daysAgo, opening + 20);
    const id = newId();
    const proposed = repos.db.stamp(at(date, opening + 20));
    write('improvements', id, { date, pictogramId: idea.pictogramId, photo: null, text: t(idea.text).trim(), proposedBy: people[idea.proposer]!.id, status: 'idea', reason: '', movedAt: proposed }, proposed);
    for (let step = 1; step <= FLOW.indexOf(idea.status); step++) {
      const when = repos.db.stamp(at(date, opening + 20 + step * 60));
      write('improvements', id, moveIdea({ status: FLOW[step - 1]! }, FLOW[step]!, { now: when }), when);
    }
  }

  const todayWrites = [...writes];

  // The history the board does not show: past days (bulk, in the order the random numbers were always drawn), then growth.
  let history: Promise<Workplace> | undefined;
  const writeHistory = async () => {
    writes.length = 0;
    // Two weeks of attendance, open days only.
    for (let back = DEMO_HISTORY_DAYS; back >= 1; back--) {
      const date = addDays(today, -back);
      if (!isOpen(date)) continue;
      for (const p of people) {
        const status = pickStatus(random());
        if (status === 'present' || status === 'late') {
          const minutes = status === 'present' ? opening - 5 - Math.floor(random() * 20) : opening + 5 + Math.floor(random() * 40);
          checkIn(p.id, date, at(date, minutes));
        } else {
          setStatus(p.id, date, status, at(date, opening + 15));
        }
      }
    }
    // The past open days' tasks, nearly all done (History shows them).
    for (let back = DEMO_HISTORY_DAYS; back >= 1; back--) {
      const date = addDays(today, -back);
      if (!isOpen(date)) continue;
      fillDay(date, back, () => random() < 0.9);
    }
    await writeRecordsInBulk(repos.db, writes);

    // My way forward: the ladder, two plans and a few skills (personal data, never on the board).
    return inWriteTx(repos.db, [...SYNCED_TABLES], async () => {
      const created = await repos.growth.setLadder(wpId, DEFAULT_LADDER);
      for (const plan of DEMO_PLANS) {
        const date = addDays(today, -plan.daysAgo);
        const when = at(date, opening + 120);
        const personId = people[plan.person]!.id;
        await repos.growth.recordFollowUp(
          wpId,
          {
            personId,
            date,
            step: plan.step,
            nextPictogramId: plan.nextPictogramId,
            nextDate: addDays(today, plan.nextInDays),
            goals: plan.goals.map((g) => ({ pictogramId: g.pictogramId, text: '', steps: g.steps })),
          },
          undefined,
          when,
        );
        const goals = await repos.growth.goals(wpId, personId);
        for (const g of plan.goals) {
          const row = goals.find((r) => r.pictogramId === g.pictogramId)!;
          for (let star = 1; star <= g.stars; star++) await repos.growth.confirmGoalStep(row.id, when + star * 60_000);
        }
      }
      const kinds = skillTasks(await repos.work.recurring(wpId));
      for (const sk of DEMO_SKILLS) {
        const kind = kinds.find((r) => r.pictogramId === sk.task);
        if (kind) await repos.growth.setSkill(wpId, people[sk.person]!.id, kind.id, sk.level);
      }
      return created;
    });
  };
  return { workplaceId: wpId, today: todayWrites, writeHistory: () => (history ??= writeHistory()) };
}

/**
 * Writes the history of a demo whose today was written but whose past days were not (the page closed before
 * the idle seeding finished: demoPending.ts keeps the facts). The same rows as then, found by their place in
 * the demo (people by first name, areas and recurring tasks by pictogram); false when that workplace is gone
 * or is no demo.
 */
export async function resumeDemoHistory(repos: Repositories, pending: { workplaceId: string; today: Iso; lang: string; now: number }): Promise<boolean> {
  const wp = await repos.workplaces.get(pending.workplaceId);
  if (!wp || !wp.demo) return false;
  const [areas, tasks, people] = await Promise.all([repos.work.areas(wp.id), repos.work.recurring(wp.id), repos.persons.list(wp.id)]);
  const story = await demoStory(repos, { today: pending.today, lang: pending.lang, now: pending.now }, {
    workplace: wp.id,
    area: (pictogramId) => areas.find((a) => a.pictogramId === pictogramId)?.id,
    task: (areaId, pictogramId) => tasks.find((r) => r.workAreaId === areaId && r.pictogramId === pictogramId)?.id,
    person: (firstName) => people.find((p) => p.firstName === firstName)?.id,
  });
  await story.writeHistory();
  return true;
}
