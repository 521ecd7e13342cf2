/**
 * Every language is complete: each catalogue has every key of the Swedish
 * source with the same {placeholders} and no blank text, and every built-in
 * pictogram has a label. A key added to sv.ts without translations fails
 * here (the app itself would fall back to Swedish); `npx tsx
 * scripts/i18n-missing.ts` prints the to-do list.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES, DEFAULT_LANG, LANGUAGES, type CalendarNames, type Messages } from './index';
import sv from './sv';
import pictogramsSv from './pictograms.sv';
import { catalogueGaps, pictogramGaps, placeholders } from './tools/gaps';
import { PICTOGRAM_IDS } from '../pictograms/catalog';

const messages = import.meta.glob<Partial<Messages>>(['./*.ts', '!./*.*.ts'], { eager: true, import: 'default' });
const pictograms = import.meta.glob<Partial<Record<string, string>>>('./pictograms.*.ts', { eager: true, import: 'default' });
const calendars = import.meta.glob<CalendarNames | undefined>(['./*.ts', '!./*.*.ts'], { eager: true, import: 'calendarNames' });
const others = LANGUAGES.filter((l) => l.code !== DEFAULT_LANG);

describe('language registry', () => {
  it('registers exactly the catalogue files in src/i18n', () => {
    expect([...CATALOGUE_CODES].sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
    for (const l of LANGUAGES) {
      expect(messages[`./${l.code}.ts`], `${l.code}.ts`).toBeDefined();
      expect(pictograms[`./pictograms.${l.code}.ts`], `pictograms.${l.code}.ts`).toBeDefined();
    }
  });

  it('offers Swedish first and the issue’s languages with their `?lang=` codes', () => {
    expect(LANGUAGES[0]!.code).toBe('sv');
    expect(LANGUAGES.map((l) => l.code)).toEqual(expect.arrayContaining(['sv', 'en', 'ar', 'fa', 'so', 'ti', 'sv-x-lattlast']));
    expect(new Set(LANGUAGES.map((l) => l.name)).size).toBe(LANGUAGES.length);
  });

  it('lays out Arabic and Persian right-to-left, the rest left-to-right', () => {
    for (const l of LANGUAGES) expect(l.dir, l.code).toBe(['ar', 'fa'].includes(l.code) ? 'rtl' : 'ltr');
  });

  it('names each language in its own script', () => {
    const script: Record<string, RegExp> = {
      ar: /^[\u0600-\u06FF\s]+$/,
      fa: /^[\u0600-\u06FF\s]+$/,
      ti: /^[\u1200-\u137F\s]+$/,
      so: /^[A-Za-z\s]+$/,
      en: /^[A-Za-z\s]+$/,
      sv: /^[A-Za-zÅÄÖåäö\s]+$/,
      'sv-x-lattlast': /^[A-Za-zÅÄÖåäö\s]+$/,
    };
    for (const l of LANGUAGES) expect(l.name, l.code).toMatch(script[l.code] ?? /./);
  });

  it('uses valid BCP 47 tags for codes and locales', () => {
    for (const l of LANGUAGES) {
      expect(() => new Intl.Locale(l.code), l.code).not.toThrow();
      expect(Intl.DateTimeFormat.supportedLocalesOf([l.locale]), l.locale).toHaveLength(1);
    }
  });
});

describe.each(others.map((l) => [l.code] as const))('catalogue %s', (code) => {
  const catalogue = messages[`./${code}.ts`] ?? {};
  const gaps = catalogueGaps(sv, catalogue);

  it('has every key of sv.ts', () => {
    expect(gaps.missing, `missing in ${code}.ts — run npx tsx scripts/i18n-missing.ts ${code}`).toEqual([]);
  });

  it('has no empty messages', () => {
    expect(gaps.empty).toEqual([]);
  });

  it('keeps the placeholders of each Swedish message', () => {
    const differing = gaps.placeholders.map((k) => `${k}: ${placeholders(catalogue[k as keyof Messages] ?? '').join()} ≠ ${placeholders(sv[k as keyof typeof sv]).join()}`);
    expect(differing).toEqual([]);
  });

  it('has no keys that sv.ts does not have', () => {
    expect(gaps.unknown).toEqual([]);
  });

  it('names 12 months and 7 weekdays if it brings its own calendar names', () => {
    const names = calendars[`./${code}.ts`];
    if (!names) return;
    expect(names.months).toHaveLength(12);
    expect(names.weekdays).toHaveLength(7);
    expect([...names.months, ...names.weekdays].every((n) => n.trim() !== '')).toBe(true);
    expect(() => new Intl.DateTimeFormat(names.patternLocale)).not.toThrow();
  });

  it('labels every built-in pictogram', () => {
    const p = pictogramGaps(pictogramsSv, pictograms[`./pictograms.${code}.ts`] ?? {});
    expect(p.missing).toEqual([]);
    expect(p.empty).toEqual([]);
    expect(p.unknown).toEqual([]);
  });
});

describe('Swedish pictogram labels', () => {
  it('cover exactly the built-in pictogram ids', () => {
    expect(Object.keys(pictogramsSv).sort()).toEqual([...PICTOGRAM_IDS].sort());
  });
});
