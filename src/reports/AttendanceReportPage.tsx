/**
 * The attendance report (`/reports/attendance`, supervisor only): for a week,
 * a month or any dates, per person the days present, late, sick, absent with
 * and without notice and on leave, the scheduled hours (when the workplace
 * has opening times) and the attendance rate; for one person also day by
 * day; and the whole group month by month.
 *
 * The same page is the printout for a referring agency (print CSS: A4, the
 * workplace, the period, a signature line; the controls are not printed) and
 * the source of a CSV file for Swedish Excel. A period without any mark says
 * so instead of showing a table of zeros. The numbers are domain/stats: for
 * one person from their marks (a few hundred), for everyone from the months
 * of each person (domain/monthlyCounts.ts, the same numbers from ~600 kept
 * rows instead of ~12,000 marks for a year).
 */
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, For, Show } from 'solid-js';
import { useApp } from '../core/context';
import { PictoButton } from '../core/ui';
import type { AttendanceStatus, Iso, Person } from '../domain/types';
import { ATTENDANCE_STATUSES } from '../domain/types';
import { parseIsoDate } from '../domain/dates';
import { attendanceReport, groupMonthSummary, personDays, workdayMinutes, type PersonAttendance } from '../domain/stats';
import { attendanceReportFromMonths, groupMonthSummaryFromMonths } from '../domain/monthlyCounts';
import { useI18n, type MessageKey } from '../i18n';
import { ATTENDANCE_PICTOGRAM } from '../pictograms/catalog';
import { Pictogram } from '../pictograms/Pictogram';
import { downloadFile, ToolScreen } from '../core/tools';
import { cachedDateFormat, cachedNumberFormat } from './format';
// The reports repository is a chunk of its own, loaded on first use (data/index.ts): imported here, it
// loads beside this page's chunk instead of after the page has rendered and asked for its data.
import '../data/repos/reports';
import { safeFileName, toCsv, type CsvValue } from '../core/csv';
import { isValidPeriod, monthPeriod, periodFromParams, shiftPeriod, weekPeriod, type Period, type PeriodKind } from './period';

const statusKey = (s: AttendanceStatus) => `status.${s}` as MessageKey;

export default function AttendanceReportPage() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const formatDate = cachedDateFormat(i18n);
  const formatNumber = cachedNumberFormat(i18n);
  const [params, setParams] = useSearchParams<{ period?: string; from?: string; to?: string; person?: string }>();
  const period = createMemo(() => periodFromParams(params, app.today()));
  const valid = () => isValidPeriod(period());
  const personId = () => params.person ?? '';

  const setPeriod = (p: Period) => setParams({ period: p.kind, from: p.from, to: p.kind === 'custom' ? p.to : undefined });
  const choose = (kind: PeriodKind) => {
    const p = period();
    if (kind === 'week') setPeriod(weekPeriod(p.from));
    else if (kind === 'month') setPeriod(monthPeriod(p.from));
    else setPeriod({ kind: 'custom', from: p.from, to: p.to });
  };

  const [data] = createResource(
    () => {
      const id = app.workplaceId();
      const p = period();
      return id && isValidPeriod(p) ? { id, from: p.from, to: p.to, personId: personId() } : false;
    },
    async ({ id, from, to, personId: who }) => {
      // one person: their marks; everyone: the kept months of each person
      const [people, marks, months] = await Promise.all([
        app.repos.reports.people(id),
        who ? app.repos.reports.personMarks(id, who, from, to) : [],
        who ? [] : app.repos.reports.attendanceMonths(id, from, to),
      ]);
      return { people, marks, months };
    },
  );

  const wp = () => app.workplace();
  const people = createMemo<Person[]>(() => {
    const all = data()?.people ?? [];
    return personId() ? all.filter((p) => p.id === personId()) : all;
  });
  const nameOf = (id: string) => data()?.people.find((p) => p.id === id)?.firstName ?? '';
  const options = () => ({
    from: period().from,
    to: period().to,
    openDays: wp()?.openDays ?? [1, 2, 3, 4, 5],
    openingTime: wp()?.openingTime,
    closingTime: wp()?.closingTime,
  });
  const rows = createMemo<PersonAttendance[]>(() => {
    const d = data();
    if (!d) return [];
    const ids = people().map((p) => p.id);
    if (personId()) return attendanceReport(ids, d.marks, options());
    // people with no mark in the period are left out of an "everyone" report
    return attendanceReportFromMonths(ids, d.months, options()).filter((r) => r.marked > 0);
  });
  const months = createMemo(() => {
    const d = data();
    if (!d) return [];
    if (personId()) return groupMonthSummary(d.marks, options().openDays, period().from, period().to);
    return groupMonthSummaryFromMonths(d.months, options().openDays, period().from, period().to);
  });
  const hasData = () => months().some((m) => m.marks > 0);
  const hasHours = () => workdayMinutes(wp()?.openingTime, wp()?.closingTime) !== null;
  const days = createMemo(() => (personId() && data() ? personDays(personId(), data()!.marks, period().from, period().to) : []));

  createEffect(() => {
    if (data.state === 'ready') queueMicrotask(() => performance.mark('tavla:report-ready'));
  });

  const dateText = (iso: Iso, opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }) => formatDate(parseIsoDate(iso), opts);
  const periodText = () => `${dateText(period().from)} – ${dateText(period().to)}`;
  const monthText = (month: string) => formatDate(parseIsoDate(`${month}-01`), { month: 'long', year: 'numeric' });
  const hours = (h: number | null) => (h === null ? '–' : formatNumber(Math.round(h * 10) / 10));
  const rate = (r: number | null) => (r === null ? '–' : `${formatNumber(Math.round(r * 100))} %`);

  const total = createMemo(() => {
    const sum = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<AttendanceStatus, number>;
    let h = 0;
    for (const r of rows()) {
      for (const s of ATTENDANCE_STATUSES) sum[s] += r.counts[s];
      h += r.hours ?? 0;
    }
    return { counts: sum, hours: hasHours() ? h : null, here: sum.present + sum.late };
  });

  const downloadCsv = () => {
    const w = wp();
    const header: CsvValue[] = [t('report.workplace'), t('report.from'), t('report.to'), t('report.name'), ...ATTENDANCE_STATUSES.map((s) => t(statusKey(s))), t('report.here'), t('report.hours'), t('report.rate')];
    const body = rows().map((r) => [
      w?.name ?? '',
      period().from,
      period().to,
      nameOf(r.personId),
      ...ATTENDANCE_STATUSES.map((s) => r.counts[s]),
      r.daysHere,
      r.hours === null ? null : Math.round(r.hours * 10) / 10,
      r.rate === null ? null : Math.round(r.rate * 100),
    ]);
    const name = `${safeFileName(t('report.fileName'), w?.name ?? '', personId() ? nameOf(personId()) : '', period().from, period().to)}.csv`;
    downloadFile(new Blob([toCsv([header, ...body])], { type: 'text/csv;charset=utf-8' }), name);
    app.notify({ kind: 'success', pictogram: 'save', message: 'report.csvSaved' });
  };

  return (
    <ToolScreen title={t('report.title')} pictogram="print" class="attendance-report-screen">
      <section class="report-controls no-print" aria-label={t('report.period')}>
        <div class="report-choice" role="group" aria-label={t('report.period')}>
          <PictoButton pictogram="calendar" label={t('report.week')} aria-pressed={period().kind === 'week'} onClick={() => choose('week')} />
          <PictoButton pictogram="calendar" label={t('report.month')} aria-pressed={period().kind === 'month'} onClick={() => choose('month')} />
          <PictoButton pictogram="edit" label={t('report.custom')} aria-pressed={period().kind === 'custom'} onClick={() => choose('custom')} />
        </div>
        <div class="report-step">
          <PictoButton pictogram="previous" label={t('report.previous')} variant="ghost" onClick={() => valid() && setPeriod(shiftPeriod(period(), -1))} />
          <p class="report-period-now" aria-live="polite">
            {periodText()}
          </p>
          <PictoButton pictogram="next" label={t('report.next')} variant="ghost" onClick={() => valid() && setPeriod(shiftPeriod(period(), 1))} />
        </div>
        <Show when={period().kind === 'custom'}>
          <div class="report-dates">
            <label class="report-field">
              <span>
                <Pictogram id="calendar" class="report-field-icon" />
                {t('report.from')}
              </span>
              <input type="date" name="from" value={period().from} onChange={(e) => e.currentTarget.value && setParams({ period: 'custom', from: e.currentTarget.value, to: period().to })} />
            </label>
            <label class="report-field">
              <span>
                <Pictogram id="calendar" class="report-field-icon" />
                {t('report.to')}
              </span>
              <input type="date" name="to" value={period().to} onChange={(e) => e.currentTarget.value && setParams({ period: 'custom', from: period().from, to: e.currentTarget.value })} />
            </label>
          </div>
        </Show>
        <label class="report-field">
          <span>
            <Pictogram id="person" class="report-field-icon" />
            {t('report.person')}
          </span>
          <select name="person" value={personId()} onChange={(e) => setParams({ person: e.currentTarget.value || undefined })}>
            <option value="">{t('report.everyone')}</option>
            <For each={data()?.people ?? []}>{(p) => <option value={p.id}>{p.firstName}</option>}</For>
          </select>
        </label>
        <div class="report-actions">
          <PictoButton pictogram="print" label={t('report.print')} variant="primary" disabled={!hasData()} onClick={() => window.print()} />
          <PictoButton pictogram="save" label={t('report.csv')} disabled={!hasData()} onClick={downloadCsv} />
        </div>
      </section>

      <article class="report-sheet" aria-labelledby="report-sheet-title">
        <header class="report-sheet-header">
          <h2 id="report-sheet-title">{t('report.title')}</h2>
          <dl class="report-facts">
            <div>
              <dt>{t('report.workplace')}</dt>
              <dd data-testid="report-workplace">{wp()?.name}</dd>
            </div>
            <div>
              <dt>{t('report.period')}</dt>
              <dd data-testid="report-period">{periodText()}</dd>
            </div>
            <Show when={personId()}>
              <div>
                <dt>{t('report.person')}</dt>
                <dd>{nameOf(personId())}</dd>
              </div>
            </Show>
          </dl>
        </header>

        <Show when={valid()} fallback={<Problem message={t('report.badPeriod')} />}>
          <Show when={data.state === 'ready'} fallback={<p class="report-loading">{t('app.loading')}</p>}>
            <Show when={hasData()} fallback={<Problem message={t('report.empty')} />}>
              <section aria-labelledby="report-people">
                <h3 id="report-people">{t('report.perPerson')}</h3>
                <div class="report-table-wrap">
                  <table class="report-table" data-testid="report-people">
                    <thead>
                      <tr>
                        <th scope="col">{t('report.name')}</th>
                        <For each={ATTENDANCE_STATUSES}>
                          {(s) => (
                            <th scope="col">
                              <Pictogram id={ATTENDANCE_PICTOGRAM[s]} class="report-th-icon" />
                              <span>{t(statusKey(s))}</span>
                            </th>
                          )}
                        </For>
                        <th scope="col">{t('report.here')}</th>
                        <Show when={hasHours()}>
                          <th scope="col">{t('report.hours')}</th>
                        </Show>
                        <th scope="col">{t('report.rate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={rows()}>
                        {(r) => (
                          <tr data-person={r.personId}>
                            <th scope="row">{nameOf(r.personId)}</th>
                            <For each={ATTENDANCE_STATUSES}>{(s) => <td data-status={s}>{r.counts[s]}</td>}</For>
                            <td data-col="here">{r.daysHere}</td>
                            <Show when={hasHours()}>
                              <td data-col="hours">{hours(r.hours)}</td>
                            </Show>
                            <td data-col="rate">{rate(r.rate)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                    <Show when={rows().length > 1}>
                      <tfoot>
                        <tr>
                          <th scope="row">{t('report.total')}</th>
                          <For each={ATTENDANCE_STATUSES}>{(s) => <td data-status={s}>{total().counts[s]}</td>}</For>
                          <td>{total().here}</td>
                          <Show when={hasHours()}>
                            <td>{hours(total().hours)}</td>
                          </Show>
                          <td />
                        </tr>
                      </tfoot>
                    </Show>
                  </table>
                </div>
              </section>

              <Show when={personId()}>
                <section aria-labelledby="report-days">
                  <h3 id="report-days">{t('report.days')}</h3>
                  <ol class="report-days" data-testid="report-days">
                    <For each={days().filter((d) => d.status !== null)}>
                      {(d) => (
                        <li>
                          <span class="report-day-date">{dateText(d.date, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
                          <Pictogram id={ATTENDANCE_PICTOGRAM[d.status!]} class="report-day-icon" />
                          <span>{t(statusKey(d.status!))}</span>
                        </li>
                      )}
                    </For>
                  </ol>
                </section>
              </Show>

              <section aria-labelledby="report-months">
                <h3 id="report-months">{personId() ? t('report.byMonth') : t('report.groupSummary')}</h3>
                <div class="report-table-wrap">
                  <table class="report-table" data-testid="report-months">
                    <thead>
                      <tr>
                        <th scope="col">{t('report.monthCol')}</th>
                        <For each={ATTENDANCE_STATUSES}>{(s) => <th scope="col">{t(statusKey(s))}</th>}</For>
                        <th scope="col">{t('report.people')}</th>
                        <th scope="col">{t('report.rate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={months()}>
                        {(m) => (
                          <tr data-month={m.month}>
                            <th scope="row">{monthText(m.month)}</th>
                            <For each={ATTENDANCE_STATUSES}>{(s) => <td data-status={s}>{m.counts[s]}</td>}</For>
                            <td>{m.people}</td>
                            <td>{rate(m.rate)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>

              <ul class="report-notes">
                <li>{t('report.rateNote')}</li>
                <li>{hasHours() ? t('report.hoursNote', { opening: wp()?.openingTime ?? '', closing: wp()?.closingTime ?? '' }) : t('report.noHours')}</li>
              </ul>

              <footer class="report-signature">
                <p class="report-printed">{t('report.printedOn', { date: dateText(app.today()) })}</p>
                <div class="report-sign-lines">
                  <div class="report-sign-line">{t('report.signature')}</div>
                  <div class="report-sign-line">{t('report.nameClarification')}</div>
                  <div class="report-sign-line">{t('report.signPlaceDate')}</div>
                </div>
              </footer>
            </Show>
          </Show>
        </Show>
      </article>
    </ToolScreen>
  );
}

function Problem(props: { message: string }) {
  return (
    <p class="report-empty" role="status">
      <Pictogram id="info" class="report-empty-icon" />
      <span>{props.message}</span>
    </p>
  );
}
