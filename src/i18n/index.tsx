/**
 * Message catalogues and the i18n context.
 *
 * Swedish is the fallback catalogue and the source of the typed keys. Every
 * language, Swedish included, is a lazy chunk (one file for UI strings, one
 * for pictogram labels), so a board in English downloads English only:
 * boot (main.tsx) starts loading the chosen language while the database
 * opens and renders once it is there. Every catalogue is complete
 * (catalogues.test.ts); a key missing or empty in one falls back to Swedish,
 * which is then loaded on demand (the text updates when it arrives). In
 * development a key missing from Swedish too throws, so typos surface early.
 * `<html lang dir>` always follows the chosen language.
 */
import { createContext, createEffect, createResource, createSignal, untrack, useContext, type Accessor, type ParentProps } from 'solid-js';
import type sv from './sv';
import { customPictogramLabel } from '../pictograms/custom';
import { PLURAL, PLURAL_FORM } from './tools/plural';

export { pluralForms } from './tools/plural';

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

import { LANGUAGES, type Language } from './tools/languages';

export { LANGUAGES, type Language };

/**
 * Languages a person may prefer, named in their own script: every UI
 * language first (so the board can switch to it for them), then common
 * first languages the UI does not have yet (still useful for the supervisor
 * and for recorded voices).
 */
export const PERSON_LANGUAGES: readonly { code: string; name: string }[] = [
  ...LANGUAGES.map(({ code, name }) => ({ code, name })),
  ...[
    { code: 'ps', name: 'پښتو' },
    { code: 'ku', name: 'Kurdî' },
    { code: 'tr', name: 'Türkçe' },
    { code: 'bs', name: 'Bosanski' },
    { code: 'uk', name: 'Українська' },
    { code: 'ru', name: 'Русский' },
    { code: 'pl', name: 'Polski' },
    { code: 'es', name: 'Español' },
    { code: 'fi', name: 'Suomi' },
    { code: 'th', name: 'ไทย' },
  ].filter((extra) => !LANGUAGES.some((l) => l.code === extra.code)),
];

export const languageName = (code: string) => PERSON_LANGUAGES.find((l) => l.code === code)?.name ?? code;

export const DEFAULT_LANG = 'sv';

/**
 * Month and weekday names a catalogue can export (`export const calendarNames`)
 * for browsers whose Intl has no data for its language: Chromium's trimmed
 * ICU knows no Somali and only placeholders ("M03") for Tigrinya.
 */
export interface CalendarNames {
  /** January … December */
  months: readonly string[];
  /** Monday … Sunday */
  weekdays: readonly string[];
  /** a locale whose date patterns (order, punctuation) suit the language */
  patternLocale: string;
}

interface Loaded {
  messages: Partial<Messages>;
  pictograms: Partial<Record<string, string>>;
  calendar?: CalendarNames;
}

interface CatalogueModule {
  default: Partial<Messages>;
  calendarNames?: CalendarNames;
}

/*
 * Every language is a lazy chunk found by file name: `./<code>.ts` holds the
 * UI messages, `./pictograms.<code>.ts` the pictogram labels. Any other file
 * here has a second dot (`*.test.ts`) or sits in a subfolder.
 */
const messageModules = import.meta.glob<CatalogueModule>(['./*.ts', '!./*.*.ts']);
const pictogramModules = import.meta.glob<Partial<Record<string, string>>>(['./pictograms.*.ts'], { import: 'default' });

/** Codes that have a message catalogue file (checked against LANGUAGES by a test). */
export const CATALOGUE_CODES: string[] = Object.keys(messageModules).map((path) => path.slice(2, -3));

export function languageOf(code: string | null | undefined): Language {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!;
}

export function dirOf(code: string | null | undefined): 'ltr' | 'rtl' {
  return languageOf(code).dir;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/**
 * Formats a number in the locale's own digits (Arabic-Indic for ar-SY,
 * Persian for fa-AF), e.g. `{ minimumIntegerDigits: 2 }` for the seconds of a clock.
 */
export function formatNumberIn(locale: string, n: number, opts?: Intl.NumberFormatOptions): string {
  const key = opts ? `${locale} ${JSON.stringify(opts)}` : locale;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f.format(n);
}

/**
 * Rewrites the ASCII digits of an already formatted text (a clock "1:05", a
 * code) in the locale's digits: "١:٠٥" in ar-SY; unchanged where the locale
 * writes Latin digits.
 */
export function localizeDigits(locale: string, text: string): string {
  const zero = formatNumberIn(locale, 0);
  if (zero === '0') return text;
  return text.replace(/[0-9]/g, (d) => formatNumberIn(locale, Number(d)));
}

// Building an Intl.DateTimeFormat costs about a millisecond; lists and charts
// format hundreds of dates, so formatters are kept per locale and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(opts)}`;
  let f = dateFormats.get(key);
  if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

/**
 * Dates always use the Gregorian calendar (fa-AF would default to the Solar
 * Hijri one): the board's days are the workplace's days.
 */
export function formatDateIn(locale: string, date: Date, opts: Intl.DateTimeFormatOptions, names?: CalendarNames): string {
  if (names && !intlKnowsMonths(locale)) {
    // Intl's order and numbers with the catalogue's words for months and weekdays.
    const parts = dateFormat(names.patternLocale, { calendar: 'gregory', hourCycle: 'h23', ...opts }).formatToParts(date);
    return parts
      .map((p) => {
        if (p.type === 'month' && !/\d/.test(p.value)) return names.months[date.getMonth()] ?? p.value;
        if (p.type === 'weekday') return names.weekdays[(date.getDay() + 6) % 7] ?? p.value;
        return p.value;
      })
      .join('');
  }
  return dateFormat(locale, { calendar: 'gregory', ...opts }).format(date);
}

const knowsMonths = new Map<string, boolean>();
/** Whether this browser's Intl has real month names for the locale (not a fallback locale, not "M01"). */
export function intlKnowsMonths(locale: string): boolean {
  let known = knowsMonths.get(locale);
  if (known === undefined) {
    const month = new Intl.DateTimeFormat(locale, { month: 'long', calendar: 'gregory' }).formatToParts(new Date(2026, 0, 15)).find((p) => p.type === 'month')?.value ?? '';
    known = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 && !/^M?\d+$/.test(month);
    knowsMonths.set(locale, known);
  }
  return known;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralRulesOf(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

function choosePlural(forms: string, n: number, locale: string): string {
  const byName = new Map([...forms.matchAll(PLURAL_FORM)].map((f) => [f[1]!, f[2]!] as const));
  const text = byName.get(`=${n}`) ?? byName.get(pluralRulesOf(locale).select(n)) ?? byName.get('other') ?? '';
  return text.replace(/#/g, formatNumberIn(locale, n));
}

/**
 * Fills `{name}` placeholders and plural phrases (see PLURAL). Numbers are
 * written in the locale's digits when a locale is given; strings (names,
 * PINs, codes) are left as they are.
 */
export function interpolate(template: string, params?: Params, locale?: string): string {
  if (!params) return template;
  const counted = template.replace(PLURAL, (m, name: string, forms: string) => {
    const value = params[name];
    return typeof value === 'number' ? choosePlural(forms, value, locale ?? 'sv-SE') : m;
  });
  return counted.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!(name in params)) return m;
    const value = params[name]!;
    return typeof value === 'number' && locale ? formatNumberIn(locale, value) : String(value);
  });
}

const loading = new Map<string, Promise<Loaded>>();
const settled = new Map<string, Loaded>();
// Swedish, once loaded: a signal, so fallback texts and second labels update when it arrives.
const [swedishLoaded, setSwedishLoaded] = createSignal<Loaded>();

/**
 * The catalogue of a language (an unknown code gets Swedish), loaded once
 * and shared. Boot calls it early so the chunk is on its way while the
 * database opens.
 */
export function loadLanguage(code: string): Promise<Loaded> {
  const known = messageModules[`./${code}.ts`] ? code : DEFAULT_LANG;
  let promise = loading.get(known);
  if (!promise) {
    const messages = messageModules[`./${known}.ts`]!;
    const pictograms = pictogramModules[`./pictograms.${known}.ts`];
    promise = Promise.all([messages(), pictograms ? pictograms() : Promise.resolve({})]).then(([m, p]) => {
      const loaded: Loaded = { messages: m.default, pictograms: p, calendar: m.calendarNames };
      settled.set(known, loaded);
      if (known === DEFAULT_LANG) setSwedishLoaded(loaded);
      return loaded;
    });
    // a failed chunk (offline before the first install finished) may be retried later
    promise.catch(() => loading.delete(known));
    loading.set(known, promise);
  }
  return promise;
}

/** The catalogue if it has already arrived (no waiting), else undefined. */
export function loadedLanguage(code: string): Loaded | undefined {
  return settled.get(messageModules[`./${code}.ts`] ? code : DEFAULT_LANG);
}

/**
 * The Swedish catalogue if it is loaded; otherwise starts loading it and
 * gives undefined. Reactive: a computation that read it reruns on arrival.
 * For second (Swedish) labels and fallbacks, which most boards never need.
 */
export function swedish(): Loaded | undefined {
  const s = swedishLoaded();
  if (!s) void loadLanguage(DEFAULT_LANG).catch(() => undefined);
  return s;
}

/** The Swedish wording of a message (filled in), once Swedish is loaded (see `swedish()`). */
export function swedishMessage(key: MessageKey, params?: Params): string | undefined {
  const template = swedish()?.messages[key];
  return template === undefined ? undefined : interpolate(template, params);
}

/** The Swedish label of a built-in pictogram, once Swedish is loaded (see `swedish()`). */
export function swedishPictogram(id: string): string | undefined {
  return swedish()?.pictograms[id];
}

export function makeTranslator(loaded: Loaded | undefined, locale?: string) {
  // eslint-disable-next-line solid/reactivity -- called where it is read: `t()` in JSX and memos tracks the Swedish fallback
  return (key: MessageKey, params?: Params): string => {
    // A missing (or empty) translation falls back to Swedish.
    let template = loaded?.messages[key];
    if (!template) {
      const sv = swedish();
      // Swedish is on its way: an empty text for a moment, then the Swedish one
      if (!sv) return template ?? '';
      template = sv.messages[key] || template;
    }
    if (template === undefined) {
      if (import.meta.env.DEV) throw new Error(`Missing message key: ${String(key)}`);
      return String(key);
    }
    return interpolate(template, params, locale);
  };
}

export function makePictogramLabel(loaded: Loaded | undefined) {
  // eslint-disable-next-line solid/reactivity -- called where it is read, like makeTranslator
  return (id: string): string => {
    if (id.startsWith('custom:')) return customPictogramLabel(id) ?? '';
    const own = loaded?.pictograms[id];
    if (own) return own;
    const sv = swedish();
    return sv ? (sv.pictograms[id] ?? id) : '';
  };
}

export interface I18n {
  lang: Accessor<string>;
  language: Accessor<Language>;
  setLang: (code: string) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** the label of a built-in pictogram in the current language */
  pl: (id: string) => string;
  dir: Accessor<'ltr' | 'rtl'>;
  formatDate: (date: Date, opts: Intl.DateTimeFormatOptions) => string;
  formatNumber: (n: number, opts?: Intl.NumberFormatOptions) => string;
  /** the digits of an already formatted text (a clock, a count) in the language's own digits */
  digits: (text: string) => string;
  ready: Accessor<boolean>;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps<{ initial: string; onChange?: (code: string) => void }>) {
  // the initial language is read once
  const [lang, setLangSignal] = createSignal(languageOf(props.initial).code);
  // a catalogue loaded already (boot waits for it) is there from the first render
  const [loaded] = createResource(lang, (code) => loadedLanguage(code) ?? loadLanguage(code), { initialValue: loadedLanguage(untrack(lang)) });
  const language = () => languageOf(lang());
  const current = () => (loaded.state === 'ready' ? loaded() : loaded.latest);
  const i18n: I18n = {
    lang,
    language,
    setLang: (code) => {
      const next = languageOf(code).code;
      setLangSignal(next);
      props.onChange?.(next);
    },
    t: (key, params) => makeTranslator(current(), language().locale)(key, params),
    pl: (id) => makePictogramLabel(current())(id),
    dir: () => language().dir,
    formatDate: (date, opts) => formatDateIn(language().locale, date, opts, current()?.calendar),
    formatNumber: (n, opts) => formatNumberIn(language().locale, n, opts),
    digits: (text) => localizeDigits(language().locale, text),
    ready: () => current() !== undefined,
  };
  createEffect(() => {
    document.documentElement.lang = lang();
    document.documentElement.dir = language().dir;
  });
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
