/**
 * The morning board meeting (tavelmöte) as pure rules: the agenda, the step
 * timers and the decisions taken. No DOM, Dexie or Solid here.
 *
 * Agenda: the workplace's list of steps (attendance → safety → goals →
 * improvements → work → closing by default; "who can do what", the skills
 * matrix, is there but off until the supervisor switches it on), each on or off with a target
 * length in minutes. A stored agenda is always read through `normalizeAgenda`,
 * so a workplace saved by an older or newer app version still gives every
 * known step exactly once, in the saved order.
 *
 * Timers: a meeting keeps the time spent on each step in `steps[i].ms` plus
 * the instant the step on screen was entered (`stepStartedAt`). The running
 * step's time is therefore `ms + (now − stepStartedAt)`, computed, never
 * ticked into storage: a reload, an idle lock or a crash loses nothing, the
 * clock simply keeps going, because the meeting keeps going in the room.
 * Moving to another step folds the running time into `ms`. A step left
 * running for hours (a meeting nobody ended) counts at most `MAX_STEP_MS`.
 */
import { MEETING_STEPS, type Iso, type MeetingAgendaStep, type MeetingDecision, type MeetingStepId } from './types';
import { addDays, isoWeekday } from './dates';

export const DEFAULT_MEETING_MINUTES = 15;
export const MEETING_MINUTES_MIN = 1;
export const MEETING_MINUTES_MAX = 60;
export const STEP_MINUTES_MIN = 1;
export const STEP_MINUTES_MAX = 30;
/** a step left running longer than this (a forgotten meeting) counts as this long */
export const MAX_STEP_MS = 60 * 60_000;
/** a step timer turns "near" at this share of its target */
export const NEAR_SHARE = 0.8;

/** Default minutes per step: together the default 15-minute meeting. */
export const DEFAULT_STEP_MINUTES: Readonly<Record<MeetingStepId, number>> = {
  attendance: 2,
  safety: 3,
  goals: 3,
  improvements: 3,
  work: 3,
  skills: 2,
  closing: 1,
};

/**
 * Steps a new agenda has switched off: the skills matrix is personal data,
 * shown at the meeting only when the supervisor chooses it.
 */
export const OFF_BY_DEFAULT: ReadonlySet<MeetingStepId> = new Set(['skills']);

export function defaultAgenda(): MeetingAgendaStep[] {
  return MEETING_STEPS.map((step) => ({ step, enabled: !OFF_BY_DEFAULT.has(step), minutes: DEFAULT_STEP_MINUTES[step] }));
}

const clampInt = (n: unknown, min: number, max: number, fallback: number): number => {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.round(n) : fallback;
  return Math.min(max, Math.max(min, v));
};

/**
 * Every known step exactly once: the saved order first (unknown and repeated
 * steps dropped, minutes clamped), then any step the saved agenda lacks,
 * switched off (a workplace that customised its agenda chose its steps).
 * No saved agenda gives the default one.
 */
export function normalizeAgenda(saved: unknown): MeetingAgendaStep[] {
  if (!Array.isArray(saved) || saved.length === 0) return defaultAgenda();
  const out: MeetingAgendaStep[] = [];
  const seen = new Set<MeetingStepId>();
  for (const item of saved as Partial<MeetingAgendaStep>[]) {
    const step = item?.step;
    if (!step || !(MEETING_STEPS as readonly string[]).includes(step) || seen.has(step)) continue;
    seen.add(step);
    out.push({
      step,
      enabled: item.enabled !== false,
      minutes: clampInt(item.minutes, STEP_MINUTES_MIN, STEP_MINUTES_MAX, DEFAULT_STEP_MINUTES[step]),
    });
  }
  for (const step of MEETING_STEPS) {
    if (!seen.has(step)) out.push({ step, enabled: false, minutes: DEFAULT_STEP_MINUTES[step] });
  }
  return out;
}

export function meetingTargetMinutes(saved: unknown): number {
  return clampInt(saved, MEETING_MINUTES_MIN, MEETING_MINUTES_MAX, DEFAULT_MEETING_MINUTES);
}

export type AgendaError = 'meeting.error.noSteps' | 'meeting.error.minutes' | 'meeting.error.target';

/** Problems with an agenda a supervisor is about to save (empty = fine). */
export function validateAgenda(agenda: readonly MeetingAgendaStep[], targetMinutes: number): AgendaError[] {
  const errors: AgendaError[] = [];
  if (!agenda.some((s) => s.enabled)) errors.push('meeting.error.noSteps');
  if (agenda.some((s) => !Number.isInteger(s.minutes) || s.minutes < STEP_MINUTES_MIN || s.minutes > STEP_MINUTES_MAX)) {
    errors.push('meeting.error.minutes');
  }
  if (!Number.isInteger(targetMinutes) || targetMinutes < MEETING_MINUTES_MIN || targetMinutes > MEETING_MINUTES_MAX) {
    errors.push('meeting.error.target');
  }
  return errors;
}

/** Moves the step at `index` by `delta` places (clamped); a new array. */
export function moveAgendaStep(agenda: readonly MeetingAgendaStep[], index: number, delta: number): MeetingAgendaStep[] {
  const out = [...agenda];
  const to = Math.min(out.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= out.length || to === index) return out;
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}

export function setAgendaStep(agenda: readonly MeetingAgendaStep[], step: MeetingStepId, patch: Partial<Omit<MeetingAgendaStep, 'step'>>): MeetingAgendaStep[] {
  return agenda.map((s) =>
    s.step === step
      ? {
          ...s,
          ...patch,
          minutes: patch.minutes === undefined ? s.minutes : clampInt(patch.minutes, STEP_MINUTES_MIN, STEP_MINUTES_MAX, s.minutes),
        }
      : s,
  );
}

/** Sum of the enabled steps' minutes. */
export function agendaMinutes(agenda: readonly MeetingAgendaStep[]): number {
  return agenda.filter((s) => s.enabled).reduce((sum, s) => sum + s.minutes, 0);
}

// ---- a meeting's clock ---------------------------------------------------

export interface StepTime {
  step: MeetingStepId;
  ms: number;
}

export interface MeetingClock {
  startedAt: number;
  endedAt: number | null;
  steps: readonly StepTime[];
  current: number;
  /** when the step on screen was entered; null once the meeting ended */
  stepStartedAt?: number | null;
}

/** The record fields of a meeting that starts now with the agenda's enabled steps. */
export function startMeeting(agenda: readonly MeetingAgendaStep[], now: number): { startedAt: number; endedAt: null; steps: StepTime[]; current: number; stepStartedAt: number } {
  const steps: StepTime[] = agenda.filter((s) => s.enabled).map((s) => ({ step: s.step, ms: 0 }));
  if (steps.length === 0) steps.push({ step: 'closing', ms: 0 });
  return { startedAt: now, endedAt: null, steps, current: 0, stepStartedAt: now };
}

const running = (m: MeetingClock) => m.endedAt === null && typeof m.stepStartedAt === 'number';

/** Time spent on step `index` so far (the running step included). */
export function stepElapsedMs(m: MeetingClock, index: number, now: number): number {
  const base = m.steps[index]?.ms ?? 0;
  if (index !== m.current || !running(m)) return base;
  return base + Math.min(MAX_STEP_MS, Math.max(0, now - (m.stepStartedAt as number)));
}

/** Time spent on the whole meeting so far: the sum of its steps. */
export function totalElapsedMs(m: MeetingClock, now: number): number {
  return m.steps.reduce((sum, _s, i) => sum + stepElapsedMs(m, i, now), 0);
}

/** `steps` with the running step's time folded into its `ms`. */
function foldRunning(m: MeetingClock, now: number): StepTime[] {
  return m.steps.map((s, i) => ({ step: s.step, ms: stepElapsedMs(m, i, now) }));
}

/** The patch that puts step `index` on screen (clamped to the agenda); the old step keeps its time. */
export function goToStep(m: MeetingClock, index: number, now: number): { steps: StepTime[]; current: number; stepStartedAt: number } {
  const to = Math.min(m.steps.length - 1, Math.max(0, Math.trunc(index)));
  return { steps: foldRunning(m, now), current: to, stepStartedAt: now };
}

/** The patch that ends a meeting now; ending twice changes nothing. */
export function endMeeting(m: MeetingClock, now: number): { steps: StepTime[]; endedAt: number; stepStartedAt: null } {
  if (m.endedAt !== null) return { steps: [...m.steps], endedAt: m.endedAt, stepStartedAt: null };
  const steps = foldRunning(m, now);
  const endedAt = m.startedAt + steps.reduce((sum, s) => sum + s.ms, 0);
  return { steps, endedAt: Math.max(m.startedAt, Math.min(now, endedAt)), stepStartedAt: null };
}

/** A finished meeting's length: the sum of its steps (what the timers showed). */
export function meetingDurationMs(m: MeetingClock, now: number): number {
  return totalElapsedMs(m, now);
}

export type TimerState = 'ok' | 'near' | 'over';

/** 'ok' below 80 % of the target, 'near' up to it, 'over' past it. */
export function timerState(elapsedMs: number, targetMinutes: number): TimerState {
  const target = targetMinutes * 60_000;
  if (target <= 0) return 'over';
  if (elapsedMs > target) return 'over';
  if (elapsedMs >= target * NEAR_SHARE) return 'near';
  return 'ok';
}

/** 'm:ss' (minutes may exceed 59: a meeting is never an hour on purpose). */
export function formatClock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Whole minutes, rounded half up, for "12 of 15 min". */
export function roundMinutes(ms: number): number {
  return Math.round(Math.max(0, ms) / 60_000);
}

// ---- decisions -----------------------------------------------------------

/**
 * Adds a decision to the meeting's list. A later decision about the same
 * record and of the same kind replaces the earlier one (an idea moved twice
 * in one meeting was decided once: to where it ended up), keeping its place.
 */
export function withDecision(decisions: readonly MeetingDecision[], d: MeetingDecision): MeetingDecision[] {
  const i = decisions.findIndex((x) => x.kind === d.kind && x.refId === d.refId);
  if (i < 0) return [...decisions, d];
  const out = [...decisions];
  out[i] = d;
  return out;
}

/**
 * Where a finished pointer gesture goes: a mostly horizontal stroke of at
 * least `minDistance` px turns the page like a book (towards the reading
 * direction's end = next), anything else is a tap or a vertical scroll.
 */
export function swipeDirection(dx: number, dy: number, opts: { rtl?: boolean; minDistance?: number } = {}): 'next' | 'back' | null {
  const min = opts.minDistance ?? 80;
  if (Math.abs(dx) < min || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  const forward = opts.rtl ? dx > 0 : dx < 0;
  return forward ? 'next' : 'back';
}

/** The last open day before `date` ("yesterday" at the meeting: Friday on a Monday). */
export function previousOpenDay(date: Iso, openDays: readonly number[]): Iso {
  for (let back = 1; back <= 7; back++) {
    const d = addDays(date, -back);
    if (openDays.length === 0 || openDays.includes(isoWeekday(d))) return d;
  }
  return addDays(date, -1);
}
