/**
 * Status columns of the deviation and improvement boards. Each column is a
 * labelled region (its status word and pictogram, and a count), the cards a
 * list. On narrow screens the columns scroll sideways with snap points;
 * cards are moved by buttons, never dragged, so nothing fights the scroll.
 *
 * Columns and cards are keyed (columns by status, cards by record id), so a
 * live-query update changes what is shown without rebuilding the cards that
 * did not move: focus and scroll position stay where the hand left them.
 */
import { createMemo, createUniqueId, For, Show, type Accessor, type JSX } from 'solid-js';
import { Pictogram } from '../../pictograms/Pictogram';
import { useI18n } from '../../i18n';

export interface ColumnDef<K extends string> {
  key: K;
  pictogram: string;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function StatusColumns<K extends string, T extends { id: string }>(props: {
  label: string;
  columns: readonly ColumnDef<K>[];
  title: (key: K) => string;
  items: (key: K) => readonly T[];
  empty: string;
  children: (item: Accessor<T>) => JSX.Element;
}) {
  const { formatNumber } = useI18n();
  return (
    <div class="entry-columns" role="group" aria-label={props.label}>
      <For each={props.columns}>
        {(col) => {
          const titleId = createUniqueId();
          const items = createMemo(() => props.items(col.key));
          const byId = createMemo(() => new Map(items().map((i) => [i.id, i])));
          const ids = createMemo(() => items().map((i) => i.id), [], { equals: sameIds });
          return (
            <section class={`entry-column column-${col.key}`} aria-labelledby={titleId}>
              <h2 class="entry-column-title">
                <Pictogram id={col.pictogram} />
                <span id={titleId}>{props.title(col.key)}</span>
                <span class="entry-column-count" aria-hidden="true">
                  {formatNumber(ids().length)}
                </span>
              </h2>
              <Show when={ids().length > 0} fallback={<p class="empty">{props.empty}</p>}>
                <ul class="entry-cards" role="list">
                  <For each={ids()}>
                    {(id) => {
                      // The last known record, so a card leaving this column never renders empty on its way out.
                      // eslint-disable-next-line solid/reactivity -- a fallback snapshot, refreshed on every read below
                      let last = byId().get(id)!;
                      const item = () => (last = byId().get(id) ?? last);
                      return <li>{props.children(item)}</li>;
                    }}
                  </For>
                </ul>
              </Show>
            </section>
          );
        }}
      </For>
    </div>
  );
}
