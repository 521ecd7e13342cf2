/** Which pictogram stands for each meeting step (agenda, progress bar, log). */
import type { MeetingDecisionKind, MeetingStepId } from '../../domain/types';
import type { PictogramId } from '../../pictograms/catalog';

export const STEP_PICTOGRAM = {
  attendance: 'people',
  safety: 'safety',
  goals: 'target',
  improvements: 'idea',
  work: 'toolbox',
  skills: 'skill-teach',
  closing: 'applause',
} as const satisfies Record<MeetingStepId, PictogramId>;

/** A decision's kind when no record pictogram is known. */
export const DECISION_PICTOGRAM = {
  assignTask: 'toolbox',
  moveIdea: 'idea',
  deviationStatus: 'warning',
  attendance: 'people',
  goalProgress: 'target',
  other: 'check',
} as const satisfies Record<MeetingDecisionKind, PictogramId>;
