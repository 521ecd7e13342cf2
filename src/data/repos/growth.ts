/**
 * "My way forward" (issue 14): personal plans (goals and follow-up
 * conversations with their ladder steps), who can do what (skills), the
 * workplace's ladder and survey questions, and the anonymous survey answers.
 *
 * Plans, follow-ups and skills are personal data: erased with the person
 * (`eraseGrowthOf`, called by personsRepo.erase), included in backups and
 * swept by retention (domain/retention.ts). Survey answers hold no person:
 * a random id (not the time-ordered UUIDv7 every other row gets), the week
 * instead of the day, and creation stamped at the week's start, so an
 * answer cannot be matched to who stood at the tablet when.
 *
 * The rules (ladder moves, due follow-ups, claims, suggestions, the
 * anonymity threshold) live in domain/growth.ts.
 */
import { v4 as uuidv4 } from 'uuid';
import {
  canClaimSkill,
  claimGoal,
  cleanAnswers,
  confirmedLevel,
  confirmStep,
  declineClaim,
  isSkillLevel,
  isValidGoalSteps,
  MAX_LADDER_STEPS,
  MAX_SURVEY_QUESTIONS,
  skillId,
  sortFollowUps,
  surveyWeek,
} from '../../domain/growth';
import { parseIsoDate } from '../../domain/dates';
import { PERSON_TABLES } from '../../domain/retention';
import { liveRows } from '../../domain/rows';
import type { FollowUp, Iso, LadderStep, PlanGoal, Skill, SkillLevel, SurveyAnswer, SurveyQuestion, Workplace } from '../../domain/types';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';

export interface NewGoal {
  pictogramId: string;
  text: string;
  /** steps to reach it, 1–5 */
  steps: number;
}

export interface NewFollowUp {
  personId: string;
  date: Iso;
  /** the ladder step agreed (null: not on the ladder) */
  step: string | null;
  nextStep?: string;
  nextPictogramId?: string | null;
  nextDate?: Iso | null;
  note?: string;
  /** goals agreed in the conversation, added to the plan with it */
  goals?: readonly NewGoal[];
}

const byPerson = (workplaceId: string, personId: string) => [workplaceId, personId] as const;

/**
 * Deletes every plan goal, follow-up and skill of a person (inside an open
 * transaction over PERSON_TABLES). Unsent edits of those rows are dropped
 * first, so their words never leave the device.
 */
export async function eraseGrowthOf(db: TavlaDb, workplaceId: string, personId: string): Promise<number> {
  let n = 0;
  for (const table of PERSON_TABLES) {
    const rows = await db.table(table).where('[workplaceId+personId]').equals([workplaceId, personId]).toArray();
    for (const r of rows as { id: string; deleted: 0 | 1 }[]) {
      if (r.deleted === 1) continue;
      await db.outbox.where('[table+rowId]').equals([table, r.id]).delete();
      await deleteRecord(db, table, r.id);
      n++;
    }
  }
  return n;
}

export function growthRepo(db: TavlaDb) {
  const goalsOf = async (workplaceId: string, personId: string) =>
    liveRows(await db.planGoals.where('[workplaceId+personId]').equals(byPerson(workplaceId, personId)).toArray());

  async function addGoalInTx(workplaceId: string, personId: string, since: Iso, g: NewGoal, now?: number): Promise<PlanGoal> {
    if (!isValidGoalSteps(g.steps)) throw new RangeError(`Not a number of steps: ${g.steps}`);
    return writeRecord<PlanGoal>(
      db,
      'planGoals',
      workplaceId,
      newId(),
      { personId, pictogramId: g.pictogramId, text: g.text.trim(), steps: g.steps, progress: 0, claimedAt: null, since, closedAt: null },
      { now },
    );
  }

  return {
    // --- follow-ups and the ladder ---

    /** A person's follow-ups, oldest first. */
    async followUps(workplaceId: string, personId: string): Promise<FollowUp[]> {
      return sortFollowUps(liveRows(await db.followUps.where('[workplaceId+personId]').equals(byPerson(workplaceId, personId)).toArray()));
    },
    /** Every follow-up of the workplace (for the overview of everyone), oldest first. */
    async allFollowUps(workplaceId: string): Promise<FollowUp[]> {
      const rows = await db.followUps.where('[workplaceId+date]').between([workplaceId, ''], [workplaceId, '\uffff']).toArray();
      return sortFollowUps(liveRows(rows).filter((f) => f.personId !== ''));
    },
    /** Records a follow-up conversation and the goals agreed in it, in one transaction. */
    async recordFollowUp(workplaceId: string, input: NewFollowUp, id = newId(), at?: number): Promise<FollowUp> {
      return inWriteTx(db, ['followUps', 'planGoals'], async () => {
        const f = await writeRecord<FollowUp>(
          db,
          'followUps',
          workplaceId,
          id,
          {
            personId: input.personId,
            date: input.date,
            step: input.step,
            nextStep: (input.nextStep ?? '').trim(),
            nextPictogramId: input.nextPictogramId ?? null,
            nextDate: input.nextDate ?? null,
            note: (input.note ?? '').trim(),
          },
          { now: at },
        );
        for (const g of input.goals ?? []) await addGoalInTx(workplaceId, input.personId, input.date, g, at);
        return f;
      });
    },
    removeFollowUp(id: string) {
      return deleteRecord<FollowUp>(db, 'followUps', id, { note: '', nextStep: '' });
    },
    /** The workplace's own ladder (1–10 steps with unique ids). */
    async setLadder(workplaceId: string, steps: readonly LadderStep[]): Promise<Workplace> {
      if (steps.length < 1 || steps.length > MAX_LADDER_STEPS || new Set(steps.map((s) => s.id)).size !== steps.length) {
        throw new RangeError('A ladder has 1–10 steps with different ids');
      }
      return updateRecord<Workplace>(db, 'workplaces', workplaceId, { ladderSteps: steps.map((s) => ({ id: s.id, pictogramId: s.pictogramId, text: s.text.trim() })) });
    },

    // --- the plan's goals ---

    /** A person's goals (open and reached), oldest first. */
    async goals(workplaceId: string, personId: string): Promise<PlanGoal[]> {
      return (await goalsOf(workplaceId, personId)).sort((a, b) => a.since.localeCompare(b.since) || a.createdAt - b.createdAt);
    },
    /** Every goal of the workplace (for the supervisor's list of claims to confirm). */
    async allGoals(workplaceId: string): Promise<PlanGoal[]> {
      return liveRows(await db.planGoals.where('workplaceId').equals(workplaceId).toArray());
    },
    addGoal(workplaceId: string, personId: string, since: Iso, g: NewGoal): Promise<PlanGoal> {
      return inWriteTx(db, ['planGoals'], () => addGoalInTx(workplaceId, personId, since, g));
    },
    /** The participant's "done it" tap; undefined when there is nothing to claim. */
    async claimGoal(id: string, at = db.now()): Promise<PlanGoal | undefined> {
      return inWriteTx(db, ['planGoals'], async () => {
        const g = await db.planGoals.get(id);
        const patch = g && !g.deleted ? claimGoal(g, db.stamp(at)) : null;
        return patch ? updateRecord<PlanGoal>(db, 'planGoals', id, patch) : undefined;
      });
    },
    /** The supervisor confirms one step (a claim, or on their own). */
    async confirmGoalStep(id: string, at = db.now()): Promise<PlanGoal | undefined> {
      return inWriteTx(db, ['planGoals'], async () => {
        const g = await db.planGoals.get(id);
        if (!g || g.deleted) return undefined;
        return updateRecord<PlanGoal>(db, 'planGoals', id, confirmStep(g, db.stamp(at)));
      });
    },
    declineGoalClaim(id: string) {
      return updateRecord<PlanGoal>(db, 'planGoals', id, declineClaim());
    },
    removeGoal(id: string) {
      return deleteRecord<PlanGoal>(db, 'planGoals', id, { text: '' });
    },

    // --- skills ---

    async skills(workplaceId: string): Promise<Skill[]> {
      return liveRows(await db.skills.where('workplaceId').equals(workplaceId).toArray());
    },
    async skillsOf(workplaceId: string, personId: string): Promise<Skill[]> {
      return liveRows(await db.skills.where('[workplaceId+personId]').equals(byPerson(workplaceId, personId)).toArray());
    },
    /** The supervisor sets a level (clears a waiting claim). */
    async setSkill(workplaceId: string, personId: string, taskKey: string, level: SkillLevel): Promise<Skill> {
      if (!isSkillLevel(level)) throw new RangeError(`Not a skill level: ${String(level)}`);
      return writeRecord<Skill>(db, 'skills', workplaceId, skillId(workplaceId, personId, taskKey), { personId, taskKey, level, claimedAt: null });
    },
    /** The participant's "I learned it"; undefined when there is nothing to claim. */
    async claimSkill(workplaceId: string, personId: string, taskKey: string, at = db.now()): Promise<Skill | undefined> {
      return inWriteTx(db, ['skills'], async () => {
        const id = skillId(workplaceId, personId, taskKey);
        const s = await db.skills.get(id);
        const level = s && !s.deleted ? s.level : 0;
        if (!canClaimSkill(level, s && !s.deleted ? s.claimedAt : null)) return undefined;
        return writeRecord<Skill>(db, 'skills', workplaceId, id, { personId, taskKey, level, claimedAt: db.stamp(at) });
      });
    },
    /** The supervisor confirms "I learned it": one level up (to "can" at most). */
    async confirmSkillClaim(id: string): Promise<Skill | undefined> {
      return inWriteTx(db, ['skills'], async () => {
        const s = await db.skills.get(id);
        if (!s || s.deleted || s.claimedAt === null) return undefined;
        return updateRecord<Skill>(db, 'skills', id, { level: confirmedLevel(s.level), claimedAt: null });
      });
    },
    declineSkillClaim(id: string) {
      return updateRecord<Skill>(db, 'skills', id, { claimedAt: null });
    },

    // --- the survey ---

    async setSurveyQuestions(workplaceId: string, questions: readonly SurveyQuestion[]): Promise<Workplace> {
      if (questions.length < 1 || questions.length > MAX_SURVEY_QUESTIONS || new Set(questions.map((q) => q.id)).size !== questions.length) {
        throw new RangeError('A survey has 1–6 questions with different ids');
      }
      return updateRecord<Workplace>(db, 'workplaces', workplaceId, {
        surveyQuestions: questions.map((q) => ({ id: q.id, pictogramId: q.pictogramId, text: q.text.trim() })),
      });
    },
    /**
     * Stores one participant's answers, with no person: a random id and the
     * week only, stamped at the week's start. Returns null when nothing was
     * answered.
     */
    async answerSurvey(workplaceId: string, today: Iso, questions: readonly SurveyQuestion[], answers: Record<string, unknown>): Promise<SurveyAnswer | null> {
      const clean = cleanAnswers(questions, answers);
      if (Object.keys(clean).length === 0) return null;
      const week = surveyWeek(today);
      return writeRecord<SurveyAnswer>(db, 'surveyAnswers', workplaceId, uuidv4(), { week, answers: clean }, { now: parseIsoDate(week).getTime() });
    },
    async surveyAnswers(workplaceId: string, week: Iso): Promise<SurveyAnswer[]> {
      return liveRows(await db.surveyAnswers.where('[workplaceId+week]').equals([workplaceId, week]).toArray());
    },
    /** The weeks with answers, newest first. */
    async surveyWeeks(workplaceId: string): Promise<Iso[]> {
      const rows = liveRows(await db.surveyAnswers.where('workplaceId').equals(workplaceId).toArray());
      return [...new Set(rows.map((r) => r.week))].sort().reverse();
    },
  };
}
