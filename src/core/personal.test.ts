/** A participant's own choices last a while, then the tablet's settings are back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectivePicturesOnly, PERSONAL_MS, personalLanguageFor, cancelPersonalLanguage, setPersonalPicturesOnly } from './personal';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  setPersonalPicturesOnly(null);
  cancelPersonalLanguage();
  vi.useRealTimers();
});

describe('personal choices', () => {
  it('pictures-only for a while overrides the tablet setting either way, then the setting is back', () => {
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

  it("a participant's language returns to the tablet's after the time; a newer choice restarts it, a supervisor's cancels it", () => {
    const restore = vi.fn();
    personalLanguageFor(restore);
    vi.advanceTimersByTime(PERSONAL_MS / 2);
    personalLanguageFor(restore);
    vi.advanceTimersByTime(PERSONAL_MS / 2 + 1);
    expect(restore).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PERSONAL_MS / 2);
    expect(restore).toHaveBeenCalledTimes(1);
    personalLanguageFor(restore);
    cancelPersonalLanguage();
    vi.advanceTimersByTime(PERSONAL_MS * 2);
    expect(restore).toHaveBeenCalledTimes(1);
  });
});
