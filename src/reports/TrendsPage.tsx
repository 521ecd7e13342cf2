/**
 * Trends (`/trends`, supervisor only, loaded lazily): how the workplace is
 * doing over the last 3, 6 or 12 months, as pictures —
 *
 * - attendance rate per week;
 * - deviations per category, biggest first, with the cumulative share (Pareto),
 *   and the median days to solve one, per month;
 * - ideas proposed and done per month, and who proposed them (faces);
 * - the safety cross of any month (the Goals screen's cross, paging back);
 * - how long the morning meetings took, against their target.
 *
 * Everything is read once (reportsRepo.trends: one read transaction over the
 * indexes) and computed by domain/stats; `tavla:trends-ready` is marked when
 * the charts are on screen (the benchmark measures it).
 */
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, For, Show, type ParentProps } from 'solid-js';
import { useApp } from '../core/context';
import { FaceImage, PictoButton } from '../core/ui';
import { SafetyCross } from '../core/board/SafetyCross';
import type { Iso } from '../domain/types';
import { monthsBetween, parseIsoDate } from '../domain/dates';
import { deviationPareto, ideaProposers, ideasByMonth, meetingLengths, median, timeToSolveByMonth } from '../domain/stats';
import { weeklyRatesFromDays } from '../domain/dailyCounts';
import { useI18n, type MessageKey } from '../i18n';
import { DEVIATION_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { Chart, niceMax } from './charts';
import { ToolScreen } from '../core/tools';
import { cachedDateFormat, cachedNumberFormat } from './format';
import { DEFAULT_TREND_RANGE, TREND_RANGES, trendsFrom } from './preload';
// The reports repository is a chunk of its own, loaded on first use (data/index.ts): imported here, it
// loads beside this page's chunk instead of after the page has rendered and asked for its data.
import '../data/repos/reports';

// one object per format: the formatter finds its Intl.DateTimeFormat by it (format.ts)
const MONTH_SHORT: Intl.DateTimeFormatOptions = { month: 'short' };
const MONTH_LONG: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
const DAY_SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric' };
const DAY_LONG: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };

function Section(props: ParentProps<{ id: string; title: string; pictogram: string }>) {
  return (
    <section class="trend-section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        <Pictogram id={props.pictogram} class="trend-section-icon" />
        <span>{props.title}</span>
      </h2>
      {props.children}
    </section>
  );
}

function Empty(props: { message: string }) {
  return (
    <p class="trend-empty">
      <Pictogram id="info" class="trend-empty-icon" />
      <span>{props.message}</span>
    </p>
  );
}

export default function TrendsPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const formatDate = cachedDateFormat(i18n);
  const formatNumber = cachedNumberFormat(i18n);
  const [params, setParams] = useSearchParams<{ months?: string }>();
  const range = () => {
    const n = Number(params.months);
    return (TREND_RANGES as readonly number[]).includes(n) ? n : DEFAULT_TREND_RANGE;
  };
  /** from the first day of the month (range − 1) months back, to today */
  const from = createMemo<Iso>(() => trendsFrom(app.today(), range()));
  const to = () => app.today();
  const months = createMemo(() => monthsBetween(from(), to()));

  const [data] = createResource(
    () => {
      const id = app.workplaceId();
      return id ? { id, from: from(), to: to() } : false;
    },
    ({ id, from, to }) => app.repos.reports.trends(id, from, to),
  );

  const openDays = () => app.workplace()?.openDays ?? [1, 2, 3, 4, 5];
  const weeks = createMemo(() => (data() ? weeklyRatesFromDays(data()!.days, openDays(), from(), to()) : []));
  const pareto = createMemo(() => (data() ? deviationPareto(data()!.deviations, from(), to()) : []));
  const solve = createMemo(() => (data() ? timeToSolveByMonth(data()!.deviations, months()) : []));
  const ideas = createMemo(() => (data() ? ideasByMonth(data()!.ideas, months()) : []));
  const proposers = createMemo(() => (data() ? ideaProposers(data()!.ideas, from(), to()) : []));
  const meetings = createMemo(() => (data() ? meetingLengths(data()!.meetings, from(), to()) : []));
  const personOf = (id: string | null) => (id ? data()?.people.find((p) => p.id === id) : undefined);

  createEffect(() => {
    if (data.state === 'ready') queueMicrotask(() => performance.mark('tavla:trends-ready'));
  });

  const pct = (v: number) => `${formatNumber(Math.round(v * 100))} %`;
  const num = (v: number) => formatNumber(tenths(v));
  // A number, not a formatted string: the summaries choose their plural form by it.
  const tenths = (v: number) => Math.round(v * 10) / 10;
  const monthShort = (m: string) => formatDate(parseIsoDate(`${m}-01`), MONTH_SHORT);
  const monthLong = (m: string) => formatDate(parseIsoDate(`${m}-01`), MONTH_LONG);
  const dayShort = (d: Iso) => formatDate(parseIsoDate(d), DAY_SHORT);
  const dayLong = (d: Iso) => formatDate(parseIsoDate(d), DAY_LONG);
  const categoryName = (c: string) => t(`deviation.category.${c}` as MessageKey);

  const attendanceSummary = () => {
    const rates = weeks().flatMap((w) => (w.rate === null ? [] : [w.rate]));
    if (rates.length === 0) return t('trends.noData');
    return t('trends.attendanceSummary', { average: pct(rates.reduce((a, b) => a + b, 0) / rates.length), lowest: pct(Math.min(...rates)), highest: pct(Math.max(...rates)) });
  };
  const paretoSummary = () => {
    const p = pareto();
    const total = p.reduce((a, b) => a + b.count, 0);
    return p.length === 0 ? t('trends.noData') : t('trends.paretoSummary', { total, top: categoryName(p[0]!.category), share: pct(p[0]!.share) });
  };
  const solveSummary = () => {
    const all = solve().filter((s) => s.medianDays !== null);
    if (all.length === 0) return t('trends.noData');
    return t('trends.solveSummary', { solved: all.reduce((a, s) => a + s.solved, 0), median: tenths(median(all.map((s) => s.medianDays!))!) });
  };
  const ideasSummary = () => {
    const p = ideas().reduce((a, m) => a + m.proposed, 0);
    const d = ideas().reduce((a, m) => a + m.done, 0);
    return t('trends.ideasSummary', { proposed: p, done: d });
  };
  const meetingSummary = () => {
    const m = meetings();
    if (m.length === 0) return t('trends.noData');
    const over = m.filter((x) => x.minutes > x.targetMinutes).length;
    return t('trends.meetingSummary', { count: m.length, median: tenths(median(m.map((x) => x.minutes))!), over });
  };
  const meetingTarget = () => meetings().at(-1)?.targetMinutes ?? app.workplace()?.meetingTargetMinutes ?? 15;
  const proposerMax = () => Math.max(1, ...proposers().map((p) => p.proposed));

  return (
    <ToolScreen title={t('trends.title')} pictogram="bar-chart" class="trends-screen">
      <div class="report-choice no-print" role="group" aria-label={t('trends.range')}>
        <For each={TREND_RANGES}>
          {(n) => (
            <PictoButton pictogram="calendar" label={t('trends.months', { n })} aria-pressed={range() === n} onClick={() => setParams({ months: String(n) })} />
          )}
        </For>
      </div>
      <p class="trends-period">{t('trends.period', { from: dayLong(from()), to: dayLong(to()) })}</p>

      <Show when={data.state === 'ready'} fallback={<p class="report-loading">{t('app.loading')}</p>}>
        <div class="trends-grid">
          <Section id="trend-attendance" title={t('trends.attendance')} pictogram="people">
            <Chart
              testId="chart-attendance"
              title={t('trends.attendance')}
              summary={attendanceSummary()}
              columnHeader={t('trends.week')}
              labels={weeks().map((w) => w.week.slice(-2))}
              fullLabels={weeks().map((w) => t('trends.weekOf', { week: w.week.slice(-2), date: dayShort(w.start) }))}
              series={[{ name: t('trends.rate'), values: weeks().map((w) => w.rate) }]}
              kind="line"
              yMax={1}
              format={pct}
            />
          </Section>

          <Section id="trend-pareto" title={t('trends.pareto')} pictogram="warning">
            <Show when={pareto().length > 0} fallback={<Empty message={t('trends.noDeviations')} />}>
              <Chart
                testId="chart-pareto"
                title={t('trends.pareto')}
                summary={paretoSummary()}
                columnHeader={t('trends.category')}
                labels={pareto().map((p) => String(p.count))}
                fullLabels={pareto().map((p) => categoryName(p.category))}
                icons={pareto().map((p) => DEVIATION_PICTOGRAM[p.category])}
                series={[{ name: t('trends.count'), values: pareto().map((p) => p.count) }]}
                yMax={niceMax(pareto()[0]?.count ?? 1)}
                integer
                format={(v) => formatNumber(Math.round(v))}
                line={{ name: t('trends.cumulative'), values: pareto().map((p) => p.cumulative), yMax: 1, format: pct }}
              />
            </Show>
          </Section>

          <Section id="trend-solve" title={t('trends.timeToSolve')} pictogram="stopwatch">
            <Chart
              testId="chart-solve"
              title={t('trends.timeToSolve')}
              summary={solveSummary()}
              columnHeader={t('trends.month')}
              labels={solve().map((s) => monthShort(s.month))}
              fullLabels={solve().map((s) => `${monthLong(s.month)} (${t('trends.solvedCount', { n: s.solved })})`)}
              series={[{ name: t('trends.medianDays'), values: solve().map((s) => s.medianDays) }]}
              yMax={niceMax(Math.max(1, ...solve().map((s) => s.medianDays ?? 0)))}
              integer
              format={num}
            />
          </Section>

          <Section id="trend-ideas" title={t('trends.ideas')} pictogram="idea">
            <Chart
              testId="chart-ideas"
              title={t('trends.ideas')}
              summary={ideasSummary()}
              columnHeader={t('trends.month')}
              labels={ideas().map((m) => monthShort(m.month))}
              fullLabels={ideas().map((m) => monthLong(m.month))}
              series={[
                { name: t('trends.proposed'), values: ideas().map((m) => m.proposed) },
                { name: t('trends.done'), values: ideas().map((m) => m.done) },
              ]}
              yMax={niceMax(Math.max(1, ...ideas().flatMap((m) => [m.proposed, m.done])))}
              integer
              format={(v) => formatNumber(Math.round(v))}
            />
            <h3 class="trend-subtitle">{t('trends.proposers')}</h3>
            <Show when={proposers().length > 0} fallback={<Empty message={t('trends.noIdeas')} />}>
              <ol class="trend-faces" data-testid="proposers">
                <For each={proposers().slice(0, 12)}>
                  {(p) => (
                    <li>
                      <FaceImage person={personOf(p.personId)} class="trend-face" />
                      <span class="trend-face-name">{personOf(p.personId)?.firstName ?? t('trends.nobody')}</span>
                      <span class="trend-face-bar" aria-hidden="true" style={{ width: `${(p.proposed / proposerMax()) * 100}%` }} />
                      <span class="trend-face-count">{t('trends.proposerCount', { proposed: p.proposed, done: p.done })}</span>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </Section>

          <Section id="trend-safety" title={t('goals.safetyCross')} pictogram="safety">
            <SafetyCross date={app.today()} deviations={data()!.deviations} />
          </Section>

          <Section id="trend-meetings" title={t('trends.meetings')} pictogram="stopwatch">
            <Show when={meetings().length > 0} fallback={<Empty message={t('trends.noMeetings')} />}>
              <Chart
                testId="chart-meetings"
                title={t('trends.meetings')}
                summary={meetingSummary()}
                columnHeader={t('trends.day')}
                labels={meetings().map((m) => dayShort(m.date))}
                fullLabels={meetings().map((m) => dayLong(m.date))}
                series={[{ name: t('trends.minutes'), values: meetings().map((m) => m.minutes) }]}
                kind="line"
                yMax={niceMax(Math.max(meetingTarget() * 1.5, ...meetings().map((m) => m.minutes)))}
                integer
                format={num}
                target={{ value: meetingTarget(), name: t('trends.target') }}
              />
            </Show>
          </Section>
        </div>
      </Show>
    </ToolScreen>
  );
}
