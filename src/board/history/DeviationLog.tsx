/**
 * The deviation log (/history/deviations): every deviation ever reported,
 * newest first, filtered by category, status, person (reported by or
 * responsible) and period with pictogram chips. Read only: handling a
 * deviation happens on the deviation board.
 */
import { createMemo } from 'solid-js';
import { useApp } from '../../core/context';
import { DEVIATION_CATEGORIES, DEVIATION_STATUSES } from '../../domain/types';
import { filterDeviations, periodStart } from '../../domain/history';
import { useI18n } from '../../i18n';
import { DEVIATION_PICTOGRAM, DEVIATION_STATUS_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { DeviationCard, DeviationHandling } from '../../core/board/DeviationCard';
import { createBoardData } from '../../core/board/boardData';
import { ChipGroup, useLogFilters } from './filters';
import { LogScreen, newestFirst } from './LogScreen';

const FILTERS = ['category', 'status', 'person', 'period'];

export default function DeviationLog() {
  const app = useApp();
  const { t } = useI18n();
  const board = createBoardData();
  const f = useLogFilters();
  const categories = () => app.workplace()?.deviationCategories ?? [...DEVIATION_CATEGORIES];

  const shown = createMemo(() =>
    filterDeviations(board.deviations(), {
      categories: f.list('category', DEVIATION_CATEGORIES),
      statuses: f.list('status', DEVIATION_STATUSES),
      personId: f.one('person'),
      from: periodStart(f.period(), app.today()),
    }).sort(newestFirst),
  );

  return (
    <LogScreen
      title={t('history.deviationLog')}
      pictogram={SECTION_PICTOGRAM.deviations}
      other={{ href: '/history/ideas', pictogram: SECTION_PICTOGRAM.improvements, label: t('history.ideaLog') }}
      filters={f}
      filterNames={FILTERS}
      people={board.people()}
      chips={
        <>
          <ChipGroup
            label={t('history.filterCategory')}
            pictogram="question"
            options={categories().map((c) => ({ value: c, label: t(`deviation.category.${c}`), pictogram: DEVIATION_PICTOGRAM[c] }))}
            selected={f.list('category', DEVIATION_CATEGORIES)}
            onToggle={(v) => f.toggle('category', v)}
          />
          <ChipGroup
            label={t('history.filterStatus')}
            pictogram="status-handling"
            options={DEVIATION_STATUSES.map((s) => ({ value: s, label: t(`deviation.status.${s}`), pictogram: DEVIATION_STATUS_PICTOGRAM[s] }))}
            selected={f.list('status', DEVIATION_STATUSES)}
            onToggle={(v) => f.toggle('status', v)}
          />
        </>
      }
      entries={shown()}
    >
      {(d) => {
        const reporter = () => board.personById().get(d.reportedBy ?? '');
        const responsible = () => board.personById().get(d.responsibleId ?? '');
        return (
          <DeviationCard deviation={d} reporter={reporter()}>
            <p class={`log-status status-${d.status}`}>
              <Pictogram id={DEVIATION_STATUS_PICTOGRAM[d.status]} />
              <span>{t(`deviation.status.${d.status}`)}</span>
            </p>
            <DeviationHandling responsible={responsible()} action={d.action} />
          </DeviationCard>
        );
      }}
    </LogScreen>
  );
}
