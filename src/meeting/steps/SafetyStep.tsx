/**
 * Meeting step 2, safety: the month's safety cross, big, and the deviations
 * to talk about — every open one plus whatever was reported since the
 * previous open day's meeting ("new": reported after that meeting began, or,
 * with no meeting then, on or after the previous open day). The supervisor moves a deviation on (being handled, solved, or
 * back) right here; each move is recorded as a decision of the meeting.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoButton } from '../../core/ui';
import { createLive } from '../../core/live';
import type { Deviation, DeviationStatus, Meeting } from '../../domain/types';
import { allowedDeviationMoves } from '../../domain/deviations';
import { previousOpenDay } from '../../domain/meeting';
import { useI18n } from '../../i18n';
import { DEVIATION_STATUS_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { DeviationCard } from '../../core/board/DeviationCard';
import { SafetyCross } from '../../core/board/SafetyCross';
import type { BoardData } from '../../core/board/boardData';
import type { MeetingStore } from '../store';

export function SafetyStep(props: { store: MeetingStore; board: BoardData }) {
  const app = useApp();
  const { t } = useI18n();
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

  const move = (d: Deviation, to: DeviationStatus) =>
    props.store.decide('deviationStatus', d.id, to, () => app.repos.deviations.setStatus(d.id, to));

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
                    <div class="entry-card-actions">
                      <For each={allowedDeviationMoves(d.status)}>
                        {(to) => (
                          <PictoButton
                            pictogram={DEVIATION_STATUS_PICTOGRAM[to]}
                            label={t('deviations.moveTo', { status: statusName(to) })}
                            onClick={() => void move(d, to)}
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
    </div>
  );
}
