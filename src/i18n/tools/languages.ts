/** The UI languages (a module of its own, with no imports: the build reads it for the first-visit welcome, scripts/welcome-shell.ts). */
export interface Language {
  /** the `?lang=` value and `<html lang>`: a BCP 47 tag */
  code: string;
  /** the language's name in its own script, for the picker (never a flag) */
  name: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for Intl (numerals, month names) and speech */
  locale: string;
}

/**
 * The UI languages, in picker order. Adding a language = its catalogue file
 * `./<code>.ts` (+ `./pictograms.<code>.ts`) and one line here; the loaders
 * find the files by name (see docs/translations.md).
 *
 * Locales are chosen deliberately:
 * - `ar-SY`: most Arabic speakers in Swedish workplaces come from Syria and
 *   Iraq, who write Arabic-Indic digits (٣) and Levantine/Iraqi month names
 *   (كانون الثاني). Plain `ar` would give Latin digits and Egyptian names.
 * - `fa-AF`: Dari as written in Afghanistan (Persian digits ۳, month names
 *   such as جنوری); dates are still forced to the Gregorian calendar below.
 * - `ti-ER`: most Tigrinya speakers in Sweden come from Eritrea.
 * - Easy-to-read Swedish (lättläst) uses a private-use subtag; screen
 *   readers, Intl and speech treat it as Swedish.
 */
export const LANGUAGES: Language[] = [
  { code: 'sv', name: 'Svenska', dir: 'ltr', locale: 'sv-SE' },
  { code: 'sv-x-lattlast', name: 'Lättläst svenska', dir: 'ltr', locale: 'sv-SE' },
  { code: 'en', name: 'English', dir: 'ltr', locale: 'en-GB' },
  { code: 'ar', name: 'العربية', dir: 'rtl', locale: 'ar-SY' },
  { code: 'fa', name: 'فارسی دری', dir: 'rtl', locale: 'fa-AF' },
  { code: 'so', name: 'Soomaali', dir: 'ltr', locale: 'so-SO' },
  { code: 'ti', name: 'ትግርኛ', dir: 'ltr', locale: 'ti-ER' },
];
