/**
 * Every language is complete: each catalogue has every key of the Swedish
 * source with the same {placeholders} and no blank text, and every built-in
 * pictogram has a label. A key added to sv.ts without translations fails
 * here (the app itself would fall back to Swedish); `npx tsx
 * scripts/i18n-missing.ts` prints the to-do list.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES, DEFAULT_LANG, interpolate, LANGUAGES, makeTranslator, pluralForms, type CalendarNames, type Messages } from './index';
import sv from './sv';
import pictogramsSv from './pictograms.sv';
import { catalogueGaps, pictogramGaps, placeholders } from './tools/gaps';
import { PICTOGRAM_IDS } from '../pictograms/catalog';

const messages = import.meta.glob<Partial<Messages>>(['./*.ts', '!./*.*.ts'], { eager: true, import: 'default' });
const pictograms = import.meta.glob<Partial<Record<string, string>>>('./pictograms.*.ts', { eager: true, import: 'default' });
const calendars = import.meta.glob<CalendarNames | undefined>(['./*.ts', '!./*.*.ts'], { eager: true, import: 'calendarNames' });
const en = messages['./en.ts'] ?? {};
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

/**
 * Counted messages: a number of things in words ("1 day", "2 days"). Each is
 * a plural phrase in every language (see tools/plural.ts), with every form
 * its language's Intl.PluralRules can ask for: Arabic needs six. A number
 * placeholder in a sentence that reads the same for any count ("Step 2 of
 * 5", "You: 3") needs none.
 */
const COUNTED: { key: keyof typeof sv; param: string }[] = [
  { key: 'board.openDeviations', param: 'count' },
  { key: 'board.newDeviations', param: 'count' },
  { key: 'board.ideasSummary', param: 'ideas' },
  { key: 'board.safetyDays', param: 'count' },
  { key: 'sync.pending', param: 'count' },
  { key: 'supervisor.lockedOut', param: 'seconds' },
  { key: 'me.pin.locked', param: 'seconds' },
  { key: 'kiosk.device.seconds', param: 'n' },
  { key: 'kiosk.device.minutes', param: 'n' },
  { key: 'trends.months', param: 'n' },
  { key: 'retention.months', param: 'n' },
];

describe.each(LANGUAGES.map((l) => [l.code, l.locale] as const))('counted messages in %s', (code, locale) => {
  const catalogue: Partial<Messages> = code === DEFAULT_LANG ? sv : (messages[`./${code}.ts`] ?? {});
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

  it.each(COUNTED)('$key has every plural form the language needs', ({ key, param }) => {
    const forms = pluralForms(catalogue[key] ?? '').get(param);
    expect(forms, `${code}: ${key} counts {${param}} without plural forms`).toBeDefined();
    expect(needed.filter((f) => !forms!.includes(f)), `${code}: ${key} lacks forms`).toEqual([]);
  });

  it('has a plural phrase only where Swedish has one (same keys, same counts)', () => {
    for (const [key, text] of Object.entries(catalogue)) {
      const own = [...pluralForms(text ?? '').keys()].sort();
      const source = [...pluralForms(sv[key as keyof typeof sv] ?? '').keys()].sort();
      expect(own, key).toEqual(source);
    }
  });

  it('renders every count with no syntax left over', () => {
    const t = makeTranslator({ messages: catalogue, pictograms: {} }, locale);
    for (const { key, param } of COUNTED) {
      for (const n of [0, 1, 2, 3, 11, 100]) expect(t(key, { [param]: n, doing: 0, done: 0 }), `${code} ${key} ${n}`).not.toMatch(/[{}#]/);
    }
  });
});

describe('plural phrases', () => {
  it('picks Arabic forms by Intl.PluralRules and writes Arabic-Indic digits', () => {
    const t = (n: number) => interpolate(sv['board.safetyDays'].replace(/.*/, '{count, plural, zero {صفر #} one {واحد} two {اثنان} few {قليل #} many {كثير #} other {آخر #}}'), { count: n }, 'ar-SY');
    expect([0, 1, 2, 3, 11, 100].map(t)).toEqual(['صفر ٠', 'واحد', 'اثنان', 'قليل ٣', 'كثير ١١', 'آخر ١٠٠']);
  });
  it('prefers an exact =N form', () => {
    expect(interpolate('{n, plural, =0 {none} one {# thing} other {# things}}', { n: 0 }, 'en-GB')).toBe('none');
    expect(interpolate('{n, plural, =0 {none} one {# thing} other {# things}}', { n: 1 }, 'en-GB')).toBe('1 thing');
  });
  it('says "1 dag", "1 idea" and "1 ny" where it used to say "1 dagar", "1 ideas" and "1 nya"', () => {
    expect(interpolate(en['board.ideasSummary']!, { ideas: 1, doing: 0, done: 0 }, 'en-GB')).toBe('1 idea, 0 in progress, 0 done');
    expect(interpolate(en['sync.pending']!, { count: 1 }, 'en-GB')).toBe('1 change waiting');
    expect(interpolate(sv['board.safetyDays'], { count: 1 }, 'sv-SE')).toBe('1 dag utan olycka');
    expect(interpolate(sv['board.newDeviations'], { count: 1 }, 'sv-SE')).toBe('1 ny');
    expect(interpolate(sv['board.newDeviations'], { count: 4 }, 'sv-SE')).toBe('4 nya');
  });
});
