/**
 * The confirmation sound: a short synthesized beep through WebAudio, rising
 * for "saved", falling for "something went wrong". No audio files to ship or
 * cache; a browser without WebAudio (or one that refuses to start audio
 * before a tap) simply stays silent, never fails.
 */

/** Tones (Hz, ms) of the confirmation sound for each kind of notice. */
export function confirmationTones(kind: 'success' | 'error' | 'info'): { freq: number; ms: number }[] {
  switch (kind) {
    case 'success':
      return [
        { freq: 660, ms: 110 },
        { freq: 880, ms: 160 },
      ];
    case 'error':
      return [
        { freq: 320, ms: 160 },
        { freq: 240, ms: 220 },
      ];
    default:
      return [{ freq: 520, ms: 120 }];
  }
}

type AudioContextCtor = new () => AudioContext;

let ctx: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (ctx) return ctx;
  const w = globalThis as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  const Ctor = w.AudioContext ?? w.webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx = new Ctor();
  } catch {
    return null;
  }
  return ctx;
}

/** Plays the sound of a notice kind. Returns whether a sound was scheduled. */
export function playConfirmation(kind: 'success' | 'error' | 'info'): boolean {
  const ac = audioContext();
  if (!ac) return false;
  try {
    if (ac.state === 'suspended') void ac.resume().catch(() => undefined);
    let t = ac.currentTime + 0.01;
    for (const tone of confirmationTones(kind)) {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = 'sine';
      osc.frequency.value = tone.freq;
      const end = t + tone.ms / 1000;
      // a soft attack and release: no click at the start or the end
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.18, t + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(ac.destination);
      osc.start(t);
      osc.stop(end + 0.02);
      t = end + 0.02;
    }
    return true;
  } catch (err) {
    console.warn('confirmation sound failed', err);
    return false;
  }
}
