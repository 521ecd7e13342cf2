import { toHex } from '../domain/hex';

/**
 * Content addresses: the SHA-256 of a blob, as lower-case hex (what the server
 * verifies). WebCrypto where the page has it; @noble/hashes where it does not
 * (a tablet on plain http in the local network has no `crypto.subtle`): a
 * chunk of its own, fetched only there, so it is not part of every start's JS.
 */
export async function sha256Hex(blob: Blob): Promise<string> {
  return sha256HexOfBytes(new Uint8Array(await blob.arrayBuffer()));
}

export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    const { sha256 } = await import('@noble/hashes/sha2.js');
    return toHex(sha256(bytes));
  }
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}
