/**
 * The idea log (/history/ideas): every idea ever proposed, newest first,
 * filtered by column (status), who proposed it and period with pictogram
 * chips. Read only: ideas move on the improvement board.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../app/context';
import { PictoButton, PictoLink, Screen } from '../../app/ui';
import { IMPROVEMENT_STATUSES } from '../../data/types';
import { filterIdeas, periodStart } from '../../domain/history';
import { useI18n } from '../../i18n';
import { PDCA_PICTOGRAM, SECTION_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import { EntryCard } from '../entry/EntryCard';
import { createBoardData } from '../store';
import { ChipGroup, PeriodChips, PersonChips, useLogFilters } from './filters';
import '../entry/entry.css';
import './history.css';

const FILTERS = ['status', 'person', 'period'];

export default function IdeaLog() {
  const app = useApp();
  const { t, pl } = useI18n();
  const board = createBoardData();
  const f = useLogFilters();

  const shown = createMemo(() =>
    filterIdeas(board.improvements(), {
      statuses: f.list('status', IMPROVEMENT_STATUSES),
      personId: f.one('person'),
      from: periodStart(f.period(), app.today()),
    }).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt - a.createdAt),
  );

  return (
    <Screen
      title={t('history.ideaLog')}
      pictogram={SECTION_PICTOGRAM.improvements}
      class="log-screen"
      actions={
        <>
          <PictoLink href="/history/deviations" pictogram={SECTION_PICTOGRAM.deviations} label={t('history.deviationLog')} />
          <PictoLink href="/history" pictogram="calendar" label={t('history.title')} />
        </>
      }
    >
      <div class="log-filters">
        <ChipGroup
          label={t('history.filterStatus')}
          pictogram="idea-doing"
          options={IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: t(`improvement.status.${s}`), pictogram: PDCA_PICTOGRAM[s] }))}
          selected={f.list('status', IMPROVEMENT_STATUSES)}
          onToggle={(v) => f.toggle('status', v)}
        />
        <PersonChips label={t('history.filterPerson')} people={board.people()} selected={f.one('person')} onPick={(id) => f.setOne('person', id)} />
        <PeriodChips selected={f.period()} onPick={(p) => f.setOne('period', p === 'all' ? null : p)} />
      </div>
      <div class="log-summary">
        <p class="screen-summary" aria-live="polite">
          <Pictogram id={SECTION_PICTOGRAM.improvements} />
          <span>{t('history.count', { count: shown().length })}</span>
        </p>
        <PictoButton pictogram="undo" label={t('history.showAll')} size="small" onClick={() => f.clear(FILTERS)} />
      </div>
      <Show when={shown().length > 0} fallback={<p class="empty">{t('history.none')}</p>}>
        <ul class="log-cards" role="list">
          <For each={shown()}>
            {(idea) => {
              const proposer = () => board.personById().get(idea.proposedBy ?? '');
              const pictogram = () => idea.pictogramId ?? PDCA_PICTOGRAM.idea;
              return (
                <li>
                  <EntryCard
                    class={`idea-card status-${idea.status}`}
                    pictogram={pictogram()}
                    title={pl(pictogram())}
                    photo={idea.photo}
                    text={idea.text}
                    person={proposer()}
                    personLine={proposer() ? t('improvements.proposedBy', { name: proposer()!.firstName }) : t('improvements.proposedByNobody')}
                    date={idea.date}
                  >
                    <p class={`log-status status-${idea.status}`}>
                      <Pictogram id={PDCA_PICTOGRAM[idea.status]} />
                      <span>{t(`improvement.status.${idea.status}`)}</span>
                    </p>
                    <Show when={idea.status === 'notNow' && idea.reason}>
                      <p class="idea-reason">
                        <span class="idea-reason-label">{t('improvements.reason')}</span> <span>{idea.reason}</span>
                      </p>
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
