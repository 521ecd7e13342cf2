import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * Content addresses: the SHA-256 of a blob, as lower-case hex (what the server
 * verifies). WebCrypto where the page has it; @noble/hashes where it does not
 * (a tablet on plain http in the local network has no `crypto.subtle`).
 */
export async function sha256Hex(blob: Blob): Promise<string> {
  return sha256HexOfBytes(new Uint8Array(await blob.arrayBuffer()));
}

export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return bytesToHex(sha256(bytes));
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return bytesToHex(new Uint8Array(digest));
}
