/**
 * The rules of "my way forward" (issue 14): the job ladder and its moves,
 * when a follow-up is due, a personal plan's goals, who can do what (and
 * who could learn it from whom), and the anonymous survey's results.
 *
 * Plans, follow-ups and skills are personal data (shown to the person and to
 * supervisors only, erased with the person); survey answers carry no person
 * at all, and results are only shown for a group of at least
 * SURVEY_MIN_GROUP answers, so nobody's answer can be picked out.
 *
 * Pure: no I/O, no clock (today and now are arguments).
 */
import { v5 as uuidv5 } from 'uuid';
import { addDays, daysBetween, startOfIsoWeek } from './dates';
import type { FollowUp, Iso, LadderStep, PlanGoal, Skill, SkillLevel, SurveyAnswer, SurveyQuestion } from './types';

// --- the ladder -------------------------------------------------------------

/** The default ladder (Salem's six steps), used until the supervisor edits it. */
export const DEFAULT_LADDER: readonly LadderStep[] = [
  { id: 'visit', pictogramId: 'step-visit', text: '' },
  { id: 'lightTraining', pictogramId: 'step-light-training', text: '' },
  { id: 'training', pictogramId: 'step-training', text: '' },
  { id: 'adapted', pictogramId: 'step-adapted', text: '' },
  { id: 'placement', pictogramId: 'step-placement', text: '' },
  { id: 'job', pictogramId: 'step-job', text: '' },
];
export const DEFAULT_LADDER_IDS = DEFAULT_LADDER.map((s) => s.id);
export type DefaultLadderStepId = 'visit' | 'lightTraining' | 'training' | 'adapted' | 'placement' | 'job';
export const MAX_LADDER_STEPS = 10;

export function isDefaultLadderStep(id: string): id is DefaultLadderStepId {
  return DEFAULT_LADDER_IDS.includes(id);
}

/** The workplace's ladder: its own steps, or the default six. */
export function ladderOf(wp: { ladderSteps?: readonly LadderStep[] } | undefined | null): readonly LadderStep[] {
  const own = wp?.ladderSteps;
  return own && own.length > 0 ? own : DEFAULT_LADDER;
}

/** Follow-ups in the order they happened: by date, then by when they were written. */
export function sortFollowUps<T extends Pick<FollowUp, 'date' | 'createdAt' | 'id'>>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** The step a person is on: that of their latest follow-up naming one; null = not on the ladder yet. */
export function currentStep(followUps: readonly FollowUp[]): string | null {
  let step: string | null = null;
  for (const f of sortFollowUps(followUps)) if (f.deleted !== 1 && f.step !== null) step = f.step;
  return step;
}

export interface LadderMove {
  date: Iso;
  /** null for the first step a person is placed on */
  from: string | null;
  to: string;
  followUpId: string;
}

/** The history of moves on the ladder: every follow-up whose step differs from the one before. */
export function ladderMoves(followUps: readonly FollowUp[]): LadderMove[] {
  const moves: LadderMove[] = [];
  let prev: string | null = null;
  for (const f of sortFollowUps(followUps)) {
    if (f.deleted === 1 || f.step === null || f.step === prev) continue;
    moves.push({ date: f.date, from: prev, to: f.step, followUpId: f.id });
    prev = f.step;
  }
  return moves;
}

export type MoveKind = 'start' | 'up' | 'down' | 'unknown';

/**
 * What a move was: placed on the ladder, up or down (`steps`: how many
 * steps; more than one is a skip, which is fine: some skip several).
 */
export function describeMove(ladder: readonly LadderStep[], move: Pick<LadderMove, 'from' | 'to'>): { kind: MoveKind; steps: number } {
  const to = ladder.findIndex((s) => s.id === move.to);
  if (move.from === null) return { kind: to < 0 ? 'unknown' : 'start', steps: 0 };
  const from = ladder.findIndex((s) => s.id === move.from);
  if (from < 0 || to < 0) return { kind: 'unknown', steps: 0 };
  return { kind: to >= from ? 'up' : 'down', steps: Math.abs(to - from) };
}

export type StepPosition = 'behind' | 'here' | 'ahead';

/** "You are here": each step of the ladder behind, at or ahead of the current one (all ahead when none). */
export function stepPositions(ladder: readonly LadderStep[], current: string | null): { step: LadderStep; position: StepPosition }[] {
  const here = current === null ? -1 : ladder.findIndex((s) => s.id === current);
  return ladder.map((step, i) => ({ step, position: here < 0 || i > here ? 'ahead' : i === here ? 'here' : 'behind' }));
}

// --- follow-ups ---------------------------------------------------------------

/** Days ahead a coming follow-up is flagged as "soon" on the supervisor's screen. */
export const FOLLOW_UP_SOON_DAYS = 7;

export type FollowUpStatus = 'none' | 'noDate' | 'overdue' | 'today' | 'soon' | 'later';

/** The latest follow-up (by date), if any. */
export function latestFollowUp(followUps: readonly FollowUp[]): FollowUp | undefined {
  return sortFollowUps(followUps.filter((f) => f.deleted !== 1)).at(-1);
}

/** The next follow-up's date: as agreed at the latest one (null when none was agreed). */
export function nextFollowUpDate(followUps: readonly FollowUp[]): Iso | null {
  return latestFollowUp(followUps)?.nextDate ?? null;
}

/**
 * Where a person's next follow-up stands on `today`: never had one, none
 * agreed, overdue, today, within `soonDays`, or later.
 */
export function followUpStatus(followUps: readonly FollowUp[], today: Iso, soonDays = FOLLOW_UP_SOON_DAYS): FollowUpStatus {
  const latest = latestFollowUp(followUps);
  if (!latest) return 'none';
  const next = latest.nextDate;
  if (!next) return 'noDate';
  if (next < today) return 'overdue';
  if (next === today) return 'today';
  return daysBetween(today, next) <= soonDays ? 'soon' : 'later';
}

/** Whether the status needs the supervisor now (flagged on the supervisor screen). */
export function isDue(status: FollowUpStatus): boolean {
  return status === 'overdue' || status === 'today';
}

export interface DueFollowUp {
  personId: string;
  status: FollowUpStatus;
  nextDate: Iso | null;
}

/**
 * The people whose follow-up is overdue, today or soon, most urgent first
 * (then by date, then in the given order of people).
 */
export function dueFollowUps(people: readonly { id: string }[], followUps: readonly FollowUp[], today: Iso, soonDays = FOLLOW_UP_SOON_DAYS): DueFollowUp[] {
  const byPerson = new Map<string, FollowUp[]>();
  for (const f of followUps) byPerson.set(f.personId, [...(byPerson.get(f.personId) ?? []), f]);
  const rank: Record<FollowUpStatus, number> = { overdue: 0, today: 1, soon: 2, later: 3, noDate: 4, none: 5 };
  return people
    .map((p, i) => {
      const list = byPerson.get(p.id) ?? [];
      return { personId: p.id, status: followUpStatus(list, today, soonDays), nextDate: nextFollowUpDate(list), i };
    })
    .filter((d) => d.status === 'overdue' || d.status === 'today' || d.status === 'soon')
    .sort((a, b) => rank[a.status] - rank[b.status] || (a.nextDate ?? '').localeCompare(b.nextDate ?? '') || a.i - b.i)
    .map(({ personId, status, nextDate }) => ({ personId, status, nextDate }));
}

/** A suggested date for the next follow-up: `weeks` after the conversation. */
export function suggestNextDate(date: Iso, weeks = 4): Iso {
  return addDays(date, weeks * 7);
}

// --- the plan's goals -----------------------------------------------------------

export const MAX_GOAL_STEPS = 5;

export function isValidGoalSteps(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_GOAL_STEPS;
}

export function isGoalReached(g: Pick<PlanGoal, 'progress' | 'steps'>): boolean {
  return g.progress >= g.steps;
}

/** Goals still being worked on (not reached, not closed), oldest first. */
export function openGoals<T extends PlanGoal>(goals: readonly T[]): T[] {
  return goals.filter((g) => g.deleted !== 1 && g.closedAt === null).sort((a, b) => a.since.localeCompare(b.since) || a.createdAt - b.createdAt);
}

/** The participant's "done it" tap: waits for the supervisor (nothing to claim on a reached or closed goal). */
export function claimGoal(g: PlanGoal, now: number): Pick<PlanGoal, 'claimedAt'> | null {
  if (g.closedAt !== null || isGoalReached(g) || g.claimedAt !== null) return null;
  return { claimedAt: now };
}

/** The supervisor confirms a step (a claim or on their own): one step more; the last step closes the goal. */
export function confirmStep(g: PlanGoal, now: number): Pick<PlanGoal, 'progress' | 'claimedAt' | 'closedAt'> {
  const progress = Math.min(g.steps, g.progress + 1);
  return { progress, claimedAt: null, closedAt: progress >= g.steps ? now : g.closedAt };
}

/** The supervisor does not confirm the claim (yet): it is cleared, the progress stays. */
export function declineClaim(): Pick<PlanGoal, 'claimedAt'> {
  return { claimedAt: null };
}

// --- skills -----------------------------------------------------------------------

export const SKILL_ID_NAMESPACE = '0b9c8d32-4c52-4f0e-9a7e-6d1f2b3c4d5e';
export const SKILL_NAMES = ['notYet', 'learning', 'can', 'teach'] as const;
export type SkillName = (typeof SKILL_NAMES)[number];
export const SKILL_PICTOGRAM: Record<SkillLevel, string> = { 0: 'skill-not-yet', 1: 'skill-learning', 2: 'skill-can', 3: 'skill-teach' };

/** One id per (workplace, person, task): two tablets setting the same level merge instead of doubling. */
export function skillId(workplaceId: string, personId: string, taskKey: string): string {
  return uuidv5(`skill/${workplaceId}/${personId}/${taskKey}`, SKILL_ID_NAMESPACE);
}

export function isSkillLevel(n: unknown): n is SkillLevel {
  return n === 0 || n === 1 || n === 2 || n === 3;
}

/** The skills' level of a person in a task (0 when nothing is recorded). */
export function levelOf(skills: readonly Skill[], personId: string, taskKey: string): SkillLevel {
  return skills.find((s) => s.deleted !== 1 && s.personId === personId && s.taskKey === taskKey)?.level ?? 0;
}

/** "I learned it": a claim of the next level, waiting for the supervisor (only from not yet or learning). */
export function canClaimSkill(level: SkillLevel, claimedAt: number | null): boolean {
  return claimedAt === null && level < 2;
}

/** The level a confirmed "I learned it" gives: not yet → learning → can. */
export function confirmedLevel(level: SkillLevel): SkillLevel {
  return level === 0 ? 1 : level === 1 ? 2 : level;
}

type Template = { id: string; pictogramId: string; text: string; active?: 0 | 1; deleted?: 0 | 1 };

/**
 * The kinds of task the skills matrix lists: the active task templates, one
 * per pictogram and words (the same task on two templates, e.g. different
 * weekdays, is one skill), in the given order.
 */
export function skillTasks<T extends Template>(templates: readonly T[]): T[] {
  const seen = new Set<string>();
  return templates.filter((r) => {
    const k = `${r.pictogramId}\u0000${r.text}`;
    if (r.deleted === 1 || r.active === 0 || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Which skill (task key) a task of the day is: the kind of task its
 * template is, or failing that the kind with the same pictogram and words;
 * null for a one-off task nobody has a skill row for.
 */
export function taskKeyOf(task: { recurringId: string | null; pictogramId: string; text: string }, templates: readonly Template[]): string | null {
  const own = task.recurringId ? templates.find((r) => r.id === task.recurringId) : undefined;
  const [pictogramId, text] = own ? [own.pictogramId, own.text] : [task.pictogramId, task.text];
  return skillTasks(templates).find((r) => r.pictogramId === pictogramId && r.text === text)?.id ?? task.recurringId ?? null;
}

export interface TaskSuggestion {
  /** people here who can do the task (can teach first), in the given order otherwise */
  able: string[];
  /** a learner here with someone here who can teach, each teacher once */
  pairs: { learner: string; teacher: string }[];
}

/**
 * Today's work: who of the people `here` can do task `taskKey`, and which
 * learners could do it together with someone who can teach it.
 */
export function suggestForTask(taskKey: string, skills: readonly Skill[], here: readonly string[]): TaskSuggestion {
  const level = (id: string) => levelOf(skills, id, taskKey);
  const able = here.filter((id) => level(id) >= 2).sort((a, b) => level(b) - level(a));
  const teachers = here.filter((id) => level(id) === 3);
  const learners = here.filter((id) => level(id) === 1);
  const pairs: TaskSuggestion['pairs'] = [];
  for (const learner of learners) {
    const teacher = teachers.find((t) => t !== learner && !pairs.some((p) => p.teacher === t));
    if (!teacher) break;
    pairs.push({ learner, teacher });
  }
  return { able, pairs };
}

// --- the survey ---------------------------------------------------------------------

/** Fewer answers than this and no result is shown (nobody's answer can be picked out). */
export const SURVEY_MIN_GROUP = 5;
export const SURVEY_SCALE = [1, 2, 3] as const;
export const MOOD_PICTOGRAM: Record<number, string> = { 1: 'mood-sad', 2: 'mood-ok', 3: 'mood-happy' };
export const MAX_SURVEY_QUESTIONS = 6;

/** The default questions ("how was your week", "do you get to use what you know", "do you feel listened to"). */
export const DEFAULT_SURVEY: readonly SurveyQuestion[] = [
  { id: 'week', pictogramId: 'calendar', text: '' },
  { id: 'skillsUsed', pictogramId: 'strong', text: '' },
  { id: 'listened', pictogramId: 'listened', text: '' },
];
export type DefaultSurveyQuestionId = 'week' | 'skillsUsed' | 'listened';

export function isDefaultSurveyQuestion(id: string): id is DefaultSurveyQuestionId {
  return DEFAULT_SURVEY.some((q) => q.id === id);
}

export function surveyOf(wp: { surveyQuestions?: readonly SurveyQuestion[] } | undefined | null): readonly SurveyQuestion[] {
  const own = wp?.surveyQuestions;
  return own && own.length > 0 ? own : DEFAULT_SURVEY;
}

/** The week an answer belongs to: its Monday (no day or time is kept with an answer). */
export function surveyWeek(today: Iso): Iso {
  return startOfIsoWeek(today);
}

/** Only known questions and values on the scale: what an answer may store. */
export function cleanAnswers(questions: readonly SurveyQuestion[], answers: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of questions) {
    const v = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (typeof v === 'number' && (SURVEY_SCALE as readonly number[]).includes(v)) out[q.id] = v;
  }
  return out;
}

export interface QuestionResult {
  questionId: string;
  /** answers to this question */
  n: number;
  /** null when n is below the threshold; else how many chose 1, 2 and 3 */
  counts: [number, number, number] | null;
}

export interface SurveyResult {
  /** answers given (people who answered) */
  answered: number;
  /** true when answered is below the threshold: nothing is shown */
  hidden: boolean;
  questions: QuestionResult[];
}

/**
 * The results of a group of answers. Below `minGroup` answers nothing is
 * counted out; a question answered by fewer than `minGroup` (some skipped it)
 * stays hidden on its own too.
 */
export function surveyResults(questions: readonly SurveyQuestion[], answers: readonly Pick<SurveyAnswer, 'answers' | 'deleted'>[], minGroup = SURVEY_MIN_GROUP): SurveyResult {
  const live = answers.filter((a) => a.deleted !== 1);
  const hidden = live.length < minGroup;
  return {
    answered: live.length,
    hidden,
    questions: questions.map((q) => {
      const counts: [number, number, number] = [0, 0, 0];
      let n = 0;
      for (const a of live) {
        const v = a.answers[q.id];
        if (v === 1 || v === 2 || v === 3) {
          counts[v - 1] = (counts[v - 1] ?? 0) + 1;
          n++;
        }
      }
      return { questionId: q.id, n, counts: hidden || n < minGroup ? null : counts };
    }),
  };
}

/** Marks that keep a person away for the day: they are never suggested for work. */
const AWAY = new Set(['sick', 'absentNotified', 'absentUnnotified', 'leave']);

/** Who can be given work today: everyone active not marked away (before check-in, everyone not reported absent). */
export function availableToday(people: readonly { id: string }[], marks: readonly { personId: string; status: string | null; deleted?: 0 | 1 }[]): string[] {
  const away = new Set(marks.filter((m) => m.deleted !== 1 && m.status !== null && AWAY.has(m.status)).map((m) => m.personId));
  return people.map((p) => p.id).filter((id) => !away.has(id));
}
