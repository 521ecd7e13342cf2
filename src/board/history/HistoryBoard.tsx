/**
 * A past day's board (/history/<date>): the home board itself, given the
 * date and `readOnly` (its sections open nothing and offer no "report" or
 * "new idea"), under a header that says it is a view of that day, with the
 * days before and after, printing, and the way back. A bad or future date
 * gets a clear message instead.
 */
import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { useApp } from '../../core/context';
import { PictoLink, Screen } from '../../core/ui';
import { addDays, isValidIsoDate } from '../../domain/dates';
import { useI18n } from '../../i18n';
import { Pictogram } from '../../pictograms/Pictogram';
import Home from '../Home';
import './history.css';

export default function HistoryBoard() {
  const params = useParams();
  const app = useApp();
  const { t } = useI18n();
  const date = () => params.date ?? '';
  const valid = () => isValidIsoDate(date()) && date() <= app.today();

  return (
    <Show
      when={valid()}
      fallback={
        <Screen title={t('history.title')} pictogram="calendar">
          <p class="form-error history-error" role="alert">
            <Pictogram id="warning" />
            <span>{isValidIsoDate(date()) ? t('history.future') : t('error.invalidDate')}</span>
          </p>
          <PictoLink href="/history" pictogram="calendar" label={t('history.pickDay')} variant="primary" />
        </Screen>
      }
    >
      <Home
        date={date()}
        readOnly
        header={(dateLine) => (
          <header class="board-header history-header">
            <PictoLink href="/history" pictogram="calendar" label={t('history.title')} variant="ghost" />
            {dateLine}
            <p class="history-readonly">
              <Pictogram id="show" />
              <span>{t('history.readOnly')}</span>
            </p>
            <nav class="board-tools" aria-label={t('history.title')}>
              <PictoLink href={`/history/${addDays(date(), -1)}`} pictogram="previous" label={t('app.previous')} variant="ghost" />
              <Show when={date() < app.today()}>
                <PictoLink href={`/history/${addDays(date(), 1)}`} pictogram="next" label={t('app.next')} variant="ghost" />
              </Show>
              <PictoLink href={`/print/board?date=${date()}`} pictogram="print" label={t('print.print')} variant="ghost" />
              <PictoLink href="/" pictogram="home" label={t('app.home')} variant="ghost" />
            </nav>
          </header>
        )}
      />
    </Show>
  );
}
