/**
 * Every language is complete: each catalogue has every key of the Swedish
 * source with the same {placeholders} and no blank text, and every built-in
 * pictogram has a label. A key added to sv.ts without translations fails
 * here (the app itself would fall back to Swedish); `npx tsx
 * scripts/i18n-missing.ts` prints the to-do list.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUE_CODES, DEFAULT_LANG, interpolate, LANGUAGES, makeTranslator, pluralForms, type CalendarNames, type Messages } from './index';
import { PLURAL } from './tools/plural';
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
type SvKey = keyof typeof sv;

/** Every counted phrase of the Swedish source; each language must count the same ones. */
const COUNTED: { key: SvKey; param: string }[] = (Object.keys(sv) as SvKey[]).flatMap((key) =>
  [...pluralForms(sv[key]).keys()].map((param) => ({ key, param })),
);

/**
 * Placeholder names that hold a number of things. A message using one of
 * them outside a plural phrase fails below unless it is listed in
 * READS_THE_SAME: a new "{n} dagar" cannot slip in.
 */
const COUNT_PARAMS = new Set(['count', 'n', 'total', 'seconds', 'minutes', 'solved', 'proposed', 'done', 'doing', 'over', 'median', 'photos', 'ideas', 'green', 'red', 'here']);

/** Messages whose numbers read the same for any count, and why. */
const READS_THE_SAME: Partial<Record<SvKey, string>> = {
  'history.count': 'label: "Visar 3"',
  'kiosk.device.crashes': 'label: "Omstarter efter fel: 3"',
  'me.myTaps': 'label: "Du: 3"',
  'me.pin.progress': 'fraction: "1 av 4 bilder"',
  'board.tasksSummary': 'fraction: "1 av 3 klara"',
  'board.hereCount': 'fraction: "1 av 5 här"',
  'attendance.summary': 'fraction: "1 av 5 här"',
  'board.goalsSummary': 'fraction: "1 av 3 mål i fas"',
  'setup.step': 'fraction: "Steg 1 av 4"',
  'meeting.stepOf': 'fraction: "Steg 1 av 4"',
  'sync.codeExpiresIn': 'clock: "4:05"',
  'meeting.minutesOfTarget': 'unit abbreviation: "1 av 15 min"',
  'meeting.stepMinutes': 'unit abbreviation: "3 min"',
  'meeting.minutes': 'unit abbreviation: "3 min"',
  'meeting.stepsSum': 'unit abbreviation: "3 min"',
  'speech.recording': 'unit abbreviation: "3 s"',
  'trends.proposerCount': 'label: "Idéer: 3, klara: 1"',
};

/** The count placeholders of a message that are not in a plural phrase. */
function uncountedCounts(template: string): string[] {
  const outside = template.replace(PLURAL, '');
  return [...outside.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => COUNT_PARAMS.has(name));
}

describe('counted messages in the Swedish source', () => {
  it('write every count as a plural phrase, unless it reads the same for any count', () => {
    const bare = (Object.keys(sv) as SvKey[]).filter((key) => !(key in READS_THE_SAME) && uncountedCounts(sv[key]).length > 0);
    expect(bare, 'use {name, plural, one {…} other {…}} or list the key in READS_THE_SAME').toEqual([]);
  });

  it('catches a bare count such as "{n} lösta", but not one in a plural phrase', () => {
    expect(uncountedCounts('{n} lösta')).toEqual(['n']);
    expect(uncountedCounts('Oftast löst på {median} dagar av {date}')).toEqual(['median']);
    expect(uncountedCounts('{n, plural, one {# löst} other {# lösta}} före {date}')).toEqual([]);
  });

  it('lists in READS_THE_SAME only keys that exist and still have a bare count', () => {
    for (const key of Object.keys(READS_THE_SAME) as SvKey[]) expect(uncountedCounts(sv[key] ?? ''), key).not.toEqual([]);
  });

  it('covers the counted summaries of the trends, backup, retention, speech and meeting screens', () => {
    const keys = new Set(COUNTED.map((c) => c.key));
    for (const key of ['trends.paretoSummary', 'trends.solveSummary', 'trends.solvedCount', 'trends.ideasSummary', 'trends.meetingSummary', 'backup.missingPhotos', 'backup.exportDone', 'retention.doneCount', 'retention.current', 'speech.clipCount', 'speech.recordHint', 'meeting.targetLength', 'safety.summary'] as const) {
      expect(keys.has(key), key).toBe(true);
    }
  });
});

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
    for (const { key } of COUNTED) {
      const counted = new Set(pluralForms(sv[key]).keys());
      for (const n of [0, 1, 2, 3, 11, 100, 2.5]) {
        const params = Object.fromEntries(placeholders(sv[key]).map((p) => [p, counted.has(p) || COUNT_PARAMS.has(p) ? n : 'x']));
        expect(t(key, params), `${code} ${key} ${n}`).not.toMatch(/[{}#]/);
      }
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
  it('says "1 löst", "1 picture" and "1 dag" in the summaries that said "1 lösta", "1 pictures" and "1 dagar"', () => {
    expect(interpolate(sv['trends.solvedCount'], { n: 1 }, 'sv-SE')).toBe('1 löst');
    expect(interpolate(sv['trends.solvedCount'], { n: 2 }, 'sv-SE')).toBe('2 lösta');
    expect(interpolate(en['backup.missingPhotos']!, { n: 1 }, 'en-GB')).toBe('1 picture is only on the server and is not included.');
    expect(interpolate(sv['trends.solveSummary'], { solved: 1, median: 1 }, 'sv-SE')).toBe('1 avvikelse löst. Oftast löst på 1 dag.');
    expect(interpolate(sv['trends.solveSummary'], { solved: 3, median: 1.5 }, 'sv-SE')).toBe('3 avvikelser lösta. Oftast löst på 1,5 dagar.');
    expect(interpolate(sv['retention.current'], { n: 1, date: '2025-12-07' }, 'sv-SE')).toBe('Nu: 1 månad. Uppgifter från före 2025-12-07 görs anonyma.');
    const ar = messages['./ar.ts'] ?? {};
    expect([2, 10, 11].map((n) => interpolate(ar['speech.recordHint']!, { seconds: n }, 'ar-SY'))).toEqual([
      'اضغط على الميكروفون وقل الكلمة. الحدّ الأقصى ثانيتان.',
      'اضغط على الميكروفون وقل الكلمة. الحدّ الأقصى ١٠ ثوانٍ.',
      'اضغط على الميكروفون وقل الكلمة. الحدّ الأقصى ١١ ثانية.',
    ]);
  });
});
