/**
 * This device's speech preferences: speaking rate (with a test), speak on
 * tap, and Swedish shown beside the chosen language. Device preferences,
 * never synced (see src/core/prefs.tsx).
 */
import { useApp } from '../core/context';
import { usePrefs, type DevicePrefs } from '../core/prefs';
import { PictoButton } from '../core/ui';
import { AdminSection } from '../core/admin';
import { useI18n } from '../i18n';
import { Pictogram } from '../pictograms/Pictogram';
import { clampRate, MAX_RATE, MIN_RATE } from '../core/speech/speech';
import { useSpeech } from '../core/speech/SpeechProvider';

export function SpeechSettings() {
  const app = useApp();
  const { t, formatNumber } = useI18n();
  const prefs = usePrefs();
  const speech = useSpeech();
  const set = <K extends 'speechRate' | 'speakOnTap' | 'bilingual'>(key: K, value: DevicePrefs[K]) =>
    void app.run(() => prefs.set(key, value));

  return (
    <AdminSection id="speech-settings-title" pictogram="speaker" title={t('speech.settings')} class="speech-settings">
      <div class="speech-rate">
        <label class="speech-rate-label" for="speech-rate">
          <Pictogram id="clock" class="tavla-field-icon" />
          <span>{t('speech.rate')}</span>
        </label>
        <output for="speech-rate" class="speech-rate-value">
          {formatNumber(prefs.prefs().speechRate)} ×
        </output>
        <input
          id="speech-rate"
          type="range"
          min={MIN_RATE}
          max={MAX_RATE}
          step="0.1"
          value={prefs.prefs().speechRate}
          onChange={(e) => set('speechRate', clampRate(Number(e.currentTarget.value)))}
        />
        <PictoButton pictogram="play" label={t('speech.test')} onClick={() => void speech.speakWord(t('speech.testText'))} data-speak-off="" />
      </div>
      <div class="supervisor-choice-row">
        <PictoButton
          pictogram="tap"
          label={t('speech.speakOnTap')}
          aria-pressed={prefs.prefs().speakOnTap}
          variant={prefs.prefs().speakOnTap ? 'primary' : 'secondary'}
          onClick={() => set('speakOnTap', !prefs.prefs().speakOnTap)}
        />
        <PictoButton
          pictogram="language"
          label={t('speech.bilingual')}
          aria-pressed={prefs.prefs().bilingual}
          variant={prefs.prefs().bilingual ? 'primary' : 'secondary'}
          onClick={() => set('bilingual', !prefs.prefs().bilingual)}
        />
      </div>
    </AdminSection>
  );
}
