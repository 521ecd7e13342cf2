/** The growth repository (plans, follow-ups, skills, survey) against a real (fake-indexeddb) database. */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedWorkplaceWithPeople } from '../../../tests/helpers/render';
import { currentStep, DEFAULT_SURVEY, ladderMoves, skillId } from '../../domain/growth';
import type { Repositories } from '../index';
import type { Person, Workplace } from '../../domain/types';

let repos: Repositories;
let wp: Workplace;
let people: Person[];

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo', 'Sara']));
});

const aya = () => people[0]!.id;

describe('growth repository', () => {
  it('records a follow-up with a ladder move and new goals in one go, and queues them for sync', async () => {
    await repos.growth.recordFollowUp(wp.id, { personId: aya(), date: '2026-03-02', step: 'visit', nextDate: '2026-03-30' });
    const f = await repos.growth.recordFollowUp(wp.id, {
      personId: aya(),
      date: '2026-03-30',
      step: 'training',
      nextStep: '  Run the big washer alone ',
      nextDate: '2026-04-27',
      goals: [{ pictogramId: 'bus', text: 'Take the bus alone', steps: 3 }],
    });
    expect(f).toMatchObject({ step: 'training', nextStep: 'Run the big washer alone', nextDate: '2026-04-27' });
    const list = await repos.growth.followUps(wp.id, aya());
    expect(currentStep(list)).toBe('training');
    expect(ladderMoves(list).map((m) => [m.from, m.to])).toEqual([[null, 'visit'], ['visit', 'training']]);
    const goals = await repos.growth.goals(wp.id, aya());
    expect(goals).toMatchObject([{ text: 'Take the bus alone', steps: 3, progress: 0, since: '2026-03-30', claimedAt: null }]);
    const tables = (await repos.db.outbox.toArray()).map((o) => o.table);
    expect(tables.filter((t) => t === 'followUps')).toHaveLength(2);
    expect(tables).toContain('planGoals');
    expect(await repos.growth.followUps(wp.id, people[1]!.id)).toEqual([]);
    await expect(repos.growth.addGoal(wp.id, aya(), '2026-03-30', { pictogramId: 'bus', text: '', steps: 9 })).rejects.toThrow(RangeError);
  });

  it('a "done it" claim waits for the supervisor, who confirms steps until the goal is reached', async () => {
    const g = await repos.growth.addGoal(wp.id, aya(), '2026-03-02', { pictogramId: 'bus', text: 'Bus', steps: 2 });
    const claimed = await repos.growth.claimGoal(g.id, 1000);
    expect(claimed?.claimedAt).toBe(1000);
    expect(await repos.growth.claimGoal(g.id, 2000)).toBeUndefined();
    expect(await repos.growth.confirmGoalStep(g.id, 3000)).toMatchObject({ progress: 1, claimedAt: null, closedAt: null });
    await repos.growth.claimGoal(g.id, 4000);
    await repos.growth.declineGoalClaim(g.id);
    expect(await repos.growth.confirmGoalStep(g.id, 5000)).toMatchObject({ progress: 2, closedAt: 5000 });
  });

  it('keeps one skill row per person and task, and confirms "I learned it" one level up', async () => {
    await repos.growth.setSkill(wp.id, aya(), 'wash', 3);
    await repos.growth.setSkill(wp.id, aya(), 'wash', 2);
    expect(await repos.growth.skills(wp.id)).toMatchObject([{ id: skillId(wp.id, aya(), 'wash'), level: 2 }]);
    const claim = await repos.growth.claimSkill(wp.id, people[1]!.id, 'wash', 1000);
    expect(claim).toMatchObject({ level: 0, claimedAt: 1000 });
    expect(await repos.growth.claimSkill(wp.id, aya(), 'wash')).toBeUndefined(); // already can
    expect(await repos.growth.confirmSkillClaim(claim!.id)).toMatchObject({ level: 1, claimedAt: null });
    expect(await repos.growth.skillsOf(wp.id, people[1]!.id)).toHaveLength(1);
  });

  it('stores survey answers with no person: random id, the week only, stamped at its start', async () => {
    const a = await repos.growth.answerSurvey(wp.id, '2026-03-12', DEFAULT_SURVEY, { week: 3, listened: 2, nonsense: 1 });
    expect(a).not.toBeNull();
    const stored = await repos.db.surveyAnswers.get(a!.id);
    expect(Object.keys(stored!).sort()).toEqual(['_clock', 'answers', 'createdAt', 'deleted', 'id', 'updatedAt', 'week', 'workplaceId']);
    expect(stored).toMatchObject({ week: '2026-03-09', answers: { week: 3, listened: 2 } });
    expect(stored!.createdAt).toBe(new Date('2026-03-09T00:00:00').getTime());
    expect(a!.id[14]).toBe('4'); // UUID v4: not time-ordered
    const op = (await repos.db.outbox.toArray()).find((o) => o.table === 'surveyAnswers');
    expect(Object.keys(op!.fields).sort()).toEqual(['answers', 'createdAt', 'deleted', 'updatedAt', 'week']);
    for (const p of people) expect(JSON.stringify(stored)).not.toContain(p.id);
    expect(await repos.growth.answerSurvey(wp.id, '2026-03-12', DEFAULT_SURVEY, {})).toBeNull();
    expect(await repos.growth.surveyAnswers(wp.id, '2026-03-09')).toHaveLength(1);
    expect(await repos.growth.surveyWeeks(wp.id)).toEqual(['2026-03-09']);
  });

  it('saves the workplace’s own ladder and survey questions', async () => {
    await repos.growth.setLadder(wp.id, [{ id: 'a', pictogramId: 'star', text: ' Start ' }, { id: 'b', pictogramId: 'step-job', text: 'Job' }]);
    expect((await repos.db.workplaces.get(wp.id))!.ladderSteps).toEqual([{ id: 'a', pictogramId: 'star', text: 'Start' }, { id: 'b', pictogramId: 'step-job', text: 'Job' }]);
    await expect(repos.growth.setLadder(wp.id, [])).rejects.toThrow(RangeError);
    await repos.growth.setSurveyQuestions(wp.id, [{ id: 'q', pictogramId: 'lunch', text: 'Was lunch good?' }]);
    expect((await repos.db.workplaces.get(wp.id))!.surveyQuestions).toHaveLength(1);
  });

  it('erasing a person deletes their plan, follow-ups and skills (and their unsent words never leave)', async () => {
    await repos.growth.recordFollowUp(wp.id, { personId: aya(), date: '2026-03-02', step: 'visit', note: 'private', goals: [{ pictogramId: 'bus', text: 'Bus', steps: 1 }] });
    await repos.growth.setSkill(wp.id, aya(), 'wash', 3);
    await repos.growth.setSkill(wp.id, people[1]!.id, 'wash', 1);
    await repos.persons.erase(aya());
    expect(await repos.growth.followUps(wp.id, aya())).toEqual([]);
    expect(await repos.growth.goals(wp.id, aya())).toEqual([]);
    expect((await repos.growth.skills(wp.id)).map((s) => s.personId)).toEqual([people[1]!.id]);
    const outbox = JSON.stringify(await repos.db.outbox.toArray());
    expect(outbox).not.toContain('private');
    expect(outbox).not.toContain('"Bus"');
    // the deletions themselves are queued, so the other tablets and the server forget too
    expect((await repos.db.outbox.toArray()).filter((o) => ['followUps', 'planGoals', 'skills'].includes(o.table) && o.fields.deleted === 1)).toHaveLength(3);
  });

  it('backs up and restores the growth tables with the workplace', async () => {
    await repos.growth.recordFollowUp(wp.id, { personId: aya(), date: '2026-03-02', step: 'visit', goals: [{ pictogramId: 'bus', text: 'Bus', steps: 1 }] });
    await repos.growth.setSkill(wp.id, aya(), 'wash', 3);
    await repos.growth.answerSurvey(wp.id, '2026-03-02', DEFAULT_SURVEY, { week: 3 });
    const snap = await repos.backup.collect(wp.id);
    expect(snap.tables.followUps).toHaveLength(1);
    expect(snap.tables.planGoals).toHaveLength(1);
    expect(snap.tables.skills).toHaveLength(1);
    expect(snap.tables.surveyAnswers).toHaveLength(1);
  });
});
