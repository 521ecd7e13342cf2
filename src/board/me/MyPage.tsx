/**
 * A participant's own page (`/me`, `/me/:personId`): "my week" in pictures.
 *
 *   /me            tap your face (the same big faces as check-in)
 *   /me/:personId  your picture PIN if you have one, then your page:
 *                  - your plan and where you are on the job ladder, and
 *                    what you are learning (MyGrowth.tsx, issue 14),
 *                  - the days of this week with your attendance,
 *                  - the workplace's goals with the taps you added (and +1),
 *                  - your ideas and what became of them (PDCA pictograms).
 *
 * Only the person's own records are shown (ideas they proposed, their marks,
 * their taps); the goals are the team's and carry no personal data. The page
 * is shown in the person's preferred language when the app has it, and says
 * their name aloud when it opens. Unlocking with the picture PIN lasts as
 * long as the page is open: leaving it, the idle return to the board or a
 * reload asks again. Wrong PINs lock the pad with the supervisor PIN's
 * growing lock-out, per person and device (domain/pin, domain/picturePin).
 */
import { Navigate, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show, type ParentProps } from 'solid-js';
import { useApp } from '../../core/context';
import { createLive } from '../../core/live';
import { usePrefs } from '../../core/prefs';
import { createLockoutCountdown, createLockoutGate } from '../../core/lockout';
import { EmptyNote, FaceImage, PictoButton, Screen, TitledSection } from '../../core/ui';
import type { AttendanceMark, Person } from '../../domain/types';
import { addDays, eachDay, isoWeekday, parseIsoDate, startOfIsoWeek } from '../../domain/dates';
import { periodRange } from '../../domain/goals';
import { picturePinLockKey, verifyPicturePin } from '../../domain/picturePin';
import { I18nProvider, LANGUAGES, useI18n } from '../../i18n';
import { playConfirmation } from '../../core/sound';
import { useSpeechOptional } from '../../core/speech/SpeechProvider';
import { ATTENDANCE_PICTOGRAM, PDCA_PICTOGRAM, STATUS_PICTOGRAM, WEEKDAY_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createGoalViews, type GoalView } from '../../core/board/goalStatus';
import { createBoardData } from '../../core/board/boardData';
import { PicturePinDialog } from '../../core/board/PicturePinDialog';
import { PicturePinPad } from '../../core/board/PicturePinPad';
import { FaceGrid } from '../../core/board/FaceGrid';
import { MyGrowth } from './MyGrowth';
import './me.css';

/** The most check pictograms shown for one's own taps on a goal; more are counted in words. */
const MAX_TAP_MARKS = 8;

/** The page in the person's language, when the app has it; the board's language otherwise. */
function InPersonLanguage(props: ParentProps<{ lang: string }>) {
  const outer = useI18n();
  // The nested provider sets <html lang dir>; give the board's back when the page closes.
  onCleanup(() => {
    document.documentElement.lang = outer.lang();
    document.documentElement.dir = outer.dir();
  });
  return (
    <I18nProvider initial={props.lang}>
      <div class="me-language" lang={props.lang}>
        {props.children}
      </div>
    </I18nProvider>
  );
}

function ChooseYourself() {
  const app = useApp();
  const { t } = useI18n();
  const navigate = useNavigate();
  const people = app.lookups.people;
  return (
    <Screen title={t('me.title')} pictogram="person" class="me-screen me-choose">
      <p class="hint">
        <Pictogram id="tap" />
        <span>{t('me.chooseYou')}</span>
      </p>
      <FaceGrid
        people={people()}
        onTap={(p) => navigate(`/me/${p.id}`)}
        slot={(p) => (
          <Show when={p.picturePin}>
            <Pictogram id="lock" class="me-face-lock" />
          </Show>
        )}
      />
    </Screen>
  );
}

function PinGate(props: { person: Person; onUnlocked: () => void }) {
  const app = useApp();
  const { prefs } = usePrefs();
  const { t } = useI18n();
  const [error, setError] = createSignal<'wrong' | 'locked' | null>(null);
  const [checking, setChecking] = createSignal(false);
  const countdown = createLockoutCountdown(app.clock);
  const waitSeconds = countdown.waitSeconds;
  const gate = () => createLockoutGate(app.repos.settings, picturePinLockKey(props.person.id), app.clock.now);

  // A lock-out from earlier (or from before a reload) shows at once.
  onMount(async () => {
    const remaining = await gate().remaining();
    if (remaining > 0) {
      countdown.lockFor(remaining);
      setError('locked');
    }
  });

  const submit = async (symbols: string[]) => {
    if (checking() || waitSeconds() > 0) return;
    setChecking(true);
    try {
      const result = await gate().attempt(() => verifyPicturePin(symbols, props.person.picturePin));
      if (result.ok) {
        if (prefs().sounds) playConfirmation('success');
        props.onUnlocked();
        return;
      }
      countdown.lockFor(result.lockedForMs);
      setError(result.lockedForMs > 0 ? 'locked' : 'wrong');
      if (prefs().sounds) playConfirmation('error');
    } catch (err) {
      app.reportError(err);
    } finally {
      setChecking(false);
    }
  };

  return (
    <div class="me-gate">
      <div class="me-gate-face">
        <FaceImage person={props.person} class="me-face" />
        <span class="me-gate-name">{props.person.firstName}</span>
      </div>
      <PicturePinPad
        title={t('me.pin.enter')}
        disabled={checking() || waitSeconds() > 0}
        onComplete={(s) => void submit(s)}
        message={
          <Show when={error()}>
            <p class={`picture-pin-message error ${waitSeconds() > 0 ? 'locked' : 'wrong'}`} role="alert">
              <Pictogram id={waitSeconds() > 0 ? 'clock' : 'cancel'} />
              <span>{waitSeconds() > 0 ? t('me.pin.locked', { seconds: waitSeconds() }) : t('me.pin.wrong')}</span>
            </p>
          </Show>
        }
      />
    </div>
  );
}

function OwnWeek(props: { person: Person }) {
  const app = useApp();
  const { t, pl, formatDate } = useI18n();
  const board = createBoardData();
  const goals = createGoalViews(board);
  const viewById = createMemo(() => new Map(goals().map((v) => [v.goal.id, v])));
  const goalIds = createMemo(
    () => goals().map((v) => v.goal.id),
    undefined,
    { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) },
  );
  const [settingPin, setSettingPin] = createSignal(false);
  const me = () => props.person.id;

  const speech = useSpeechOptional();
  // Your name, aloud, in your language (your recorded name first): the page is yours.
  onMount(() => void speech?.speakPerson(props.person));

  const monday = () => startOfIsoWeek(app.today());
  const days = createMemo(() => {
    const open = app.workplace()?.openDays ?? [1, 2, 3, 4, 5];
    return eachDay(monday(), addDays(monday(), 6)).filter((d) => open.includes(isoWeekday(d)));
  });
  const weekMarks = createLive(
    () => {
      const wp = app.workplaceId();
      return wp ? ([wp, monday()] as const) : null;
    },
    ([wp, from]) => app.repos.attendance.between(wp, from, addDays(from, 6)),
    [] as AttendanceMark[],
  );
  // Only this person's records from here on.
  const myMarks = createMemo(() => new Map(weekMarks().filter((m) => m.personId === me()).map((m) => [m.date, m])));
  const myIdeas = createMemo(() =>
    board
      .improvements()
      .filter((i) => i.proposedBy === me())
      .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt),
  );
  const myTaps = (v: GoalView) => {
    const [from, to] = periodRange(v.goal.period, app.today());
    return board
      .progress()
      .filter((p) => p.goalId === v.goal.id && p.personId === me() && p.date >= from && p.date <= to)
      .reduce((sum, p) => sum + p.amount, 0);
  };

  const goalLabel = (v: GoalView) => v.goal.text || pl(v.goal.pictogramId);
  const target = (v: GoalView) => (v.goal.target.kind === 'count' ? v.goal.target.target : 1);

  const addOne = async (v: GoalView) => {
    const wp = app.workplaceId();
    if (!wp || v.goal.target.kind !== 'count') return;
    const [day, personId] = [app.today(), me()];
    const entry = await app.run(() => app.repos.goals.addProgress(wp, v.goal.id, day, 1, personId));
    if (!entry) return;
    app.notify({
      kind: 'success',
      pictogram: v.goal.pictogramId,
      message: 'goals.added',
      params: { goal: goalLabel(v), progress: v.progress + 1, target: target(v) },
      undo: () => app.repos.goals.undoProgress(entry.id),
    });
  };

  const dayStatus = (day: string) => myMarks().get(day)?.status ?? null;
  const dayWord = (day: string) => {
    const s = dayStatus(day);
    if (s) return t(`status.${s}`);
    return day > app.today() ? t('me.notYet') : t('me.notMarked');
  };

  return (
    <>
      <div class="me-hero">
        <FaceImage person={props.person} class="me-face" />
        <PictoButton
          pictogram="lock"
          label={props.person.picturePin ? t('me.pin.change') : t('me.pin.set')}
          class="me-pin-button"
          onClick={() => setSettingPin(true)}
        />
      </div>

      <MyGrowth person={props.person} />

      <TitledSection id="me-week-title" pictogram="calendar" title={t('me.week')} class="me-section me-week" headingClass="me-section-title">
        <ul class="me-days" role="list">
          <For each={days()}>
            {(day) => (
              <li
                class={`me-day status-${dayStatus(day) ?? 'none'} ${day === app.today() ? 'is-today' : ''} ${day > app.today() ? 'is-future' : ''}`}
                data-date={day}
              >
                <Pictogram id={WEEKDAY_PICTOGRAM[isoWeekday(day)]} class="me-day-icon" />
                <span class="me-day-name">{formatDate(parseIsoDate(day), { weekday: 'short' })}</span>
                <Show when={dayStatus(day)} fallback={<span class="me-day-empty" aria-hidden="true" />}>
                  {(s) => <Pictogram id={ATTENDANCE_PICTOGRAM[s()]} class="me-day-status" />}
                </Show>
                <span class="sr-only">{dayWord(day)}</span>
              </li>
            )}
          </For>
        </ul>
      </TitledSection>

      <TitledSection id="me-goals-title" pictogram="target" title={t('me.goals')} class="me-section me-goals" headingClass="me-section-title">
        <Show
          when={goals().length > 0}
          fallback={
            <EmptyNote pictogram="target" text={t('goals.none')} />
          }
        >
          <ul class="me-goal-list" role="list">
            <For each={goalIds()}>
              {(id) => {
                // keyed by id (live queries hand out new objects on every change), so the button
                // under a finger stays the same element while its goal's progress updates
                const v = createMemo<GoalView>((last) => (viewById().get(id) ?? last) as GoalView);
                return (
                  <li class={`me-goal color-${v().color}`} data-goal-id={v().goal.id}>
                    <Pictogram id={v().goal.pictogramId} class="me-goal-icon" />
                    <div class="me-goal-main">
                      <h3 class="me-goal-title">
                        <Pictogram id={STATUS_PICTOGRAM[v().color]} class="me-goal-status" />
                        <span>{goalLabel(v())}</span>
                        <span class="sr-only">{t(`goals.status.${v().color}`)}</span>
                      </h3>
                      <p class="me-goal-team">{t('goals.progress', { progress: v().progress, target: target(v()) })}</p>
                      <p class="me-goal-mine" data-taps={myTaps(v())}>
                        <span class="me-taps" aria-hidden="true">
                          <For each={Array.from({ length: Math.min(myTaps(v()), MAX_TAP_MARKS) })}>{() => <Pictogram id="check" class="me-tap" />}</For>
                        </span>
                        <span>{t('me.myTaps', { count: myTaps(v()) })}</span>
                      </p>
                    </div>
                    <Show when={v().goal.target.kind === 'count'}>
                      <PictoButton
                        pictogram="plus"
                        label="+1"
                        aria-label={t('goals.addOne', { goal: goalLabel(v()) })}
                        variant="primary"
                        class="me-goal-add"
                        onClick={() => void addOne(v())}
                      />
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        </Show>
      </TitledSection>

      <TitledSection id="me-ideas-title" pictogram="idea" title={t('me.ideas')} class="me-section me-ideas" headingClass="me-section-title">
        <Show
          when={myIdeas().length > 0}
          fallback={
            <EmptyNote pictogram="idea" text={t('me.noIdeas')} />
          }
        >
          <ul class="me-idea-list" role="list">
            <For each={myIdeas()}>
              {(idea) => (
                <li class={`me-idea status-${idea.status}`} data-idea-id={idea.id}>
                  <Pictogram id={idea.pictogramId ?? 'idea'} class="me-idea-icon" />
                  <Pictogram id="next" class="me-idea-arrow" />
                  <Pictogram id={PDCA_PICTOGRAM[idea.status]} class="me-idea-status" />
                  <span class="me-idea-words">
                    <span class="me-idea-status-word">{t(`improvement.status.${idea.status}`)}</span>
                    <Show when={idea.text}>
                      <span class="me-idea-text">{idea.text}</span>
                    </Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </TitledSection>

      <Show when={settingPin()}>
        <PicturePinDialog
          person={props.person}
          onClose={() => setSettingPin(false)}
        />
      </Show>
    </>
  );
}

function OwnPage(props: { personId: string }) {
  const app = useApp();
  const outer = useI18n();
  const navigate = useNavigate();
  const people = createLive(() => app.workplaceId(), (id) => app.repos.persons.list(id), [] as Person[]);
  const person = () => people().find((p) => p.id === props.personId);
  /** 'open' once the PIN was right (or there is none); decided when the person first loads */
  const [gate, setGate] = createSignal<'unknown' | 'locked' | 'open'>('unknown');

  createEffect(() => {
    if (!people.ready()) return;
    const p = person();
    if (!p) {
      app.notify({ kind: 'error', pictogram: 'person', message: 'me.notFound' });
      navigate('/me', { replace: true });
      return;
    }
    if (gate() === 'unknown') setGate(p.picturePin ? 'locked' : 'open');
  });

  const lang = () => {
    const l = person()?.language;
    return l && LANGUAGES.some((x) => x.code === l) ? l : outer.lang();
  };

  return (
    <Show when={person()} fallback={<Screen title={outer.t('me.title')} pictogram="person" class="me-screen" />}>
      {(p) => (
        <Show when={lang()} keyed>
          {(l) => (
            <InPersonLanguage lang={l}>
              <PersonScreen person={p()}>
                <Show when={gate() === 'open'} fallback={<Show when={gate() === 'locked'}><PinGate person={p()} onUnlocked={() => setGate('open')} /></Show>}>
                  <OwnWeek person={p()} />
                </Show>
              </PersonScreen>
            </InPersonLanguage>
          )}
        </Show>
      )}
    </Show>
  );
}

/** The frame of one person's page, in their language (inside InPersonLanguage). */
function PersonScreen(props: ParentProps<{ person: Person }>) {
  const { t } = useI18n();
  return (
    <Screen
      title={t('me.pageOf', { name: props.person.firstName })}
      pictogram="person"
      class="me-screen me-own"
      actions={<PictoLinkBack label={t('me.others')} />}
    >
      {props.children}
    </Screen>
  );
}

/** "Someone else": back to the faces. */
function PictoLinkBack(props: { label: string }) {
  const navigate = useNavigate();
  return <PictoButton pictogram="people" label={props.label} onClick={() => navigate('/me')} />;
}

export default function MyPage() {
  const params = useParams();
  const app = useApp();
  return (
    <Show when={app.workplaceId()} fallback={<Navigate href="/" />}>
      <Show when={params.personId} keyed fallback={<ChooseYourself />}>
        {(id) => <OwnPage personId={id} />}
      </Show>
    </Show>
  );
}
