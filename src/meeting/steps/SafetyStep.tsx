/**
 * Meeting step 2, safety: the month's safety cross, big, and the deviations
 * to talk about — every open one plus whatever was reported since the
 * previous open day's meeting ("new": reported after that meeting began, or,
 * with no meeting then, on or after the previous open day). The supervisor moves a deviation on (being handled, solved, or
 * back) right here; each move is recorded as a decision of the meeting. Taking
 * it on or solving it asks who does it and what is done (one face, a few words),
 * stored on the deviation with the move in the meeting's transaction.
 */
import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { Dialog, FaceImage, PictoButton } from '../../core/ui';
import { FaceGrid } from '../../core/board/FaceGrid';
import { createLive } from '../../core/live';
import type { Deviation, DeviationStatus, Meeting, Person } from '../../domain/types';
import { allowedDeviationMoves, DEVIATION_ACTION_MAX } from '../../domain/deviations';
import { clampShortText } from '../../domain/text';
import { previousOpenDay } from '../../domain/meeting';
import { useI18n } from '../../i18n';
import { DEVIATION_PICTOGRAM, DEVIATION_STATUS_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { DeviationCard } from '../../core/board/DeviationCard';
import { SafetyCross } from '../../core/board/SafetyCross';
import type { BoardData } from '../../core/board/boardData';
import type { MeetingStore } from '../store';

export function SafetyStep(props: { store: MeetingStore; board: BoardData }) {
  const app = useApp();
  const { t, pl } = useI18n();
  const yesterday = () => previousOpenDay(app.today(), app.workplace()?.openDays ?? []);
  const lastMeeting = createLive(
    () => (app.workplaceId() ? ([app.workplaceId()!, app.today()] as const) : null),
    ([id, day]) => app.repos.meetings.lastBefore(id, day),
    undefined as Meeting | undefined,
  );
  const isRecent = (d: Deviation) => {
    const m = lastMeeting();
    return m && m.date >= yesterday() ? d.createdAt > m.startedAt : d.date >= yesterday();
  };
  const shown = createMemo(() =>
    props.board
      .deviations()
      .filter((d) => d.status !== 'solved' || isRecent(d))
      .sort((a, b) => Number(isRecent(b)) - Number(isRecent(a)) || b.createdAt - a.createdAt),
  );
  const statusName = (s: DeviationStatus) => t(`deviation.status.${s}`);

  const titleOf = (d: Deviation) => d.text || pl(d.pictogramId ?? DEVIATION_PICTOGRAM[d.category]);
  const [solving, setSolving] = createSignal<{ deviation: Deviation; to: DeviationStatus } | null>(null);

  const move = (d: Deviation, to: DeviationStatus, extra: { responsibleId?: string | null; action?: string } = {}) =>
    props.store.decide('deviationStatus', d.id, to, () => app.repos.deviations.setStatus(d.id, to, extra), {
      pictogram: DEVIATION_STATUS_PICTOGRAM[to],
      message: to === 'solved' ? 'meeting.deviationSolved' : to === 'handling' ? 'meeting.deviationHandling' : 'meeting.decisionSaved',
      params: { title: titleOf(d) },
    });
  /** the dialog's save: the move with who and what; the dialog closes once it is stored */
  const solve = async (d: Deviation, to: DeviationStatus, responsibleId: string | null, action: string) => {
    const done = await move(d, to, { responsibleId, action });
    if (done !== undefined) setSolving(null);
  };
  /** taking a deviation on or solving it asks who and what first; back to "new" is one tap */
  const onMove = (d: Deviation, to: DeviationStatus) => {
    if (to === 'new') void move(d, to);
    else setSolving({ deviation: d, to });
  };

  return (
    <div class="meeting-safety">
      <div class="meeting-safety-cross">
        <SafetyCross compact date={app.today()} deviations={props.board.deviations()} />
      </div>
      <Show
        when={shown().length > 0}
        fallback={
          <p class="meeting-empty">
            <Pictogram id="status-green" />
            <span>{t('meeting.noOpenDeviations')}</span>
          </p>
        }
      >
        <ul class="meeting-cards" role="list" aria-label={t('deviations.title')}>
          <For each={shown()}>
            {(d) => {
              const reporter = () => props.board.personById().get(d.reportedBy ?? '');
              return (
                <li>
                  <DeviationCard deviation={d} reporter={reporter()}>
                    <p class={`meeting-status status-${d.status}`}>
                      <Pictogram id={DEVIATION_STATUS_PICTOGRAM[d.status]} />
                      <span>{statusName(d.status)}</span>
                      <Show when={isRecent(d)}>
                        <span class="badge">{t('meeting.sinceYesterday')}</span>
                      </Show>
                    </p>
                    <Show when={props.board.personById().get(d.responsibleId ?? '') ?? (d.action ? true : undefined)}>
                      <p class="meeting-responsible">
                        <Show when={props.board.personById().get(d.responsibleId ?? '')}>
                          {(p) => (
                            <>
                              <FaceImage person={p()} />
                              <span>{p().firstName}</span>
                            </>
                          )}
                        </Show>
                        <Show when={d.action}>
                          <span>– {d.action}</span>
                        </Show>
                      </p>
                    </Show>
                    <div class="entry-card-actions">
                      <For each={allowedDeviationMoves(d.status)}>
                        {(to) => (
                          <PictoButton
                            pictogram={DEVIATION_STATUS_PICTOGRAM[to]}
                            label={t('deviations.moveTo', { status: statusName(to) })}
                            aria-label={`${t('deviations.moveTo', { status: statusName(to) })}: ${titleOf(d)}`}
                            onClick={() => onMove(d, to)}
                          />
                        )}
                      </For>
                    </div>
                  </DeviationCard>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={solving()} keyed>
        {(x) => (
          <SolveDialog
            deviation={x.deviation}
            to={x.to}
            title={x.to === 'solved' ? t('meeting.solveDeviation', { title: titleOf(x.deviation) }) : `${t('deviations.moveTo', { status: statusName(x.to) })}: ${titleOf(x.deviation)}`}
            people={props.board.people()}
            onSave={(responsibleId, action) => solve(x.deviation, x.to, responsibleId, action)}
            onClose={() => setSolving(null)}
          />
        )}
      </Show>
    </div>
  );
}

/** Who does it (one face, or nobody) and what is done: asked when a deviation is taken on or solved. */
function SolveDialog(props: {
  deviation: Deviation;
  to: DeviationStatus;
  title: string;
  people: readonly Person[];
  onSave: (responsibleId: string | null, action: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  // eslint-disable-next-line solid/reactivity -- the dialog starts from the deviation's values
  const [responsibleId, setResponsibleId] = createSignal<string | null>(props.deviation.responsibleId);
  // eslint-disable-next-line solid/reactivity -- as above
  const [action, setAction] = createSignal(props.deviation.action);
  const actionId = createUniqueId();
  return (
    <Dialog title={props.title} pictogram={DEVIATION_STATUS_PICTOGRAM[props.to]} onClose={() => props.onClose()}>
      <h3 class="meeting-subtitle">
        <Pictogram id="person" />
        <span>{t('meeting.responsible')}</span>
      </h3>
      <FaceGrid
        people={props.people}
        class="face-grid meeting-solve-people"
        faceClass={(p) => (responsibleId() === p.id ? 'status-present' : '')}
        pressed={(p) => responsibleId() === p.id}
        onTap={(p) => setResponsibleId((cur) => (cur === p.id ? null : p.id))}
      />
      <div class="field">
        <label for={actionId}>{t('meeting.actionTaken')}</label>
        <textarea id={actionId} maxLength={DEVIATION_ACTION_MAX} rows={2} value={action()} onInput={(e) => setAction(e.currentTarget.value)} />
      </div>
      <div class="row">
        <PictoButton
          pictogram={DEVIATION_STATUS_PICTOGRAM[props.to]}
          label={t('app.save')}
          variant="primary"
          size="large"
          onClick={() => void props.onSave(responsibleId(), clampShortText(action(), DEVIATION_ACTION_MAX))}
        />
        <PictoButton pictogram="cancel" label={t('app.cancel')} size="large" onClick={() => props.onClose()} />
      </div>
    </Dialog>
  );
}
