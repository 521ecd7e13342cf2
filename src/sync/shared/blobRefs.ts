/**
 * The blob hashes a record refers to (photos, custom pictogram images, voice
 * clips). Sync uploads them before the record; backup packs them with it.
 * A small module of its own so backup does not pull the sync engine into the
 * board's first bundle.
 */
import type { SyncedTable } from '../../domain/types';

export const BLOB_HASH = /^[0-9a-f]{64}$/;

export function blobRefs(table: SyncedTable, fields: Record<string, unknown>): string[] {
  const refs: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && BLOB_HASH.test(v)) refs.push(v);
  };
  if (table === 'deviations' || table === 'improvements') add(fields.photo);
  if (table === 'pictograms' || table === 'voiceClips') add(fields.blob);
  if (table === 'persons') {
    const avatar = fields.avatar as { kind?: string; ref?: string } | undefined;
    if (avatar?.kind === 'photo') add(avatar.ref);
  }
  return refs;
}
