/**
 * The month's safety cross (säkerhetskorset): the days of the month on a plus
 * sign, each green (a safe open day), red (a safety deviation was reported)
 * or grey (closed, or still to come). The colour rule and the layout are pure
 * domain code (src/domain/safetyCross.ts); this file only draws them.
 *
 * Two forms:
 * - compact: the small cross on the home board's Goals tile. Purely visual,
 *   one image with a text alternative ("N days without …, M with").
 * - full: on the Goals screen, with day numbers, today outlined, a legend
 *   (pictogram + word for each colour, so colour is never the only channel),
 *   month navigation, and a list of days each named "23: No safety deviation".
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../context';
import { PictoButton } from '../ui';
import type { Deviation, Iso } from '../../domain/types';
import { isoDateAt, isValidIsoDate, parseIsoDate } from '../../domain/dates';
import {
  SAFETY_CROSS_SHAPE,
  safetyCrossCells,
  safetyCrossMonth,
  safetyDeviationDates,
  type SafetyCrossColor,
} from '../../domain/safetyCross';
import { useI18n } from '../../i18n';
import { STATUS_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import './safety-cross.css';

/** Used until the workplace has loaded: a Monday–Friday week. */
const DEFAULT_OPEN_DAYS = [1, 2, 3, 4, 5];
const COLORS: readonly SafetyCrossColor[] = ['green', 'red', 'grey'];

interface YearMonth {
  year: number;
  month: number; // 1–12
}

function yearMonthOf(date: Iso): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

function shiftMonth({ year, month }: YearMonth, by: number): YearMonth {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

const sameMonth = (a: YearMonth, b: YearMonth) => a.year === b.year && a.month === b.month;

export function SafetyCross(props: { date: Iso; deviations: Deviation[]; compact?: boolean }) {
  const app = useApp();
  const { t, formatDate, formatNumber } = useI18n();
  const today = () => (isValidIsoDate(props.date) ? props.date : app.today());
  /** months back from today's month; the full form can page back, never past this month */
  const [offset, setOffset] = createSignal(0);
  const shown = createMemo(() => shiftMonth(yearMonthOf(today()), props.compact ? 0 : offset()));

  const unsafeDates = createMemo(() => safetyDeviationDates(props.deviations));
  /** the workplace's first day: when it was made, or its earliest safety deviation if one was reported back-dated */
  const since = createMemo(() => {
    const created = app.workplace()?.createdAt;
    if (created === undefined) return undefined;
    const first = isoDateAt(created);
    const earliest = unsafeDates()[0];
    return earliest !== undefined && earliest < first ? earliest : first;
  });
  const days = createMemo(() => {
    const { year, month } = shown();
    return safetyCrossCells(
      safetyCrossMonth(year, month, {
        today: today(),
        openDays: app.workplace()?.openDays ?? DEFAULT_OPEN_DAYS,
        safetyDeviationDates: unsafeDates(),
        since: since(),
      }),
    );
  });
  /** plus-sign positions with no day this month (e.g. 29–31 in February): drawn as empty outline */
  const emptyCells = createMemo(() => {
    const used = new Set(days().map((d) => `${d.row}:${d.col}`));
    return SAFETY_CROSS_SHAPE.filter((c) => !used.has(`${c.row}:${c.col}`));
  });
  const count = (color: SafetyCrossColor) => days().filter((d) => d.color === color).length;
  const summary = () => t('safety.summary', { green: count('green'), red: count('red') });
  const monthName = () => {
    const { year, month } = shown();
    return formatDate(parseIsoDate(`${year}-${String(month).padStart(2, '0')}-01`), { month: 'long', year: 'numeric' });
  };
  const cellStyle = (c: { row: number; col: number }) => ({ 'grid-row': String(c.row + 1), 'grid-column': String(c.col + 1) });

  const isCurrentMonth = () => sameMonth(shown(), yearMonthOf(today()));

  const compact = () => (
    <div class="safety-cross compact" role="img" aria-label={`${t('goals.safetyCross')}: ${summary()}`}>
      <For each={emptyCells()}>{(c) => <span class="safety-cell empty" style={cellStyle(c)} />}</For>
      <For each={days()}>
        {(d) => <span class={`safety-cell safety-${d.color} ${d.isToday ? 'is-today' : ''}`} style={cellStyle(d)} />}
      </For>
    </div>
  );

  const full = () => (
    <div class="safety-cross full">
      <div class="safety-cross-nav">
        <PictoButton
          pictogram="previous"
          label={t('safety.previousMonth')}
          variant="ghost"
          size="small"
          class="safety-cross-step"
          onClick={() => setOffset((o) => o - 1)}
        />
        <h3 class="safety-cross-month" aria-live="polite">
          {monthName()}
        </h3>
        <PictoButton
          pictogram="next"
          label={t('safety.nextMonth')}
          variant="ghost"
          size="small"
          class="safety-cross-step"
          disabled={isCurrentMonth()}
          onClick={() => setOffset((o) => Math.min(0, o + 1))}
        />
      </div>
      <p class="safety-cross-summary">{summary()}</p>
      <ol class="safety-cross-grid" aria-label={t('goals.safetyCrossMonth', { month: monthName() })}>
        <For each={days()}>
          {(d) => (
            <li
              class={`safety-cell safety-${d.color} ${d.isToday ? 'is-today' : ''}`}
              style={cellStyle(d)}
              aria-label={t('safety.day', { day: d.day, state: t(`safety.${d.color}`) })}
              aria-current={d.isToday ? 'date' : undefined}
              data-date={d.date}
            >
              <span class="safety-day" aria-hidden="true">
                {formatNumber(d.day)}
              </span>
              <Show when={d.color === 'red'}>
                <Pictogram id={STATUS_PICTOGRAM.red} class="safety-mark" />
              </Show>
            </li>
          )}
        </For>
      </ol>
      <ul class="safety-cross-legend" aria-label={t('safety.legend')}>
        <For each={COLORS}>
          {(color) => (
            <li>
              <span class={`safety-swatch safety-${color}`} aria-hidden="true">
                <Pictogram id={STATUS_PICTOGRAM[color]} />
              </span>
              <span>{t(`safety.${color}`)}</span>
            </li>
          )}
        </For>
        <li>
          <span class="safety-swatch is-today" aria-hidden="true" />
          <span>{t('app.today')}</span>
        </li>
      </ul>
    </div>
  );

  return (
    <Show when={!props.compact} fallback={compact()}>
      {full()}
    </Show>
  );
}
