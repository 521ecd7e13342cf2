/**
 * "This tablet": the device's own settings (never synced, see
 * src/core/prefs.tsx) — pictures only, high contrast, text size, the
 * confirmation sound, the idle time before a participant screen returns to
 * the board, dimming outside opening hours and the hour of the nightly
 * update. Below them: whether the screen is kept awake and how often the
 * board had to recover from an error.
 *
 * Each change is saved at once and shown on <html> at once, so the
 * supervisor sees the result while choosing.
 */
import { createResource, For, Show } from 'solid-js';
import { AdminScreen } from '../core/admin';
import { useApp } from '../core/context';
import { usePrefs, type DevicePrefs } from '../core/prefs';
import { PictoButton, TitledSection } from '../core/ui';
import { useI18n, type MessageKey } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { IDLE_SECONDS_CHOICES } from './kiosk';
import { playConfirmation } from '../core/sound';
import { readCrashLog, wakeLock } from './state';
import './kiosk.css';

type BooleanPref = { [K in keyof DevicePrefs]: DevicePrefs[K] extends boolean ? K : never }[keyof DevicePrefs];

const TOGGLES: readonly { key: BooleanPref; label: MessageKey; pictogram: string }[] = [
  { key: 'picturesOnly', label: 'kiosk.device.picturesOnly', pictogram: 'photo' },
  { key: 'highContrast', label: 'kiosk.device.highContrast', pictogram: 'show' },
  { key: 'sounds', label: 'kiosk.device.sounds', pictogram: 'bell' },
  { key: 'dimOutsideHours', label: 'kiosk.device.dim', pictogram: 'sun' },
];

const TEXT_SIZES = ['normal', 'large', 'larger'] as const;

export default function DeviceSettings() {
  const app = useApp();
  const { prefs, set } = usePrefs();
  const { t } = useI18n();
  const [crashes] = createResource(() => readCrashLog(app.repos));

  const save = async <K extends keyof DevicePrefs>(key: K, value: DevicePrefs[K]) => {
    const ok = await app.run(async () => {
      await set(key, value);
      return true;
    });
    if (ok) app.notify({ kind: 'success', pictogram: 'tablet', message: 'kiosk.device.saved' });
  };

  const idleLabel = (s: number) =>
    s < 60 ? t('kiosk.device.seconds', { n: s }) : s === 60 ? t('kiosk.device.oneMinute') : t('kiosk.device.minutes', { n: s / 60 });
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const stepHour = (delta: number) => void save('quietReloadHour', (prefs().quietReloadHour + delta + 24) % 24);

  const wakeMessage = (): { pictogram: string; message: MessageKey } => {
    switch (wakeLock()) {
      case 'active':
        return { pictogram: 'check', message: 'kiosk.device.wakeActive' };
      case 'unsupported':
        return { pictogram: 'warning', message: 'kiosk.device.wakeUnsupported' };
      case 'refused':
      case 'released':
        return { pictogram: 'warning', message: 'kiosk.device.wakeRefused' };
      default:
        return { pictogram: 'clock', message: 'kiosk.device.wakePending' };
    }
  };

  return (
    <AdminScreen title={t('kiosk.device.title')} pictogram="tablet">
      <div class="device-settings">
        <p class="device-intro">
          <Pictogram id="info" />
          <span>{t('kiosk.device.intro')}</span>
        </p>

        <ul class="device-toggles" role="list">
          <For each={TOGGLES}>
            {(toggle) => (
              <li>
                <PictoButton
                  pictogram={toggle.pictogram}
                  label={t(toggle.label)}
                  aria-pressed={prefs()[toggle.key]}
                  variant={prefs()[toggle.key] ? 'primary' : 'secondary'}
                  data-pref={toggle.key}
                  onClick={() => {
                    const next = !prefs()[toggle.key];
                    if (toggle.key === 'sounds' && next) playConfirmation('success');
                    void save(toggle.key, next);
                  }}
                >
                  <Pictogram id={prefs()[toggle.key] ? 'check' : 'cancel'} class="device-toggle-state" />
                </PictoButton>
              </li>
            )}
          </For>
        </ul>

        <TitledSection id="device-text-size" pictogram="search" title={t('kiosk.device.textSize')} class="device-group" headingClass="device-group-title">
          <div class="device-choices">
            <For each={TEXT_SIZES}>
              {(size) => (
                <PictoButton
                  pictogram="search"
                  label={t(`kiosk.device.textSize.${size}`)}
                  aria-pressed={prefs().textSize === size}
                  variant={prefs().textSize === size ? 'primary' : 'secondary'}
                  class={`device-size-${size}`}
                  onClick={() => void save('textSize', size)}
                />
              )}
            </For>
          </div>
        </TitledSection>

        <TitledSection id="device-idle" pictogram="clock" title={t('kiosk.device.idle')} class="device-group" headingClass="device-group-title">
          <div class="device-choices">
            <For each={IDLE_SECONDS_CHOICES}>
              {(s) => (
                <PictoButton
                  pictogram="home"
                  label={idleLabel(s)}
                  aria-label={`${t('kiosk.device.idle')} ${idleLabel(s)}`}
                  aria-pressed={prefs().idleSeconds === s}
                  variant={prefs().idleSeconds === s ? 'primary' : 'secondary'}
                  onClick={() => void save('idleSeconds', s)}
                />
              )}
            </For>
          </div>
        </TitledSection>

        <TitledSection id="device-reload" pictogram="sync" title={t('kiosk.device.reloadHour')} class="device-group" headingClass="device-group-title">
          <div class="device-choices">
            <PictoButton pictogram="minus" label={t('kiosk.device.earlier')} onClick={() => stepHour(-1)} />
            <output class="device-hour" aria-live="polite" aria-labelledby="device-reload">
              {hourLabel(prefs().quietReloadHour)}
            </output>
            <PictoButton pictogram="plus" label={t('kiosk.device.later')} onClick={() => stepHour(1)} />
          </div>
        </TitledSection>

        <TitledSection id="device-status" pictogram="tablet" title={t('kiosk.device.status')} class="device-group device-status" headingClass="device-group-title">
          <p>
            <Pictogram id={wakeMessage().pictogram} />
            <span>{t(wakeMessage().message)}</span>
          </p>
          <Show when={crashes()}>
            {(log) => (
              <p>
                <Pictogram id={log().length ? 'warning' : 'check'} />
                <span>{t('kiosk.device.crashes', { count: log().length })}</span>
              </p>
            )}
          </Show>
        </TitledSection>
      </div>
    </AdminScreen>
  );
}
