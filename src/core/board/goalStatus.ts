/** Goal colours for the board: wires the pure goal rules to today's live data. */
import { createMemo } from 'solid-js';
import { useApp } from '../context';
import { goalProgressFor, goalStatus, weekFraction, workdayFraction, type GoalColor } from '../../domain/goals';
import { isoDateAt } from '../../domain/dates';
import type { Goal } from '../../domain/types';
import type { BoardData } from './boardData';

export interface GoalView {
  goal: Goal;
  progress: number;
  color: GoalColor;
}

/** Needs only the day, the goals and the progress entries of that day's week. */
export function createGoalViews(board: Pick<BoardData, 'day' | 'goals' | 'progress'>) {
  const app = useApp();
  return createMemo<GoalView[]>(() => {
    const wp = app.workplace();
    const today = board.day();
    const isToday = today === app.today();
    const dayFraction = !wp ? 0 : isToday ? workdayFraction(app.now(), wp.openingTime, wp.closingTime) : today < app.today() ? 1 : 0;
    return board.goals().map((goal) => {
      const week = wp ? weekFraction(today, wp.openDays, dayFraction, isoDateAt(goal.createdAt)) : 0;
      const progress = goalProgressFor(goal, board.progress(), today);
      let color: GoalColor = 'yellow';
      try {
        color = goalStatus(goal, progress, { dayFraction, weekFraction: week });
      } catch {
        color = 'red';
      }
      return { goal, progress, color };
    });
  });
}
