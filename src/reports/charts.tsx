/**
 * Small hand-written SVG charts for the trends screen: bars (one or two
 * series), an optional line on its own scale (a Pareto's cumulative share),
 * an optional dashed target, or a line with dots. No chart library: a few
 * rectangles and polylines on a fixed viewBox scale to any width, print
 * crisply and cost almost nothing to load.
 *
 * Accessibility: each chart is a <figure>; the <svg> is role="img" named by
 * its <title> and described by a one-sentence summary (<desc>); under it a
 * table with every number is the text alternative (shown with one tap, and
 * always printed; built when first shown or printed, not with the chart).
 * Colour is never the only channel: the second series is
 * hatched, the line has dots, and the legend names each.
 */
import { createMemo, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { useI18n } from '../i18n';
import { pictogramUrl } from '../pictograms/catalog';

const W = 800;
const H = 300;
const PAD = { left: 56, right: 56, top: 16, bottom: 36 };
const ICON = 30;

export interface BarSeries {
  name: string;
  values: (number | null)[];
}

export interface ChartProps {
  title: string;
  /** one sentence: what the chart shows in numbers */
  summary: string;
  /** short label of each category on the x axis */
  labels: string[];
  /** longer label for the table, if the short one is cryptic */
  fullLabels?: string[];
  /** a pictogram per category, drawn under the axis (e.g. deviation categories) */
  icons?: string[];
  /** header of the label column in the table */
  columnHeader: string;
  series: BarSeries[];
  /** 'line': the first series as a line with dots instead of bars */
  kind?: 'bar' | 'line';
  yMax: number;
  format: (v: number) => string;
  /** a second line on a right-hand 0–yMax scale */
  line?: BarSeries & { yMax: number; format: (v: number) => string };
  target?: { value: number; name: string };
  /** counts: grid lines only at whole numbers */
  integer?: boolean;
  testId?: string;
}

/** 1, 2, 5, 10, 20, 50 … : the first "nice" number at or above v. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function Chart(props: ChartProps) {
  const { t } = useI18n();
  const uid = createUniqueId();
  // Props are getters that re-run the caller's expression on every read (a scale's maximum is a max over
  // every value): read each once, not once per bar, dot or table cell.
  const labels = createMemo(() => props.labels);
  const series = createMemo(() => props.series);
  const yMax = createMemo(() => props.yMax);
  const icons = createMemo(() => props.icons);
  const lineSeries = createMemo(() => props.line);
  const targetLine = createMemo(() => props.target);
  const format = createMemo(() => props.format);
  const [tableOpen, setTableOpen] = createSignal(false);
  // The table (hundreds of rows for a year of meetings) is built when it is first shown, or printed (always
  // printed: tools.css), not with the chart: hidden, it is no text alternative for anyone yet.
  const [tableBuilt, setTableBuilt] = createSignal(false);
  const buildTable = () => setTableBuilt(true);
  /** each row of the table: its label, then every value as text */
  const tableRows = createMemo(() => {
    if (!tableBuilt()) return [];
    const full = props.fullLabels;
    const cell = (v: number | null | undefined, f: (v: number) => string) => (v === null || v === undefined ? '–' : f(v));
    return labels().map((label, i) => ({
      head: full?.[i] ?? label,
      cells: [...series().map((s) => cell(s.values[i], format())), ...(lineSeries() ? [cell(lineSeries()!.values[i], lineSeries()!.format)] : [])],
    }));
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('beforeprint', buildTable);
    onCleanup(() => window.removeEventListener('beforeprint', buildTable));
  }
  const bottom = () => PAD.bottom + (icons() ? ICON + 6 : 0);
  const plotW = W - PAD.left - PAD.right;
  const plotH = () => H - PAD.top - bottom();
  const n = () => Math.max(1, labels().length);
  const slot = () => plotW / n();
  const x = (i: number) => PAD.left + slot() * i;
  const y = (v: number, max = yMax()) => PAD.top + plotH() * (1 - Math.min(1, Math.max(0, v / (max || 1))));
  const every = () => Math.max(1, Math.ceil(n() / 12));
  /** the labels drawn under the axis: at most about 12 of them */
  const axisLabels = createMemo(() => {
    const step = every();
    const out: { label: string; i: number; icon: string | undefined }[] = [];
    for (let i = 0; i < labels().length; i += step) out.push({ label: labels()[i]!, i, icon: icons()?.[i] });
    return out;
  });
  /** grid lines at quarters of the scale, or halves / ends when quarters would not be whole numbers */
  const ticks = () => {
    for (const parts of [4, 2, 1]) {
      const step = yMax() / parts;
      if (!props.integer || Number.isInteger(step)) return Array.from({ length: parts + 1 }, (_, i) => i * step);
    }
    return [0, yMax()];
  };

  const barWidth = () => (slot() * 0.8) / Math.max(1, series().length);
  const points = (values: (number | null)[], max?: number) =>
    values.map((v, i) => (v === null ? null : ([x(i) + slot() / 2, y(v, max)] as const)));
  /** the points of the values there are (a dot each) */
  const dots = (values: (number | null)[], max?: number) => points(values, max).filter((p) => p !== null);
  /** polyline segments, broken where a value is missing */
  const segments = (values: (number | null)[], max?: number) => {
    const out: string[] = [];
    let cur: string[] = [];
    for (const p of points(values, max)) {
      if (p === null) {
        if (cur.length > 0) out.push(cur.join(' '));
        cur = [];
      } else cur.push(`${p[0].toFixed(1)},${p[1].toFixed(1)}`);
    }
    if (cur.length > 0) out.push(cur.join(' '));
    return out;
  };

  return (
    <figure class="chart" data-testid={props.testId}>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${uid}-title`}
        aria-describedby={`${uid}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${uid}-title`}>{props.title}</title>
        <desc id={`${uid}-desc`}>{props.summary}</desc>
        <defs>
          <pattern id={`${uid}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" class="chart-series-1" />
            <line x1="0" y1="0" x2="0" y2="8" class="chart-hatch" />
          </pattern>
        </defs>
        {/* grid and left axis */}
        <For each={ticks()}>
          {(v) => (
            <g class="chart-grid">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 8} y={y(v) + 5} text-anchor="end">
                {format()(v)}
              </text>
            </g>
          )}
        </For>
        <Show when={lineSeries()}>
          {(line) => (
            <For each={[0, 0.5, 1]}>
              {(f) => (
                <text class="chart-axis-right" x={W - PAD.right + 8} y={y(f * line().yMax, line().yMax) + 5}>
                  {line().format(f * line().yMax)}
                </text>
              )}
            </For>
          )}
        </Show>
        {/* bars */}
        <Show when={props.kind !== 'line'}>
          <For each={series()}>
            {(s, si) => (
              <g class={`chart-bars chart-series-${si()}`}>
                <For each={s.values}>
                  {(v, i) => (
                    <Show when={v !== null && v > 0}>
                      <rect
                        x={x(i()) + slot() * 0.1 + barWidth() * si()}
                        y={y(v!)}
                        width={Math.max(1, barWidth() - 1)}
                        height={PAD.top + plotH() - y(v!)}
                        fill={si() === 1 ? `url(#${uid}-hatch)` : undefined}
                        rx="2"
                      />
                    </Show>
                  )}
                </For>
              </g>
            )}
          </For>
        </Show>
        <Show when={props.kind === 'line' && series()[0]}>
          {(s) => (
            <g class="chart-line chart-series-0">
              <For each={segments(s().values)}>{(pts) => <polyline points={pts} />}</For>
              <For each={dots(s().values)}>{(p) => <circle cx={p[0]} cy={p[1]} r="4" />}</For>
            </g>
          )}
        </Show>
        <Show when={lineSeries()}>
          {(line) => (
            <g class="chart-line chart-line-extra">
              <For each={segments(line().values, line().yMax)}>{(pts) => <polyline points={pts} />}</For>
              <For each={dots(line().values, line().yMax)}>{(p) => <rect x={p[0] - 4} y={p[1] - 4} width="8" height="8" />}</For>
            </g>
          )}
        </Show>
        <Show when={targetLine()}>
          {(target) => (
            <g class="chart-target">
              <line x1={PAD.left} x2={W - PAD.right} y1={y(target().value)} y2={y(target().value)} />
              <text x={W - PAD.right + 4} y={y(target().value) + 5}>
                {format()(target().value)}
              </text>
            </g>
          )}
        </Show>
        {/* x axis */}
        <line class="chart-axis" x1={PAD.left} x2={W - PAD.right} y1={PAD.top + plotH()} y2={PAD.top + plotH()} />
        <For each={axisLabels()}>
          {(l) => (
            <>
              <Show when={l.icon}>
                {(icon) => <image href={pictogramUrl(icon())} x={x(l.i) + slot() / 2 - ICON / 2} y={PAD.top + plotH() + 4} width={ICON} height={ICON} />}
              </Show>
              <text class="chart-label" x={x(l.i) + slot() / 2} y={H - 10} text-anchor="middle">
                {l.label}
              </text>
            </>
          )}
        </For>
      </svg>
      <figcaption class="chart-caption">
        <ul class="chart-legend" aria-hidden="true">
          <For each={series()}>
            {(s, si) => (
              <li>
                <svg viewBox="0 0 16 16" class="chart-swatch">
                  <rect width="16" height="16" class={`chart-series-${si()}`} fill={si() === 1 ? `url(#${uid}-hatch)` : undefined} />
                </svg>
                {s.name}
              </li>
            )}
          </For>
          <Show when={lineSeries()}>
            {(line) => (
              <li>
                <svg viewBox="0 0 16 16" class="chart-swatch chart-line-extra">
                  <rect x="4" y="4" width="8" height="8" />
                </svg>
                {line().name}
              </li>
            )}
          </Show>
          <Show when={targetLine()}>
            {(target) => (
              <li>
                <svg viewBox="0 0 16 16" class="chart-swatch chart-target">
                  <line x1="0" x2="16" y1="8" y2="8" />
                </svg>
                {target().name}
              </li>
            )}
          </Show>
        </ul>
        <button
          type="button"
          class="chart-table-toggle no-print"
          aria-expanded={tableOpen()}
          aria-controls={`${uid}-table`}
          onClick={() => {
            buildTable();
            setTableOpen((o) => !o);
          }}
        >
          <img src={pictogramUrl('search')} alt="" aria-hidden="true" class="chart-toggle-icon" />
          <span>{tableOpen() ? t('trends.hideTable') : t('trends.showTable')}</span>
        </button>
        <div id={`${uid}-table`} class="chart-table-wrap" data-open={tableOpen() ? 'true' : 'false'}>
          <Show when={tableBuilt()}>
            <table class="chart-table">
              <caption>{props.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{props.columnHeader}</th>
                  <For each={series()}>{(s) => <th scope="col">{s.name}</th>}</For>
                  <Show when={lineSeries()}>{(line) => <th scope="col">{line().name}</th>}</Show>
                </tr>
              </thead>
              <tbody>
                <For each={tableRows()}>
                  {(row) => (
                    <tr>
                      <th scope="row">{row.head}</th>
                      <For each={row.cells}>{(c) => <td>{c}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </div>
      </figcaption>
    </figure>
  );
}
