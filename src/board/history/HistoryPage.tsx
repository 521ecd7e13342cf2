/**
 * Earlier days (/history): a month calendar with the weekday pictograms on
 * top; tapping a day opens that day's board, read only (/history/<date>).
 * Days with a board meeting carry the meeting pictogram; closed days are
 * dimmed; days still to come cannot be opened. The deviation and idea logs
 * are one tap away.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoButton, PictoLink, Screen } from '../../core/ui';
import { parseIsoDate } from '../../domain/dates';
import { calendarWeeks } from '../../domain/history';
import { useI18n } from '../../i18n';
import { SECTION_PICTOGRAM, WEEKDAY_PICTOGRAM } from '../../pictograms/catalog';
import { Pictogram } from '../../pictograms/Pictogram';
import './history.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** 2024-01-01 is a Monday: a fixed week to name the weekdays from */
const weekdayDate = (n: number) => parseIsoDate(`2024-01-0${n}`);

export default function HistoryPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  /** months back from this month */
  const [offset, setOffset] = createSignal(0);
  const month = createMemo(() => {
    const [y, m] = app.today().split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) - offset();
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });
  const weeks = createMemo(() => calendarWeeks(month().year, month().month));
  const meetingDays = app.lookups.meetingDays(() => {
    const days = weeks().flat().filter((d): d is string => d !== null);
    return days.length ? { from: days[0]!, to: days.at(-1)! } : null;
  });
  const openDays = () => app.workplace()?.openDays ?? [1, 2, 3, 4, 5];
  const monthName = () => formatDate(parseIsoDate(`${month().year}-${String(month().month).padStart(2, '0')}-01`), { month: 'long', year: 'numeric' });

  return (
    <Screen
      title={t('history.title')}
      pictogram="calendar"
      class="history-screen"
      actions={
        <>
          <PictoLink href="/history/deviations" pictogram={SECTION_PICTOGRAM.deviations} label={t('history.deviationLog')} />
          <PictoLink href="/history/ideas" pictogram={SECTION_PICTOGRAM.improvements} label={t('history.ideaLog')} />
          <PictoLink href="/meeting/log" pictogram="meeting" label={t('meeting.log')} />
        </>
      }
    >
      <div class="history-month-nav">
        <PictoButton pictogram="previous" label={t('safety.previousMonth')} variant="ghost" onClick={() => setOffset((o) => o + 1)} />
        <h2 class="history-month" aria-live="polite">
          {monthName()}
        </h2>
        <PictoButton pictogram="next" label={t('safety.nextMonth')} variant="ghost" disabled={offset() === 0} onClick={() => setOffset((o) => Math.max(0, o - 1))} />
      </div>
      <table class="history-calendar" aria-label={t('history.pickDay')}>
        <thead>
          <tr>
            <For each={WEEKDAYS}>
              {(n) => (
                <th scope="col">
                  <Pictogram id={WEEKDAY_PICTOGRAM[n]} class="history-weekday" />
                  <span class="sr-only">{formatDate(weekdayDate(n), { weekday: 'long' })}</span>
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={weeks()}>
            {(week) => (
              <tr>
                <For each={week}>
                  {(day, i) => (
                    <td>
                      <Show when={day}>
                        {(d) => {
                          const label = () => formatDate(parseIsoDate(d()), { weekday: 'long', day: 'numeric', month: 'long' });
                          const cls = () =>
                            `history-day ${openDays().includes(i() + 1) ? '' : 'is-closed'} ${d() === app.today() ? 'is-today' : ''} ${meetingDays().has(d()) ? 'has-meeting' : ''}`;
                          return (
                            <Show
                              when={d() <= app.today()}
                              fallback={
                                <span class={`${cls()} is-future`} aria-disabled="true">
                                  {Number(d().slice(8))}
                                </span>
                              }
                            >
                              <A href={`/history/${d()}`} class={cls()} aria-label={label()} aria-current={d() === app.today() ? 'date' : undefined}>
                                <span class="history-day-number">{Number(d().slice(8))}</span>
                                <Show when={meetingDays().has(d())}>
                                  <Pictogram id="meeting" class="history-day-meeting" />
                                </Show>
                              </A>
                            </Show>
                          );
                        }}
                      </Show>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </Screen>
  );
}
