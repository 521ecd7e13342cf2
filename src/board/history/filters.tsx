/**
 * Filter chips of the deviation and idea logs: pictogram chips that toggle
 * (category, status), face chips (who) and period chips (when). The chosen
 * filters live in the URL's query (`?category=safety,quality&period=month`),
 * so going back, reloading or sharing the address keeps them.
 */
import { useSearchParams } from '@solidjs/router';
import { createUniqueId, For, type JSX } from 'solid-js';
import { FaceImage, PictoButton } from '../../core/ui';
import type { Person } from '../../domain/types';
import { isLogPeriod, LOG_PERIODS, toggleValue, type LogPeriod } from '../../domain/history';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';

export interface ChipOption<T extends string> {
  value: T;
  label: string;
  pictogram: string;
}

/** The log's filters, read from and written to the query string. */
export function useLogFilters() {
  const [params, setParams] = useSearchParams();
  const read = (name: string): string[] => {
    const v = params[name];
    const s = Array.isArray(v) ? v.join(',') : (v ?? '');
    return s ? s.split(',').filter(Boolean) : [];
  };
  return {
    list: <T extends string>(name: string, allowed: readonly T[]): T[] => read(name).filter((v): v is T => (allowed as readonly string[]).includes(v)),
    toggle: (name: string, value: string) => {
      const next = toggleValue(read(name), value);
      setParams({ [name]: next.length ? next.join(',') : undefined }, { replace: true });
    },
    one: (name: string): string | null => read(name)[0] ?? null,
    setOne: (name: string, value: string | null) => setParams({ [name]: value ?? undefined }, { replace: true }),
    period: (): LogPeriod => {
      const p = read('period')[0];
      return isLogPeriod(p) ? p : 'all';
    },
    clear: (names: string[]) => setParams(Object.fromEntries(names.map((n) => [n, undefined])), { replace: true }),
  };
}

function FilterGroup(props: { label: string; pictogram: string; children: JSX.Element }) {
  const id = createUniqueId();
  return (
    <div class="log-filter" role="group" aria-labelledby={id}>
      <h2 id={id} class="log-filter-title">
        <Pictogram id={props.pictogram} />
        <span>{props.label}</span>
      </h2>
      <div class="log-chips">{props.children}</div>
    </div>
  );
}

export function ChipGroup<T extends string>(props: {
  label: string;
  pictogram: string;
  options: readonly ChipOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
}) {
  return (
    <FilterGroup label={props.label} pictogram={props.pictogram}>
      <For each={props.options}>
        {(o) => (
          <PictoButton
            pictogram={o.pictogram}
            label={o.label}
            size="small"
            class="log-chip"
            aria-pressed={props.selected.includes(o.value)}
            onClick={() => props.onToggle(o.value)}
          />
        )}
      </For>
    </FilterGroup>
  );
}

export function PersonChips(props: { label: string; people: readonly Person[]; selected: string | null; onPick: (id: string | null) => void }) {
  return (
    <FilterGroup label={props.label} pictogram="person">
      <For each={props.people}>
        {(p) => (
          <button
            type="button"
            class="log-chip log-face-chip"
            aria-label={p.firstName}
            aria-pressed={props.selected === p.id}
            onClick={() => props.onPick(props.selected === p.id ? null : p.id)}
          >
            <FaceImage person={p} />
            <span>{p.firstName}</span>
          </button>
        )}
      </For>
    </FilterGroup>
  );
}

export function PeriodChips(props: { selected: LogPeriod; onPick: (p: LogPeriod) => void }) {
  const { t } = useI18n();
  return (
    <FilterGroup label={t('history.filterPeriod')} pictogram="calendar">
      <For each={LOG_PERIODS}>
        {(p) => (
          <PictoButton
            pictogram={p === 'all' ? 'calendar' : 'clock'}
            label={t(`history.period.${p}`)}
            size="small"
            class="log-chip"
            aria-pressed={props.selected === p}
            onClick={() => props.onPick(p)}
          />
        )}
      </For>
    </FilterGroup>
  );
}
