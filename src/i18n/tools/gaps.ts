/**
 * Translation gaps between the Swedish source catalogue and another one.
 * Pure: used by the completeness test (src/i18n/catalogues.test.ts) and by
 * `scripts/i18n-missing.ts`, which prints the to-do list for translators.
 */

import { PLURAL } from './plural';

/** The `{name}` placeholders of a message (a plural phrase's count included), sorted and unique. */
export function placeholders(text: string): string[] {
  const counted = [...text.matchAll(PLURAL)].map((m) => m[1]!);
  const rest = text.replace(PLURAL, '');
  return [...new Set([...counted, ...[...rest.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)])].sort();
}

export interface CatalogueGaps {
  /** keys of sv that the catalogue lacks */
  missing: string[];
  /** keys present but blank */
  empty: string[];
  /** keys whose placeholders differ from sv's */
  placeholders: string[];
  /** keys sv does not have (stale or misspelt) */
  unknown: string[];
}

export function catalogueGaps(source: Record<string, string>, target: Partial<Record<string, string>>): CatalogueGaps {
  const gaps: CatalogueGaps = { missing: [], empty: [], placeholders: [], unknown: [] };
  for (const [key, text] of Object.entries(source)) {
    const translated = target[key];
    if (translated === undefined) gaps.missing.push(key);
    else if (!translated.trim()) gaps.empty.push(key);
    else if (placeholders(translated).join() !== placeholders(text).join()) gaps.placeholders.push(key);
  }
  for (const key of Object.keys(target)) if (!(key in source)) gaps.unknown.push(key);
  return gaps;
}

export function pictogramGaps(source: Record<string, string>, target: Partial<Record<string, string>>): Omit<CatalogueGaps, 'placeholders'> {
  const { missing, empty, unknown } = catalogueGaps(source, target);
  return { missing, empty, unknown };
}
