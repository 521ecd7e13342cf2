/** The rules of "my way forward": ladder moves, due follow-ups, plan goals, skills suggestions and survey anonymity. */
import { describe, expect, it } from 'vitest';
import {
  canClaimSkill,
  claimGoal,
  cleanAnswers,
  confirmedLevel,
  confirmStep,
  currentStep,
  DEFAULT_LADDER,
  DEFAULT_SURVEY,
  describeMove,
  dueFollowUps,
  followUpStatus,
  isDue,
  ladderMoves,
  ladderOf,
  levelOf,
  openGoals,
  skillId,
  stepPositions,
  suggestForTask,
  surveyResults,
  surveyWeek,
  taskKeyOf,
} from './growth';
import type { FollowUp, PlanGoal, Skill, SkillLevel } from './types';

let n = 0;
const row = { workplaceId: 'wp', updatedAt: 0, deleted: 0 as const, _clock: {} };
const fu = (personId: string, date: string, step: string | null, nextDate: string | null = null, extra: Partial<FollowUp> = {}): FollowUp => ({
  ...row,
  id: `f${++n}`,
  createdAt: ++n,
  personId,
  date,
  step,
  nextStep: '',
  nextPictogramId: null,
  nextDate,
  note: '',
  ...extra,
});
const skill = (personId: string, taskKey: string, level: SkillLevel): Skill => ({ ...row, id: `${personId}/${taskKey}`, createdAt: 0, personId, taskKey, level, claimedAt: null });
const goal = (extra: Partial<PlanGoal> = {}): PlanGoal => ({
  ...row,
  id: `g${++n}`,
  createdAt: n,
  personId: 'aya',
  pictogramId: 'bus',
  text: 'Take the bus alone',
  steps: 3,
  progress: 0,
  claimedAt: null,
  since: '2026-03-02',
  closedAt: null,
  ...extra,
});

describe('the ladder', () => {
  it('uses the default six steps until the workplace has its own', () => {
    expect(ladderOf(undefined).map((s) => s.id)).toEqual(['visit', 'lightTraining', 'training', 'adapted', 'placement', 'job']);
    const own = [{ id: 'a', pictogramId: 'star', text: 'Start' }];
    expect(ladderOf({ ladderSteps: own })).toBe(own);
    expect(ladderOf({ ladderSteps: [] })).toBe(DEFAULT_LADDER);
  });

  it('moves are the follow-ups whose step differs from the one before, in date order, skips and steps down included', () => {
    const list = [
      fu('aya', '2026-05-04', 'placement'), // skipped two steps
      fu('aya', '2026-03-02', 'visit'),
      fu('aya', '2026-04-06', 'lightTraining'),
      fu('aya', '2026-04-20', 'lightTraining'), // no move: a long stay on one step
      fu('aya', '2026-04-27', null), // a conversation without a step changes nothing
      fu('aya', '2026-06-01', 'adapted'), // one step back
    ];
    const moves = ladderMoves(list);
    expect(moves.map((m) => [m.date, m.from, m.to])).toEqual([
      ['2026-03-02', null, 'visit'],
      ['2026-04-06', 'visit', 'lightTraining'],
      ['2026-05-04', 'lightTraining', 'placement'],
      ['2026-06-01', 'placement', 'adapted'],
    ]);
    expect(moves.map((m) => describeMove(DEFAULT_LADDER, m))).toEqual([
      { kind: 'start', steps: 0 },
      { kind: 'up', steps: 1 },
      { kind: 'up', steps: 3 },
      { kind: 'down', steps: 1 },
    ]);
    expect(currentStep(list)).toBe('adapted');
    expect(describeMove(DEFAULT_LADDER, { from: 'gone', to: 'job' }).kind).toBe('unknown');
  });

  it('ignores deleted follow-ups and has no step before the first placement', () => {
    expect(currentStep([])).toBeNull();
    expect(currentStep([fu('aya', '2026-03-02', 'visit'), fu('aya', '2026-04-02', 'training', null, { deleted: 1 })])).toBe('visit');
  });

  it('marks the steps behind, here and ahead ("you are here")', () => {
    const pos = stepPositions(DEFAULT_LADDER, 'training').map((p) => p.position);
    expect(pos).toEqual(['behind', 'behind', 'here', 'ahead', 'ahead', 'ahead']);
    expect(stepPositions(DEFAULT_LADDER, null).every((p) => p.position === 'ahead')).toBe(true);
  });
});

describe('follow-ups that are due', () => {
  const today = '2026-03-10';
  it('reads the next date agreed at the latest follow-up', () => {
    expect(followUpStatus([], today)).toBe('none');
    expect(followUpStatus([fu('a', '2026-02-01', 'visit')], today)).toBe('noDate');
    expect(followUpStatus([fu('a', '2026-02-01', 'visit', '2026-03-09')], today)).toBe('overdue');
    expect(followUpStatus([fu('a', '2026-02-01', 'visit', '2026-03-10')], today)).toBe('today');
    expect(followUpStatus([fu('a', '2026-02-01', 'visit', '2026-03-17')], today)).toBe('soon');
    expect(followUpStatus([fu('a', '2026-02-01', 'visit', '2026-03-18')], today)).toBe('later');
    // a newer conversation replaces the old agreement
    expect(followUpStatus([fu('a', '2026-02-01', 'visit', '2026-03-01'), fu('a', '2026-03-05', 'visit', '2026-04-05')], today)).toBe('later');
    expect(isDue('overdue') && isDue('today') && !isDue('soon')).toBe(true);
  });

  it('lists the overdue first, then today, then soon; nobody without a date', () => {
    const people = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }];
    const list = [
      fu('a', '2026-02-01', 'visit', '2026-03-12'),
      fu('b', '2026-02-01', 'visit', '2026-03-10'),
      fu('c', '2026-02-01', 'visit', '2026-03-02'),
      fu('d', '2026-02-01', 'visit', '2026-06-01'),
    ];
    expect(dueFollowUps(people, list, today)).toEqual([
      { personId: 'c', status: 'overdue', nextDate: '2026-03-02' },
      { personId: 'b', status: 'today', nextDate: '2026-03-10' },
      { personId: 'a', status: 'soon', nextDate: '2026-03-12' },
    ]);
  });
});

describe('plan goals', () => {
  it('a "done it" tap waits for the supervisor, who adds a step; the last step reaches the goal', () => {
    const g = goal({ steps: 2 });
    expect(claimGoal(g, 5)).toEqual({ claimedAt: 5 });
    expect(claimGoal({ ...g, claimedAt: 5 }, 6)).toBeNull(); // one claim at a time
    const one = { ...g, ...confirmStep({ ...g, claimedAt: 5 }, 7) };
    expect(one).toMatchObject({ progress: 1, claimedAt: null, closedAt: null });
    const two = { ...one, ...confirmStep(one, 9) };
    expect(two).toMatchObject({ progress: 2, closedAt: 9 });
    expect(claimGoal(two, 10)).toBeNull();
    expect(confirmStep(two, 11).progress).toBe(2);
    expect(openGoals([two, g]).map((x) => x.id)).toEqual([g.id]);
  });
});

describe('who can do what', () => {
  const skills = [
    skill('aya', 'wash', 3),
    skill('bo', 'wash', 1),
    skill('sara', 'wash', 2),
    skill('lina', 'wash', 1),
    skill('jonas', 'fold', 3),
  ];

  it('suggests the people here who can do the task, those who can teach first', () => {
    expect(suggestForTask('wash', skills, ['bo', 'sara', 'aya', 'lina']).able).toEqual(['aya', 'sara']);
    // absent people are never suggested
    expect(suggestForTask('wash', skills, ['bo', 'sara']).able).toEqual(['sara']);
  });

  it('pairs a learner with someone here who can teach, each teacher once', () => {
    expect(suggestForTask('wash', skills, ['bo', 'sara', 'aya', 'lina']).pairs).toEqual([{ learner: 'bo', teacher: 'aya' }]);
    expect(suggestForTask('wash', skills, ['bo', 'sara', 'lina']).pairs).toEqual([]); // "can" is not "can teach"
    expect(suggestForTask('fold', skills, ['bo', 'jonas']).pairs).toEqual([]); // bo learns washing, not folding
  });

  it('reads levels, claims and the task a day’s task is', () => {
    expect(levelOf(skills, 'aya', 'wash')).toBe(3);
    expect(levelOf(skills, 'aya', 'fold')).toBe(0);
    expect(canClaimSkill(0, null) && canClaimSkill(1, null)).toBe(true);
    expect(canClaimSkill(2, null) || canClaimSkill(1, 5)).toBe(false);
    expect([confirmedLevel(0), confirmedLevel(1), confirmedLevel(2), confirmedLevel(3)]).toEqual([1, 2, 2, 3]);
    const templates = [
      { id: 'wash', pictogramId: 'wash-clothes', text: '' },
      { id: 'wash-fridays', pictogramId: 'wash-clothes', text: '' }, // the same task on other days
    ];
    expect(taskKeyOf({ recurringId: 'wash', pictogramId: 'x', text: '' }, templates)).toBe('wash');
    expect(taskKeyOf({ recurringId: 'wash-fridays', pictogramId: 'wash-clothes', text: '' }, templates)).toBe('wash');
    expect(taskKeyOf({ recurringId: null, pictogramId: 'wash-clothes', text: '' }, templates)).toBe('wash');
    expect(taskKeyOf({ recurringId: null, pictogramId: 'cook', text: '' }, templates)).toBeNull();
    expect(skillId('wp', 'aya', 'wash')).toBe(skillId('wp', 'aya', 'wash'));
    expect(skillId('wp', 'aya', 'wash')).not.toBe(skillId('wp', 'bo', 'wash'));
  });
});

describe('the anonymous survey', () => {
  const answer = (week: number, skills: number | undefined, listened = 3) => ({ deleted: 0 as const, answers: { week, ...(skills ? { skillsUsed: skills } : {}), listened } });

  it('shows nothing below five answers', () => {
    const four = [answer(3, 3), answer(2, 1), answer(1, 2), answer(3, 3)];
    const r = surveyResults(DEFAULT_SURVEY, four);
    expect(r).toMatchObject({ answered: 4, hidden: true });
    expect(r.questions.every((q) => q.counts === null)).toBe(true);
  });

  it('counts each smiley from five answers on, and hides a question fewer than five answered', () => {
    const five = [answer(3, 3), answer(2, 1), answer(1, undefined), answer(3, 3), answer(3, 2)];
    const r = surveyResults(DEFAULT_SURVEY, five);
    expect(r.hidden).toBe(false);
    expect(r.questions.find((q) => q.questionId === 'week')).toEqual({ questionId: 'week', n: 5, counts: [1, 1, 3] });
    expect(r.questions.find((q) => q.questionId === 'skillsUsed')).toEqual({ questionId: 'skillsUsed', n: 4, counts: null });
    expect(surveyResults(DEFAULT_SURVEY, [...five.slice(0, 4), { ...five[4]!, deleted: 1 }]).hidden).toBe(true);
  });

  it('keeps only known questions and values on the scale, and only the week', () => {
    expect(cleanAnswers(DEFAULT_SURVEY, { week: 3, listened: 7, other: 1, skillsUsed: '2' })).toEqual({ week: 3 });
    expect(cleanAnswers(DEFAULT_SURVEY, { ['__proto__']: 1 })).toEqual({});
    expect(surveyWeek('2026-03-12')).toBe('2026-03-09');
  });
});
