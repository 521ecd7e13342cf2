import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampShortText, looksLikeIdentityNumber, normalizeFirstName, textLength } from './text';

describe('first names', () => {
  it('trims and collapses spaces', () => {
    expect(normalizeFirstName('  Anna   Karin \n')).toEqual({ ok: true, value: 'Anna Karin' });
  });

  it('keeps names in any script and hyphenated names', () => {
    for (const name of ['Åsa', 'Anna-Lena', 'محمد', 'Ngọc', 'Сергей', 'Anna B', 'Anna 2']) {
      expect(normalizeFirstName(name)).toEqual({ ok: true, value: name });
    }
  });

  it('refuses an empty name', () => {
    expect(normalizeFirstName('   ')).toEqual({ ok: false, error: 'person.error.empty' });
  });

  it('refuses names longer than 30 characters', () => {
    expect(normalizeFirstName('A'.repeat(30))).toMatchObject({ ok: true });
    expect(normalizeFirstName('A'.repeat(31))).toEqual({ ok: false, error: 'person.error.tooLong' });
  });

  it('refuses anything that looks like a personal identity number', () => {
    for (const input of ['850312-1234', '198503121234', '19850312-1234', '850312+1234', 'Anna 850312-1234', '850312', '85 03 12-12 34']) {
      expect(normalizeFirstName(input)).toEqual({ ok: false, error: 'person.error.identityNumber' });
    }
  });

  it('refuses digits only and more than two words, asking for a first name', () => {
    expect(normalizeFirstName('42')).toEqual({ ok: false, error: 'person.error.firstNameOnly' });
    expect(normalizeFirstName('Anna Maria Svensson')).toEqual({ ok: false, error: 'person.error.firstNameOnly' });
  });

  it('never lets a run of six digits through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^\d{6,12}$/), fc.string(), (before, digits, after) => {
        expect(normalizeFirstName(`${before}${digits}${after}`).ok).toBe(false);
      }),
    );
  });

  it('accepted names are already normalized', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const r = normalizeFirstName(input);
        if (r.ok) expect(normalizeFirstName(r.value)).toEqual(r);
      }),
    );
  });
});

describe('short texts', () => {
  it('cuts to the maximum without breaking an emoji', () => {
    expect(clampShortText('  Torka   golvet  ', 100)).toBe('Torka golvet');
    expect(clampShortText('abcdef', 3)).toBe('abc');
    expect(clampShortText('👩‍🔧👩‍🔧👩‍🔧', 2)).toBe('👩‍🔧👩‍🔧');
    expect(textLength('👩‍🔧')).toBe(1);
  });

  it('never returns more than max characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 0, max: 40 }), (s, max) => textLength(clampShortText(s, max)) <= max),
    );
  });

  it('does not mistake short numbers for identity numbers', () => {
    expect(looksLikeIdentityNumber('Rum 12, hylla 3')).toBe(false);
    expect(looksLikeIdentityNumber('0701234567')).toBe(true);
  });
});
