/**
 * Meeting mode (/meeting): the morning board meeting as a guided agenda,
 * one step per screen, big enough to read from three metres.
 *
 * - Locked: a lock screen (the meeting is the supervisor's to lead). After
 *   an idle lock or a reload the supervisor enters the PIN here and lands
 *   back on the same step: the step and its timers live in the meeting
 *   record, not in this component.
 * - No meeting running today: the agenda and a big "Start meeting".
 * - Running: a bar with the agenda's steps (tap one to jump) and the total
 *   timer, the step with its own timer and a "read aloud" button, and big
 *   back / next buttons. A horizontal swipe turns the page too (pointer
 *   events with `touch-action: pan-y`, so vertical scrolling stays the
 *   browser's), and so do PageDown/PageUp (presentation clickers) and the
 *   arrow keys. "Read aloud" says the step's name and its question through
 *   the app's speech (recorded clips first, then the device's voice).
 */
import { useNavigate } from '@solidjs/router';
import { createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { useApp } from '../core/context';
import { PinDialog } from '../core/PinDialog';
import { PictoButton, PictoLink, Screen } from '../core/ui';
import type { MeetingStepId } from '../domain/types';
import { formatClock, swipeDirection, timerState } from '../domain/meeting';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { createBoardData } from '../core/board/boardData';
import { SpeakButton } from '../core/speech/SpeakButton';
import '../core/board/entry.css';
import '../core/board/goals.css';
import { AttendanceStep } from './steps/AttendanceStep';
import { STEP_PICTOGRAM } from './steps/catalog';
import { ClosingStep } from './steps/ClosingStep';
import { GoalsStep } from './steps/GoalsStep';
import { ImprovementsStep } from './steps/ImprovementsStep';
import { SafetyStep } from './steps/SafetyStep';
import { SkillsStep } from './steps/SkillsStep';
import { WorkStep } from './steps/WorkStep';
import { createMeetingStore, type MeetingStore } from './store';
import './meeting.css';

export default function MeetingPage() {
  const app = useApp();
  const store = createMeetingStore();
  return (
    <Show when={app.unlocked()} fallback={<LockedMeeting running={!!store.meeting()} />}>
      <Show when={store.meeting.ready()} fallback={<p class="meeting-loading">…</p>}>
        <Show when={store.meeting()} fallback={<StartMeeting store={store} />}>
          <RunningMeeting store={store} />
        </Show>
      </Show>
    </Show>
  );
}

function LockedMeeting(props: { running: boolean }) {
  const { t } = useI18n();
  const [asking, setAsking] = createSignal(false);
  return (
    <main class="meeting-locked" aria-labelledby="meeting-locked-title">
      <Pictogram id="meeting" class="meeting-hero" />
      <h1 id="meeting-locked-title" class="meeting-locked-title">
        {t('meeting.title')}
      </h1>
      <p class="meeting-locked-text">
        <Pictogram id="lock" />
        <span>{props.running ? t('meeting.locked') : t('meeting.onlySupervisor')}</span>
      </p>
      <div class="row meeting-locked-actions">
        <PictoButton pictogram="unlock" label={t('supervisor.unlock')} variant="primary" size="large" onClick={() => setAsking(true)} />
        <PictoLink href="/" pictogram="home" label={t('app.home')} />
        <PictoLink href="/meeting/log" pictogram="calendar" label={t('meeting.log')} />
      </div>
      <Show when={asking()}>
        <PinDialog onClose={() => setAsking(false)} />
      </Show>
    </main>
  );
}

function StartMeeting(props: { store: MeetingStore }) {
  const { t } = useI18n();
  const enabled = () => props.store.agenda().filter((s) => s.enabled);
  return (
    <Screen
      title={t('meeting.title')}
      pictogram="meeting"
      class="meeting-start-screen"
      actions={<PictoLink href="/meeting/log" pictogram="calendar" label={t('meeting.log')} />}
    >
      <section class="meeting-agenda-preview" aria-labelledby="meeting-agenda-title">
        <h2 id="meeting-agenda-title" class="meeting-subtitle">
          <Pictogram id="clock" />
          <span>{t('meeting.targetLength', { minutes: props.store.targetMinutes() })}</span>
        </h2>
        <ol class="meeting-agenda">
          <For each={enabled()}>
            {(s) => (
              <li>
                <Pictogram id={STEP_PICTOGRAM[s.step]} />
                <span class="meeting-agenda-name">{t(`meeting.step.${s.step}`)}</span>
                <span class="meeting-agenda-minutes">{t('meeting.minutes', { minutes: s.minutes })}</span>
              </li>
            )}
          </For>
        </ol>
      </section>
      <div class="row meeting-start-actions">
        <PictoButton pictogram="play" label={t('meeting.start')} variant="primary" size="large" class="meeting-start-button" onClick={() => void props.store.start()} />
        <PictoLink href="/supervisor/meeting" pictogram="edit" label={t('meeting.changeAgenda')} />
      </div>
    </Screen>
  );
}

function Timer(props: { label: string; elapsed: number; target: number; class?: string }) {
  const { t, digits } = useI18n();
  const state = () => timerState(props.elapsed, props.target);
  const share = () => (props.target > 0 ? Math.min(100, (props.elapsed / (props.target * 60_000)) * 100) : 100);
  return (
    <div class={`meeting-timer timer-${state()} ${props.class ?? ''}`} role="timer" data-state={state()}>
      <span class="meeting-timer-label">{props.label}</span>
      <span class="meeting-timer-row" aria-hidden="true">
        <Pictogram id={state() === 'over' ? 'warning' : 'stopwatch'} class="meeting-timer-icon" />
        <span class="meeting-timer-value">{digits(formatClock(props.elapsed))}</span>
        <Pictogram id="target" class="meeting-timer-icon small" />
        <span class="meeting-timer-target">{t('meeting.minutes', { minutes: props.target })}</span>
      </span>
      <span class="sr-only">{t('meeting.timeOfTarget', { elapsed: digits(formatClock(props.elapsed)), target: props.target })}</span>
      <span class="meeting-timer-bar" aria-hidden="true">
        <span style={{ width: `${share()}%` }} />
      </span>
    </div>
  );
}

function RunningMeeting(props: { store: MeetingStore }) {
  const { t, dir } = useI18n();
  const navigate = useNavigate();
  const board = createBoardData();
  // eslint-disable-next-line solid/reactivity -- the page's store object is created once and never replaced
  const s = props.store;
  const steps = () => s.meeting()?.steps ?? [];
  const stepName = (id: MeetingStepId) => t(`meeting.step.${id}`);

  /** what "read aloud" says on a step: its name, then the question the step asks */
  const spoken = () => {
    const id = s.step();
    return id ? [stepName(id), t(`meeting.say.${id}`)] : [];
  };

  const finish = async () => {
    const ended = await s.end();
    if (ended) navigate('/meeting/log');
  };

  const turn = (where: 'next' | 'back') => {
    if (where === 'next' && !s.isLast()) void s.next();
    else if (where === 'back' && s.index() > 0) void s.back();
  };

  // A swipe: remembered from pointerdown, judged on pointerup. Gestures that start in a dialog are the dialog's.
  let swipe: { x: number; y: number; id: number } | null = null;
  const onPointerDown = (e: PointerEvent) => {
    if (!e.isPrimary || (e.target as Element | null)?.closest?.('.dialog-backdrop')) return;
    swipe = { x: e.clientX, y: e.clientY, id: e.pointerId };
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!swipe || e.pointerId !== swipe.id) return;
    const where = swipeDirection(e.clientX - swipe.x, e.clientY - swipe.y, { rtl: dir() === 'rtl' });
    swipe = null;
    if (where) turn(where);
  };

  // While the meeting runs, talking without touching must not lock supervisor mode.
  const app = useApp();
  onCleanup(app.holdUnlocked());

  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || target?.closest?.('input, textarea, select, [role="dialog"]') || document.querySelector('.dialog-backdrop')) return;
      const forward = dir() === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
      const backward = dir() === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
      if (e.key === 'PageDown' || e.key === forward) turn('next');
      else if (e.key === 'PageUp' || e.key === backward) turn('back');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  return (
    <main class={`meeting-screen step-${s.step() ?? 'none'}`} aria-labelledby="meeting-step-title" data-step={s.step()}>
      <header class="meeting-bar">
        <PictoLink href="/" pictogram="home" label={t('app.home')} class="home-link" />
        <nav class="meeting-progress-nav" aria-label={t('meeting.agenda')}>
          <ol class="meeting-progress">
            <For each={steps()}>
              {(st, i) => (
                <li>
                  <button
                    type="button"
                    class={`meeting-progress-step ${i() === s.index() ? 'is-current' : ''} ${i() < s.index() ? 'is-past' : ''}`}
                    aria-label={t('meeting.goToStep', { step: stepName(st.step) })}
                    aria-current={i() === s.index() ? 'step' : undefined}
                    onClick={() => void s.goTo(i())}
                  >
                    <Pictogram id={STEP_PICTOGRAM[st.step]} />
                  </button>
                </li>
              )}
            </For>
          </ol>
        </nav>
        <Timer label={t('meeting.totalTime')} elapsed={s.totalElapsed()} target={s.meeting()?.targetMinutes ?? s.targetMinutes()} class="meeting-total" />
      </header>
      <section class="meeting-step" onPointerDown={onPointerDown} onPointerUp={onPointerUp} onPointerCancel={() => (swipe = null)}>
        <div class="meeting-step-head">
          <Show when={s.step()}>{(id) => <Pictogram id={STEP_PICTOGRAM[id()]} class="meeting-step-icon" />}</Show>
          <div class="meeting-step-titles">
            <p class="meeting-step-count">{t('meeting.stepOf', { n: s.index() + 1, total: steps().length })}</p>
            <h1 id="meeting-step-title" class="meeting-step-title">
              {s.step() ? stepName(s.step()!) : ''}
            </h1>
          </div>
          <Timer label={t('meeting.stepTime')} elapsed={s.stepElapsed()} target={s.stepTargetMinutes(s.step())} class="meeting-step-timer" />
          <SpeakButton items={spoken} class="meeting-speak" />
        </div>
        <div class="meeting-step-body">
          <Switch>
            <Match when={s.step() === 'attendance'}>
              <AttendanceStep store={s} board={board} />
            </Match>
            <Match when={s.step() === 'safety'}>
              <SafetyStep store={s} board={board} />
            </Match>
            <Match when={s.step() === 'goals'}>
              <GoalsStep board={board} />
            </Match>
            <Match when={s.step() === 'improvements'}>
              <ImprovementsStep store={s} board={board} />
            </Match>
            <Match when={s.step() === 'work'}>
              <WorkStep store={s} board={board} />
            </Match>
            <Match when={s.step() === 'skills'}>
              <SkillsStep />
            </Match>
            <Match when={s.step() === 'closing'}>
              <ClosingStep store={s} board={board} />
            </Match>
          </Switch>
        </div>
      </section>
      <footer class="meeting-nav">
        <PictoButton pictogram="previous" label={t('meeting.back')} size="large" class="meeting-back" disabled={s.index() === 0} onClick={() => turn('back')} />
        <Show
          when={!s.isLast()}
          fallback={<PictoButton pictogram="check" label={t('meeting.end')} variant="primary" size="large" class="meeting-next" onClick={() => void finish()} />}
        >
          <PictoButton pictogram="next" label={t('meeting.next')} variant="primary" size="large" class="meeting-next" onClick={() => turn('next')} />
        </Show>
      </footer>
    </main>
  );
}
