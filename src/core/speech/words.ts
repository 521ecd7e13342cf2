/**
 * From a word on screen back to what it names.
 *
 * Buttons only know their visible label ("Goals"), but a recorded clip is
 * keyed by what the word *is* (`message:section.goals`, `pictogram:target`),
 * the Swedish fallback needs the Swedish wording ("Mål"), and a person's
 * items are spoken in the person's language. The index maps each label of
 * the current catalogue (messages without placeholders, pictogram labels)
 * to its clip keys, once per language, and translates a key into any
 * language that has a catalogue.
 */
import { LANGUAGES, loadLanguage, swedish, type MessageKey, type Messages } from '../../i18n';
import { messageClipKey, parseClipKey, pictogramClipKey } from '../../domain/voiceClips';
import { PICTOGRAM_IDS } from '../../pictograms/catalog';

/** Collapses whitespace and case, so "  Goals " and "goals" are the same word. */
export function normalizeWord(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
}

const plainKeys = new WeakMap<object, readonly MessageKey[]>();
/** Message keys whose (Swedish) text has no `{placeholder}`: the ones a label can be. */
export function plainMessageKeys(sv: Partial<Messages>): readonly MessageKey[] {
  let keys = plainKeys.get(sv);
  if (!keys) plainKeys.set(sv, (keys = (Object.keys(sv) as MessageKey[]).filter((k) => !sv[k]!.includes('{'))));
  return keys;
}

/**
 * The Swedish wording of what a clip key names (undefined for people and
 * unknown keys). Swedish is loaded on demand (`swedish()`): until it has
 * arrived this gives undefined (speech awaits `loadLanguage('sv')` first).
 */
export function swedishOf(clipKey: string): string | undefined {
  const parsed = parseClipKey(clipKey);
  if (!parsed) return undefined;
  if (parsed.kind === 'message') return (swedish()?.messages as Record<string, string> | undefined)?.[parsed.ref];
  if (parsed.kind === 'pictogram') return swedish()?.pictograms[parsed.ref];
  return undefined;
}

export function hasCatalogue(lang: string): boolean {
  return LANGUAGES.some((l) => l.code === lang);
}

type Catalogue = Awaited<ReturnType<typeof loadLanguage>>;
const catalogues = new Map<string, Promise<Catalogue>>();

/** What a clip key names, worded in `lang`; undefined when `lang` has no catalogue. */
export async function wordIn(clipKey: string, lang: string): Promise<string | undefined> {
  const parsed = parseClipKey(clipKey);
  if (!parsed || parsed.kind === 'person' || !hasCatalogue(lang)) return undefined;
  let c = catalogues.get(lang);
  if (!c) catalogues.set(lang, (c = loadLanguage(lang)));
  let loaded: Catalogue;
  try {
    loaded = await c;
  } catch {
    catalogues.delete(lang);
    return swedishOf(clipKey);
  }
  const own = parsed.kind === 'message' ? loaded.messages[parsed.ref as MessageKey] : loaded.pictograms[parsed.ref];
  return own || swedishOf(clipKey);
}

export interface WordSource {
  lang: () => string;
  ready: () => boolean;
  t: (key: MessageKey) => string;
  pl: (id: string) => string;
}

export interface WordIndex {
  /** clip keys naming `text` in the current language, best first (messages, then pictograms) */
  keysOf(text: string): string[];
  /** the Swedish wording of `text` in the current language, if the index knows the word */
  swedishFor(text: string): string | undefined;
}

export function createWordIndex(src: WordSource): WordIndex {
  const byLang = new Map<string, Map<string, string[]>>();
  const build = () => {
    const map = new Map<string, string[]>();
    // which messages can be labels is read from Swedish (the source of keys); not loaded yet → no index yet
    const sv = swedish();
    if (!sv) return map;
    const add = (text: string, key: string) => {
      const n = normalizeWord(text);
      if (!n) return;
      const list = map.get(n);
      if (list) list.push(key);
      else map.set(n, [key]);
    };
    for (const k of plainMessageKeys(sv.messages)) add(src.t(k), messageClipKey(k));
    for (const id of PICTOGRAM_IDS) add(src.pl(id), pictogramClipKey(id));
    return map;
  };
  const index = () => {
    const lang = src.lang();
    let map = byLang.get(lang);
    if (map) return map;
    map = build();
    // Only keep an index built from the loaded catalogues.
    if (src.ready() && swedish()) byLang.set(lang, map);
    return map;
  };
  return {
    keysOf: (text) => [...(index().get(normalizeWord(text)) ?? [])],
    swedishFor(text) {
      for (const key of index().get(normalizeWord(text)) ?? []) {
        const s = swedishOf(key);
        if (s) return s;
      }
      return undefined;
    },
  };
}
