/**
 * The one grid of faces (with a slot per face), the attendance faces built on
 * it, and the supervisor's status choices shared by the attendance screen
 * and the meeting's attendance step.
 */
import { createMemo, For, Show, type JSX } from 'solid-js';
import type { CheckIns } from './checkIn';
import { Dialog, FaceImage, PictoButton } from '../ui';
import type { AttendanceStatus, Person } from '../../domain/types';
import { SUPERVISOR_STATUSES } from '../../domain/attendance';
import { useI18n } from '../../i18n';
import { ATTENDANCE_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import './wall.css';

/**
 * A grid of people's faces, one big button each: the attendance faces, the
 * "who are you" page, the pickers of who reported, who does a task. `slot`
 * adds what a face shows beside the name (a status, a lock).
 */
export function FaceGrid(props: {
  people: readonly Person[];
  onTap: (p: Person) => void;
  /** Class of the list; default `face-grid`. */
  class?: string;
  /** Extra class of one face's button. */
  faceClass?: (p: Person) => string;
  /** For a choice: whether this face is chosen (aria-pressed). */
  pressed?: (p: Person) => boolean | undefined;
  /** Id of the element that describes a face (its status). */
  describedBy?: (p: Person) => string | undefined;
  disabled?: boolean;
  slot?: (p: Person) => JSX.Element;
}) {
  return (
    <ul class={props.class ?? 'face-grid'} role="list">
      <For each={props.people}>
        {(p) => (
          <li>
            <button
              type="button"
              class={props.faceClass ? `face-button ${props.faceClass(p)}` : 'face-button'}
              aria-label={p.firstName}
              aria-pressed={props.pressed?.(p)}
              aria-describedby={props.describedBy?.(p)}
              disabled={props.disabled}
              onClick={() => props.onTap(p)}
            >
              <FaceImage person={p} />
              <span class="face-name">{p.firstName}</span>
              {props.slot?.(p)}
            </button>
          </li>
        )}
      </For>
    </ul>
  );
}

/** A read-only list of small faces with names (who attended, who does a task); `empty` when nobody. */
export function FaceList(props: { people: readonly Person[]; label: string; class: string; empty: JSX.Element }) {
  return (
    <ul class={props.class} aria-label={props.label}>
      <For each={props.people} fallback={props.empty}>
        {(p) => (
          <li>
            <FaceImage person={p} />
            <span>{p.firstName}</span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** Under a face: the attendance status as its pictogram, and in words for screen readers (or "not marked"). */
function FaceStatus(props: { id: string; status: AttendanceStatus | null }) {
  const { t } = useI18n();
  return (
    <span class="face-status" id={props.id}>
      <Show when={props.status} fallback={<span class="sr-only">{t('status.none')}</span>}>
        {(s) => (
          <>
            <Pictogram id={ATTENDANCE_PICTOGRAM[s()]} class="status-icon" />
            <span class="sr-only">{t(`status.${s()}`)}</span>
          </>
        )}
      </Show>
    </span>
  );
}

/** The attendance faces, each with today's mark. */
export function AttendanceFaceGrid(props: {
  people: readonly Person[];
  statusOf: (p: Person) => AttendanceStatus | null;
  onTap: (p: Person) => void;
  /** Extra class on the grid. */
  class?: string;
  /** Prefix of each face's status element id (unique on the page). */
  statusIdPrefix: string;
}) {
  return (
    <FaceGrid
      people={props.people}
      onTap={(p) => props.onTap(p)}
      class={props.class ? `face-grid ${props.class}` : 'face-grid'}
      faceClass={(p) => `status-${props.statusOf(p) ?? 'none'}`}
      describedBy={(p) => `${props.statusIdPrefix}${p.id}`}
      slot={(p) => (
        <FaceStatus id={`${props.statusIdPrefix}${p.id}`} status={props.statusOf(p)} />
      )}
    />
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

/**
 * The check-in faces: one tap on a face checks that person in (or, for an
 * unlocked supervisor, opens their status choices through `onTap`). A face
 * just checked in turns into its own confirmation — the face with ✓ — and
 * carries its own undo button until the undo time is over, so two quick
 * check-ins each keep theirs. `size`: 'board' for the home board's compact
 * faces, 'screen' for the attendance screen's big ones.
 */
export function CheckInFaces(props: {
  people: readonly Person[];
  statusOf: (p: Person) => AttendanceStatus | null;
  checkIns: CheckIns;
  /** a tap on a face that is not showing its confirmation */
  onTap: (p: Person) => void;
  /** Prefix of each face's status element id (unique on the page). */
  statusIdPrefix: string;
  size: 'board' | 'screen';
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <ul class={`face-grid checkin-faces size-${props.size}`} role="list" aria-label={props.label}>
      <For each={props.people}>
        {(p) => {
          const recent = () => props.checkIns.recent().get(p.id);
          // a new mark re-renders only the faces whose status it changed, not every face
          const status = createMemo(() => props.statusOf(p));
          const statusId = () => `${props.statusIdPrefix}${p.id}`;
          return (
            <li class="checkin-face">
              <Show
                when={recent()}
                fallback={
                  <button
                    type="button"
                    class={`face-button status-${status() ?? 'none'}`}
                    aria-label={p.firstName}
                    aria-describedby={statusId()}
                    onClick={() => props.onTap(p)}
                  >
                    <FaceImage person={p} />
                    <span class="face-name">{p.firstName}</span>
                    <FaceStatus id={statusId()} status={status()} />
                  </button>
                }
              >
                {(r) => (
                  <div class={`checkin-confirm status-${r().status}`} data-person-id={p.id}>
                    {/* busy while the check-in is being saved; its words (announced) only once it is (core/board/checkIn.ts) */}
                    <div class="checkin-confirm-face" role="status" aria-busy={r().saving ? 'true' : undefined}>
                      <FaceImage person={p} />
                      <Pictogram id="check" class="checkin-tick" />
                      <Show when={!r().saving}>
                        <span class="sr-only">{t(r().status === 'late' ? 'attendance.checkedInLate' : 'attendance.checkedIn', { name: p.firstName })}</span>
                      </Show>
                    </div>
                    <PictoButton
                      pictogram="undo"
                      label={t('app.undo')}
                      aria-label={`${t('app.undo')}: ${p.firstName}`}
                      class="checkin-undo"
                      size="small"
                      disabled={props.checkIns.guarded(p.id)}
                      onClick={() => void props.checkIns.undo(p)}
                    />
                    <span class="checkin-timer" aria-hidden="true" />
                  </div>
                )}
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
