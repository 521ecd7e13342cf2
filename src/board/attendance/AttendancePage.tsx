/**
 * Attendance: a grid of faces. A participant taps their own face to check in
 * (late after the opening time) and gets a big welcome with a 10-second undo.
 * In supervisor mode a tap opens the status choices instead (present, late,
 * sick, absent with/without notice, leave).
 */
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { Dialog, FaceImage, PictoButton, Screen } from '../../app/ui';
import type { AttendanceStatus, Person } from '../../data/types';
import { SUPERVISOR_STATUSES, isHere } from '../../domain/attendance';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { createBoardData } from '../store';

export default function AttendancePage() {
  const app = useApp();
  const { t } = useI18n();
  const board = createBoardData();
  const [editing, setEditing] = createSignal<Person | null>(null);

  const statusOf = (p: Person) => board.markOf().get(p.id)?.status ?? null;

  const checkIn = async (p: Person) => {
    const wp = app.workplace();
    if (!wp) return;
    const current = statusOf(p);
    if (current && isHere(current)) {
      app.notify({ kind: 'info', pictogram: ATTENDANCE_PICTOGRAM.present, message: 'attendance.alreadyHere', params: { name: p.firstName } });
      return;
    }
    const date = app.today();
    const mark = await app.run(() => app.repos.attendance.checkIn(wp.id, p.id, date, wp.openingTime));
    if (!mark) return;
    app.notify({
      kind: 'success',
      pictogram: mark.status === 'late' ? ATTENDANCE_PICTOGRAM.late : ATTENDANCE_PICTOGRAM.present,
      message: mark.status === 'late' ? 'attendance.checkedInLate' : 'attendance.checkedIn',
      params: { name: p.firstName },
      undo: () => app.repos.attendance.undoCheckIn(wp.id, p.id, date),
    });
  };

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
        <ul class="face-grid" role="list">
          <For each={board.people()}>
            {(p) => {
              const status = () => statusOf(p);
              return (
                <li>
                  <button
                    type="button"
                    class={`face-button status-${status() ?? 'none'}`}
                    aria-label={p.firstName}
                    aria-describedby={`status-${p.id}`}
                    onClick={() => (app.unlocked() ? setEditing(p) : void checkIn(p))}
                  >
                    <FaceImage person={p} />
                    <span class="face-name">{p.firstName}</span>
                    <span class="face-status" id={`status-${p.id}`}>
                      <Show when={status()} fallback={<span class="sr-only">{t('status.none')}</span>}>
                        {(s) => (
                          <>
                            <Pictogram id={ATTENDANCE_PICTOGRAM[s()]} class="status-icon" />
                            <span class="sr-only">{t(`status.${s()}`)}</span>
                          </>
                        )}
                      </Show>
                    </span>
                  </button>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={editing()}>
        {(p) => (
          <Dialog title={t('attendance.setStatusFor', { name: p().firstName })} pictogram="person" onClose={() => setEditing(null)}>
            <div class="status-choices">
              <For each={SUPERVISOR_STATUSES}>
                {(s) => (
                  <PictoButton
                    pictogram={ATTENDANCE_PICTOGRAM[s]}
                    label={t(`status.${s}`)}
                    aria-pressed={statusOf(p()) === s}
                    variant={statusOf(p()) === s ? 'primary' : 'secondary'}
                    size="large"
                    onClick={() => void setStatus(p(), s)}
                  />
                )}
              </For>
              <PictoButton pictogram="cancel" label={t('attendance.clearStatus')} onClick={() => void setStatus(p(), null)} />
            </div>
          </Dialog>
        )}
      </Show>
    </Screen>
  );
}
