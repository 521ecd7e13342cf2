import { describe, expect, it } from 'vitest';
import { defaultPersonLanguage, distinctAvatar } from './avatars';

const FACES = ['a', 'b', 'c', 'd'];

describe('distinct faces', () => {
  it('gives each new person a face no one has', () => {
    const used: string[] = [];
    for (let i = 0; i < FACES.length; i++) used.push(distinctAvatar(used, FACES));
    expect(new Set(used).size).toBe(FACES.length);
  });

  it('skips faces already taken, whatever their order', () => {
    expect(distinctAvatar(['a', 'c'], FACES)).toBe('d');
    expect(distinctAvatar(['b'], FACES)).toBe('c');
  });

  it('when every face is taken, picks a least used one', () => {
    expect(distinctAvatar(['a', 'b', 'c', 'd', 'a', 'b'], FACES)).toBe('c');
  });
});

describe('a new person’s language', () => {
  it('is the screen’s language when a person can have it, else Swedish', () => {
    const langs = ['sv', 'en', 'ar', 'ti'];
    expect(defaultPersonLanguage('en', langs)).toBe('en');
    expect(defaultPersonLanguage('ar', langs)).toBe('ar');
    expect(defaultPersonLanguage('sv-x-lattlast', langs)).toBe('sv');
    expect(defaultPersonLanguage('xx', langs)).toBe('sv');
  });
});
