/**
 * Deviation (avvikelse) handling: the status a reported problem is in, and
 * the counts the board shows.
 *
 *   new → handling → solved         solving records solvedAt
 *   new ← handling ← solved         back a step: reopen, or not started after all
 *
 * Anyone reports a deviation (it starts as 'new'); only a supervisor changes
 * its status. That is enforced by the store/UI (supervisor mode behind the
 * PIN), not here: these rules do not know who is tapping.
 *
 * `changeDeviationStatus` returns only the fields that change, so sync's
 * per-field merge does not let a status tap overwrite a concurrent edit of
 * the text or photo.
 */
import type { Deviation, DeviationStatus } from './types';
import { DEVIATION_STATUSES } from './types';
import { IllegalMove } from './errors';
import { clampShortText } from './text';

export { IllegalMove } from './errors';

export const DEVIATION_ACTION_MAX = 200;

const MOVES: Record<DeviationStatus, readonly DeviationStatus[]> = {
  new: ['handling'],
  handling: ['solved', 'new'],
  solved: ['handling'],
};

/** The statuses a deviation in `status` can move to, forward first. */
export function allowedDeviationMoves(status: DeviationStatus): readonly DeviationStatus[] {
  return MOVES[status] ?? [];
}

export type DeviationPatch = Pick<Deviation, 'status'> &
  Partial<Pick<Deviation, 'solvedAt' | 'responsibleId' | 'action'>>;

/**
 * The patch that moves a deviation to `to`: solvedAt is set to `now` when
 * solved and cleared when reopened; a responsible person and an action text
 * are included only when given (the action trimmed to 200 characters).
 * Throws IllegalMove for a move not in allowedDeviationMoves.
 */
export function changeDeviationStatus(
  deviation: Pick<Deviation, 'status'>,
  to: DeviationStatus,
  options: { now: number; responsibleId?: string | null; action?: string },
): DeviationPatch {
  const from = deviation.status;
  if (!allowedDeviationMoves(from).includes(to)) throw new IllegalMove('deviation', from, to);
  const patch: DeviationPatch = { status: to };
  if (to === 'solved') patch.solvedAt = options.now;
  else if (from === 'solved') patch.solvedAt = null;
  if (options.responsibleId !== undefined) patch.responsibleId = options.responsibleId;
  if (options.action !== undefined) patch.action = clampShortText(options.action, DEVIATION_ACTION_MAX);
  return patch;
}

export function isOpenDeviation(d: Pick<Deviation, 'status'>): boolean {
  return d.status !== 'solved';
}

/** Live deviations by status; tombstones are not counted. */
export function deviationCounts(
  deviations: readonly (Pick<Deviation, 'status'> & { deleted?: 0 | 1 })[],
): Record<DeviationStatus, number> {
  const counts = Object.fromEntries(DEVIATION_STATUSES.map((s) => [s, 0])) as Record<DeviationStatus, number>;
  for (const d of deviations) if (d.deleted !== 1) counts[d.status]++;
  return counts;
}

/** Live deviations not yet solved (new or handling), in the order given. */
export function openDeviations<T extends Pick<Deviation, 'status'> & { deleted?: 0 | 1 }>(deviations: readonly T[]): T[] {
  return deviations.filter((d) => d.deleted !== 1 && isOpenDeviation(d));
}
