import { describe, expect, it } from 'vitest';
import { addDays, isoWeekday } from '../domain/dates';
import { verifyPin } from '../domain/pin';
import { createRepositories } from '../data/index';
import { TavlaDb } from '../data/db';
import { currentStep, DEFAULT_LADDER, dueFollowUps, ladderOf, skillTasks } from '../domain/growth';
import { DEMO_HISTORY_DAYS, resumeDemoHistory, seedDemo, startDemo, startDemoOnDevice } from './demo';
import { clearDemoPending, readDemoPending } from './demoPending';
import { startOfIsoWeek } from '../domain/dates';
import { SYNCED_TABLES } from '../domain/types';

const freshRepos = () => createRepositories(new TavlaDb(`test-${crypto.randomUUID()}`));
// A Wednesday, so today is open and the last 14 days hold two weekends.
const TODAY = '2026-03-11';
const NOW = new Date(2026, 2, 11, 9, 0).getTime();

async function seeded() {
  const repos = freshRepos();
  const wp = await seedDemo(repos, { today: TODAY, lang: 'sv', now: NOW });
  return { repos, wp };
}

describe('seedDemo', () => {
  it('creates a laundry demo whose PIN 1234 verifies, and never stores the PIN', async () => {
    const { repos, wp } = await seeded();
    expect(wp.demo).toBe(true);
    expect(wp.activityType).toBe('laundry');
    expect(wp.name).toBe('Tvätteriet Solrosen');
    expect(await verifyPin('1234', wp.pinHash, wp.pinSalt)).toBe(true);
    // stored as hashed once (DEMO_PIN_HASH), with the format of any PIN's
    expect(wp.pinSalt).toMatch(/^[0-9a-f]{32}$/);
    expect(wp.pinHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await repos.workplaces.get(wp.id))).not.toContain('"1234"');
  });

  it('creates eight people with varied languages and avatar pictograms', async () => {
    const { repos, wp } = await seeded();
    const people = await repos.persons.list(wp.id);
    expect(people).toHaveLength(8);
    expect(new Set(people.map((p) => p.language)).size).toBeGreaterThanOrEqual(5);
    for (const p of people) expect(p.avatar.kind).toBe('pictogram');
  });

  it('writes two weeks of attendance on open days only', async () => {
    const { repos, wp } = await seeded();
    const past = await repos.attendance.between(wp.id, addDays(TODAY, -DEMO_HISTORY_DAYS), addDays(TODAY, -1));
    const days = new Set(past.map((m) => m.date));
    expect(days.size).toBe(10); // 14 days, Monday–Friday
    for (const d of days) expect(wp.openDays).toContain(isoWeekday(d));
    expect(past).toHaveLength(10 * 8);
    const statuses = past.map((m) => m.status);
    expect(statuses.filter((s) => s === 'present').length).toBeGreaterThan(past.length / 2);
    expect(statuses.some((s) => s === 'late')).toBe(true);
    expect(statuses.some((s) => s !== 'present' && s !== 'late')).toBe(true);
    // today: a few are in already, the rest can try checking in
    const today = await repos.attendance.forDay(wp.id, TODAY);
    expect(today.length).toBeGreaterThan(0);
    expect(today.length).toBeLessThan(8);
  });

  it('fills today with tasks, some done, and puts goals under way', async () => {
    const { repos, wp } = await seeded();
    const tasks = await repos.work.tasksFor(wp.id, TODAY);
    expect(tasks.length).toBeGreaterThan(5);
    expect(tasks.every((t) => t.assignees.length === 1)).toBe(true);
    expect(tasks.some((t) => t.doneAt)).toBe(true);
    expect(tasks.some((t) => !t.doneAt)).toBe(true);
    const progress = await repos.goals.progressBetween(wp.id, TODAY, TODAY);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('has deviations in every state, one about safety ten days ago, and ideas in several columns', async () => {
    const { repos, wp } = await seeded();
    const deviations = await repos.deviations.all(wp.id);
    expect(new Set(deviations.map((d) => d.status))).toEqual(new Set(['new', 'handling', 'solved']));
    const safety = deviations.filter((d) => d.category === 'safety');
    expect(safety.length).toBeGreaterThanOrEqual(1);
    expect(safety[0]!.date).toBe(addDays(TODAY, -10));
    const ideas = await repos.improvements.all(wp.id);
    expect(new Set(ideas.map((i) => i.status)).size).toBeGreaterThanOrEqual(3);
    expect(ideas.every((i) => i.proposedBy)).toBe(true);
  });

  it('has growth samples for the supervisor, none of them due, none about the people the e2e tests use', async () => {
    const { repos, wp } = await seeded();
    // the default ladder, written on the workplace (so the supervisor can edit it)
    expect(wp.ladderSteps).toEqual(DEFAULT_LADDER);
    expect(ladderOf(await repos.workplaces.get(wp.id))).toEqual(DEFAULT_LADDER);
    const people = await repos.persons.list(wp.id);
    const name = (id: string) => people.find((p) => p.id === id)!.firstName;

    // a follow-up and a plan of two goals each for Ahmed and Fatima
    const followUps = await repos.growth.allFollowUps(wp.id);
    expect(followUps.map((f) => name(f.personId)).sort()).toEqual(['Ahmed', 'Fatima']);
    for (const f of followUps) {
      expect(f.date < TODAY).toBe(true);
      expect(f.nextDate! > addDays(TODAY, 14)).toBe(true);
      expect(f.createdAt).toBeLessThanOrEqual(NOW);
    }
    expect(dueFollowUps(people, followUps, TODAY)).toEqual([]);
    const ahmed = people.find((p) => p.firstName === 'Ahmed')!;
    expect(currentStep(await repos.growth.followUps(wp.id, ahmed.id))).toBe('lightTraining');
    const goals = await repos.growth.allGoals(wp.id);
    expect(goals).toHaveLength(4);
    expect(new Set(goals.map((g) => name(g.personId)))).toEqual(new Set(['Ahmed', 'Fatima']));
    for (const g of goals) {
      expect(g.progress).toBeLessThan(g.steps);
      expect(g.closedAt).toBeNull();
      expect(g.claimedAt).toBeNull();
    }
    expect(goals.some((g) => g.progress > 0)).toBe(true);

    // a few skills, at every level above "not yet", never in washing clothes
    const skills = await repos.growth.skills(wp.id);
    const kinds = skillTasks(await repos.work.recurring(wp.id));
    const kindOf = (key: string) => kinds.find((r) => r.id === key)!.pictogramId;
    expect(skills.length).toBeGreaterThanOrEqual(4);
    expect(new Set(skills.map((s) => s.level))).toEqual(new Set([1, 2, 3]));
    expect(skills.map((s) => kindOf(s.taskKey))).not.toContain('wash-clothes');
    for (const s of skills) expect(['Ahmed', 'Fatima', 'Yonas']).toContain(name(s.personId));
  });

  it('erases the growth samples with their person', async () => {
    const { repos, wp } = await seeded();
    const fatima = (await repos.persons.list(wp.id)).find((p) => p.firstName === 'Fatima')!;
    await repos.persons.erase(fatima.id);
    expect(await repos.growth.followUps(wp.id, fatima.id)).toEqual([]);
    expect(await repos.growth.goals(wp.id, fatima.id)).toEqual([]);
    expect(await repos.growth.skillsOf(wp.id, fatima.id)).toEqual([]);
  });

  it("stores everything today's board shows first; the history adds past days only", async () => {
    const repos = freshRepos();
    const started = await startDemo(repos, { today: TODAY, lang: 'sv', now: NOW });
    const id = started.workplace.id;
    expect(started.workplace.demo).toBe(true);
    /** what the board reads (core/board/boardData.ts), rows as stored */
    const board = async () => ({
      workplace: (({ name, openingTime, openDays, pinHash, deviationCategories }) => ({ name, openingTime, openDays, pinHash, deviationCategories }))((await repos.workplaces.get(id))!),
      people: await repos.persons.list(id),
      marks: await repos.attendance.forDay(id, TODAY),
      goals: await repos.goals.list(id),
      progress: await repos.goals.progressBetween(id, startOfIsoWeek(TODAY), addDays(startOfIsoWeek(TODAY), 6)),
      areas: await repos.work.areas(id),
      tasks: await repos.work.tasksFor(id, TODAY),
      deviations: await repos.deviations.forBoard(id, TODAY),
      ideas: await repos.improvements.all(id),
    });
    const before = await board();
    expect(before.people).toHaveLength(8);
    expect(before.marks.length).toBeGreaterThan(0);
    expect(before.tasks.every((t) => t.assignees.length === 1)).toBe(true);
    expect(before.tasks.some((t) => t.doneAt)).toBe(true);
    expect(before.progress.length).toBeGreaterThan(0);
    expect(new Set(before.deviations.map((d) => d.status))).toEqual(new Set(['new', 'handling', 'solved']));
    expect(before.ideas).toHaveLength(5);
    expect(await repos.attendance.between(id, addDays(TODAY, -DEMO_HISTORY_DAYS), addDays(TODAY, -1))).toEqual([]);

    const wp = await started.writeHistory();
    expect(await started.writeHistory()).toEqual(wp); // once
    expect(await board()).toEqual(before);
    expect(await repos.attendance.between(id, addDays(TODAY, -DEMO_HISTORY_DAYS), addDays(TODAY, -1))).toHaveLength(10 * 8);
    expect(wp.ladderSteps).toEqual(DEFAULT_LADDER);
  });

  it('resumes the past days of a demo closed before they were written: the same days, tasks and plans as written at once', async () => {
    const repos = freshRepos();
    const started = await startDemo(repos, { today: TODAY, lang: 'sv', now: NOW });
    const id = started.workplace.id;
    // (the page closed here) — the next start resumes from the facts kept
    expect(await resumeDemoHistory(repos, { workplaceId: id, today: TODAY, lang: 'sv', now: NOW })).toBe(true);
    const { repos: ref, wp: refWp } = await seeded();
    const shape = async (r: typeof repos, wpId: string) => {
      const names = new Map((await r.persons.list(wpId)).map((p) => [p.id, p.firstName]));
      const marks = await r.attendance.between(wpId, addDays(TODAY, -DEMO_HISTORY_DAYS), addDays(TODAY, -1));
      const tasks = [];
      // (who does which task follows the tasks' random ids: each demo shares them out its own way)
      for (let back = 1; back <= DEMO_HISTORY_DAYS; back++) {
        const day = await r.work.tasksFor(wpId, addDays(TODAY, -back));
        tasks.push([addDays(TODAY, -back), day.map((t) => t.pictogramId).sort(), day.every((t) => t.assignees.length === 1), day.filter((t) => t.doneAt).length]);
      }
      return {
        marks: marks.map((m) => [m.date, names.get(m.personId), m.status, m.checkedInAt]).sort(),
        tasks: tasks.sort(),
        ladder: (await r.workplaces.get(wpId))!.ladderSteps,
        outboxFree: (await r.db.outbox.toArray()).every((op) => op.workplaceId === wpId),
      };
    };
    expect(await shape(repos, id)).toEqual(await shape(ref, refWp.id));
    // a demo erased meanwhile (or another workplace) is left alone
    expect(await resumeDemoHistory(repos, { workplaceId: 'gone', today: TODAY, lang: 'sv', now: NOW })).toBe(false);
  });

  it("writes rows as the repositories do: the day's tasks under their derived ids, one outbox op per row, counts that match the marks", async () => {
    const { repos, wp } = await seeded();
    // the board's own filling of a day finds every task already there
    for (let back = 0; back <= DEMO_HISTORY_DAYS; back++) expect(await repos.work.fillDay(wp.id, addDays(TODAY, -back))).toBe(0);
    const ops = await repos.db.outbox.where('workplaceId').equals(wp.id).toArray();
    const keys = ops.map((o) => `${o.table}/${o.rowId}`);
    expect(new Set(keys).size).toBe(keys.length);
    let rows = 0;
    for (const name of SYNCED_TABLES) {
      const stored = (await repos.db.table(name).toArray()) as { id: string; workplaceId: string; _clock: Record<string, string> }[];
      for (const r of stored.filter((x) => x.workplaceId === wp.id)) {
        rows++;
        const op = ops.find((o) => o.table === name && o.rowId === r.id)!;
        expect(op, `${name}/${r.id}`).toBeTruthy();
        for (const f of Object.keys(op.fields)) expect(r._clock[f]).toBe(op.hlc);
      }
    }
    expect(rows).toBe(ops.length);
    // the daily attendance counts (kept beside the marks) agree with the marks
    const daily = (await repos.db.table('attendanceDaily').toArray()) as { date: string; workplaceId: string; present?: number; late?: number }[];
    const marks = await repos.attendance.between(wp.id, addDays(TODAY, -DEMO_HISTORY_DAYS), TODAY);
    for (const d of daily.filter((x) => x.workplaceId === wp.id)) {
      expect(d.present ?? 0, d.date).toBe(marks.filter((m) => m.date === d.date && m.status === 'present').length);
    }
  });

  it('is deterministic for the same day', async () => {
    const summary = async () => {
      const { repos, wp } = await seeded();
      const people = new Map((await repos.persons.list(wp.id)).map((p) => [p.id, p.firstName]));
      const marks = await repos.attendance.between(wp.id, addDays(TODAY, -DEMO_HISTORY_DAYS), TODAY);
      return marks.map((m) => `${m.date} ${people.get(m.personId)} ${m.status}`).sort();
    };
    expect(await summary()).toEqual(await summary());
  });

  it('can be erased from the device, outbox included, leaving other workplaces alone', async () => {
    const { repos, wp } = await seeded();
    const other = await repos.workplaces.create({ name: 'Annan', activityType: 'cleaning', openingTime: '08:00', pin: '5678' });
    await repos.persons.add(other.id, { firstName: 'Kim', avatar: { kind: 'pictogram', ref: 'person' } });
    await repos.workplaces.eraseFromDevice(wp.id);
    for (const name of SYNCED_TABLES) {
      const rows = (await repos.db.table(name).toArray()) as { workplaceId: string }[];
      expect(rows.filter((r) => r.workplaceId === wp.id), name).toEqual([]);
    }
    expect(await repos.db.outbox.where('workplaceId').equals(wp.id).count()).toBe(0);
    expect(await repos.workplaces.get(wp.id)).toBeUndefined();
    expect(await repos.persons.list(other.id)).toHaveLength(1);
    expect(await repos.db.outbox.where('workplaceId').equals(other.id).count()).toBeGreaterThan(0);
  });

  it("on the device: today's rows and the device's workplace setting in one transaction, the past days marked pending", async () => {
    const repos = freshRepos();
    const started = await startDemoOnDevice(repos, { today: TODAY, lang: 'sv', now: NOW });
    expect(await repos.settings.get('workplaceId', null)).toBe(started.workplace.id);
    expect(readDemoPending()).toEqual({ workplaceId: started.workplace.id, today: TODAY, lang: 'sv', now: NOW });
    // the same board as startDemo's, with nothing more but the setting
    const plain = freshRepos();
    const other = await startDemo(plain, { today: TODAY, lang: 'sv', now: NOW });
    expect(await repos.persons.list(started.workplace.id)).toHaveLength((await plain.persons.list(other.workplace.id)).length);
    expect(await repos.db.attendance.count()).toBe(await plain.db.attendance.count());
    expect(await repos.db.tasks.count()).toBe(await plain.db.tasks.count());
    expect(await repos.db.outbox.count()).toBe(await plain.db.outbox.count());
    expect(await plain.settings.get('workplaceId', null)).toBeNull();
    await started.writeHistory();
    clearDemoPending();
  });
});
