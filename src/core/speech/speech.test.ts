import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSpeechEngine,
  pickVoice,
  speakingBudgetMs,
  voiceFallbackOrder,
  type AudioLike,
  type SpeechEnv,
  type SynthLike,
  type VoiceLike,
} from './speech';
import { FakeUtterance } from '../../../tests/helpers/speech';

const LOCALES: Record<string, string> = { sv: 'sv-SE', 'sv-x-lattlast': 'sv-SE', en: 'en-GB', ar: 'ar-SY', so: 'so-SO', ti: 'ti-ER' };
const localeOf = (c: string) => LOCALES[c] ?? c;

const voice = (lang: string, name = `voice-${lang}`, extra: Partial<VoiceLike> = {}): VoiceLike => ({ lang, name, ...extra });

type Behaviour = 'speaks' | 'hangs' | 'fails' | 'startsButNeverEnds';

function fakeSynth(initialVoices: VoiceLike[], behaviour: Behaviour = 'speaks') {
  let list = initialVoices;
  const listeners = new Set<() => void>();
  const spoken: { text: string; lang: string; rate: number; voice?: string }[] = [];
  const synth: SynthLike & { spoken: typeof spoken; cancels: number; setVoices(v: VoiceLike[]): void } = {
    spoken,
    cancels: 0,
    speak(u) {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name });
      if (behaviour === 'speaks') {
        setTimeout(() => {
          u.onstart?.({});
          setTimeout(() => u.onend?.({}), 50);
        }, 5);
      } else if (behaviour === 'fails') {
        setTimeout(() => u.onerror?.({ error: 'synthesis-failed' }), 5);
      } else if (behaviour === 'startsButNeverEnds') {
        setTimeout(() => u.onstart?.({}), 5);
      }
    },
    cancel() {
      synth.cancels++;
    },
    getVoices: () => list,
    addEventListener: (_t, fn) => listeners.add(fn),
    removeEventListener: (_t, fn) => listeners.delete(fn),
    setVoices(v) {
      list = v;
      for (const fn of [...listeners]) fn();
    },
  };
  return synth;
}

function fakeAudio(behaviour: 'plays' | 'refused' = 'plays') {
  const played: string[] = [];
  const make = (url: string): AudioLike => {
    const a: AudioLike = {
      onended: null,
      onerror: null,
      pause: () => undefined,
      play() {
        played.push(url);
        if (behaviour === 'refused') return Promise.reject(new DOMException('no', 'NotAllowedError'));
        setTimeout(() => a.onended?.({}), 30);
        return Promise.resolve();
      },
    };
    return a;
  };
  return { played, make };
}

function envWith(synth: SynthLike | null, audio = fakeAudio()): SpeechEnv & { played: string[] } {
  return {
    played: audio.played,
    synth: () => synth,
    utterance: (text) => new FakeUtterance(text),
    audio: audio.make,
    objectUrl: (blob) => `blob:${(blob as Blob & { label?: string }).label ?? 'clip'}`,
    revokeUrl: () => undefined,
  };
}

const clipBlob = (label: string) => Object.assign(new Blob(['x'.repeat(300)]), { label });

/** Clips keyed `${key}|${lang}`. */
const clipStore = (clips: Record<string, string>) => async (key: string, lang: string) => {
  const label = clips[`${key}|${lang}`];
  return label ? clipBlob(label) : undefined;
};

describe('voiceFallbackOrder', () => {
  it('tries the clip, then the voice, then Swedish clip and voice', () => {
    expect(voiceFallbackOrder('so', localeOf)).toEqual([
      { kind: 'clip', lang: 'so' },
      { kind: 'synth', lang: 'so' },
      { kind: 'clip', lang: 'sv' },
      { kind: 'synth', lang: 'sv' },
    ]);
  });

  it('does not repeat Swedish for Swedish', () => {
    expect(voiceFallbackOrder('sv', localeOf)).toEqual([
      { kind: 'clip', lang: 'sv' },
      { kind: 'synth', lang: 'sv' },
    ]);
  });

  it('easy-to-read Swedish falls back to Swedish clips but not to the same Swedish voice again', () => {
    expect(voiceFallbackOrder('sv-x-lattlast', localeOf)).toEqual([
      { kind: 'clip', lang: 'sv-x-lattlast' },
      { kind: 'synth', lang: 'sv-x-lattlast' },
      { kind: 'clip', lang: 'sv' },
    ]);
  });
});

describe('pickVoice', () => {
  it('prefers the exact region, then any voice of the language', () => {
    const voices = [voice('ar-SA', 'saudi'), voice('ar-SY', 'syrian'), voice('en-GB')];
    expect(pickVoice(voices, 'ar-SY')?.name).toBe('syrian');
    expect(pickVoice([voice('ar-SA', 'saudi')], 'ar-SY')?.name).toBe('saudi');
  });

  it('understands Android tags written with an underscore', () => {
    expect(pickVoice([voice('sv_SE', 'android-sv')], 'sv-SE')?.name).toBe('android-sv');
  });

  it('finds no voice for a language the device lacks (Somali, Tigrinya)', () => {
    const voices = [voice('sv-SE'), voice('en-GB'), voice('ar-SY')];
    expect(pickVoice(voices, 'so-SO')).toBeUndefined();
    expect(pickVoice(voices, 'ti-ER')).toBeUndefined();
    expect(pickVoice([], 'sv-SE')).toBeUndefined();
  });

  it('prefers a voice that works offline over a network voice', () => {
    const voices = [voice('sv-SE', 'online', { localService: false }), voice('sv-SE', 'offline', { localService: true })];
    expect(pickVoice(voices, 'sv-SE')?.name).toBe('offline');
  });

  it('treats Dari (prs) as Persian', () => {
    expect(pickVoice([voice('fa-IR', 'farsi')], 'prs')?.name).toBe('farsi');
  });
});

describe('speech engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const settle = async <T,>(p: Promise<T>, ms = 20_000): Promise<T> => {
    await vi.advanceTimersByTimeAsync(ms);
    return p;
  };

  it('speaks the text in the requested language with its voice and the set rate', async () => {
    const synth = fakeSynth([voice('sv-SE'), voice('ar-SY', 'arabic')]);
    const engine = createSpeechEngine({ env: envWith(synth), localeOf, rate: () => 0.7 });
    const result = await settle(engine.speak({ text: 'الأهداف', lang: 'ar', svText: 'Mål' }));
    expect(result).toEqual({ via: 'synth', lang: 'ar' });
    expect(synth.spoken).toEqual([{ text: 'الأهداف', lang: 'ar-SY', rate: 0.7, voice: 'arabic' }]);
  });

  it('falls back to the Swedish wording with a Swedish voice when the language has none', async () => {
    const synth = fakeSynth([voice('sv-SE', 'swedish')]);
    const engine = createSpeechEngine({ env: envWith(synth), localeOf });
    const result = await settle(engine.speak({ text: 'Yoolalka', lang: 'so', svText: 'Mål' }));
    expect(result).toEqual({ via: 'synth', lang: 'sv' });
    expect(synth.spoken).toEqual([{ text: 'Mål', lang: 'sv-SE', rate: 1, voice: 'swedish' }]);
  });

  it('plays a recorded clip instead of synthetic speech', async () => {
    const synth = fakeSynth([voice('sv-SE'), voice('ar-SY')]);
    const env = envWith(synth);
    const engine = createSpeechEngine({ env, localeOf, findClip: clipStore({ 'message:section.goals|ar': 'goals-ar' }) });
    const result = await settle(engine.speak({ text: 'الأهداف', lang: 'ar', clipKeys: ['message:section.goals'] }));
    expect(result).toEqual({ via: 'clip', lang: 'ar' });
    expect(env.played).toEqual(['blob:goals-ar']);
    expect(synth.spoken).toEqual([]);
  });

  it('tries every clip key the word has', async () => {
    const env = envWith(null);
    const engine = createSpeechEngine({ env, localeOf, findClip: clipStore({ 'pictogram:target|so': 'target-so' }) });
    const result = await settle(engine.speak({ text: 'x', lang: 'so', clipKeys: ['message:section.goals', 'pictogram:target'] }));
    expect(result).toEqual({ via: 'clip', lang: 'so' });
    expect(env.played).toEqual(['blob:target-so']);
  });

  it('uses the Swedish clip before the Swedish voice when the language has neither clip nor voice', async () => {
    const synth = fakeSynth([voice('sv-SE')]);
    const env = envWith(synth);
    const engine = createSpeechEngine({ env, localeOf, findClip: clipStore({ 'pictogram:saw|sv': 'saw-sv' }) });
    const result = await settle(engine.speak({ text: 'Miinshaar', lang: 'so', svText: 'Såg', clipKeys: ['pictogram:saw'] }));
    expect(result).toEqual({ via: 'clip', lang: 'sv' });
    expect(synth.spoken).toEqual([]);
  });

  it('falls through to synthetic speech when a clip cannot play', async () => {
    const synth = fakeSynth([voice('sv-SE')]);
    const env = envWith(synth, fakeAudio('refused'));
    const engine = createSpeechEngine({ env, localeOf, findClip: clipStore({ 'pictogram:saw|sv': 'saw-sv' }) });
    const result = await settle(engine.speak({ text: 'Såg', lang: 'sv', clipKeys: ['pictogram:saw'] }));
    expect(result).toEqual({ via: 'synth', lang: 'sv' });
    expect(env.played).toEqual(['blob:saw-sv']);
    expect(synth.spoken.map((s) => s.text)).toEqual(['Såg']);
  });

  it('reports that nothing could speak when there is no clip and no voice at all', async () => {
    const engine = createSpeechEngine({ env: envWith(fakeSynth([])), localeOf, voiceWaitMs: 500 });
    expect(await settle(engine.speak({ text: 'Mål', lang: 'sv' }))).toEqual({ via: 'none' });
  });

  it('reports nothing on a browser without speechSynthesis, without throwing', async () => {
    const engine = createSpeechEngine({ env: envWith(null), localeOf });
    expect(await settle(engine.speak({ text: 'Mål', lang: 'so' }))).toEqual({ via: 'none' });
  });

  it('waits for voices that arrive late (voiceschanged)', async () => {
    const synth = fakeSynth([]);
    const engine = createSpeechEngine({ env: envWith(synth), localeOf, voiceWaitMs: 2_000 });
    const pending = engine.speak({ text: 'Hej', lang: 'sv' });
    await vi.advanceTimersByTimeAsync(300);
    synth.setVoices([voice('sv-SE', 'late')]);
    expect(await settle(pending)).toEqual({ via: 'synth', lang: 'sv' });
    expect(synth.spoken[0]?.voice).toBe('late');
  });

  it('waits for voices only once, so later words are not delayed', async () => {
    const synth = fakeSynth([]);
    const engine = createSpeechEngine({ env: envWith(synth), localeOf, voiceWaitMs: 1_000 });
    await settle(engine.speak({ text: 'Hej', lang: 'sv' }), 1_100);
    const start = Date.now();
    const second = engine.voices();
    await vi.advanceTimersByTimeAsync(0);
    await second;
    expect(Date.now() - start).toBe(0);
  });

  it('cancels a hung utterance after the start timeout, then stops trying voices', async () => {
    const synth = fakeSynth([voice('sv-SE'), voice('ar-SY')], 'hangs');
    const engine = createSpeechEngine({ env: envWith(synth), localeOf, startTimeoutMs: 2_000 });
    const pending = engine.speak({ text: 'الأهداف', lang: 'ar', svText: 'Mål' });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(synth.spoken).toHaveLength(1);
    const cancelsBefore = synth.cancels;
    await vi.advanceTimersByTimeAsync(2);
    expect(synth.cancels).toBeGreaterThan(cancelsBefore);
    expect(await settle(pending)).toEqual({ via: 'none' });
    // the Swedish voice was not tried after the engine hung once
    expect(synth.spoken).toHaveLength(1);
  });

  it('moves on to Swedish when the language voice reports an error', async () => {
    const synth = fakeSynth([voice('sv-SE'), voice('ar-SY')], 'fails');
    const engine = createSpeechEngine({ env: envWith(synth), localeOf });
    expect(await settle(engine.speak({ text: 'الأهداف', lang: 'ar', svText: 'Mål' }))).toEqual({ via: 'none' });
    expect(synth.spoken.map((s) => s.lang)).toEqual(['ar-SY', 'sv-SE']);
  });

  it('cuts an utterance that started but never ends, after its speaking budget', async () => {
    const synth = fakeSynth([voice('sv-SE')], 'startsButNeverEnds');
    const engine = createSpeechEngine({ env: envWith(synth), localeOf, rate: () => 1 });
    let done = false;
    const pending = engine.speak({ text: 'Avvikelser', lang: 'sv' }).then((r) => {
      done = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(speakingBudgetMs('Avvikelser', 1) - 10);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(done).toBe(true);
    expect(await pending).toEqual({ via: 'synth', lang: 'sv' });
  });

  it('a new word cancels the one being said', async () => {
    const synth = fakeSynth([voice('sv-SE')], 'startsButNeverEnds');
    const engine = createSpeechEngine({ env: envWith(synth), localeOf });
    const first = engine.speak({ text: 'Närvaro', lang: 'sv' });
    await vi.advanceTimersByTimeAsync(10);
    const second = engine.speak({ text: 'Mål', lang: 'sv' });
    expect(await first).toEqual({ via: 'cancelled' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(await second).toEqual({ via: 'synth', lang: 'sv' });
    expect(synth.spoken.map((s) => s.text)).toEqual(['Närvaro', 'Mål']);
  });

  it('reads a list of items in order and stops the rest when cancelled', async () => {
    const synth = fakeSynth([voice('sv-SE')]);
    const engine = createSpeechEngine({ env: envWith(synth), localeOf });
    const all = await settle(engine.speakAll([{ text: 'Ett', lang: 'sv' }, { text: 'Två', lang: 'sv' }, { text: 'Tre', lang: 'sv' }]));
    expect(all.map((r) => r.via)).toEqual(['synth', 'synth', 'synth']);
    expect(synth.spoken.map((s) => s.text)).toEqual(['Ett', 'Två', 'Tre']);

    const slow = fakeSynth([voice('sv-SE')], 'startsButNeverEnds');
    const engine2 = createSpeechEngine({ env: envWith(slow), localeOf });
    const reading = engine2.speakAll([{ text: 'Ett', lang: 'sv' }, { text: 'Två', lang: 'sv' }]);
    await vi.advanceTimersByTimeAsync(10);
    engine2.cancel();
    expect((await reading).map((r) => r.via)).toEqual(['cancelled']);
    expect(slow.spoken.map((s) => s.text)).toEqual(['Ett']);
  });
});
