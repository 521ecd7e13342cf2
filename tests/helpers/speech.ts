/**
 * Test doubles for the browser's speech and media APIs, installed on the
 * jsdom window the way a browser provides them: `speechSynthesis` that
 * records what it is asked to say, `Audio` playback that records what it
 * plays, and a microphone + MediaRecorder that can be refused or record
 * a given number of bytes.
 */
import { vi } from 'vitest';
import type { SynthLike, UtteranceLike, VoiceLike } from '../../src/core/speech/speech';

export interface Spoken {
  text: string;
  lang: string;
  rate: number;
}

/** A SpeechSynthesisUtterance stand-in: holds what the engine sets on it. */
export class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: VoiceLike | null = null;
  onstart: UtteranceLike['onstart'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  constructor(public text: string) {}
}

/** A speechSynthesis with the given voices that "speaks" every utterance in `speakMs` (a few ms by default). */
export function installSpeechSynthesis(langs: string[] = ['sv-SE', 'en-GB', 'ar-SY'], speakMs = 5): Spoken[] {
  const spoken: Spoken[] = [];
  const voices: VoiceLike[] = langs.map((lang) => ({ lang, name: `Fake ${lang}`, localService: true }));
  const synth: SynthLike = {
    speak(u) {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
      setTimeout(() => {
        u.onstart?.({});
        setTimeout(() => u.onend?.({}), speakMs);
      }, 1);
    },
    cancel: () => undefined,
    getVoices: () => voices,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return spoken;
}

export function removeSpeechSynthesis(): void {
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  vi.unstubAllGlobals();
}

/** Audio playback that records the object URLs it plays and ends at once. */
export function installAudioPlayback(): { played: string[]; blobs: Blob[] } {
  const played: string[] = [];
  const blobs: Blob[] = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    blobs.push(b as Blob);
    return `blob:clip-${++n}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    played.push(this.getAttribute('src') ?? this.src);
    setTimeout(() => this.onended?.(new Event('ended')), 5);
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(() => undefined);
  return { played, blobs };
}

export interface FakeMic {
  /** tracks handed out; `stopped` once the recorder released the microphone */
  tracks: { stopped: boolean }[];
  requests: number;
}

/**
 * A microphone: `refuse` makes getUserMedia reject with that DOMException
 * name (NotAllowedError = permission denied); otherwise MediaRecorder
 * records `bytes` bytes of "audio".
 */
export function installMicrophone(opts: { refuse?: string; bytes?: number } = {}): FakeMic {
  const mic: FakeMic = { tracks: [], requests: 0 };
  const getUserMedia = async () => {
    mic.requests++;
    if (opts.refuse) throw new DOMException('refused', opts.refuse);
    const track = { stopped: false, stop() { track.stopped = true; } };
    mic.tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  };
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true, writable: true });
  class FakeRecorder {
    static isTypeSupported = (t: string) => t.startsWith('audio/webm');
    state: 'inactive' | 'recording' = 'inactive';
    mimeType: string;
    ondataavailable: ((e: { data: Blob }) => void) | null = null;
    onstop: (() => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(_stream: MediaStream, o?: { mimeType?: string }) {
      this.mimeType = o?.mimeType ?? 'audio/webm';
    }
    start() {
      this.state = 'recording';
    }
    stop() {
      if (this.state === 'inactive') return;
      this.state = 'inactive';
      const data = new Blob([new Uint8Array(opts.bytes ?? 4_000).fill(7)], { type: this.mimeType });
      setTimeout(() => {
        this.ondataavailable?.({ data });
        this.onstop?.();
      }, 1);
    }
  }
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  return mic;
}

export function removeMicrophone(): void {
  delete (navigator as { mediaDevices?: unknown }).mediaDevices;
  vi.unstubAllGlobals();
}
