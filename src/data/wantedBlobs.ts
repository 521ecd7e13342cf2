/**
 * Blobs the screen wants but the device does not have: photos, custom
 * pictograms and voice clips made on another tablet arrive as records that
 * reference a SHA-256; the bytes are fetched lazily, when something is shown.
 *
 * The UI (through `useBlobUrl`, speech) asks here; the sync runner of the
 * tab that leads sync (Web Locks) listens and downloads into the `blobs`
 * table, whose live queries then show the picture. Requests from other tabs
 * reach the leader over a BroadcastChannel. UI code still never touches the
 * network.
 */
import { BLOB_HASH } from '../sync/shared/blobRefs';
type Listener = (hash: string) => void;

const listeners = new Set<Listener>();
const CHANNEL = 'tavla-wanted-blobs';
let channel: BroadcastChannel | null | undefined;

function getChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    if (channel) channel.onmessage = (e: MessageEvent) => typeof e.data === 'string' && deliver(e.data);
  }
  return channel;
}

function deliver(hash: string) {
  for (const l of listeners) l(hash);
}


/** Asks for a blob this device lacks (a no-op for anything that is not a SHA-256). */
export function wantBlob(hash: string): void {
  if (!BLOB_HASH.test(hash)) return;
  deliver(hash);
  getChannel()?.postMessage(hash);
}

/** Listens for wanted blobs (the sync runner); returns the unsubscribe. */
export function onBlobWanted(listener: Listener): () => void {
  getChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
