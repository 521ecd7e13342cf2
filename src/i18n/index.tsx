/**
 * Message catalogues and the i18n context.
 *
 * Swedish is the fallback catalogue and the source of the typed keys; other
 * languages are loaded lazily (one file per language for UI strings, one for
 * pictogram labels) and every key missing in them falls back to Swedish. In
 * development a key missing from Swedish too throws, so typos surface early.
 * `<html lang dir>` always follows the chosen language.
 */
import { createContext, createEffect, createResource, createSignal, useContext, type Accessor, type ParentProps } from 'solid-js';
import sv from './sv';
import pictogramsSv from './pictograms.sv';

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export interface Language {
  code: string;
  /** the language's name in its own script, for the picker */
  name: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for Intl and speech */
  locale: string;
}

export const LANGUAGES: Language[] = [
  { code: 'sv', name: 'Svenska', dir: 'ltr', locale: 'sv-SE' },
  { code: 'en', name: 'English', dir: 'ltr', locale: 'en-GB' },
];

export const DEFAULT_LANG = 'sv';

interface Loaded {
  messages: Partial<Messages>;
  pictograms: Partial<Record<string, string>>;
}

const loaders: Record<string, () => Promise<Loaded>> = {
  sv: async () => ({ messages: sv, pictograms: pictogramsSv }),
  en: async () => ({ messages: (await import('./en')).default, pictograms: (await import('./pictograms.en')).default }),
};

export function languageOf(code: string | null | undefined): Language {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!;
}

export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export async function loadLanguage(code: string): Promise<Loaded> {
  const loader = loaders[code] ?? loaders[DEFAULT_LANG]!;
  return loader();
}

export function makeTranslator(loaded: Loaded | undefined) {
  return (key: MessageKey, params?: Params): string => {
    const template = loaded?.messages[key] ?? sv[key];
    if (template === undefined) {
      if (import.meta.env.DEV) throw new Error(`Missing message key: ${String(key)}`);
      return String(key);
    }
    return interpolate(template, params);
  };
}

export function makePictogramLabel(loaded: Loaded | undefined) {
  return (id: string): string => loaded?.pictograms[id] ?? (pictogramsSv as Record<string, string>)[id] ?? id;
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
  formatNumber: (n: number) => string;
  ready: Accessor<boolean>;
}

const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps<{ initial: string; onChange?: (code: string) => void }>) {
  // eslint-disable-next-line solid/reactivity -- the initial language is read once
  const [lang, setLangSignal] = createSignal(languageOf(props.initial).code);
  const [loaded] = createResource(lang, loadLanguage);
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
    t: (key, params) => makeTranslator(current())(key, params),
    pl: (id) => makePictogramLabel(current())(id),
    dir: () => language().dir,
    formatDate: (date, opts) => new Intl.DateTimeFormat(language().locale, opts).format(date),
    formatNumber: (n) => new Intl.NumberFormat(language().locale).format(n),
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
