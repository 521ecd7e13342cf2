/**
 * CSV as Swedish Excel opens it without an import wizard: UTF-8 with a byte
 * order mark (or å, ä, ö come out garbled), `;` between fields (a comma is
 * the decimal separator in Swedish), decimal commas, CRLF line ends, and
 * RFC 4180 quoting (a field with `;`, `"` or a line break is quoted, inner
 * quotes doubled). A text that starts like a formula (=, +, -, @) gets a
 * leading apostrophe, so a name can never run as a spreadsheet formula.
 */

export const CSV_SEPARATOR = ';';
export const BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** A number with a decimal comma, e.g. 7.5 → '7,5'; integers stay as they are. */
export function decimalComma(n: number, digits = 1): string {
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(digits);
  return fixed.replace('.', ',');
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? decimalComma(value) : '';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[;"\r\n]/.test(s) || s !== s.trim()) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** The whole file: BOM, one line per row, CRLF after each. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** A file name safe on every system: letters, digits, dashes. */
export function safeFileName(...parts: string[]): string {
  return parts
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase(),
    )
    .filter(Boolean)
    .join('-');
}
