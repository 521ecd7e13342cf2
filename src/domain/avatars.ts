/**
 * Distinct faces: a new person gets a picture no one in the workplace has yet, so a
 * participant who cannot read finds their own face (everyone used to get the first one).
 */

/** The first choice nobody uses, starting after the last one taken; when all are taken, the least used. */
export function distinctAvatar(used: readonly string[], choices: readonly string[]): string {
  if (choices.length === 0) throw new Error('distinctAvatar: no choices');
  const counts = new Map<string, number>();
  for (const u of used) counts.set(u, (counts.get(u) ?? 0) + 1);
  const start = used.length % choices.length;
  let best = choices[start]!;
  for (let i = 0; i < choices.length; i++) {
    const c = choices[(start + i) % choices.length]!;
    if ((counts.get(c) ?? 0) < (counts.get(best) ?? 0)) best = c;
    if (!counts.has(c)) return c;
  }
  return best;
}

/** A new person's language: the screen's language when people can have it, else Swedish. */
export function defaultPersonLanguage(uiLang: string, personLanguages: readonly string[]): string {
  if (personLanguages.includes(uiLang)) return uiLang;
  const primary = uiLang.split('-')[0]!;
  return personLanguages.includes(primary) ? primary : 'sv';
}
