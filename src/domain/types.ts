/**
 * Record shapes stored in IndexedDB and synced through the server.
 *
 * Every synced row carries `workplaceId` (tenancy), timestamps, a tombstone
 * flag and `_clock`: the hybrid-logical-clock stamp of the last write of each
 * field. Sync merges rows field by field, last writer (highest HLC) wins;
 * `deleted` is a tombstone that wins over concurrent edits.
 */

import type { SortKey } from './order';

export type Iso = string; // ISO-8601 date 'YYYY-MM-DD'

export type Hlc = string; // see src/sync/shared/hlc.ts

export interface SyncedRow {
  id: string;
  workplaceId: string;
  createdAt: number; // epoch ms
  updatedAt: number; // epoch ms
  /** 1 when deleted (tombstone). Indexed, so it is a number, not a boolean. */
  deleted: 0 | 1;
  /** field name -> HLC of its last write */
  _clock: Record<string, Hlc>;
}

export const ACTIVITY_TYPES = [
  'cleaning',
  'laundry',
  'carpentry',
  'textile',
  'moving',
  'kitchen',
  'secondhand',
  'outdoor',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Workplace extends SyncedRow {
  name: string;
  activityType: ActivityType;
  /** 'HH:MM' local time the day starts; a check-in after this is late */
  openingTime: string;
  /** 'HH:MM' local time the day ends */
  closingTime: string;
  /** ISO weekdays the workplace is open: 1 = Monday … 7 = Sunday */
  openDays: number[];
  /** PBKDF2-SHA-256 of the supervisor PIN, hex; never the PIN itself */
  pinHash: string;
  pinSalt: string;
  /** true for the seeded demo workplace (its PIN, 1234, is shown on screen) */
  demo: boolean;
  /** deviation categories offered on the board, in order */
  deviationCategories: DeviationCategory[];
  /** the morning meeting's agenda; absent = the default agenda (see src/meeting) */
  meetingAgenda?: MeetingAgendaStep[];
  /** target length of the morning meeting in minutes (default 15) */
  meetingTargetMinutes?: number;
  /** months personal data is kept before it is anonymised (default 24) */
  retentionMonths?: number;
  /** the job ladder's steps, first to last; absent = the default six (see domain/growth.ts) */
  ladderSteps?: LadderStep[];
  /** the participants' survey; absent = the default questions (see domain/growth.ts) */
  surveyQuestions?: SurveyQuestion[];
}

/** One step of the way to work (Salem's ladder: first visit … in work). */
export interface LadderStep {
  /** stable id kept in follow-ups ('visit' … 'job' for the default steps) */
  id: string;
  pictogramId: string;
  /** the supervisor's own words; '' = the built-in name of a default step */
  text: string;
}

/** One smiley-scale question of the participants' survey. */
export interface SurveyQuestion {
  /** stable id kept in answers ('week', 'skillsUsed', 'listened' for the default set) */
  id: string;
  pictogramId: string;
  /** the supervisor's own words; '' = the built-in question of a default one */
  text: string;
}

/**
 * Every step a meeting can have, in the default order. `skills` (who can do
 * what) shows personal data, so it is off unless the supervisor switches it
 * on (see OFF_BY_DEFAULT in meeting.ts).
 */
export const MEETING_STEPS = ['attendance', 'safety', 'goals', 'improvements', 'work', 'skills', 'closing'] as const;
export type MeetingStepId = (typeof MEETING_STEPS)[number];

export interface MeetingAgendaStep {
  step: MeetingStepId;
  enabled: boolean;
  /** target minutes for this step */
  minutes: number;
}

export interface Avatar {
  kind: 'pictogram' | 'photo';
  /** pictogram id (built-in or custom) or the SHA-256 of a photo blob */
  ref: string;
}

export interface Person extends SyncedRow {
  /** first name only, by design: no surnames, no identity numbers */
  firstName: string;
  avatar: Avatar;
  /** preferred language code, e.g. 'sv', 'ar' */
  language: string;
  active: 0 | 1;
  /** place in its list (see order.ts) */
  order: SortKey;
  /** optional picture PIN guarding the person's own page: PBKDF2 hash + salt, never the pictograms (see domain/picturePin) */
  picturePin?: { hash: string; salt: string } | null;
}

export const ATTENDANCE_STATUSES = [
  'present',
  'late',
  'sick',
  'absentNotified',
  'absentUnnotified',
  'leave',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One person's mark for one day. id = attendanceId(personId, date). */
export interface AttendanceMark extends SyncedRow {
  personId: string;
  date: Iso;
  /** null when a check-in was undone: the day is unmarked again */
  status: AttendanceStatus | null;
  /** epoch ms of a self check-in, if any */
  checkedInAt: number | null;
  setBy: 'self' | 'supervisor';
}

export type GoalPeriod = 'day' | 'week';
export type GoalTarget = { kind: 'count'; target: number } | { kind: 'yesno' };

export interface Goal extends SyncedRow {
  pictogramId: string;
  text: string;
  period: GoalPeriod;
  target: GoalTarget;
  active: 0 | 1;
  /** place in its list (see order.ts) */
  order: SortKey;
}

/**
 * One tap of progress on a goal. Progress is a sum of entries rather than a
 * counter field, so taps on two tablets both count after sync.
 */
export interface GoalProgress extends SyncedRow {
  goalId: string;
  /** the day the tap belongs to; weekly goals sum the entries of the week */
  date: Iso;
  amount: number;
  personId: string | null;
}

export interface WorkArea extends SyncedRow {
  pictogramId: string;
  text: string;
  /** place in its list (see order.ts) */
  order: SortKey;
}

/** A task template that puts a task on the board on the given weekdays. */
export interface RecurringTask extends SyncedRow {
  workAreaId: string;
  pictogramId: string;
  text: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday */
  weekdays: number[];
  assignees: string[];
  active: 0 | 1;
}

export interface Task extends SyncedRow {
  workAreaId: string;
  pictogramId: string;
  text: string;
  date: Iso;
  assignees: string[];
  doneAt: number | null;
  doneBy: string | null;
  /** the template it came from; the id is then derived from template + date */
  recurringId: string | null;
}

export const DEVIATION_CATEGORIES = [
  'safety',
  'brokenTool',
  'missingMaterial',
  'quality',
  'customer',
  'time',
  'other',
] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];
export const DEVIATION_STATUSES = ['new', 'handling', 'solved'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export interface Deviation extends SyncedRow {
  category: DeviationCategory;
  date: Iso;
  pictogramId: string | null;
  photo: string | null; // SHA-256 of a blob
  text: string;
  reportedBy: string | null;
  status: DeviationStatus;
  responsibleId: string | null;
  action: string;
  solvedAt: number | null;
}

export const IMPROVEMENT_STATUSES = ['idea', 'planned', 'doing', 'done', 'notNow'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export interface Improvement extends SyncedRow {
  date: Iso;
  pictogramId: string | null;
  photo: string | null;
  text: string;
  proposedBy: string | null;
  status: ImprovementStatus;
  /** why "not now" */
  reason: string;
  movedAt: number;
}

export type MeetingDecisionKind = 'assignTask' | 'moveIdea' | 'deviationStatus' | 'attendance' | 'goalProgress' | 'other';

export interface MeetingDecision {
  kind: MeetingDecisionKind;
  /** id of the record the decision changed */
  refId: string;
  /** e.g. the new status of an idea or a deviation */
  value: string;
  at: number;
  step: MeetingStepId;
}

/** A morning board meeting as it was held. One per start; a reload resumes it. */
export interface Meeting extends SyncedRow {
  date: Iso;
  startedAt: number;
  /** null while the meeting runs */
  endedAt: number | null;
  /** person ids present at the meeting */
  attendees: string[];
  /** the steps as run, with the time spent on each */
  steps: { step: MeetingStepId; ms: number }[];
  /** index into `steps` of the step on screen (to resume after a reload) */
  current: number;
  /** epoch ms the step on screen was entered: its running time is `ms + now − this` (null once ended) */
  stepStartedAt?: number | null;
  decisions: MeetingDecision[];
  targetMinutes: number;
}

/**
 * A recorded spoken word: a clip for a pictogram, a UI label or a person's
 * name in one language. The id is derived from key + lang, so re-recording
 * replaces the clip on every device. A recorded clip wins over synthetic speech.
 */
export interface VoiceClip extends SyncedRow {
  /** what the clip says, e.g. 'pictogram:saw', 'message:section.goals', 'person:<id>' */
  key: string;
  lang: string;
  blob: string; // SHA-256 of the audio blob
  durationMs: number;
  mimeType: string;
}

/** A supervisor-made pictogram; built-in ones live in the manifest, not here. */
export interface CustomPictogram extends SyncedRow {
  label: string;
  blob: string; // SHA-256 of the image blob
  category: string;
}

/**
 * One goal of a participant's personal plan, agreed in a follow-up
 * conversation: a pictogram, a few words and progress in steps (stars).
 * The participant taps "done it" (claimedAt); the supervisor confirms, which
 * adds a step. Personal data: shown only to the person and supervisors.
 */
export interface PlanGoal extends SyncedRow {
  personId: string;
  pictogramId: string;
  text: string;
  /** steps to reach the goal (1–5) */
  steps: number;
  /** steps reached (0…steps) */
  progress: number;
  /** epoch ms of the participant's "done it" tap waiting for the supervisor; null when none */
  claimedAt: number | null;
  /** the day the goal was agreed */
  since: Iso;
  /** epoch ms the goal was reached (progress = steps) or closed; null while it is open */
  closedAt: number | null;
}

/**
 * A follow-up conversation with a participant: its date, the ladder step
 * agreed (a move when it differs from the step before), the agreed next
 * step and the next follow-up's date. The sequence of follow-ups is the
 * ladder history (domain/growth.ts).
 */
export interface FollowUp extends SyncedRow {
  personId: string;
  date: Iso;
  /** ladder step id after this conversation; null = not on the ladder yet */
  step: string | null;
  /** the agreed next step, in a few words */
  nextStep: string;
  nextPictogramId: string | null;
  /** the next follow-up's date; null = none agreed */
  nextDate: Iso | null;
  /** the supervisor's short note */
  note: string;
}

export const SKILL_LEVELS = [0, 1, 2, 3] as const;
/** 0 not yet, 1 learning, 2 can, 3 can teach */
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** Who can do what: one person's level in one task. id = skillId(personId, taskKey). */
export interface Skill extends SyncedRow {
  personId: string;
  /** the task template (RecurringTask id) the level is about */
  taskKey: string;
  level: SkillLevel;
  /** epoch ms of the participant's "I learned it" tap waiting for the supervisor; null when none */
  claimedAt: number | null;
}

/**
 * One participant's answers to the survey, anonymous by design: no person
 * id, a random (not time-ordered) id, and only the week, not the moment.
 */
export interface SurveyAnswer extends SyncedRow {
  /** Monday of the week the answer belongs to */
  week: Iso;
  /** question id → 1 (sad) … 3 (happy) */
  answers: Record<string, number>;
}

/** Content-addressed binary (photo, custom pictogram, voice clip). Local only; synced by hash. */
export interface BlobRecord {
  hash: string;
  workplaceId: string;
  type: string;
  size: number;
  data: Blob;
  createdAt: number;
  uploaded: 0 | 1;
}

/** Device-local key/value settings (language, pictures-only, …). Not synced. */
export interface Setting {
  key: string;
  value: unknown;
}

export type SyncedTable =
  | 'workplaces'
  | 'persons'
  | 'attendance'
  | 'goals'
  | 'goalProgress'
  | 'workAreas'
  | 'recurringTasks'
  | 'tasks'
  | 'deviations'
  | 'improvements'
  | 'pictograms'
  | 'meetings'
  | 'voiceClips'
  | 'planGoals'
  | 'followUps'
  | 'skills'
  | 'surveyAnswers';

export const SYNCED_TABLES: readonly SyncedTable[] = [
  'workplaces',
  'persons',
  'attendance',
  'goals',
  'goalProgress',
  'workAreas',
  'recurringTasks',
  'tasks',
  'deviations',
  'improvements',
  'pictograms',
  'meetings',
  'voiceClips',
  'planGoals',
  'followUps',
  'skills',
  'surveyAnswers',
];

/**
 * One entry of the outbox: a change to send to the server. Written in the
 * same Dexie transaction as the row it describes.
 */
export interface OutboxOp {
  /** UUIDv7, so ops sort by creation */
  opId: string;
  table: SyncedTable;
  rowId: string;
  workplaceId: string;
  /** the changed fields with their new values (all fields for a create) */
  fields: Record<string, unknown>;
  /** the HLC stamped on every field in `fields` */
  hlc: Hlc;
  createdAt: number;
}
