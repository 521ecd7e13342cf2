import { describe, expect, it } from 'vitest';
import en from '../../i18n/en';
import pictogramsEn from '../../i18n/pictograms.en';
import sv from '../../i18n/sv';
import { createWordIndex, normalizeWord, plainMessageKeys, swedishOf, wordIn } from './words';

const PLAIN_MESSAGE_KEYS = plainMessageKeys(sv);

const englishSource = {
  lang: () => 'en',
  ready: () => true,
  t: (k: keyof typeof sv) => en[k] ?? sv[k],
  pl: (id: string) => (pictogramsEn as Record<string, string>)[id] ?? id,
};

describe('word index', () => {
  it('finds the clip keys of a label, messages before pictograms', () => {
    const index = createWordIndex(englishSource);
    const keys = index.keysOf('Goals');
    expect(keys[0]).toBe('message:section.goals');
    expect(index.keysOf('  report a DEVIATION ')).toContain('message:deviations.report');
    expect(index.keysOf('Sunflower')).toEqual(['pictogram:avatar-sunflower']);
    expect(index.keysOf('no such word here')).toEqual([]);
  });

  it('gives the Swedish wording of a label', () => {
    const index = createWordIndex(englishSource);
    expect(index.swedishFor('Unlock')).toBe('Lås upp');
    expect(index.swedishFor('Sunflower')).toBe('Solros');
    expect(index.swedishFor('Aya')).toBeUndefined();
  });

  it('leaves out messages with placeholders (they are never a whole label)', () => {
    expect(PLAIN_MESSAGE_KEYS).not.toContain('attendance.summary');
    expect(PLAIN_MESSAGE_KEYS).toContain('section.goals');
  });
});

describe('translating a clip key', () => {
  it('words a key in another language that has a catalogue', async () => {
    expect(await wordIn('message:section.goals', 'en')).toBe('Goals');
    expect(await wordIn('message:section.goals', 'sv')).toBe('Mål');
    expect(await wordIn('pictogram:avatar-sunflower', 'en')).toBe('Sunflower');
  });

  it('has no wording for a language without a catalogue, nor for people', async () => {
    expect(await wordIn('message:section.goals', 'ku')).toBeUndefined();
    expect(await wordIn('person:p1', 'en')).toBeUndefined();
  });

  it('knows the Swedish of messages and pictograms', () => {
    expect(swedishOf('message:status.sick')).toBe('Sjuk');
    expect(swedishOf('person:p1')).toBeUndefined();
    expect(normalizeWord('  Två   ord ')).toBe('två ord');
  });
});
