/**
 * Attendance: a grid of faces. A participant taps their own face to check in
 * (late after the opening time); the face itself becomes the welcome (the face
 * with ✓) with its own 10-second undo (src/core/board/checkIn.ts).
 * In supervisor mode a tap opens the status choices instead (present, late,
 * sick, absent with/without notice, leave).
 */
import { createSignal, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { Screen } from '../../core/ui';
import type { AttendanceStatus, Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createBoardData } from '../../core/board/boardData';
import { CheckInFaces, StatusDialog } from '../../core/board/FaceGrid';
import { createCheckIns } from '../../core/board/checkIn';

export default function AttendancePage() {
  const app = useApp();
  const { t } = useI18n();
  const board = createBoardData();
  const [editing, setEditing] = createSignal<Person | null>(null);

  const statusOf = (p: Person) => board.markOf().get(p.id)?.status ?? null;

  const checkIns = createCheckIns(statusOf);

  const setStatus = async (p: Person, status: AttendanceStatus | null) => {
    const wp = app.workplace();
    if (!wp || !app.unlocked()) return;
    setEditing(null);
    await app.run(() => app.repos.attendance.setStatus(wp.id, p.id, app.today(), status));
  };

  return (
    <Screen title={t('attendance.title')} pictogram={SECTION_PICTOGRAM.attendance} class="attendance-screen">
      <p class="screen-summary" aria-live="polite">
        <Pictogram id={ATTENDANCE_PICTOGRAM.present} />
        <span>{t('attendance.summary', { here: board.attendance().here, total: board.attendance().total })}</span>
      </p>
      <Show when={board.people().length > 0} fallback={<p class="empty">{t('attendance.noPeople')}</p>}>
        <p class="hint">
          <Pictogram id="tap" />
          <span>{t('attendance.tapYourFace')}</span>
        </p>
        <CheckInFaces
          people={board.people()}
          statusOf={statusOf}
          checkIns={checkIns}
          onTap={(p) => (app.unlocked() ? setEditing(p) : void checkIns.checkIn(p))}
          statusIdPrefix="status-"
          size="screen"
        />
      </Show>
      <Show when={editing()}>
        {(p) => <StatusDialog person={p()} current={statusOf(p())} onPick={(s) => void setStatus(p(), s)} onClose={() => setEditing(null)} />}
      </Show>
    </Screen>
  );
}
