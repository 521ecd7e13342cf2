/**
 * Goal progress and the traffic-light colour of a goal.
 *
 * Progress is the sum of progress entries (taps) in the goal's period: today
 * for a day goal, the ISO week (Monday–Sunday) of today for a week goal.
 * Entries may be negative (an undo is a -1 entry); the sum never goes below 0.
 *
 * The colour compares progress with how much of the period has passed:
 *
 *   elapsed = share of the period gone, 0–1
 *             day goal:  workdayFraction(now, opening, closing)
 *             week goal: weekFraction(today, openDays, dayFraction)
 *
 *   yes/no goal:  done                         → green
 *                 not done, elapsed < 2/3      → yellow (still time)
 *                 not done, elapsed ≥ 2/3      → red
 *
 *   count goal:   ratio = progress / target
 *                 ratio ≥ 1 or ratio ≥ elapsed → green (on track)
 *                 ratio ≥ elapsed × 0.6        → yellow (a bit behind)
 *                 otherwise                    → red
 *
 * So every goal starts the day green (or yellow for yes/no) and only turns
 * red when the time left is short. A count target must be a positive number;
 * anything else throws InvalidGoalTarget (forms check with validateGoalInput
 * first).
 */
import type { Goal, GoalPeriod, GoalProgress, GoalTarget, Iso } from './types';
import { addDays, isoWeekday, isValidIsoDate, minutesOfDay, preciseTimeOfDayMinutes, startOfIsoWeek } from './dates';
import { InvalidGoalTarget, InvalidIsoDate } from './errors';
import { collapseSpaces, textLength } from './text';

export { InvalidGoalTarget } from './errors';

export type GoalColor = 'green' | 'yellow' | 'red';

export const GOAL_TEXT_MAX = 60;
export const GOAL_TARGET_MIN = 1;
export const GOAL_TARGET_MAX = 999;
/** A yes/no goal not done turns red when this share of its period has passed. */
export const YESNO_RED_FROM = 2 / 3;
/** A count goal is yellow while at least this share of the expected progress is reached. */
export const COUNT_YELLOW_SHARE = 0.6;

export type GoalInputError = 'goal.error.targetRange' | 'goal.error.textTooLong';

const clamp01 = (x: number): number => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)));

/** Sums the goal's progress entries that fall in its period around `today`. Deleted entries do not count. */
export function goalProgressFor(
  goal: Pick<Goal, 'id' | 'period'>,
  entries: readonly (Pick<GoalProgress, 'goalId' | 'date' | 'amount'> & { deleted?: 0 | 1 })[],
  today: Iso,
): number {
  const [from, to] = periodRange(goal.period, today);
  let sum = 0;
  for (const e of entries) {
    if (e.goalId === goal.id && e.deleted !== 1 && e.date >= from && e.date <= to && Number.isFinite(e.amount)) sum += e.amount;
  }
  return Math.max(0, sum);
}

/** First and last date of the period that contains `today`. */
export function periodRange(period: GoalPeriod, today: Iso): [Iso, Iso] {
  if (!isValidIsoDate(today)) throw new InvalidIsoDate(today);
  if (period === 'day') return [today, today];
  const monday = startOfIsoWeek(today);
  return [monday, addDays(monday, 6)];
}

/**
 * Share of the working day gone at `nowMs` (local wall clock), 0 before
 * opening and 1 after closing. With closing not after opening (a bad
 * setting), the day counts as not started before opening and over after.
 */
export function workdayFraction(nowMs: number, openingTime: string, closingTime: string): number {
  const open = minutesOfDay(openingTime);
  const close = minutesOfDay(closingTime);
  const now = preciseTimeOfDayMinutes(nowMs);
  if (close <= open) return now < open ? 0 : 1;
  return clamp01((now - open) / (close - open));
}

/**
 * Share of the week's open days gone: the open days before `today` in its
 * ISO week, plus `dayFraction` of today if today is open, over the number of
 * open days in the week. With no open days at all it is 0. `since`: the day
 * the goal was made; open days before it are left out of both counts.
 */
export function weekFraction(today: Iso, openDays: readonly number[], dayFraction = 0, since?: Iso): number {
  const monday = startOfIsoWeek(today);
  // Open days before the goal existed are neither gone nor expected: a goal made on Wednesday
  // is measured over Wednesday to Friday.
  const open = new Set(openDays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7 && !(since && addDays(monday, d - 1) < since)));
  if (open.size === 0) return 0;
  const weekday = isoWeekday(today);
  let gone = 0;
  for (const d of open) if (d < weekday) gone++;
  if (open.has(weekday)) gone += clamp01(dayFraction);
  return clamp01(gone / open.size);
}

export interface PeriodElapsed {
  /** share of today's working day gone (workdayFraction) */
  dayFraction: number;
  /** share of this week's open days gone (weekFraction); needed for week goals */
  weekFraction?: number;
}

export function goalStatus(goal: Pick<Goal, 'period' | 'target'>, progress: number, now: PeriodElapsed): GoalColor {
  const elapsed = clamp01(goal.period === 'day' ? now.dayFraction : (now.weekFraction ?? weekFractionMissing()));
  const done = Math.max(0, Number.isFinite(progress) ? progress : 0);

  if (goal.target.kind === 'yesno') {
    if (done >= 1) return 'green';
    return elapsed < YESNO_RED_FROM ? 'yellow' : 'red';
  }

  const target = goal.target.target;
  if (!Number.isFinite(target) || target <= 0) throw new InvalidGoalTarget(target);
  const ratio = done / target;
  if (ratio >= 1 || ratio >= elapsed) return 'green';
  if (ratio >= elapsed * COUNT_YELLOW_SHARE) return 'yellow';
  return 'red';
}

function weekFractionMissing(): never {
  throw new TypeError('goalStatus needs now.weekFraction for a week goal');
}

/** Checks a goal form. Text is optional (the pictogram carries the meaning). */
export function validateGoalInput(input: { text: string; target: GoalTarget }): GoalInputError[] {
  const errors: GoalInputError[] = [];
  if (input.target.kind === 'count') {
    const t = input.target.target;
    if (!Number.isInteger(t) || t < GOAL_TARGET_MIN || t > GOAL_TARGET_MAX) errors.push('goal.error.targetRange');
  }
  if (textLength(collapseSpaces(input.text)) > GOAL_TEXT_MAX) errors.push('goal.error.textTooLong');
  return errors;
}
