/**
 * The one Dexie schema for everything Tavla keeps on the device.
 *
 * What lives where:
 * - synced tables (workplaces … pictograms): the board's records, one row per
 *   thing, each stamped with per-field HLCs (see types.ts) and mirrored to the
 *   server by the sync client;
 * - `blobs`: photos, custom pictograms and voice clips, content-addressed by
 *   SHA-256, so a record only holds the hash and the bytes sync separately;
 * - `outbox`: every local change not yet acknowledged by the server, written
 *   in the same transaction as the change itself (repositories do this);
 * - `meta`: device state (HLC clock, device id, sync cursor, pairing token);
 * - `settings`: device-local preferences (language, pictures-only, …);
 * - `drafts`: half-entered forms, so an idle reset or reload never loses input.
 * - `attendanceDaily`: per workplace and day, the count of marks of each
 *   status (local, derived: kept in the same transaction as every write of a
 *   mark by a middleware, see attendanceDaily.ts); the trends read these.
 * - `attendanceMonthly`: per workplace, month and person, the marks of each
 *   status by weekday (local, derived, kept by the same middleware); the
 *   attendance report reads these.
 *
 * Versions are append-only: never edit a released `version(n)`, add n+1.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { DailyAttendance } from '../domain/dailyCounts';
import { attendanceDailyMiddleware, BUILT_KEY } from './attendanceDaily';
import { countMarks } from '../domain/dailyCounts';
import { countMonths, type PersonMonth } from '../domain/monthlyCounts';
import type {
  AttendanceMark,
  BlobRecord,
  CustomPictogram,
  Deviation,
  FollowUp,
  Goal,
  GoalProgress,
  Improvement,
  Meeting,
  OutboxOp,
  Person,
  PlanGoal,
  RecurringTask,
  Setting,
  Skill,
  SurveyAnswer,
  Task,
  VoiceClip,
  WorkArea,
  Workplace,
} from '../domain/types';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export interface Draft {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** The released schemas of versions 1 and 2, as devices installed then have them (upgrade tests open them). */
export const SCHEMA_V1 = {
  workplaces: 'id',
  persons: 'id, workplaceId',
  attendance: 'id, [workplaceId+date], [workplaceId+personId], personId',
  goals: 'id, workplaceId',
  goalProgress: 'id, goalId, [workplaceId+date]',
  workAreas: 'id, workplaceId',
  recurringTasks: 'id, workplaceId',
  tasks: 'id, [workplaceId+date], recurringId',
  deviations: 'id, [workplaceId+date], [workplaceId+status], category',
  improvements: 'id, [workplaceId+status], [workplaceId+date]',
  pictograms: 'id, workplaceId',
  blobs: 'hash, workplaceId, uploaded',
  outbox: 'opId, [table+rowId], workplaceId',
  meta: 'key',
  settings: 'key',
  drafts: 'key',
} as const;
export const SCHEMA_V2 = {
  meetings: 'id, [workplaceId+date]',
  voiceClips: 'id, workplaceId, [workplaceId+key]',
} as const;

export class TavlaDb extends Dexie {
  workplaces!: EntityTable<Workplace, 'id'>;
  persons!: EntityTable<Person, 'id'>;
  attendance!: EntityTable<AttendanceMark, 'id'>;
  goals!: EntityTable<Goal, 'id'>;
  goalProgress!: EntityTable<GoalProgress, 'id'>;
  workAreas!: EntityTable<WorkArea, 'id'>;
  recurringTasks!: EntityTable<RecurringTask, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  deviations!: EntityTable<Deviation, 'id'>;
  improvements!: EntityTable<Improvement, 'id'>;
  pictograms!: EntityTable<CustomPictogram, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  voiceClips!: EntityTable<VoiceClip, 'id'>;
  planGoals!: EntityTable<PlanGoal, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  skills!: EntityTable<Skill, 'id'>;
  surveyAnswers!: EntityTable<SurveyAnswer, 'id'>;
  blobs!: EntityTable<BlobRecord, 'hash'>;
  outbox!: EntityTable<OutboxOp, 'opId'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  settings!: EntityTable<Setting, 'key'>;
  drafts!: EntityTable<Draft, 'key'>;
  attendanceDaily!: EntityTable<DailyAttendance, 'key'>;
  attendanceMonthly!: EntityTable<PersonMonth, 'key'>;

  /** The device's wall clock. Tests give each simulated device its own skew. */
  now: () => number = () => Date.now();

  /**
   * A stamp for a write: `at` (a given event time, e.g. a demo's check-in)
   * but never later than the device's clock. A stamp from the future would
   * make the server refuse the device's pushes (clock drift) and its backups.
   */
  stamp(at?: number): number {
    const now = this.now();
    return at === undefined || !Number.isFinite(at) ? now : Math.min(at, now);
  }

  constructor(name = 'tavla') {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Versions are append-only: never edit a released one, add the next.
    this.version(2).stores(SCHEMA_V2);
    // Daily attendance counts (local, derived): counted from the marks already on the device.
    this.version(3)
      .stores({ attendanceDaily: 'key, [workplaceId+date]' })
      .upgrade(async (tx) => {
        const days = countMarks(await tx.table('attendance').toArray());
        if (days.size > 0) await tx.table('attendanceDaily').bulkPut([...days.values()]);
        await tx.table('meta').put({ key: BUILT_KEY, value: true });
      });
    // a new device starts with a (trivially) complete count
    this.on('populate', (tx) => {
      void tx.table('meta').put({ key: BUILT_KEY, value: true });
    });
    // issue 14 (growth): personal plans, follow-ups (the ladder), skills, the anonymous survey
    this.version(4).stores({
      planGoals: 'id, workplaceId, [workplaceId+personId]',
      followUps: 'id, [workplaceId+date], [workplaceId+personId]',
      skills: 'id, workplaceId, [workplaceId+personId]',
      surveyAnswers: 'id, workplaceId, [workplaceId+week]',
    });
    // issue 13 (fast on a cheap tablet): monthly attendance per person for the report, counted from the marks already here
    this.version(5)
      .stores({ attendanceMonthly: 'key, [workplaceId+month]' })
      .upgrade(async (tx) => {
        const months = countMonths(await tx.table('attendance').toArray());
        if (months.size > 0) await tx.table('attendanceMonthly').bulkPut([...months.values()]);
      });
    this.use(attendanceDailyMiddleware);
  }
}
