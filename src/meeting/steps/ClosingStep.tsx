/**
 * Meeting step 6, closing: a big celebration pictogram, how long the
 * meeting took against its target, who is here, and the decisions taken.
 * Ending the meeting is the big button at the bottom of the screen.
 */
import { createMemo } from 'solid-js';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { roundMinutes, timerState } from '../../domain/meeting';
import type { BoardData } from '../../core/board/boardData';
import { DecisionList, type DecisionLookup } from '../DecisionList';
import type { MeetingStore } from '../store';

export function boardLookup(board: BoardData): DecisionLookup {
  const ideas = createMemo(() => new Map(board.improvements().map((i) => [i.id, i])));
  const deviations = createMemo(() => new Map(board.deviations().map((d) => [d.id, d])));
  const tasks = createMemo(() => new Map(board.tasks().map((x) => [x.id, x])));
  return {
    person: (id) => board.personById().get(id),
    idea: (id) => ideas().get(id),
    deviation: (id) => deviations().get(id),
    task: (id) => tasks().get(id),
  };
}

export function ClosingStep(props: { store: MeetingStore; board: BoardData }) {
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- the board's data object is created once for the meeting screen
  const lookup = boardLookup(props.board);
  const minutes = () => roundMinutes(props.store.totalElapsed());
  const state = () => timerState(props.store.totalElapsed(), props.store.meeting()?.targetMinutes ?? props.store.targetMinutes());
  return (
    <div class="meeting-closing">
      <Pictogram id="party" class="meeting-closing-icon" />
      <div class="meeting-closing-facts">
        <p class={`meeting-big-count timer-${state()}`}>
          <Pictogram id="clock" />
          <span>{t('meeting.minutesOfTarget', { minutes: minutes(), target: props.store.meeting()?.targetMinutes ?? props.store.targetMinutes() })}</span>
        </p>
        <p class="meeting-big-count">
          <Pictogram id={ATTENDANCE_PICTOGRAM.present} />
          <span>{t('attendance.summary', { here: props.board.attendance().here, total: props.board.attendance().total })}</span>
        </p>
        <h2 class="meeting-subtitle">
          <Pictogram id="check" />
          <span>{t('meeting.decisions')}</span>
        </h2>
        <DecisionList decisions={props.store.meeting()?.decisions ?? []} lookup={lookup} />
      </div>
    </div>
  );
}
