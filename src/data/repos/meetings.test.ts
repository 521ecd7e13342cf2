/** The meetings repository against a real (fake-indexeddb) database. */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedWorkplaceWithPeople } from '../../../tests/helpers/render';
import { defaultAgenda, setAgendaStep } from '../../domain/meeting';
import type { Repositories } from '../index';
import type { Person, Workplace } from '../../domain/types';

const DAY = '2026-03-02';
const T0 = new Date(`${DAY}T07:45:00`).getTime();
const MIN = 60_000;

let repos: Repositories;
let wp: Workplace;
let people: Person[];

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo', 'Sara']));
});

const start = (date = DAY, now = T0) => repos.meetings.start(wp.id, { date, agenda: defaultAgenda(), targetMinutes: 15 }, undefined, now);

describe('meetings repository', () => {
  it('starts a meeting on the first step, with the people already here as attendees, and queues it for sync', async () => {
    await repos.attendance.checkIn(wp.id, people[0]!.id, DAY, wp.openingTime, T0 - MIN);
    await repos.attendance.setStatus(wp.id, people[1]!.id, DAY, 'sick');
    const m = await start();
    expect(m).toMatchObject({ date: DAY, current: 0, endedAt: null, stepStartedAt: T0, attendees: [people[0]!.id], targetMinutes: 15, decisions: [] });
    expect(m.steps.map((s) => s.step)).toEqual(['attendance', 'safety', 'goals', 'improvements', 'work', 'closing']);
    expect(await repos.meetings.running(wp.id, DAY)).toMatchObject({ id: m.id });
    const ops = await repos.db.outbox.where('[table+rowId]').equals(['meetings', m.id]).toArray();
    expect(ops).toHaveLength(1);
  });

  it('starting again the same day resumes the running meeting instead of a second one', async () => {
    const first = await start();
    const again = await start(DAY, T0 + 5 * MIN);
    expect(again.id).toBe(first.id);
    expect(await repos.meetings.list(wp.id)).toHaveLength(1);
  });

  it('moves between steps keeping the time of each, and ends with the total', async () => {
    const m = await start();
    await repos.meetings.goTo(m.id, 1, T0 + 2 * MIN);
    await repos.attendance.checkIn(wp.id, people[2]!.id, DAY, wp.openingTime, T0 + 2 * MIN);
    const moved = await repos.meetings.goTo(m.id, 2, T0 + 5 * MIN);
    expect(moved).toMatchObject({ current: 2, stepStartedAt: T0 + 5 * MIN, attendees: [people[2]!.id] });
    expect(moved!.steps.slice(0, 3).map((s) => s.ms)).toEqual([2 * MIN, 3 * MIN, 0]);
    const ended = await repos.meetings.end(m.id, T0 + 6 * MIN);
    expect(ended).toMatchObject({ endedAt: T0 + 6 * MIN, stepStartedAt: null });
    expect(ended!.steps[2]!.ms).toBe(MIN);
    expect(await repos.meetings.running(wp.id, DAY)).toBeUndefined();
    expect(await repos.meetings.goTo(m.id, 0, T0 + 7 * MIN)).toBeUndefined();
  });

  it("ends yesterday's forgotten meeting when today's starts", async () => {
    const old = await start('2026-03-01', T0 - 24 * 60 * MIN);
    const today = await start();
    expect(today.id).not.toBe(old.id);
    const closed = await repos.meetings.get(old.id);
    expect(closed!.endedAt).toBe(old.startedAt + 60 * MIN);
  });

  it('a decision changes the board and is recorded in the meeting, together', async () => {
    const m = await start();
    const idea = await repos.improvements.propose(wp.id, { date: DAY, proposedBy: people[0]!.id });
    const moved = await repos.meetings.decide(m.id, { kind: 'moveIdea', refId: idea.id, value: 'planned', step: 'improvements' }, () => repos.improvements.move(idea.id, 'planned'), T0 + MIN);
    expect(moved?.status).toBe('planned');
    const after = await repos.meetings.get(m.id);
    expect(after!.decisions).toEqual([{ kind: 'moveIdea', refId: idea.id, value: 'planned', step: 'improvements', at: T0 + MIN }]);
  });

  it('a refused change records no decision and changes nothing', async () => {
    const m = await start();
    const d = await repos.deviations.report(wp.id, { category: 'safety', date: DAY });
    await expect(
      repos.meetings.decide(m.id, { kind: 'deviationStatus', refId: d.id, value: 'solved', step: 'safety' }, () => repos.deviations.setStatus(d.id, 'solved')),
    ).rejects.toThrow(/Cannot move/);
    expect((await repos.meetings.get(m.id))!.decisions).toEqual([]);
    expect((await repos.deviations.all(wp.id))[0]!.status).toBe('new');
  });

  it('a change that finds nothing to change records nothing', async () => {
    const m = await start();
    const result = await repos.meetings.decide(m.id, { kind: 'moveIdea', refId: 'gone', value: 'done', step: 'improvements' }, () => repos.improvements.move('gone', 'done'));
    expect(result).toBeUndefined();
    expect((await repos.meetings.get(m.id))!.decisions).toEqual([]);
  });

  it("saves the workplace's agenda and target length", async () => {
    const agenda = setAgendaStep(defaultAgenda(), 'goals', { enabled: false });
    await repos.meetings.setAgenda(wp.id, agenda, 12);
    const saved = await repos.workplaces.get(wp.id);
    expect(saved).toMatchObject({ meetingAgenda: agenda, meetingTargetMinutes: 12 });
  });
});
