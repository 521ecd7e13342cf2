/** Bytes as lower-case hex, two digits each (content addresses, PIN hashes and salts, node ids). */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
