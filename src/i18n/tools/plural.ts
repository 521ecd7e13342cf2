/** Plural phrases in catalogue messages (pure: shared by the translator and the catalogue checks). */

/**
 * A counted phrase in a message, in ICU MessageFormat's plural syntax:
 * `{count, plural, one {# day} other {# days}}`. The form is chosen by
 * `Intl.PluralRules` of the language (Arabic has six: zero, one, two, few,
 * many, other); `#` is the number in the language's digits; `=0 {…}` picks an
 * exact number first. Only this one construct is supported, without nesting:
 * the catalogues need no more.
 */
export const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
export const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/** The forms of each plural phrase in a message: param name → form names (e.g. ['one', 'other']). */
export function pluralForms(template: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of template.matchAll(PLURAL)) out.set(m[1]!, [...m[2]!.matchAll(PLURAL_FORM)].map((f) => f[1]!));
  return out;
}

