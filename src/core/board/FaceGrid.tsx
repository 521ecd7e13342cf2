/**
 * The attendance faces and the supervisor's status choices, shared by the
 * attendance screen and the meeting's attendance step: a grid of face
 * buttons, each with today's mark, and a dialog to set or clear a mark.
 */
import { For, Show } from 'solid-js';
import { Dialog, FaceImage, PictoButton } from '../ui';
import type { AttendanceStatus, Person } from '../../domain/types';
import { SUPERVISOR_STATUSES } from '../../domain/attendance';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';

export function FaceGrid(props: {
  people: readonly Person[];
  statusOf: (p: Person) => AttendanceStatus | null;
  onTap: (p: Person) => void;
  /** Extra class on the grid. */
  class?: string;
  /** Prefix of each face's status element id (unique on the page). */
  statusIdPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <ul class={props.class ? `face-grid ${props.class}` : 'face-grid'} role="list">
      <For each={props.people}>
        {(p) => {
          const status = () => props.statusOf(p);
          const statusId = () => `${props.statusIdPrefix}${p.id}`;
          return (
            <li>
              <button
                type="button"
                class={`face-button status-${status() ?? 'none'}`}
                aria-label={p.firstName}
                aria-describedby={statusId()}
                onClick={() => props.onTap(p)}
              >
                <FaceImage person={p} />
                <span class="face-name">{p.firstName}</span>
                <span class="face-status" id={statusId()}>
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
  );
}

/** The supervisor's choices for one person's mark today; `null` clears it. */
export function StatusDialog(props: {
  person: Person;
  current: AttendanceStatus | null;
  onPick: (status: AttendanceStatus | null) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog title={t('attendance.setStatusFor', { name: props.person.firstName })} pictogram="person" onClose={() => props.onClose()}>
      <div class="status-choices">
        <For each={SUPERVISOR_STATUSES}>
          {(s) => (
            <PictoButton
              pictogram={ATTENDANCE_PICTOGRAM[s]}
              label={t(`status.${s}`)}
              aria-pressed={props.current === s}
              variant={props.current === s ? 'primary' : 'secondary'}
              size="large"
              onClick={() => props.onPick(s)}
            />
          )}
        </For>
        <PictoButton pictogram="cancel" label={t('attendance.clearStatus')} onClick={() => props.onPick(null)} />
      </div>
    </Dialog>
  );
}
