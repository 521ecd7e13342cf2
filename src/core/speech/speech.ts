/**
 * The speech engine: says a word or a sentence in a language, by the best
 * means this device has, and never hangs or fails silently.
 *
 * Fallback order for a request in language L (see `voiceFallbackOrder`):
 *
 *   1. a recorded clip of the word in L   (a person's voice beats any machine)
 *   2. a synthetic voice for L            (Web Speech `speechSynthesis`)
 *   3. a recorded clip of the word in Swedish
 *   4. a synthetic Swedish voice, saying the Swedish wording
 *   5. nothing: the caller shows a pictogram notice ("no voice")
 *
 * Somali and Tigrinya have no synthetic voice on most devices, and many
 * Android tablets have few voices at all, so steps 1 and 3 matter.
 *
 * Browsers are unreliable here, so every step is guarded:
 * - voices arrive asynchronously (`voiceschanged`); the first request waits
 *   for them a short while, later ones don't;
 * - `speechSynthesis` sometimes never starts an utterance (stuck queue): the
 *   queue is cancelled before each utterance, and an utterance that has not
 *   started after `startTimeoutMs` is cancelled and counted as hung (then no
 *   other synthetic step is tried for that request);
 * - an utterance or clip that never reports its end is cut after a generous
 *   estimate of its length, so a reading of a whole screen always moves on;
 * - a new request cancels the one in progress (generation counter).
 *
 * Everything the browser provides is reached through `SpeechEnv`, read at
 * call time, so unit tests pass fakes and component tests can install a
 * fake `window.speechSynthesis` after the app started.
 */
import { MAX_CLIP_MS } from '../../domain/voiceClips';

export interface VoiceLike {
  name: string;
  lang: string;
  localService?: boolean;
  default?: boolean;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((ev: unknown) => void) | null;
  onend: ((ev: unknown) => void) | null;
  onerror: ((ev: { error?: string }) => void) | null;
}

export interface SynthLike {
  speak(u: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
  resume?(): void;
  speaking?: boolean;
  addEventListener?(type: 'voiceschanged', fn: () => void): void;
  removeEventListener?(type: 'voiceschanged', fn: () => void): void;
}

export interface AudioLike {
  play(): Promise<void> | void;
  pause(): void;
  onended: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface SpeechEnv {
  synth(): SynthLike | null;
  utterance(text: string): UtteranceLike | null;
  audio(url: string): AudioLike | null;
  objectUrl(blob: Blob): string;
  revokeUrl(url: string): void;
}

/** The real browser, read at call time (so a test may install fakes on window later). */
export function browserEnv(): SpeechEnv {
  const w = (typeof window === 'undefined' ? undefined : window) as (Window & typeof globalThis) | undefined;
  return {
    synth: () => (w && 'speechSynthesis' in w ? (w.speechSynthesis as unknown as SynthLike) : null),
    utterance: (text) =>
      w && typeof w.SpeechSynthesisUtterance === 'function' ? (new w.SpeechSynthesisUtterance(text) as unknown as UtteranceLike) : null,
    audio: (url) => (w && typeof w.Audio === 'function' ? (new w.Audio(url) as unknown as AudioLike) : null),
    objectUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
  };
}

// ---- pure parts --------------------------------------------------------------

/** 'sv_SE' → 'sv-se': Android reports voice languages with an underscore. */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** Codes that name the same spoken language as a more common one. */
const SAME_LANGUAGE: Record<string, string> = { prs: 'fa', nb: 'no', nn: 'no' };

export function primaryOf(tag: string): string {
  const p = normalizeTag(tag).split('-')[0] ?? '';
  return SAME_LANGUAGE[p] ?? p;
}

export const FALLBACK_LANG = 'sv';

export interface Step {
  kind: 'clip' | 'synth';
  lang: string;
}

/**
 * The order in which to try to say a word in `lang` (a language code, e.g.
 * 'so' or 'sv-x-lattlast'): its clip, its voice, the Swedish clip, the
 * Swedish voice. Swedish-family languages do not repeat the Swedish voice.
 */
export function voiceFallbackOrder(lang: string, localeOf: (code: string) => string = (c) => c): Step[] {
  const steps: Step[] = [
    { kind: 'clip', lang },
    { kind: 'synth', lang },
  ];
  if (lang !== FALLBACK_LANG) steps.push({ kind: 'clip', lang: FALLBACK_LANG });
  if (primaryOf(localeOf(lang)) !== primaryOf(localeOf(FALLBACK_LANG))) steps.push({ kind: 'synth', lang: FALLBACK_LANG });
  return steps;
}

/**
 * The best voice for a BCP 47 locale: same primary language required; then
 * the exact region, a voice that works offline (localService), the default.
 */
export function pickVoice(voices: readonly VoiceLike[], locale: string): VoiceLike | undefined {
  const want = normalizeTag(locale);
  const primary = primaryOf(locale);
  let best: VoiceLike | undefined;
  let bestScore = -1;
  for (const v of voices) {
    if (!v?.lang) continue;
    const tag = normalizeTag(v.lang);
    if (primaryOf(tag) !== primary) continue;
    const score = (tag === want ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
    if (score > bestScore) {
      best = v;
      bestScore = score;
    }
  }
  return best;
}

export const MIN_RATE = 0.5;
export const MAX_RATE = 1.5;

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

/** A generous upper bound of how long saying `text` takes; beyond it the utterance is cut. */
export function speakingBudgetMs(text: string, rate: number): number {
  return Math.round(3_000 + (text.length * 120) / clampRate(rate));
}

// ---- the engine ----------------------------------------------------------------

export interface SpeechRequest {
  text: string;
  /** language code of `text` */
  lang: string;
  /** clip keys that name this word, best first (a recorded clip of any of them wins) */
  clipKeys?: readonly string[];
  /** the Swedish wording, said when falling back to a Swedish voice (default: `text`) */
  svText?: string;
}

export type SpeechResult = { via: 'clip' | 'synth'; lang: string } | { via: 'none' } | { via: 'cancelled' };

export interface EngineOptions {
  env?: SpeechEnv;
  /** the audio of a recorded clip of `key` in `lang`, if there is one */
  findClip?: (key: string, lang: string) => Promise<Blob | undefined>;
  rate?: () => number;
  /** language code → BCP 47 locale for voices (e.g. 'ar' → 'ar-SY') */
  localeOf?: (code: string) => string;
  /** how long the first request waits for `voiceschanged` when no voices are listed yet */
  voiceWaitMs?: number;
  /** how long an utterance or clip may take to start before it counts as hung */
  startTimeoutMs?: number;
}

export interface SpeechEngine {
  speak(req: SpeechRequest): Promise<SpeechResult>;
  /** Says the requests one after another; a new request or `cancel()` stops the rest. */
  speakAll(reqs: readonly SpeechRequest[]): Promise<SpeechResult[]>;
  cancel(): void;
  voices(): Promise<VoiceLike[]>;
  voiceFor(lang: string): Promise<VoiceLike | undefined>;
}

type Outcome = 'ok' | 'missing' | 'failed' | 'hung' | 'cancelled';

function quietly<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export function createSpeechEngine(opts: EngineOptions = {}): SpeechEngine {
  const env = opts.env ?? browserEnv();
  const localeOf = opts.localeOf ?? ((c: string) => c);
  const rate = () => clampRate(opts.rate?.() ?? 1);
  const voiceWaitMs = opts.voiceWaitMs ?? 1_500;
  const startTimeoutMs = opts.startTimeoutMs ?? 3_000;

  let generation = 0;
  /** stops whatever is sounding now */
  let stopActive: (() => void) | null = null;

  // Voices: listed synchronously on most desktops, only after `voiceschanged` on Chrome/Android.
  let waitedFor: SynthLike | null = null;
  let waiting: Promise<void> | null = null;

  async function voices(): Promise<VoiceLike[]> {
    const synth = env.synth();
    if (!synth) return [];
    const now = quietly(() => synth.getVoices()) ?? [];
    if (now.length) return now;
    if (waitedFor !== synth) {
      waitedFor = synth;
      waiting = new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          quietly(() => synth.removeEventListener?.('voiceschanged', done));
          resolve();
        };
        const timer = setTimeout(done, voiceWaitMs);
        quietly(() => synth.addEventListener?.('voiceschanged', done));
      });
    }
    await waiting;
    return quietly(() => synth.getVoices()) ?? [];
  }

  async function voiceFor(lang: string): Promise<VoiceLike | undefined> {
    return pickVoice(await voices(), localeOf(lang));
  }

  interface Playback {
    /** settles the playback once: its timer cleared, no longer the active one, its handlers released */
    finish(o: Outcome): void;
    /** halts the sound, then finishes with `o` */
    stop(o: Outcome): void;
    /** (re)arms the playback's one timer */
    after(ms: number, fire: () => void): void;
  }
  /** One clip or utterance as a promise that settles exactly once; `speech.stop()` cancels the active one. */
  function playback(halt: () => void, release: () => void, body: (p: Playback) => void): Promise<Outcome> {
    return new Promise<Outcome>((resolve) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const p: Playback = {
        finish(o) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (stopActive === cancel) stopActive = null;
          release();
          resolve(o);
        },
        stop(o) {
          halt();
          p.finish(o);
        },
        after(ms, fire) {
          clearTimeout(timer);
          timer = setTimeout(fire, ms);
        },
      };
      const cancel = () => p.stop('cancelled');
      stopActive = cancel;
      body(p);
    });
  }

  function tryClip(keys: readonly string[], lang: string, gen: number): Promise<Outcome> {
    return (async () => {
      let blob: Blob | undefined;
      for (const key of keys) {
        blob = await opts.findClip?.(key, lang).catch(() => undefined);
        if (blob) break;
      }
      if (gen !== generation) return 'cancelled';
      if (!blob) return 'missing';
      const url = quietly(() => env.objectUrl(blob));
      if (!url) return 'failed';
      const audio = quietly(() => env.audio(url));
      if (!audio) {
        quietly(() => env.revokeUrl(url));
        return 'failed';
      }
      return playback(
        () => quietly(() => audio.pause()),
        () => {
          audio.onended = null;
          audio.onerror = null;
          quietly(() => env.revokeUrl(url));
        },
        (p) => {
          audio.onended = () => p.finish('ok');
          audio.onerror = () => p.finish('failed');
          // Not started in time (autoplay refused, decoder stuck) → try the next way.
          p.after(startTimeoutMs, () => p.stop('failed'));
          // Started: cut it after the longest clip there can be, should `ended` never come.
          const started = () => p.after(MAX_CLIP_MS + 3_000, () => p.stop('ok'));
          try {
            const played = audio.play();
            if (played && typeof (played as Promise<void>).then === 'function') (played as Promise<void>).then(started, () => p.finish('failed'));
            else started();
          } catch {
            p.finish('failed');
          }
        },
      );
    })();
  }

  async function trySynth(text: string, lang: string, gen: number): Promise<Outcome> {
    const synth = env.synth();
    if (!synth || !text.trim()) return 'missing';
    const voice = await voiceFor(lang);
    if (gen !== generation) return 'cancelled';
    if (!voice) return 'missing';
    const u = quietly(() => env.utterance(text));
    if (!u) return 'missing';
    u.lang = localeOf(lang);
    // Fakes and some WebViews reject a voice object they did not make; the lang still picks one.
    quietly(() => {
      u.voice = voice;
    });
    u.rate = rate();
    // A stuck queue (Chrome after a tab sleep, Android after a call) swallows new utterances.
    quietly(() => synth.cancel());
    quietly(() => synth.resume?.());
    return playback(
      () => quietly(() => synth.cancel()),
      () => {
        u.onstart = u.onend = null;
        u.onerror = null;
      },
      (p) => {
        const startEndTimer = () => p.after(speakingBudgetMs(text, u.rate), () => p.stop('ok'));
        u.onstart = startEndTimer;
        u.onend = () => p.finish('ok');
        u.onerror = (ev) => {
          const kind = ev?.error;
          p.finish(kind === 'interrupted' || kind === 'canceled' ? (gen === generation ? 'failed' : 'cancelled') : 'failed');
        };
        p.after(startTimeoutMs, () => {
          // Some engines never fire `start` but do speak: trust `speaking` then.
          if (quietly(() => synth.speaking)) return startEndTimer();
          p.stop('hung');
        });
        try {
          synth.speak(u);
        } catch {
          p.finish('failed');
        }
      },
    );
  }

  async function run(req: SpeechRequest, gen: number): Promise<SpeechResult> {
    let synthBroken = false;
    for (const step of voiceFallbackOrder(req.lang, localeOf)) {
      if (gen !== generation) return { via: 'cancelled' };
      let outcome: Outcome;
      if (step.kind === 'clip') {
        if (!req.clipKeys?.length) continue;
        outcome = await tryClip(req.clipKeys, step.lang, gen);
      } else {
        if (synthBroken) continue;
        const text = step.lang === req.lang ? req.text : (req.svText ?? req.text);
        outcome = await trySynth(text, step.lang, gen);
        if (outcome === 'hung') synthBroken = true;
      }
      if (outcome === 'ok') return { via: step.kind, lang: step.lang };
      if (outcome === 'cancelled' || gen !== generation) return { via: 'cancelled' };
    }
    return { via: 'none' };
  }

  function cancel() {
    generation++;
    const stop = stopActive;
    stopActive = null;
    stop?.();
  }

  return {
    speak(req) {
      cancel();
      return run(req, generation);
    },
    async speakAll(reqs) {
      cancel();
      const gen = generation;
      const results: SpeechResult[] = [];
      for (const req of reqs) {
        const r = await run(req, gen);
        results.push(r);
        if (r.via === 'cancelled') break;
      }
      return results;
    },
    cancel,
    voices,
    voiceFor,
  };
}

/**
 * Plays one recording as it is (the supervisor's "listen"), outside the
 * fallback chain. Resolves true once it plays, false when it cannot.
 */
export async function playBlob(blob: Blob, env: SpeechEnv = browserEnv()): Promise<boolean> {
  const url = quietly(() => env.objectUrl(blob));
  if (!url) return false;
  const audio = quietly(() => env.audio(url));
  if (!audio) {
    quietly(() => env.revokeUrl(url));
    return false;
  }
  const release = () => quietly(() => env.revokeUrl(url));
  audio.onended = release;
  audio.onerror = release;
  try {
    await audio.play();
    return true;
  } catch {
    release();
    return false;
  }
}
