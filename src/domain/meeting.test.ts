import { describe, expect, it } from 'vitest';
import { MEETING_STEPS, type MeetingDecision } from './types';
import {
  agendaMinutes,
  DEFAULT_MEETING_MINUTES,
  defaultAgenda,
  endMeeting,
  formatClock,
  goToStep,
  MAX_STEP_MS,
  meetingTargetMinutes,
  moveAgendaStep,
  normalizeAgenda,
  previousOpenDay,
  roundMinutes,
  setAgendaStep,
  startMeeting,
  stepElapsedMs,
  swipeDirection,
  timerState,
  totalElapsedMs,
  validateAgenda,
  withDecision,
  type MeetingClock,
} from './meeting';

const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 7, 30);

describe('agenda', () => {
  it('the default agenda has every step, in order, switched on but "who can do what", adding up to the default 15 minutes', () => {
    const agenda = defaultAgenda();
    expect(agenda.map((s) => s.step)).toEqual([...MEETING_STEPS]);
    expect(agenda.filter((s) => !s.enabled).map((s) => s.step)).toEqual(['skills']);
    expect(agendaMinutes(agenda)).toBe(DEFAULT_MEETING_MINUTES);
    expect(startMeeting(agenda, T0).steps.map((s) => s.step)).not.toContain('skills');
  });

  it('an agenda saved before "who can do what" existed keeps it off, and a supervisor can switch it on', () => {
    const old = ['attendance', 'safety', 'goals', 'improvements', 'work', 'closing'].map((step) => ({ step, enabled: true, minutes: 2 }));
    const agenda = normalizeAgenda(old);
    expect(agenda.find((s) => s.step === 'skills')).toEqual({ step: 'skills', enabled: false, minutes: 2 });
    expect(agenda.filter((s) => s.enabled)).toHaveLength(6);
    const on = setAgendaStep(agenda, 'skills', { enabled: true });
    expect(normalizeAgenda(on).find((s) => s.step === 'skills')!.enabled).toBe(true);
    expect(startMeeting(on, T0).steps.map((s) => s.step)).toContain('skills');
  });

  it('no saved agenda, or garbage, reads as the default agenda', () => {
    expect(normalizeAgenda(undefined)).toEqual(defaultAgenda());
    expect(normalizeAgenda([])).toEqual(defaultAgenda());
    expect(normalizeAgenda('nonsense')).toEqual(defaultAgenda());
  });

  it('keeps the saved order, drops unknown and repeated steps, clamps minutes and adds missing steps switched off', () => {
    const agenda = normalizeAgenda([
      { step: 'work', enabled: true, minutes: 4 },
      { step: 'dance', enabled: true, minutes: 2 },
      { step: 'attendance', enabled: false, minutes: 99 },
      { step: 'work', enabled: false, minutes: 1 },
      { step: 'goals', minutes: -3 },
    ]);
    expect(agenda.map((s) => s.step)).toEqual(['work', 'attendance', 'goals', 'safety', 'improvements', 'skills', 'closing']);
    expect(agenda[0]).toEqual({ step: 'work', enabled: true, minutes: 4 });
    expect(agenda[1]).toEqual({ step: 'attendance', enabled: false, minutes: 30 });
    expect(agenda[2]).toEqual({ step: 'goals', enabled: true, minutes: 1 });
    expect(agenda.slice(3).every((s) => !s.enabled)).toBe(true);
  });

  it('moves a step up and down, never past either end', () => {
    const agenda = defaultAgenda();
    expect(moveAgendaStep(agenda, 1, -1).map((s) => s.step).slice(0, 2)).toEqual(['safety', 'attendance']);
    expect(moveAgendaStep(agenda, 0, -1)).toEqual(agenda);
    expect(moveAgendaStep(agenda, agenda.length - 1, 1)).toEqual(agenda);
    expect(moveAgendaStep(agenda, 0, 1).map((s) => s.step).slice(0, 2)).toEqual(['safety', 'attendance']);
  });

  it('switches a step and changes its minutes within limits', () => {
    let agenda = setAgendaStep(defaultAgenda(), 'goals', { enabled: false });
    expect(agenda.find((s) => s.step === 'goals')!.enabled).toBe(false);
    expect(agendaMinutes(agenda)).toBe(12);
    agenda = setAgendaStep(agenda, 'work', { minutes: 500 });
    expect(agenda.find((s) => s.step === 'work')!.minutes).toBe(30);
  });

  it('refuses an agenda with no step switched on, and a silly target', () => {
    const off = defaultAgenda().map((s) => ({ ...s, enabled: false }));
    expect(validateAgenda(off, 15)).toEqual(['meeting.error.noSteps']);
    expect(validateAgenda(defaultAgenda(), 0)).toEqual(['meeting.error.target']);
    expect(validateAgenda(defaultAgenda(), 15)).toEqual([]);
    expect(meetingTargetMinutes(undefined)).toBe(15);
    expect(meetingTargetMinutes(500)).toBe(60);
  });
});

describe('meeting clock', () => {
  const started = (): MeetingClock => startMeeting(defaultAgenda(), T0);

  it('starts on the first enabled step with every step at zero', () => {
    const agenda = setAgendaStep(defaultAgenda(), 'attendance', { enabled: false });
    const m = startMeeting(agenda, T0);
    expect(m.steps.map((s) => s.step)).toEqual(['safety', 'goals', 'improvements', 'work', 'closing']);
    expect(m.current).toBe(0);
    expect(m.stepStartedAt).toBe(T0);
    expect(totalElapsedMs(m, T0)).toBe(0);
  });

  it('the running step counts from when it was entered; the others keep what they had', () => {
    let m = started();
    expect(stepElapsedMs(m, 0, T0 + 90_000)).toBe(90_000);
    m = { ...m, ...goToStep(m, 1, T0 + 2 * MIN) };
    expect(m.steps[0]!.ms).toBe(2 * MIN);
    expect(stepElapsedMs(m, 0, T0 + 10 * MIN)).toBe(2 * MIN);
    expect(stepElapsedMs(m, 1, T0 + 3 * MIN)).toBe(MIN);
    expect(totalElapsedMs(m, T0 + 3 * MIN)).toBe(3 * MIN);
  });

  it('going back to a step adds to its earlier time', () => {
    let m = started();
    m = { ...m, ...goToStep(m, 1, T0 + MIN) };
    m = { ...m, ...goToStep(m, 0, T0 + 2 * MIN) };
    expect(stepElapsedMs(m, 0, T0 + 150_000)).toBe(MIN + 30_000);
    expect(m.steps[1]!.ms).toBe(MIN);
  });

  it('resumes after a reload: the stored record alone gives the same times', () => {
    let m = started();
    m = { ...m, ...goToStep(m, 2, T0 + 4 * MIN) };
    const reloaded: MeetingClock = JSON.parse(JSON.stringify(m));
    expect(reloaded.current).toBe(2);
    expect(stepElapsedMs(reloaded, 2, T0 + 5 * MIN)).toBe(MIN);
    expect(totalElapsedMs(reloaded, T0 + 5 * MIN)).toBe(5 * MIN);
  });

  it('clamps the step index to the agenda', () => {
    const m = started();
    expect(goToStep(m, 99, T0).current).toBe(m.steps.length - 1);
    expect(goToStep(m, -2, T0).current).toBe(0);
  });

  it('a clock set backwards never gives negative time', () => {
    const m = started();
    expect(stepElapsedMs(m, 0, T0 - 5 * MIN)).toBe(0);
  });

  it('ending stops the clock; ending again changes nothing', () => {
    let m = started();
    m = { ...m, ...goToStep(m, 1, T0 + 3 * MIN) };
    m = { ...m, ...endMeeting(m, T0 + 5 * MIN) };
    expect(m.endedAt).toBe(T0 + 5 * MIN);
    expect(m.stepStartedAt).toBeNull();
    expect(totalElapsedMs(m, T0 + 60 * MIN)).toBe(5 * MIN);
    expect(endMeeting(m, T0 + 90 * MIN).endedAt).toBe(T0 + 5 * MIN);
  });

  it('a meeting nobody ended counts a forgotten step as at most an hour', () => {
    const m = started();
    expect(stepElapsedMs(m, 0, T0 + 20 * 60 * MIN)).toBe(MAX_STEP_MS);
    const ended = endMeeting(m, T0 + 20 * 60 * MIN);
    expect(ended.endedAt).toBe(T0 + MAX_STEP_MS);
  });

  it('timer colours: ok below 80 %, near up to the target, over past it', () => {
    expect(timerState(2 * MIN, 3)).toBe('ok');
    expect(timerState(2.5 * MIN, 3)).toBe('near');
    expect(timerState(3 * MIN, 3)).toBe('near');
    expect(timerState(3 * MIN + 1000, 3)).toBe('over');
  });

  it('formats a clock as m:ss and rounds minutes', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(65_400)).toBe('1:05');
    expect(formatClock(75 * MIN)).toBe('75:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(roundMinutes(90_000)).toBe(2);
    expect(roundMinutes(89_000)).toBe(1);
  });
});

describe('decisions', () => {
  const d = (refId: string, value: string, at: number, kind: MeetingDecision['kind'] = 'moveIdea'): MeetingDecision => ({ kind, refId, value, at, step: 'improvements' });

  it('adds decisions in order; a later one about the same record replaces the earlier in place', () => {
    let list = withDecision([], d('a', 'planned', 1));
    list = withDecision(list, d('b', 'doing', 2));
    list = withDecision(list, d('a', 'doing', 3));
    expect(list).toEqual([d('a', 'doing', 3), d('b', 'doing', 2)]);
  });

  it('different kinds about the same record are separate decisions', () => {
    const list = withDecision([d('x', 'solved', 1, 'deviationStatus')], d('x', 'p1', 2, 'assignTask'));
    expect(list).toHaveLength(2);
  });
});

describe('swipes and days', () => {
  it('a long horizontal stroke turns the page; short or vertical ones do not', () => {
    expect(swipeDirection(-120, 10)).toBe('next');
    expect(swipeDirection(120, 10)).toBe('back');
    expect(swipeDirection(-40, 0)).toBeNull();
    expect(swipeDirection(-120, 100)).toBeNull();
  });

  it('right-to-left languages turn pages the other way', () => {
    expect(swipeDirection(120, 0, { rtl: true })).toBe('next');
    expect(swipeDirection(-120, 0, { rtl: true })).toBe('back');
  });

  it('yesterday at a Monday meeting is the Friday before when weekends are closed', () => {
    expect(previousOpenDay('2026-03-02', [1, 2, 3, 4, 5])).toBe('2026-02-27');
    expect(previousOpenDay('2026-03-03', [1, 2, 3, 4, 5])).toBe('2026-03-02');
    expect(previousOpenDay('2026-03-02', [])).toBe('2026-03-01');
  });
});
