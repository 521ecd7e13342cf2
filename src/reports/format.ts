/**
 * Date formatting for screens that format hundreds of dates (a year of
 * weeks, meetings, days). Creating an Intl.DateTimeFormat costs up to a
 * millisecond, and `i18n.formatDate` creates one per call; this keeps one per
 * language and option set. It is checked once against `formatDate` on a
 * sample date: where they differ (a language whose month names come from the
 * catalogue, or with its own digits), every call goes to `formatDate`, so
 * the words are always the app's.
 */
import type { I18n } from '../i18n';

const PROBE = new Date(2026, 2, 16, 8, 5);

export function cachedDateFormat(i18n: Pick<I18n, 'formatDate' | 'language'>): (date: Date, opts: Intl.DateTimeFormatOptions) => string {
  const cache = new Map<string, (d: Date) => string>();
  // the same options object again (a constant of the screen): found without serialising it; hundreds of calls a render
  const byOptions = new WeakMap<Intl.DateTimeFormatOptions, { locale: string; format: (d: Date) => string }>();
  return (date, opts) => {
    const locale = i18n.language().locale;
    const known = byOptions.get(opts);
    if (known?.locale === locale) return known.format(date);
    const key = `${locale}|${JSON.stringify(opts)}`;
    let format = cache.get(key);
    if (!format) {
      const intl = new Intl.DateTimeFormat(locale, { calendar: 'gregory', ...opts });
      format = intl.format(PROBE) === i18n.formatDate(PROBE, opts) ? (d) => intl.format(d) : (d) => i18n.formatDate(d, opts);
      cache.set(key, format);
    }
    byOptions.set(opts, { locale, format });
    return format(date);
  };
}

/** The same for numbers: one Intl.NumberFormat per language, checked against `formatNumber`. */
export function cachedNumberFormat(i18n: Pick<I18n, 'formatNumber' | 'language'>): (n: number) => string {
  const cache = new Map<string, (n: number) => string>();
  return (n) => {
    const locale = i18n.language().locale;
    let format = cache.get(locale);
    if (!format) {
      const intl = new Intl.NumberFormat(locale);
      format = intl.format(1234.5) === i18n.formatNumber(1234.5) ? (x) => intl.format(x) : (x) => i18n.formatNumber(x);
      cache.set(locale, format);
    }
    return format(n);
  };
}
