/**
 * The deviation log (/history/deviations): every deviation ever reported,
 * newest first, filtered by category, status, person (reported by or
 * responsible) and period with pictogram chips. Read only: handling a
 * deviation happens on the deviation board.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { PictoButton, PictoLink, Screen } from '../../app/ui';
import { DEVIATION_CATEGORIES, DEVIATION_STATUSES } from '../../data/types';
import { filterDeviations, periodStart } from '../../domain/history';
import { useI18n } from '../../i18n';
import { DEVIATION_PICTOGRAM, DEVIATION_STATUS_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { EntryCard } from '../entry/EntryCard';
import { createBoardData } from '../store';
import { ChipGroup, PeriodChips, PersonChips, useLogFilters } from './filters';
import '../entry/entry.css';
import './history.css';

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
    }).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt),
  );

  return (
    <Screen
      title={t('history.deviationLog')}
      pictogram={SECTION_PICTOGRAM.deviations}
      class="log-screen"
      actions={
        <>
          <PictoLink href="/history/ideas" pictogram={SECTION_PICTOGRAM.improvements} label={t('history.ideaLog')} />
          <PictoLink href="/history" pictogram="calendar" label={t('history.title')} />
        </>
      }
    >
      <div class="log-filters">
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
        <PersonChips label={t('history.filterPerson')} people={board.people()} selected={f.one('person')} onPick={(id) => f.setOne('person', id)} />
        <PeriodChips selected={f.period()} onPick={(p) => f.setOne('period', p === 'all' ? null : p)} />
      </div>
      <div class="log-summary">
        <p class="screen-summary" aria-live="polite">
          <Pictogram id={SECTION_PICTOGRAM.deviations} />
          <span>{t('history.count', { count: shown().length })}</span>
        </p>
        <PictoButton pictogram="undo" label={t('history.showAll')} size="small" onClick={() => f.clear(FILTERS)} />
      </div>
      <Show when={shown().length > 0} fallback={<p class="empty">{t('history.none')}</p>}>
        <ul class="log-cards" role="list">
          <For each={shown()}>
            {(d) => {
              const reporter = () => board.personById().get(d.reportedBy ?? '');
              const responsible = () => board.personById().get(d.responsibleId ?? '');
              return (
                <li>
                  <EntryCard
                    class={`deviation-card status-${d.status}`}
                    pictogram={d.pictogramId ?? DEVIATION_PICTOGRAM[d.category]}
                    title={t(`deviation.category.${d.category}`)}
                    photo={d.photo}
                    text={d.text}
                    person={reporter()}
                    personLine={`${t('deviations.reportedBy')}: ${reporter()?.firstName ?? t('entry.noName')}`}
                    date={d.date}
                  >
                    <p class={`log-status status-${d.status}`}>
                      <Pictogram id={DEVIATION_STATUS_PICTOGRAM[d.status]} />
                      <span>{t(`deviation.status.${d.status}`)}</span>
                    </p>
                    <Show when={responsible() || d.action}>
                      <dl class="deviation-handling">
                        <Show when={responsible()}>
                          <dt>{t('deviations.responsible')}</dt>
                          <dd>{responsible()?.firstName}</dd>
                        </Show>
                        <Show when={d.action}>
                          <dt>{t('deviations.action')}</dt>
                          <dd>{d.action}</dd>
                        </Show>
                      </dl>
                    </Show>
                  </EntryCard>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </Screen>
  );
}
