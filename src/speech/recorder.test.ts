import { afterEach, describe, expect, it } from 'vitest';
import { pickMimeType, problemOf, RecorderError, startRecording } from './recorder';
import { installMicrophone, removeMicrophone } from '../../tests/helpers/speech';
import { browserMedia } from './recorder';

afterEach(() => removeMicrophone());

describe('startRecording', () => {
  it('records until stopped and releases the microphone', async () => {
    const mic = installMicrophone({ bytes: 3_000 });
    let t = 1_000;
    const rec = await startRecording({ ...browserMedia(), now: () => t });
    t += 1_500;
    rec.stop();
    const result = await rec.done;
    expect(result.durationMs).toBe(1_500);
    expect(result.audio.size).toBe(3_000);
    expect(result.mimeType).toBe('audio/webm;codecs=opus');
    expect(mic.tracks.every((tr) => tr.stopped)).toBe(true);
  });

  it('stops by itself at the time limit', async () => {
    installMicrophone();
    const started = Date.now();
    const rec = await startRecording(browserMedia(), 120);
    const result = await rec.done;
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(result.durationMs).toBeGreaterThanOrEqual(110);
  });

  it('turns a refused microphone into "denied"', async () => {
    installMicrophone({ refuse: 'NotAllowedError' });
    const err = await startRecording(browserMedia()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecorderError);
    expect((err as RecorderError).problem).toBe('denied');
  });

  it('turns a missing microphone into "noMic"', async () => {
    installMicrophone({ refuse: 'NotFoundError' });
    await expect(startRecording(browserMedia())).rejects.toMatchObject({ problem: 'noMic' });
  });

  it('says "unsupported" where the browser cannot record', async () => {
    await expect(startRecording({})).rejects.toMatchObject({ problem: 'unsupported' });
  });
});

describe('problemOf', () => {
  it('maps the DOMException names browsers use', () => {
    expect(problemOf(new DOMException('x', 'SecurityError'))).toBe('denied');
    expect(problemOf(new DOMException('x', 'OverconstrainedError'))).toBe('noMic');
    expect(problemOf(new DOMException('x', 'NotReadableError'))).toBe('failed');
  });
});

describe('pickMimeType', () => {
  it('prefers WebM/Opus, then MP4 (Safari)', () => {
    expect(pickMimeType({ isTypeSupported: () => true } as never)).toBe('audio/webm;codecs=opus');
    expect(pickMimeType({ isTypeSupported: (t: string) => t === 'audio/mp4' } as never)).toBe('audio/mp4');
    expect(pickMimeType({} as never)).toBeUndefined();
  });
});
