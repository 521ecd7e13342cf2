/**
 * The frame the deviation log and the idea log share: links to the other log
 * and to the history, the log's own filter chips followed by who and when,
 * the count with a "show all" button, and the entries as cards.
 */
import { For, Show, type JSX } from 'solid-js';
import { EmptyNote, PictoButton, PictoLink, Screen } from '../../core/ui';
import type { Person } from '../../domain/types';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import { PeriodChips, PersonChips, type useLogFilters } from './filters';
import '../../core/board/entry.css';
import './history.css';

/** Newest day first; within a day, the latest written first. */
export const newestFirst = (a: { date: string; createdAt: number }, b: { date: string; createdAt: number }): number =>
  b.date.localeCompare(a.date) || b.createdAt - a.createdAt;

export function LogScreen<T>(props: {
  title: string;
  pictogram: string;
  /** The link to the other log. */
  other: { href: string; pictogram: string; label: string };
  filters: ReturnType<typeof useLogFilters>;
  /** Every query name "show all" clears (including 'person' and 'period'). */
  filterNames: string[];
  people: readonly Person[];
  /** The log's own chip groups, shown before who and when. */
  chips: JSX.Element;
  entries: readonly T[];
  children: (entry: T) => JSX.Element;
}) {
  const { t } = useI18n();
  return (
    <Screen
      title={props.title}
      pictogram={props.pictogram}
      class="log-screen"
      actions={
        <>
          <PictoLink href={props.other.href} pictogram={props.other.pictogram} label={props.other.label} />
          <PictoLink href="/history" pictogram="calendar" label={t('history.title')} />
        </>
      }
    >
      <div class="log-filters">
        {props.chips}
        <PersonChips label={t('history.filterPerson')} people={props.people} selected={props.filters.one('person')} onPick={(id) => props.filters.setOne('person', id)} />
        <PeriodChips selected={props.filters.period()} onPick={(p) => props.filters.setOne('period', p === 'all' ? null : p)} />
      </div>
      <div class="log-summary">
        <p class="screen-summary" aria-live="polite">
          <Pictogram id={props.pictogram} />
          <span>{t('history.count', { count: props.entries.length })}</span>
        </p>
        <PictoButton pictogram="undo" label={t('history.showAll')} size="small" onClick={() => props.filters.clear(props.filterNames)} />
      </div>
      <Show when={props.entries.length > 0} fallback={<EmptyNote pictogram="calendar" text={t('history.none')} />}>
        <ul class="log-cards" role="list">
          <For each={props.entries}>{(entry) => <li>{props.children(entry)}</li>}</For>
        </ul>
      </Show>
    </Screen>
  );
}
