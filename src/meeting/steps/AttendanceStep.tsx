/**
 * Meeting step 1, attendance: every face, big, with today's mark. The
 * supervisor taps a face to mark present, late, sick, away or on leave; the
 * mark is saved as usual and recorded as a decision of the meeting.
 */
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { Dialog, FaceImage, PictoButton } from '../../app/ui';
import type { AttendanceStatus, Person } from '../../data/types';
import { SUPERVISOR_STATUSES } from '../../domain/attendance';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import type { BoardData } from '../../board/store';
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
    await props.store.decide('attendance', p.id, status ?? 'none', () => app.repos.attendance.setStatus(wp, p.id, day, status));
  };

  return (
    <div class="meeting-attendance">
      <p class="meeting-big-count" aria-live="polite">
        <Pictogram id={ATTENDANCE_PICTOGRAM.present} />
        <span>{t('attendance.summary', { here: props.board.attendance().here, total: props.board.attendance().total })}</span>
      </p>
      <ul class="face-grid meeting-faces" role="list">
        <For each={props.board.people()}>
          {(p) => {
            const status = () => statusOf(p);
            return (
              <li>
                <button
                  type="button"
                  class={`face-button status-${status() ?? 'none'}`}
                  aria-label={p.firstName}
                  aria-describedby={`meeting-status-${p.id}`}
                  onClick={() => setEditing(p)}
                >
                  <FaceImage person={p} />
                  <span class="face-name">{p.firstName}</span>
                  <span class="face-status" id={`meeting-status-${p.id}`}>
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
                    onClick={() => void mark(p(), s)}
                  />
                )}
              </For>
              <PictoButton pictogram="cancel" label={t('attendance.clearStatus')} onClick={() => void mark(p(), null)} />
            </div>
          </Dialog>
        )}
      </Show>
    </div>
  );
}
