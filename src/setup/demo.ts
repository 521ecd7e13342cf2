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
 * of day always give the same board (tests rely on it). Writes go through the repositories
 * like any other (so the demo syncs and erases like real data), batched in a
 * few transactions: creating the workplace hashes the PIN (WebCrypto) and
 * the template loads its language, and neither may run inside an IndexedDB
 * transaction, so those come first and the rest is one transaction.
 */
import { addDays, isoWeekday, minutesOfDay, parseIsoDate } from '../domain/dates';
import { DEFAULT_LADDER, skillTasks } from '../domain/growth';
import { previousOpenDay } from '../domain/meeting';
import type { MessageKey } from '../i18n';
import { loadLanguage, makeTranslator } from '../i18n';
import type { Repositories } from '../data/index';
import { applyTemplate } from './templates';
import type { AttendanceStatus, DeviationCategory, DeviationStatus, ImprovementStatus, Iso, Person, SkillLevel, Workplace } from '../domain/types';
import { SYNCED_TABLES } from '../domain/types';
import { inWriteTx } from '../data/writer';
import { seededRandom } from '../domain/random';

export const DEMO_PIN = '1234';
export const DEMO_HISTORY_DAYS = 14;

export const DEMO_PEOPLE: readonly { firstName: string; avatar: string; language: string }[] = [
  { firstName: 'Aya', avatar: 'avatar-woman-headscarf-medium', language: 'ar' },
  { firstName: 'Mohammed', avatar: 'avatar-man-beard-medium', language: 'ar' },
  { firstName: 'Sara', avatar: 'avatar-woman-blonde-medium-light', language: 'sv' },
  { firstName: 'Ahmed', avatar: 'avatar-man-medium-dark', language: 'so' },
  { firstName: 'Fatima', avatar: 'avatar-woman-headscarf-dark', language: 'so' },
  { firstName: 'Jonas', avatar: 'avatar-man-light', language: 'en' },
  { firstName: 'Lina', avatar: 'avatar-woman-medium-light', language: 'fa' },
  { firstName: 'Yonas', avatar: 'avatar-man-curly-dark', language: 'ti' },
];

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

/** Creates the demo workplace with its people and history; returns the workplace. */
export async function seedDemo(repos: Repositories, opts: SeedDemoOptions): Promise<Workplace> {
  const { today } = opts;
  const now = repos.db.stamp(opts.now);
  const t = makeTranslator(await loadLanguage(opts.lang));
  const random = seededRandom(0x7a71a);
  const wp = await repos.workplaces.create({
    name: t('demo.workplaceName'),
    activityType: 'laundry',
    openingTime: '07:30',
    closingTime: '15:00',
    openDays: [1, 2, 3, 4, 5],
    pin: DEMO_PIN,
    demo: true,
  });
  await applyTemplate(repos, wp.id, 'laundry', opts.lang);
  const opening = minutesOfDay(wp.openingTime);
  const at = (date: Iso, minutes: number) => parseIsoDate(date).getTime() + minutes * 60_000;
  const isOpen = (date: Iso) => wp.openDays.includes(isoWeekday(date));
  /** has this moment of the demo's story come yet? */
  const happened = (date: Iso, minutes: number) => at(date, minutes) <= now;
  /** the day of an event `daysAgo`: today's comes on the previous open day while its time has not come */
  const eventDay = (daysAgo: number, minutes: number): Iso => {
    const date = addDays(today, -daysAgo);
    return happened(date, minutes) ? date : previousOpenDay(date, wp.openDays);
  };

  let created = wp;
  await inWriteTx(repos.db, [...SYNCED_TABLES], async () => {
    const people: Person[] = [];
    for (const p of DEMO_PEOPLE) {
      people.push(await repos.persons.add(wp.id, { firstName: p.firstName, avatar: { kind: 'pictogram', ref: p.avatar }, language: p.language }));
    }

    // Two weeks of attendance, open days only.
    for (let back = DEMO_HISTORY_DAYS; back >= 1; back--) {
      const date = addDays(today, -back);
      if (!isOpen(date)) continue;
      for (const p of people) {
        const status = pickStatus(random());
        if (status === 'present' || status === 'late') {
          const minutes = status === 'present' ? opening - 5 - Math.floor(random() * 20) : opening + 5 + Math.floor(random() * 40);
          await repos.attendance.checkIn(wp.id, p.id, date, wp.openingTime, at(date, minutes));
        } else {
          await repos.attendance.setStatus(wp.id, p.id, date, status, at(date, opening + 15));
        }
      }
    }
    // This morning three people arrive before opening (once they have); the rest can try checking in.
    if (isOpen(today)) {
      for (const [i, p] of people.slice(0, 3).entries()) {
        const arrival = opening - 10 + i * 3;
        if (happened(today, arrival)) await repos.attendance.checkIn(wp.id, p.id, today, wp.openingTime, at(today, arrival));
      }
      if (happened(today, opening - 30)) await repos.attendance.setStatus(wp.id, people[7]!.id, today, 'sick', at(today, opening - 30));
    }

    // The past open days' tasks, nearly all done (History shows them), and today's, shared out,
    // a few done once the day is under way.
    for (let back = DEMO_HISTORY_DAYS; back >= 0; back--) {
      const date = addDays(today, -back);
      if (!isOpen(date)) continue;
      await repos.work.fillDay(wp.id, date);
      const tasks = await repos.work.tasksFor(wp.id, date);
      for (const [i, task] of tasks.entries()) {
        const who = people[(i + back) % people.length]!;
        await repos.work.updateTask(task.id, { assignees: [who.id] });
        const doneAt = opening + 30 + i * 5;
        const done = back === 0 ? i % 3 === 0 : random() < 0.9;
        if (done && happened(date, doneAt)) await repos.work.markDone(task.id, who.id, at(date, doneAt));
      }
    }

    // Goals under way once the day is: some taps today, credited to whoever tapped.
    const goals = await repos.goals.list(wp.id);
    if (isOpen(today) && happened(today, opening + 30)) {
      for (const g of goals) {
        if (g.target.kind !== 'count') continue;
        const taps = Math.max(1, Math.floor(g.target.target * 0.4));
        for (let i = 0; i < taps; i++) await repos.goals.addProgress(wp.id, g.id, today, 1, people[i % people.length]!.id);
      }
    }

    for (const d of DEVIATIONS) {
      const date = eventDay(d.daysAgo, opening + 45);
      const dev = await repos.deviations.report(wp.id, { category: d.category, date, pictogramId: d.pictogramId, text: t(d.text), reportedBy: people[d.reporter]!.id }, undefined, at(date, opening + 45));
      const extra = {
        responsibleId: d.responsible === undefined ? undefined : people[d.responsible]!.id,
        action: d.action ? t(d.action) : undefined,
      };
      if (d.status !== 'new') await repos.deviations.setStatus(dev.id, 'handling', extra, at(date, opening + 60));
      if (d.status === 'solved') await repos.deviations.setStatus(dev.id, 'solved', {}, at(addDays(date, 1), opening + 60));
    }

    for (const idea of IDEAS) {
      const date = eventDay(idea.daysAgo, opening + 20);
      const row = await repos.improvements.propose(wp.id, { date, pictogramId: idea.pictogramId, text: t(idea.text), proposedBy: people[idea.proposer]!.id }, undefined, at(date, opening + 20));
      for (let step = 1; step <= FLOW.indexOf(idea.status); step++) {
        await repos.improvements.move(row.id, FLOW[step]!, {}, at(date, opening + 20 + step * 60));
      }
    }

    // My way forward: the ladder, two plans and a few skills (personal data, never on the board).
    created = await repos.growth.setLadder(wp.id, DEFAULT_LADDER);
    for (const plan of DEMO_PLANS) {
      const date = addDays(today, -plan.daysAgo);
      const when = at(date, opening + 120);
      const personId = people[plan.person]!.id;
      await repos.growth.recordFollowUp(
        wp.id,
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
      const goals = await repos.growth.goals(wp.id, personId);
      for (const g of plan.goals) {
        const row = goals.find((r) => r.pictogramId === g.pictogramId)!;
        for (let star = 1; star <= g.stars; star++) await repos.growth.confirmGoalStep(row.id, when + star * 60_000);
      }
    }
    const kinds = skillTasks(await repos.work.recurring(wp.id));
    for (const sk of DEMO_SKILLS) {
      const kind = kinds.find((r) => r.pictogramId === sk.task);
      if (kind) await repos.growth.setSkill(wp.id, people[sk.person]!.id, kind.id, sk.level);
    }
  });
  return created;
}
