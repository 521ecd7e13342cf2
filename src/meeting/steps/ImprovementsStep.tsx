/**
 * Meeting step 4, improvements: the ideas in their PDCA columns, the same
 * ideas and counts as the board's improvements section (a Done column that
 * said "0" while the board said "1 done" misled), newest moves first. The supervisor moves an idea on (or back) with one tap; each move
 * is recorded as a decision. "Not now" needs a written reason, so it stays
 * on the improvements screen.
 */
import { For } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoButton } from '../../core/ui';
import type { Improvement, ImprovementStatus } from '../../domain/types';
import { allowedMoves } from '../../domain/pdca';
import { useI18n } from '../../i18n';
import { PDCA_PICTOGRAM } from '../../pictograms/catalog';
import { StatusColumns } from '../../core/board/Columns';
import { IdeaCard } from '../../core/board/IdeaCard';
import type { BoardData } from '../../core/board/boardData';
import type { MeetingStore } from '../store';

const COLUMNS = (['idea', 'planned', 'doing', 'done'] as const).map((s) => ({ key: s, pictogram: PDCA_PICTOGRAM[s] }));

export function ImprovementsStep(props: { store: MeetingStore; board: BoardData }) {
  const app = useApp();
  const { t } = useI18n();
  const statusName = (s: ImprovementStatus) => t(`improvement.status.${s}`);
  const inColumn = (s: ImprovementStatus) =>
    props.board
      .improvements()
      .filter((i) => i.status === s)
      .sort((a, b) => b.movedAt - a.movedAt);

  const move = (idea: Improvement, to: ImprovementStatus) =>
    props.store.decide('moveIdea', idea.id, to, () => app.repos.improvements.move(idea.id, to), {
      pictogram: PDCA_PICTOGRAM[to],
      message: 'improvements.movedTo',
      params: { column: t(`improvement.status.${to}`) },
    });

  return (
    <div class="meeting-improvements">
      <StatusColumns label={t('improvements.title')} columns={COLUMNS} title={statusName} items={inColumn} empty={t('improvements.none')}>
        {(idea) => {
          const proposer = () => props.board.personById().get(idea().proposedBy ?? '');
          return (
            <IdeaCard idea={idea()} proposer={proposer()}>
              <div class="entry-card-actions">
                <For each={allowedMoves(idea().status).filter((s) => s !== 'notNow')}>
                  {(to) => (
                    <PictoButton
                      pictogram={PDCA_PICTOGRAM[to]}
                      label={t('improvements.moveTo', { status: statusName(to) })}
                      size="small"
                      onClick={() => void move(idea(), to)}
                    />
                  )}
                </For>
              </div>
            </IdeaCard>
          );
        }}
      </StatusColumns>
    </div>
  );
}
