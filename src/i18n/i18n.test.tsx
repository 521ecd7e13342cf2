/**
 * Language behaviour beyond the catalogues: lazy loading by file name,
 * falling back to Swedish key by key, `<html lang dir>` following the choice,
 * the locale's own digits and a Gregorian calendar in every language, and
 * direction-sensitive pictograms marked for mirroring.
 */
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { dirOf, formatDateIn, I18nProvider, interpolate, intlKnowsMonths, languageOf, localizeDigits, LANGUAGES, loadLanguage, makeTranslator, useI18n, type MessageKey } from './index';
import { initialLanguage } from '../core/boot';
import { Pictogram } from '../pictograms/Pictogram';
import { MIRRORED_IN_RTL, mirrorsInRtl } from '../pictograms/mirror';
import { PICTOGRAM_IDS } from '../pictograms/catalog';
import sv from './sv';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});

describe('choosing a language', () => {
  it('takes ?lang= for every registered code, and ignores unknown ones', () => {
    for (const l of LANGUAGES) expect(initialLanguage(null, `?lang=${l.code}`)).toBe(l.code);
    expect(initialLanguage('ar', '?lang=xx')).toBe('ar');
    expect(initialLanguage(null, '?lang=xx')).toBe('sv');
  });

  it('knows the direction of each language and falls back to Swedish for unknown codes', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('fa')).toBe('rtl');
    expect(dirOf('ti')).toBe('ltr');
    expect(languageOf('klingon').code).toBe('sv');
  });

  it('loads each catalogue lazily by its file name', async () => {
    const ti = await loadLanguage('ti');
    expect(ti.messages['section.attendance']).toBe('ምህላው');
    expect(ti.pictograms['monday']).toBe('ሰኑይ');
    const unknown = await loadLanguage('xx');
    expect(unknown.messages['section.attendance']).toBe(sv['section.attendance']);
  });

  it('falls back to Swedish for a key missing (or blank) in a catalogue', () => {
    const t = makeTranslator({ messages: { 'app.save': 'حفظ', 'app.close': '' }, pictograms: {} }, 'ar-SY');
    expect(t('app.save')).toBe('حفظ');
    expect(t('app.cancel')).toBe(sv['app.cancel']);
    expect(t('app.close')).toBe(sv['app.close']);
  });
});

describe('numbers and dates follow the language', () => {
  it('writes numbers in placeholders with the locale’s digits, and leaves strings alone', () => {
    expect(interpolate('{here} / {total}', { here: 3, total: 12 }, 'ar-SY')).toBe('٣ / ١٢');
    expect(interpolate('{n}', { n: 7 }, 'fa-AF')).toBe('۷');
    expect(interpolate('{n}', { n: 7 }, 'ti-ER')).toBe('7');
    expect(interpolate('PIN {pin}', { pin: '1234' }, 'ar-SY')).toBe('PIN 1234');
    expect(interpolate('{n}', { n: 7 })).toBe('7');
  });

  it('rewrites the digits of preformatted text such as a meeting clock', () => {
    expect(localizeDigits('ar-SY', '12:05')).toBe('١٢:٠٥');
    expect(localizeDigits('fa-AF', '1:05')).toBe('۱:۰۵');
    expect(localizeDigits('sv-SE', '1:05')).toBe('1:05');
  });

  it('formats dates in the Gregorian calendar with local month names', () => {
    const day = new Date(2026, 2, 16);
    // Dari month names of the Gregorian calendar (not Hamal/Hut of the Solar Hijri one), Persian digits
    const fa = formatDateIn('fa-AF', day, { day: 'numeric', month: 'long' });
    expect(fa).toContain('مارچ');
    expect(fa).toContain('۱۶');
    // Levantine/Iraqi month names, Arabic-Indic digits
    const ar = formatDateIn('ar-SY', day, { day: 'numeric', month: 'long' });
    expect(ar).toContain('آذار');
    expect(ar).toContain('١٦');
    expect(formatDateIn('sv-SE', day, { weekday: 'long' })).toBe('måndag');
  });

  it('uses the catalogue’s month and weekday names where the browser’s Intl has none (Chromium: Somali, Tigrinya)', async () => {
    const day = new Date(2026, 2, 16, 8, 5);
    const { calendarNames: so } = await import('./so');
    const { calendarNames: ti } = await import('./ti');
    // 'zz' stands for a locale Intl has no data for, as Chromium's trimmed ICU has for 'so'
    expect(intlKnowsMonths('zz')).toBe(false);
    expect(intlKnowsMonths('sv-SE')).toBe(true);
    expect(formatDateIn('zz', day, { weekday: 'long', day: 'numeric', month: 'long' }, so)).toBe('Isniin, Maarso 16');
    expect(formatDateIn('zz', day, { month: 'long', year: 'numeric' }, ti)).toBe('መጋቢት 2026');
    expect(formatDateIn('zz', day, { weekday: 'long' }, ti)).toBe('ሰኑይ');
    expect(formatDateIn('zz', day, { hour: '2-digit', minute: '2-digit' }, so)).toBe('08:05');
    // where Intl does know the language, its own data wins
    expect(formatDateIn('sv-SE', day, { weekday: 'long' }, so)).toBe('måndag');
  });
});

function Probe(props: { keyName: MessageKey; count?: number }) {
  const i18n = useI18n();
  return (
    <p data-testid="probe">
      {props.count === undefined ? i18n.t(props.keyName) : i18n.t(props.keyName, { here: props.count, total: 10 })}
    </p>
  );
}

describe('I18nProvider', () => {
  it('sets <html lang dir> to Arabic right-to-left and shows Arabic with Arabic-Indic digits', async () => {
    render(() => (
      <I18nProvider initial="ar">
        <Probe keyName="board.hereCount" count={4} />
      </I18nProvider>
    ));
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('هنا: ٤ من ١٠'));
  });

  it('keeps Tigrinya left-to-right with its own text', async () => {
    render(() => (
      <I18nProvider initial="ti">
        <Probe keyName="section.goals" />
      </I18nProvider>
    ));
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('ti');
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('ዕላማታት'));
  });

  it('gives easy-to-read Swedish its own tag but Swedish direction', async () => {
    render(() => (
      <I18nProvider initial="sv-x-lattlast">
        <Probe keyName="section.deviations" />
      </I18nProvider>
    ));
    expect(document.documentElement.lang).toBe('sv-x-lattlast');
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('Problem'));
  });
});

describe('pictograms in right-to-left languages', () => {
  it('marks only the reading-direction arrows for mirroring', () => {
    for (const id of MIRRORED_IN_RTL) expect(PICTOGRAM_IDS).toContain(id);
    expect(mirrorsInRtl('next')).toBe(true);
    expect(mirrorsInRtl('back')).toBe(true);
    expect(mirrorsInRtl('up')).toBe(false);
    expect(mirrorsInRtl('person')).toBe(false);
  });

  it('renders direction-sensitive pictograms with the flip-rtl class', () => {
    const { container } = render(() => (
      <>
        <Pictogram id="next" />
        <Pictogram id="bucket" />
      </>
    ));
    const [next, bucket] = container.querySelectorAll('img');
    expect(next!.classList.contains('flip-rtl')).toBe(true);
    expect(bucket!.classList.contains('flip-rtl')).toBe(false);
  });
});
