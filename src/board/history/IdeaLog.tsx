/**
 * The idea log (/history/ideas): every idea ever proposed, newest first,
 * filtered by column (status), who proposed it and period with pictogram
 * chips. Read only: ideas move on the improvement board.
 */
import { createMemo } from 'solid-js';
import { useApp } from '../../core/context';
import { IMPROVEMENT_STATUSES } from '../../domain/types';
import { filterIdeas, periodStart } from '../../domain/history';
import { useI18n } from '../../i18n';
import { PDCA_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { IdeaCard, IdeaReason } from '../../core/board/IdeaCard';
import { createBoardData } from '../../core/board/boardData';
import { ChipGroup, useLogFilters } from './filters';
import { LogScreen, newestFirst } from './LogScreen';

const FILTERS = ['status', 'person', 'period'];

export default function IdeaLog() {
  const app = useApp();
  const { t } = useI18n();
  const board = createBoardData();
  const f = useLogFilters();

  const shown = createMemo(() =>
    filterIdeas(board.improvements(), {
      statuses: f.list('status', IMPROVEMENT_STATUSES),
      personId: f.one('person'),
      from: periodStart(f.period(), app.today()),
    }).sort(newestFirst),
  );

  return (
    <LogScreen
      title={t('history.ideaLog')}
      pictogram={SECTION_PICTOGRAM.improvements}
      other={{ href: '/history/deviations', pictogram: SECTION_PICTOGRAM.deviations, label: t('history.deviationLog') }}
      filters={f}
      filterNames={FILTERS}
      people={board.people()}
      chips={
        <ChipGroup
          label={t('history.filterStatus')}
          pictogram="idea-doing"
          options={IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: t(`improvement.status.${s}`), pictogram: PDCA_PICTOGRAM[s] }))}
          selected={f.list('status', IMPROVEMENT_STATUSES)}
          onToggle={(v) => f.toggle('status', v)}
        />
      }
      entries={shown()}
    >
      {(idea) => {
        const proposer = () => board.personById().get(idea.proposedBy ?? '');
        return (
          <IdeaCard idea={idea} proposer={proposer()}>
            <p class={`log-status status-${idea.status}`}>
              <Pictogram id={PDCA_PICTOGRAM[idea.status]} />
              <span>{t(`improvement.status.${idea.status}`)}</span>
            </p>
            <IdeaReason idea={idea} />
          </IdeaCard>
        );
      }}
    </LogScreen>
  );
}
