/**
 * Content-addressed binaries (photos, custom pictograms, voice clips).
 * Stored once per SHA-256; records refer to the hash. `uploaded` marks what the
 * sync client has sent to the server (photos go up before the records that
 * reference them).
 */
import { sha256Hex } from '../hash';
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { BlobRecord, CustomPictogram } from '../../domain/types';
import { deleteRecord, inWriteTx, translateStorageError, writeRecord } from '../writer';
import { liveRows } from '../../domain/rows';

export function blobsRepo(db: TavlaDb) {
  return {
    async put(workplaceId: string, data: Blob): Promise<string> {
      const hash = await sha256Hex(data);
      try {
        const existing = await db.blobs.get(hash);
        if (!existing) {
          const rec: BlobRecord = { hash, workplaceId, type: data.type, size: data.size, data, createdAt: db.now(), uploaded: 0 };
          await db.blobs.put(rec);
        }
      } catch (err) {
        throw translateStorageError(err);
      }
      return hash;
    },
    get(hash: string): Promise<BlobRecord | undefined> {
      return db.blobs.get(hash);
    },
  };
}

export function pictogramsRepo(db: TavlaDb) {
  const blobs = blobsRepo(db);
  return {
    /** Adds a supervisor-made pictogram from an already resized image. */
    async addCustom(workplaceId: string, input: { label: string; image: Blob; category?: string }, id = newId()) {
      const hash = await blobs.put(workplaceId, input.image);
      return inWriteTx(db, ['pictograms'], () =>
        writeRecord<CustomPictogram>(db, 'pictograms', workplaceId, id, { label: input.label.trim(), blob: hash, category: input.category ?? 'misc' }),
      );
    },
    remove(id: string) {
      return deleteRecord<CustomPictogram>(db, 'pictograms', id);
    },
    async list(workplaceId: string): Promise<CustomPictogram[]> {
      const rows = await db.pictograms.where('workplaceId').equals(workplaceId).toArray();
      return liveRows(rows);
    },
  };
}
