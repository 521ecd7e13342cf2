/**
 * Speech for the whole app: `useSpeech()` says words, people's names and
 * whole screens, and one listener makes every tap speak.
 *
 * Speak-on-tap is global on purpose: one capture-phase `click` listener on the
 * document finds what was tapped (`wordOfTap` in screenText.ts: a control's
 * accessible name, a face, a pictogram) so screens need no speech code. A
 * word is looked up in the word index to find its recorded clips and its
 * Swedish wording; a face speaks the person's name in the person's language.
 *
 * When nothing can speak (no clip, no voice, no speechSynthesis) a small
 * pictogram notice says so — a low-priority notice in the one notice queue,
 * so it never replaces the app's confirmation notice of the same tap.
 */
import { createContext, createSignal, onCleanup, onMount, useContext, type Accessor, type ParentProps } from 'solid-js';
import { useApp } from '../context';
import { usePrefs } from '../prefs';
import type { Person } from '../../domain/types';
import { personClipKey, pictogramClipKey } from '../../domain/voiceClips';
import { LANGUAGES, loadLanguage, useI18n } from '../../i18n';
import { isBuiltinPictogram } from '../../pictograms/catalog';
import { readableItems, wordOfTap } from './screenText';
import {
  createSpeechEngine,
  primaryOf,
  type SpeechEngine,
  type SpeechEnv,
  type SpeechRequest,
  type SpeechResult,
  type VoiceLike,
} from './speech';
import { createWordIndex, normalizeWord, swedishOf, wordIn } from './words';
import './speech.css';

export interface SpeakOptions {
  /** say it in this language (the word is translated when the index knows it) */
  lang?: string;
  /** clip keys that name the word, besides the ones the index finds */
  clipKey?: string | readonly string[];
  /** the Swedish wording, if the caller knows it better than the index */
  svText?: string;
}

export interface SpeechItem extends SpeakOptions {
  text: string;
}

export interface Speech {
  /** Says a request as it is (text already in `req.lang`). */
  speak(req: SpeechRequest): Promise<SpeechResult>;
  /** Says a word shown in the UI language (found clips, Swedish fallback, optional other language). */
  speakWord(text: string, opts?: SpeakOptions): Promise<SpeechResult>;
  /** Says a person's name in the person's language (their recorded name first). */
  speakPerson(person: Pick<Person, 'id' | 'firstName' | 'language'>): Promise<SpeechResult>;
  /** Says items one after another (a screen, the meeting agenda); `stop()` ends it. */
  speakItems(items: readonly (string | SpeechItem)[]): Promise<SpeechResult[]>;
  /** Reads elements' content in DOM order: headings, texts, names of controls. */
  speakElement(roots: Element | readonly Element[]): Promise<SpeechResult[]>;
  stop(): void;
  /** true while a reading (speakItems/speakElement) is going on */
  reading: Accessor<boolean>;
  /** true while the "no voice" notice shows */
  silentNotice: Accessor<boolean>;
  voices(): Promise<VoiceLike[]>;
  hasVoice(lang: string): Promise<boolean>;
  /** the Swedish wording to show beside `text` when bilingual labels are on, else undefined */
  /** `svText`: the Swedish wording if the caller knows it (a function: read only when a second label is shown) */
  secondLabel(text: string, svText?: string | (() => string | undefined)): string | undefined;
  engine: SpeechEngine;
}

const SpeechContext = createContext<Speech>();

export function localeOf(code: string): string {
  return LANGUAGES.find((l) => l.code === code)?.locale ?? code;
}

const NOTICE_MS = 2_500;
const SPEECH_NOTICE_CLASS = 'speech-notice';
const asList = (k: string | readonly string[] | undefined): string[] => (k === undefined ? [] : typeof k === 'string' ? [k] : [...k]);
const unique = (xs: string[]) => [...new Set(xs)];

export function SpeechProvider(props: ParentProps<{ env?: SpeechEnv; voiceWaitMs?: number; startTimeoutMs?: number }>) {
  const app = useApp();
  const i18n = useI18n();
  const prefs = usePrefs();
  const words = createWordIndex({ lang: i18n.lang, ready: i18n.ready, t: i18n.t, pl: i18n.pl });

  const clips = app.lookups.clips;
  const hasClip = (key: string, lang: string) => app.lookups.clip(key, lang) !== undefined;

  const engine = createSpeechEngine({
    // eslint-disable-next-line solid/reactivity -- read once: the environment does not change
    env: props.env,
    localeOf,
    rate: () => prefs.prefs().speechRate,
    // eslint-disable-next-line solid/reactivity -- read once
    voiceWaitMs: props.voiceWaitMs,
    // eslint-disable-next-line solid/reactivity -- read once
    startTimeoutMs: props.startTimeoutMs,
    async findClip(key, lang) {
      const wp = app.workplaceId();
      if (!wp) return undefined;
      // The shared clip index answers "is there a clip?" without a database read on every tap.
      if (clips.ready() && !hasClip(key, lang)) return undefined;
      return app.repos.voiceClips.audio(wp, key, lang);
    },
  });

  const [reading, setReading] = createSignal(false);
  // "Nothing can speak" joins the one notice queue (core/notices.ts): low priority, shown shortly
  // when no answer to a tap is showing, in the reserved band like every notice.
  const isSpeechNotice = (n: { class?: string }) => n.class === SPEECH_NOTICE_CLASS;
  const silentNotice = () => app.notices().some(isSpeechNotice);
  const noteResult = (r: SpeechResult) => {
    if (r.via !== 'none') return r;
    if (silentNotice() || app.pending().some(isSpeechNotice)) return r;
    app.notify({ kind: 'info', pictogram: 'mute', message: 'speech.noVoice', queued: true, class: SPEECH_NOTICE_CLASS, duration: NOTICE_MS });
    return r;
  };

  /** A word in the UI language → a request in `opts.lang` (or the UI language). */
  async function requestFor(text: string, opts: SpeakOptions = {}): Promise<SpeechRequest> {
    const uiLang = i18n.lang();
    // the word index and the Swedish fallback voice read the Swedish catalogue (a lazy chunk)
    await loadLanguage('sv').catch(() => undefined);
    const clipKeys = unique([...asList(opts.clipKey), ...words.keysOf(text)]);
    const svText = opts.svText ?? clipKeys.map(swedishOf).find((s) => s !== undefined) ?? text;
    const lang = opts.lang ?? uiLang;
    if (lang === uiLang) return { text, lang, clipKeys, svText };
    for (const key of clipKeys) {
      const translated = await wordIn(key, lang);
      if (translated) return { text: translated, lang, clipKeys, svText };
    }
    // No wording in that language (no catalogue, or free text): say it as shown, in the UI language.
    return { text, lang: uiLang, clipKeys, svText };
  }

  // Preparing a request may wait (a catalogue loads); a later call or stop() wins over it.
  let calls = 0;
  /** the call of the reading in progress, so an interrupted reading still clears `reading` */
  let readingCall = 0;
  const cancelled: SpeechResult = { via: 'cancelled' };

  const api: Speech = {
    speak: (req) => {
      calls++;
      return engine.speak(req).then(noteResult);
    },
    async speakWord(text, opts) {
      const call = ++calls;
      const req = await requestFor(text, opts);
      if (call !== calls) return cancelled;
      return noteResult(await engine.speak(req));
    },
    async speakPerson(person) {
      calls++;
      const lang = person.language || i18n.lang();
      return noteResult(
        await engine.speak({ text: person.firstName, lang, clipKeys: [personClipKey(person.id)], svText: person.firstName }),
      );
    },
    async speakItems(items) {
      const call = ++calls;
      readingCall = call;
      setReading(true);
      try {
        const reqs = await Promise.all(items.map((it) => (typeof it === 'string' ? requestFor(it) : requestFor(it.text, it))));
        if (call !== calls) return [cancelled];
        const results = await engine.speakAll(reqs.filter((r) => r.text.trim()));
        if (results.some((r) => r.via === 'none') && !results.some((r) => r.via === 'clip' || r.via === 'synth')) noteResult({ via: 'none' });
        return results;
      } finally {
        if (readingCall === call) setReading(false);
      }
    },
    speakElement(roots) {
      const list: readonly Element[] = roots instanceof Element ? [roots] : roots;
      return api.speakItems(list.flatMap((r) => readableItems(r)));
    },
    stop() {
      calls++;
      engine.cancel();
      setReading(false);
    },
    reading,
    silentNotice,
    voices: () => engine.voices(),
    hasVoice: async (lang) => !!(await engine.voiceFor(lang)),
    secondLabel(text, svText) {
      if (!prefs.prefs().bilingual) return undefined;
      if (primaryOf(localeOf(i18n.lang())) === 'sv') return undefined;
      const s = (typeof svText === 'function' ? svText() : svText) ?? words.swedishFor(text);
      return s && normalizeWord(s) !== normalizeWord(text) ? s : undefined;
    },
    engine,
  };

  const onTap = (ev: MouseEvent) => {
    if (!prefs.prefs().speakOnTap) return;
    const word = wordOfTap(ev.target);
    if (!word) return;
    if (word.personId) {
      const person = app.lookups.person(word.personId);
      if (person) return void api.speakPerson(person);
    }
    let text = word.text;
    const keys = asList(word.clipKey);
    if (word.pictogram && isBuiltinPictogram(word.pictogram)) {
      const label = i18n.pl(word.pictogram);
      if (!text) text = label;
      if (normalizeWord(label) === normalizeWord(text)) keys.push(pictogramClipKey(word.pictogram));
    }
    if (!text) return;
    if (word.textLang) return void api.speak({ text, lang: word.textLang, clipKeys: keys });
    void api.speakWord(text, { lang: word.speakLang, clipKey: keys });
  };

  onMount(() => {
    document.addEventListener('click', onTap, true);
    onCleanup(() => {
      document.removeEventListener('click', onTap, true);
      engine.cancel();
    });
  });

  return (
    <SpeechContext.Provider value={api}>
      {props.children}
    </SpeechContext.Provider>
  );
}

export function useSpeech(): Speech {
  const ctx = useContext(SpeechContext);
  if (!ctx) throw new Error('useSpeech outside SpeechProvider');
  return ctx;
}

/** The speech API when the app provides it; undefined in isolated component tests. */
export function useSpeechOptional(): Speech | undefined {
  return useContext(SpeechContext);
}
