/**
 * Every leaf value of a stored record, as strings: for asserting that a
 * secret (a PIN) is never stored as a value. A plain substring search of the
 * JSON is not enough: a 4-digit PIN turns up by chance inside timestamps and
 * hashes.
 */
export function leafValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(leafValues);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(leafValues);
  return [String(value)];
}

/** True when `secret` is stored as, or as a word inside, any leaf value (hex hashes and HLC stamps excepted). */
export function storesSecret(value: unknown, secret: string): boolean {
  const opaque = /^([0-9a-f]{32,}|\d{15}-\d{4}-[0-9a-f]{16})$/;
  return leafValues(value).some((v) => !opaque.test(v) && new RegExp(`(^|\\D)${secret}(\\D|$)`).test(v));
}
