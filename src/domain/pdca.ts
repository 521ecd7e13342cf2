/**
 * The improvement board's state machine (PDCA: plan, do, check, act).
 *
 *   idea ⇄ planned ⇄ doing ⇄ done          one step forward or back per tap
 *   idea, planned, doing → notNow          needs a reason, told to the proposer
 *   notNow → idea                          an idea can come back
 *
 * A supervisor moves like on paper: a card goes to ANY column in one tap
 * (`anyColumnMoves`, `moveIdea(…, { anyColumn: true })`); notNow still needs
 * its reason.
 *
 * Cards move by tap-to-move buttons (no drag and drop: it is hard for many
 * hands and for screen readers), so `allowedMoves` is exactly the set of
 * buttons a card shows. `moveIdea` returns only the fields that change, so a
 * move on one tablet does not overwrite a concurrent edit of another field
 * on another tablet (sync merges per field).
 */
import { IMPROVEMENT_STATUSES, type Improvement, type ImprovementStatus } from './types';
import { IllegalMove, ReasonRequired } from './errors';
import { clampShortText } from './text';

export { IllegalMove, ReasonRequired } from './errors';

/** The forward path of an improvement, in order. */
export const IMPROVEMENT_FLOW: readonly ImprovementStatus[] = ['idea', 'planned', 'doing', 'done'];
export const NOT_NOW_REASON_MAX = 200;

/** How a button looks: an arrow forward or back, a pause, or a return from the pause. */
export type ImprovementMoveKind = 'forward' | 'back' | 'notNow' | 'revive';

const MOVES: Record<ImprovementStatus, readonly ImprovementStatus[]> = {
  idea: ['planned', 'notNow'],
  planned: ['doing', 'idea', 'notNow'],
  doing: ['done', 'planned', 'notNow'],
  done: ['doing'],
  notNow: ['idea'],
};

/** The statuses a card in `status` can move to, forward first. */
export function allowedMoves(status: ImprovementStatus): readonly ImprovementStatus[] {
  return MOVES[status] ?? [];
}

/** Every other column: the supervisor's one-tap moves, in board order. */
export function anyColumnMoves(status: ImprovementStatus): readonly ImprovementStatus[] {
  return IMPROVEMENT_STATUSES.filter((s) => s !== status);
}

export function improvementMoveKind(from: ImprovementStatus, to: ImprovementStatus): ImprovementMoveKind {
  if (!allowedMoves(from).includes(to)) throw new IllegalMove('improvement', from, to);
  if (to === 'notNow') return 'notNow';
  if (from === 'notNow') return 'revive';
  return IMPROVEMENT_FLOW.indexOf(to) > IMPROVEMENT_FLOW.indexOf(from) ? 'forward' : 'back';
}

export type ImprovementPatch = Pick<Improvement, 'status' | 'movedAt'> & Partial<Pick<Improvement, 'reason'>>;

/**
 * The patch that moves an improvement to `to`. Moving to notNow stores the
 * (trimmed, at most 200 characters) reason and throws ReasonRequired without
 * one; moving back from notNow clears it. Throws IllegalMove for any move
 * not in `allowedMoves`.
 */
export function moveIdea(
  improvement: Pick<Improvement, 'status'>,
  to: ImprovementStatus,
  options: { reason?: string; now: number; anyColumn?: boolean },
): ImprovementPatch {
  const from = improvement.status;
  const moves = options.anyColumn ? anyColumnMoves(from) : allowedMoves(from);
  if (!moves.includes(to)) throw new IllegalMove('improvement', from, to);
  if (to === 'notNow') {
    const reason = clampShortText(options.reason ?? '', NOT_NOW_REASON_MAX);
    if (reason === '') throw new ReasonRequired();
    return { status: to, reason, movedAt: options.now };
  }
  if (from === 'notNow') return { status: to, reason: '', movedAt: options.now };
  return { status: to, movedAt: options.now };
}
