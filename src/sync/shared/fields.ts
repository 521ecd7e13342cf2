/**
 * The fields each synced table may carry, shared by the server (which
 * refuses an op naming any other field with a 400) and the client (which
 * ignores any other field in a pulled row).
 *
 * Why a closed list: a field named like an `Object.prototype` member
 * (`toString`, `constructor`, `__proto__` …) once reached the merge, which
 * read the inherited function as the field's value; the row could then no
 * longer be stored in IndexedDB and that tablet's sync stopped for good.
 * Naming the fields also stops a device from growing a row without bound by
 * inventing new ones.
 *
 * Each list is checked against the row's TypeScript interface at compile
 * time (`fieldsOf`): adding a field to a synced row without adding it here is
 * a type error, so the lists cannot drift from the shapes the app writes.
 * An older server refuses a field a newer app introduced, which is what the
 * schema version rule (docs/sync-protocol.md) is for.
 *
 * Pure: no I/O.
 */
import type {
  AttendanceMark,
  CustomPictogram,
  Deviation,
  Goal,
  GoalProgress,
  Improvement,
  Meeting,
  Person,
  FollowUp,
  PlanGoal,
  RecurringTask,
  Skill,
  SurveyAnswer,
  SyncedTable,
  Task,
  VoiceClip,
  WorkArea,
  Workplace,
} from '../../domain/types';

type FieldOf<T> = Exclude<keyof T, '_clock'> & string;

/**
 * A set of field names that must name every field of T (and only those):
 * a forgotten one shows up as `{ missing: 'fieldName' }` in the type error.
 */
function fieldsOf<T>() {
  return <const L extends readonly FieldOf<T>[]>(
    ...names: L & ([Exclude<FieldOf<T>, L[number]>] extends [never] ? unknown : { missing: Exclude<FieldOf<T>, L[number]> })
  ): ReadonlySet<string> => new Set<string>(names);
}

const ROW = ['id', 'workplaceId', 'createdAt', 'updatedAt', 'deleted'] as const;

export const KNOWN_FIELDS: Readonly<Record<SyncedTable, ReadonlySet<string>>> = {
  workplaces: fieldsOf<Workplace>()(
    ...ROW,
    'name',
    'activityType',
    'openingTime',
    'closingTime',
    'openDays',
    'pinHash',
    'pinSalt',
    'demo',
    'deviationCategories',
    'meetingAgenda',
    'meetingTargetMinutes',
    'retentionMonths',
    'ladderSteps',
    'surveyQuestions',
  ),
  persons: fieldsOf<Person>()(...ROW, 'firstName', 'avatar', 'language', 'active', 'order', 'picturePin'),
  attendance: fieldsOf<AttendanceMark>()(...ROW, 'personId', 'date', 'status', 'checkedInAt', 'setBy'),
  goals: fieldsOf<Goal>()(...ROW, 'pictogramId', 'text', 'period', 'target', 'active', 'order'),
  goalProgress: fieldsOf<GoalProgress>()(...ROW, 'goalId', 'date', 'amount', 'personId'),
  workAreas: fieldsOf<WorkArea>()(...ROW, 'pictogramId', 'text', 'order'),
  recurringTasks: fieldsOf<RecurringTask>()(...ROW, 'workAreaId', 'pictogramId', 'text', 'weekdays', 'assignees', 'active'),
  tasks: fieldsOf<Task>()(...ROW, 'workAreaId', 'pictogramId', 'text', 'date', 'assignees', 'doneAt', 'doneBy', 'recurringId'),
  deviations: fieldsOf<Deviation>()(
    ...ROW,
    'category',
    'date',
    'pictogramId',
    'photo',
    'text',
    'reportedBy',
    'status',
    'responsibleId',
    'action',
    'solvedAt',
  ),
  improvements: fieldsOf<Improvement>()(...ROW, 'date', 'pictogramId', 'photo', 'text', 'proposedBy', 'status', 'reason', 'movedAt'),
  pictograms: fieldsOf<CustomPictogram>()(...ROW, 'label', 'blob', 'category'),
  meetings: fieldsOf<Meeting>()(
    ...ROW,
    'date',
    'startedAt',
    'endedAt',
    'attendees',
    'steps',
    'current',
    'stepStartedAt',
    'decisions',
    'targetMinutes',
  ),
  voiceClips: fieldsOf<VoiceClip>()(...ROW, 'key', 'lang', 'blob', 'durationMs', 'mimeType'),
  planGoals: fieldsOf<PlanGoal>()(...ROW, 'personId', 'pictogramId', 'text', 'steps', 'progress', 'claimedAt', 'since', 'closedAt'),
  followUps: fieldsOf<FollowUp>()(...ROW, 'personId', 'date', 'step', 'nextStep', 'nextPictogramId', 'nextDate', 'note'),
  skills: fieldsOf<Skill>()(...ROW, 'personId', 'taskKey', 'level', 'claimedAt'),
  surveyAnswers: fieldsOf<SurveyAnswer>()(...ROW, 'week', 'answers'),
};

/** Whether `field` is a field of `table` (own-property lookup: `toString` is not a table name either). */
export function isKnownField(table: string, field: string): boolean {
  return Object.hasOwn(KNOWN_FIELDS, table) && KNOWN_FIELDS[table as SyncedTable].has(field);
}

/** The field names of `fields` that `table` does not have. */
export function unknownFields(table: SyncedTable, fields: object): string[] {
  return Object.keys(fields).filter((f) => !isKnownField(table, f));
}
