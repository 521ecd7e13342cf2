/**
 * The meeting log (/meeting/log): every meeting held, newest first — the
 * day, how long it took against its target (colour, pictogram and words),
 * who attended as faces, the time per step, and the decisions as
 * pictograms. Anyone can look; nothing here changes anything.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../core/context';
import { createLive } from '../core/live';
import { PictoLink, Screen } from '../core/ui';
import type { Meeting, Task } from '../domain/types';
import { isoWeekday, parseIsoDate } from '../domain/dates';
import { meetingDurationMs, roundMinutes, stepElapsedMs, timerState } from '../domain/meeting';
import { useI18n } from '../i18n';
import { WEEKDAY_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { createBoardData } from '../core/board/boardData';
import { DecisionList, type DecisionLookup } from './DecisionList';
import { STEP_PICTOGRAM } from './steps/catalog';
import './meeting.css';
import { FaceList } from '../core/board/FaceGrid';

export default function MeetingLog() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const board = createBoardData();
  const meetings = createLive(app.workplaceId, (id) => app.repos.meetings.list(id), [] as Meeting[]);
  // Only the tasks the decisions name, for their pictograms.
  const taskIds = createMemo(() => [...new Set(meetings().flatMap((m) => m.decisions.filter((d) => d.kind === 'assignTask').map((d) => d.refId)))].join(','));
  const tasks = createLive(() => taskIds(), (ids) => app.repos.work.tasksByIds(ids.split(',')), [] as Task[]);
  const ideas = createMemo(() => new Map(board.improvements().map((i) => [i.id, i])));
  const deviations = createMemo(() => new Map(board.deviations().map((d) => [d.id, d])));
  const taskById = createMemo(() => new Map(tasks().map((x) => [x.id, x])));
  const lookup: DecisionLookup = {
    person: (id) => board.personById().get(id),
    idea: (id) => ideas().get(id),
    deviation: (id) => deviations().get(id),
    task: (id) => taskById().get(id),
  };

  return (
    <Screen
      title={t('meeting.log')}
      pictogram="meeting"
      class="meeting-log-screen"
      actions={
        <Show when={app.unlocked()}>
          <PictoLink href="/meeting" pictogram="meeting" label={t('meeting.title')} />
        </Show>
      }
    >
      <Show
        when={meetings().length > 0}
        fallback={
          <p class="meeting-empty">
            <Pictogram id="meeting" />
            <span>{t('meeting.noMeetings')}</span>
          </p>
        }
      >
        <ul class="meeting-log" role="list">
          <For each={meetings()}>
            {(m) => {
              const titleId = `meeting-${m.id}`;
              const ms = () => meetingDurationMs(m, app.now());
              const state = () => timerState(ms(), m.targetMinutes);
              const attendees = () => m.attendees.flatMap((id) => board.personById().get(id) ?? []);
              return (
                <li>
                  <article class="meeting-log-entry" aria-labelledby={titleId} data-meeting-id={m.id}>
                    <h2 id={titleId} class="meeting-log-date">
                      <Pictogram id={WEEKDAY_PICTOGRAM[isoWeekday(m.date)]} />
                      <span>{formatDate(parseIsoDate(m.date), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}</span>
                      <Show when={m.endedAt === null}>
                        <span class="badge">{t('meeting.running')}</span>
                      </Show>
                    </h2>
                    <span class="meeting-log-label">
                      <Pictogram id="clock" />
                      <span>{t('meeting.totalTime')}</span>
                    </span>
                    <p class={`meeting-log-length timer-${state()}`}>
                      <Pictogram id={state() === 'over' ? 'status-red' : 'status-green'} />
                      <span>{t('meeting.minutesOfTarget', { minutes: roundMinutes(ms()), target: m.targetMinutes })}</span>
                      <span>({state() === 'over' ? t('meeting.overTime') : t('meeting.onTime')})</span>
                    </p>
                    <span class="meeting-log-label">
                      <Pictogram id="people" />
                      <span>{t('meeting.attendees')}</span>
                    </span>
                    <FaceList people={attendees()} class="meeting-log-faces" label={t('meeting.attendees')} empty={<li>{t('meeting.noAttendees')}</li>} />
                    <span class="meeting-log-label">
                      <Pictogram id="stopwatch" />
                      <span>{t('meeting.steps')}</span>
                    </span>
                    <ul class="meeting-log-steps" aria-label={t('meeting.steps')}>
                      <For each={m.steps}>
                        {(st, i) => (
                          <li>
                            <Pictogram id={STEP_PICTOGRAM[st.step]} />
                            <span>
                              {t('meeting.stepMinutes', {
                                step: t(`meeting.step.${st.step}`),
                                minutes: roundMinutes(stepElapsedMs(m, i(), app.now())),
                              })}
                            </span>
                          </li>
                        )}
                      </For>
                    </ul>
                    <span class="meeting-log-label">
                      <Pictogram id="check" />
                      <span>{t('meeting.decisions')}</span>
                    </span>
                    <DecisionList decisions={m.decisions} lookup={lookup} />
                  </article>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </Screen>
  );
}
