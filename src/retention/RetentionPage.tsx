/**
 * Data retention (`/retention`, supervisor only): how many months the
 * workplace keeps personal data, explained in plain words, and a button to
 * anonymise now (the tablet also does it by itself at start and every day,
 * see job.ts; the server does the same for synced data).
 */
import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../core/context';
import { PictoButton } from '../core/ui';
import { parseIsoDate } from '../domain/dates';
import { RETENTION_CHOICES, retentionCutoff, retentionMonthsOf } from '../domain/retention';
import { useI18n } from '../i18n';
import { AdminSection } from '../core/admin';
import { ToolScreen } from '../core/tools';
import type { SweepResult } from '../data/repos/retention';

export default function RetentionPage() {
  const app = useApp();
  const { t, formatDate } = useI18n();
  const [busy, setBusy] = createSignal(false);
  const [result, setResult] = createSignal<SweepResult | null>(null);
  const months = () => retentionMonthsOf(app.workplace());
  const cutoffText = () => formatDate(parseIsoDate(retentionCutoff(app.today(), months())), { day: 'numeric', month: 'long', year: 'numeric' });
  const total = (r: SweepResult) => Object.values(r.counts).reduce((a, b) => a + b, 0);

  const choose = async (n: number) => {
    const id = app.workplaceId();
    if (!id || n === months()) return;
    const ok = await app.run(() => app.repos.retention.setMonths(id, n));
    if (ok) app.notify({ kind: 'success', pictogram: 'check', message: 'app.saved' });
  };

  const sweepNow = async () => {
    const id = app.workplaceId();
    if (!id || busy()) return;
    setBusy(true);
    try {
      const r = await app.run(() => app.repos.retention.sweep(id, app.today()));
      if (r) {
        setResult(r);
        app.notify({ kind: 'success', pictogram: 'check', message: 'retention.doneCount', params: { n: total(r) } });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <ToolScreen title={t('retention.title')} pictogram="lock" class="retention-screen">
      <AdminSection id="retention-what" pictogram="info" title={t('retention.whatTitle')}>
        <ul class="retention-explain">
          <li>{t('retention.explainKept')}</li>
          <li>{t('retention.explainAnonymised')}</li>
          <li>{t('retention.explainPeople')}</li>
          <li>{t('retention.explainWhen')}</li>
          <li>{t('retention.explainBackup')}</li>
        </ul>
      </AdminSection>

      <AdminSection id="retention-choice" pictogram="calendar" title={t('retention.choose')}>
        <div class="report-choice" role="group" aria-labelledby="retention-choice">
          <For each={RETENTION_CHOICES}>
            {(n) => (
              <PictoButton
                pictogram="calendar"
                label={t('retention.months', { n })}
                aria-pressed={months() === n}
                variant={months() === n ? 'primary' : 'secondary'}
                onClick={() => void choose(n)}
              />
            )}
          </For>
        </div>
        <p class="retention-now" data-testid="retention-now">
          {t('retention.current', { n: months(), date: cutoffText() })}
        </p>
      </AdminSection>

      <AdminSection id="retention-run" pictogram="play" title={t('retention.runTitle')}>
        <div class="row">
          <PictoButton pictogram="play" label={t('retention.run')} disabled={busy()} onClick={() => void sweepNow()} />
        </div>
        <Show when={result()}>{(r) => <p role="status">{t('retention.doneCount', { n: total(r()) })}</p>}</Show>
      </AdminSection>
    </ToolScreen>
  );
}
