/**
 * Recorded voice clips: a supervisor (or a participant with help) records a
 * word in a language, and that clip is played instead of synthetic speech.
 *
 * The audio bytes live in `blobs` (content-addressed, uploaded by the sync
 * client before the record, downloaded like photos); the `voiceClips` row
 * holds the hash. Ids come from (workplace, key, language) — see
 * src/domain/voiceClips.ts — so re-recording patches the same row.
 *
 * Removing a clip blanks its audio fields instead of tombstoning the row: a
 * tombstone is forever (merge.ts), and the supervisor must be able to record
 * the same word again after deleting it. A row whose `blob` is '' means "no
 * clip". Erasing a person is different: their clips are personal data, so
 * `eraseClipsOf` tombstones them for good.
 */
import { wantBlob } from '../wantedBlobs';
import Dexie from 'dexie';
import { clipProblem, UnusableRecording, voiceClipId } from '../../domain/voiceClips';
import type { TavlaDb } from '../db';
import { sha256Hex } from '../hash';
import type { BlobRecord, VoiceClip } from '../../domain/types';
import { deleteRecord, inWriteTx, translateStorageError, writeRecord } from '../writer';

export interface NewVoiceClip {
  key: string;
  lang: string;
  audio: Blob;
  durationMs: number;
}

const hasAudio = (c: VoiceClip | undefined): c is VoiceClip => !!c && !c.deleted && !!c.blob;

/** Deletes a blob's bytes when no live clip refers to them any more. Inside a tx over voiceClips + blobs. */
async function dropUnusedBlob(db: TavlaDb, workplaceId: string, hash: string): Promise<void> {
  if (!hash) return;
  const rows = await db.voiceClips.where('workplaceId').equals(workplaceId).toArray();
  if (rows.some((r) => !r.deleted && r.blob === hash)) return;
  await db.blobs.delete(hash);
}

/**
 * Tombstones every clip of `key` (all languages) and deletes its audio, and
 * drops unsent ops of those clips so the recording never leaves the device.
 * Must run inside a transaction over `voiceClips`, `blobs`, `outbox`, `meta`.
 */
export async function eraseClipsOf(db: TavlaDb, workplaceId: string, key: string): Promise<void> {
  const clips = await db.voiceClips.where('[workplaceId+key]').equals([workplaceId, key]).toArray();
  for (const clip of clips) {
    await db.outbox.where('[table+rowId]').equals(['voiceClips', clip.id]).delete();
    const hash = clip.blob;
    await deleteRecord<VoiceClip>(db, 'voiceClips', clip.id);
    if (hash) await dropUnusedBlob(db, workplaceId, hash);
  }
}

export function voiceClipsRepo(db: TavlaDb) {
  const find = async (workplaceId: string, key: string, lang: string): Promise<VoiceClip | undefined> => {
    const row = await db.voiceClips.get(voiceClipId(workplaceId, key, lang));
    return hasAudio(row) ? row : undefined;
  };
  return {
    /**
     * Keeps a recording as the clip of (key, lang), replacing an earlier one.
     * Rejects empty and too-short recordings with UnusableRecording.
     */
    async save(workplaceId: string, input: NewVoiceClip): Promise<VoiceClip> {
      const problem = clipProblem({ durationMs: input.durationMs, size: input.audio.size });
      if (problem) throw new UnusableRecording(problem);
      const hash = await sha256Hex(input.audio);
      const id = voiceClipId(workplaceId, input.key, input.lang);
      return inWriteTx(db, ['voiceClips', 'blobs'], async () => {
        if (!(await db.blobs.get(hash))) {
          const rec: BlobRecord = {
            hash,
            workplaceId,
            type: input.audio.type,
            size: input.audio.size,
            data: input.audio,
            createdAt: db.now(),
            uploaded: 0,
          };
          await db.blobs.put(rec);
        }
        const before = await db.voiceClips.get(id);
        const row = await writeRecord<VoiceClip>(db, 'voiceClips', workplaceId, id, {
          key: input.key,
          lang: input.lang,
          blob: hash,
          durationMs: Math.round(input.durationMs),
          mimeType: input.audio.type || 'audio/webm',
        });
        if (before?.blob && before.blob !== hash) await dropUnusedBlob(db, workplaceId, before.blob);
        return row;
      });
    },

    /** Removes the clip of (key, lang); the word can be recorded again later. */
    async remove(workplaceId: string, key: string, lang: string): Promise<void> {
      const id = voiceClipId(workplaceId, key, lang);
      await inWriteTx(db, ['voiceClips', 'blobs'], async () => {
        const before = await db.voiceClips.get(id);
        if (!hasAudio(before)) return;
        await writeRecord<VoiceClip>(db, 'voiceClips', workplaceId, id, { blob: '', durationMs: 0, mimeType: '' });
        await dropUnusedBlob(db, workplaceId, before.blob);
      });
    },

    /** Every clip with audio of the workplace. */
    async list(workplaceId: string): Promise<VoiceClip[]> {
      const rows = await db.voiceClips.where('workplaceId').equals(workplaceId).toArray();
      return rows.filter(hasAudio);
    },

    find,

    /**
     * The audio of the clip of (key, lang), if this device has it. A clip
     * synced from another tablet whose bytes have not arrived yet has none.
     */
    async audio(workplaceId: string, key: string, lang: string): Promise<Blob | undefined> {
      try {
        const clip = await find(workplaceId, key, lang);
        if (!clip || !clip.blob) return undefined;
        const blob = (await db.blobs.get(clip.blob))?.data;
        // recorded on another tablet and not here yet: sync fetches it (synthetic speech meanwhile)
        if (!blob) wantBlob(clip.blob);
        return blob;
      } catch (err) {
        throw translateStorageError(err);
      }
    },

    /** Tombstones every clip of `key` in every language (used when its subject is erased). */
    eraseKey(workplaceId: string, key: string): Promise<void> {
      if (Dexie.currentTransaction) return eraseClipsOf(db, workplaceId, key);
      return inWriteTx(db, ['voiceClips', 'blobs'], () => eraseClipsOf(db, workplaceId, key));
    },
  };
}
