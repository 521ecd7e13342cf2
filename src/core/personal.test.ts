/** A participant's own pictures-only choice lasts a while, then the tablet's setting is back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectivePicturesOnly, PERSONAL_MS, setPersonalPicturesOnly } from './personal';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  setPersonalPicturesOnly(null);
  vi.useRealTimers();
});

describe('personal pictures-only', () => {
  it('overrides the tablet setting either way for a while, then the setting is back', () => {
    expect(effectivePicturesOnly(false)).toBe(false);
    setPersonalPicturesOnly(true);
    expect(effectivePicturesOnly(false)).toBe(true);
    vi.advanceTimersByTime(PERSONAL_MS - 1);
    expect(effectivePicturesOnly(false)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(effectivePicturesOnly(false)).toBe(false);
    // a participant can also show the words on a pictures-only tablet
    setPersonalPicturesOnly(false);
    expect(effectivePicturesOnly(true)).toBe(false);
    vi.advanceTimersByTime(PERSONAL_MS);
    expect(effectivePicturesOnly(true)).toBe(true);
  });

  it('a new choice restarts the time', () => {
    setPersonalPicturesOnly(true);
    vi.advanceTimersByTime(PERSONAL_MS / 2);
    setPersonalPicturesOnly(true);
    vi.advanceTimersByTime(PERSONAL_MS / 2 + 1);
    expect(effectivePicturesOnly(false)).toBe(true);
    vi.advanceTimersByTime(PERSONAL_MS / 2);
    expect(effectivePicturesOnly(false)).toBe(false);
  });
});
