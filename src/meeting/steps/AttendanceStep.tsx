/**
 * Meeting step 1, attendance: every face, big, with today's mark. The
 * supervisor taps a face to mark present, late, sick, away or on leave; the
 * mark is saved as usual and recorded as a decision of the meeting.
 */
import { createSignal, Show } from 'solid-js';
import { useApp } from '../../core/context';
import type { AttendanceStatus, Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { AttendanceFaceGrid, StatusDialog } from '../../core/board/FaceGrid';
import type { BoardData } from '../../core/board/boardData';
import type { MeetingStore } from '../store';

export function AttendanceStep(props: { store: MeetingStore; board: BoardData }) {
  const app = useApp();
  const { t } = useI18n();
  const [editing, setEditing] = createSignal<Person | null>(null);
  const statusOf = (p: Person) => props.board.markOf().get(p.id)?.status ?? null;

  const mark = async (p: Person, status: AttendanceStatus | null) => {
    const wp = app.workplaceId();
    setEditing(null);
    if (!wp) return;
    const day = app.today();
    await props.store.decide('attendance', p.id, status ?? 'none', () => app.repos.attendance.setStatus(wp, p.id, day, status), {
      pictogram: status ? ATTENDANCE_PICTOGRAM[status] : 'cancel',
      message: 'meeting.decisionSaved',
      personId: p.id,
    });
  };

  return (
    <div class="meeting-attendance">
      <p class="meeting-big-count" aria-live="polite">
        <Pictogram id={ATTENDANCE_PICTOGRAM.present} />
        <span>{t('attendance.summary', { here: props.board.attendance().here, total: props.board.attendance().total })}</span>
      </p>
      <AttendanceFaceGrid people={props.board.people()} statusOf={statusOf} onTap={setEditing} class="meeting-faces" statusIdPrefix="meeting-status-" />
      <Show when={editing()}>
        {(p) => <StatusDialog person={p()} current={statusOf(p())} onPick={(s) => void mark(p(), s)} onClose={() => setEditing(null)} />}
      </Show>
    </div>
  );
}
