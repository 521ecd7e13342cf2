import { describe, expect, it } from 'vitest';
import {
  clipProblem,
  MAX_CLIP_MS,
  messageClipKey,
  MIN_CLIP_BYTES,
  MIN_CLIP_MS,
  parseClipKey,
  personClipKey,
  pictogramClipKey,
  UnusableRecording,
  voiceClipId,
} from './voiceClips';

describe('voice clip ids', () => {
  it('derives the same id for the same workplace, key and language', () => {
    expect(voiceClipId('wp1', 'pictogram:saw', 'so')).toBe(voiceClipId('wp1', 'pictogram:saw', 'so'));
  });

  it('gives a different id per language, key and workplace', () => {
    const base = voiceClipId('wp1', 'pictogram:saw', 'so');
    expect(voiceClipId('wp1', 'pictogram:saw', 'ti')).not.toBe(base);
    expect(voiceClipId('wp1', 'pictogram:hammer', 'so')).not.toBe(base);
    expect(voiceClipId('wp2', 'pictogram:saw', 'so')).not.toBe(base);
  });

  it('is a UUID, as every synced id', () => {
    expect(voiceClipId('wp1', 'person:abc', 'ar')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('clip keys', () => {
  it('round-trips each kind', () => {
    expect(parseClipKey(pictogramClipKey('saw'))).toEqual({ kind: 'pictogram', ref: 'saw' });
    expect(parseClipKey(messageClipKey('section.goals'))).toEqual({ kind: 'message', ref: 'section.goals' });
    expect(parseClipKey(personClipKey('p-1'))).toEqual({ kind: 'person', ref: 'p-1' });
  });

  it('rejects unknown kinds and empty refs', () => {
    expect(parseClipKey('text:hello')).toBeNull();
    expect(parseClipKey('person:')).toBeNull();
  });
});

describe('clipProblem', () => {
  it('accepts a normal short word', () => {
    expect(clipProblem({ durationMs: 1_200, size: 8_000 })).toBeNull();
  });

  it('rejects an empty recording', () => {
    expect(clipProblem({ durationMs: 2_000, size: 0 })).toBe('empty');
  });

  it('rejects a recording shorter than the minimum, by time or by bytes', () => {
    expect(clipProblem({ durationMs: MIN_CLIP_MS - 1, size: 5_000 })).toBe('tooShort');
    expect(clipProblem({ durationMs: 3_000, size: MIN_CLIP_BYTES - 1 })).toBe('tooShort');
  });

  it('accepts the full ten seconds but not far beyond', () => {
    expect(clipProblem({ durationMs: MAX_CLIP_MS, size: 80_000 })).toBeNull();
    expect(clipProblem({ durationMs: MAX_CLIP_MS + 5_000, size: 80_000 })).toBe('tooLong');
  });

  it('names the message key of each problem', () => {
    expect(new UnusableRecording('tooShort').key).toBe('speech.error.tooShort');
    expect(new UnusableRecording('empty').key).toBe('speech.error.empty');
  });
});
