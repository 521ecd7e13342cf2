/**
 * The meeting screen's store: today's running meeting (a live query, so a
 * reload, a second tablet or an idle lock all land on the same step), the
 * workplace's agenda, a one-second tick of the app clock for the timers
 * (only while a meeting runs: an idle meeting screen costs nothing), and the
 * actions. The meeting is keyed by the app clock's today, so at midnight a
 * board left on the meeting screen shows the new day's (not yet started) one.
 *
 * Every action checks supervisor mode again: a lock in between wins. A
 * decision (move an idea, change a deviation's status, assign a task, mark
 * attendance) goes through `decide`, which makes the change with the usual
 * repository and records it in the meeting in the same transaction, and
 * answers with a notice (feedback on every decision).
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { NewNotice } from '../core/notices';
import { DECISION_PICTOGRAM } from './steps/catalog';
import { useApp } from '../core/context';
import { createLive } from '../core/live';
import type { Meeting, MeetingDecisionKind, MeetingStepId } from '../domain/types';
import { meetingTargetMinutes, normalizeAgenda, stepElapsedMs, totalElapsedMs } from '../domain/meeting';

export function createMeetingStore(tickMs = 1000) {
  const app = useApp();
  const { repos } = app;
  const key = () => (app.workplaceId() ? ([app.workplaceId()!, app.today()] as const) : null);
  const meeting = createLive(key, ([id, day]) => repos.meetings.running(id, day), undefined as Meeting | undefined);
  const agenda = () => normalizeAgenda(app.workplace()?.meetingAgenda);
  const targetMinutes = () => meetingTargetMinutes(app.workplace()?.meetingTargetMinutes);

  const [now, setNow] = createSignal(app.clock.now());
  const running = () => {
    const m = meeting();
    return !!m && m.endedAt === null;
  };
  createEffect(() => {
    if (!running()) return;
    setNow(app.clock.now());
    onCleanup(app.clock.every(tickMs, setNow));
  });

  const index = () => meeting()?.current ?? 0;
  const step = (): MeetingStepId | undefined => meeting()?.steps[index()]?.step;
  const stepTargetMinutes = (s: MeetingStepId | undefined) => agenda().find((a) => a.step === s)?.minutes ?? 0;
  const isLast = () => {
    const m = meeting();
    return !!m && m.current >= m.steps.length - 1;
  };

  /** guards every write: a supervisor, a workplace, a running meeting */
  const current = () => (app.unlocked() ? meeting() : undefined);

  async function start() {
    const wp = app.workplace();
    if (!wp || !app.unlocked()) return undefined;
    return app.run(() => repos.meetings.start(wp.id, { date: app.today(), agenda: agenda(), targetMinutes: targetMinutes() }));
  }

  async function goTo(i: number) {
    const m = current();
    if (!m || i === m.current || i < 0 || i >= m.steps.length) return;
    setNow(app.clock.now());
    await app.run(() => repos.meetings.goTo(m.id, i));
  }

  async function end() {
    const m = current();
    if (!m) return undefined;
    const ended = await app.run(() => repos.meetings.end(m.id));
    if (ended) app.notify({ kind: 'success', pictogram: 'applause', message: 'meeting.ended' });
    return ended;
  }

  /**
   * A decision taken on the current step: `apply` changes the board through
   * its repository; the meeting records it with `kind`, the changed
   * record's id and the new value.
   */
  async function decide<T>(
    kind: MeetingDecisionKind,
    refId: string,
    value: string,
    apply: () => Promise<T>,
    notice?: Pick<NewNotice, 'pictogram' | 'message' | 'params' | 'personId'>,
  ): Promise<T | undefined> {
    const m = current();
    const s = step();
    if (!m || !s) return undefined;
    let done = false;
    const result = await app.run(async () => {
      const r = await repos.meetings.decide(m.id, { kind, refId, value, step: s }, apply);
      done = true;
      return r;
    });
    // every decision answers: what was decided, in a notice (a failure already became an error notice)
    if (done) app.notify({ kind: 'success', pictogram: DECISION_PICTOGRAM[kind], message: 'meeting.decisionSaved', ...notice });
    return result;
  }

  return {
    meeting,
    agenda,
    targetMinutes,
    now: now as Accessor<number>,
    index,
    step,
    isLast,
    stepTargetMinutes,
    stepElapsed: () => {
      const m = meeting();
      return m ? stepElapsedMs(m, m.current, now()) : 0;
    },
    totalElapsed: () => {
      const m = meeting();
      return m ? totalElapsedMs(m, now()) : 0;
    },
    start,
    goTo,
    next: () => goTo(index() + 1),
    back: () => goTo(index() - 1),
    end,
    decide,
  };
}

export type MeetingStore = ReturnType<typeof createMeetingStore>;
