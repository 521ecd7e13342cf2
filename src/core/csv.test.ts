import { describe, expect, it } from 'vitest';
import { BOM, csvField, decimalComma, safeFileName, toCsv } from './csv';

describe('CSV for Swedish Excel', () => {
  it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
    expect(toCsv([['Namn', 'Timmar'], ['Åsa', 7.5]])).toBe(`${BOM}Namn;Timmar\r\nÅsa;7,5\r\n`);
  });

  it('quotes fields with separators, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
    expect(csvField('plain')).toBe('plain');
  });

  it('never lets a text run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+46')).toBe("'+46");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes numbers with a decimal comma and empty cells for nothing', () => {
    expect(decimalComma(12)).toBe('12');
    expect(decimalComma(6.25, 2)).toBe('6,25');
    expect(csvField(0.3333)).toBe('0,3');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('makes file names safe', () => {
    expect(safeFileName('närvaro', 'Snickeriet Åby', '2026-03')).toBe('narvaro-snickeriet-aby-2026-03');
  });
});
