import { describe, expect, it } from 'vitest';
import { freshRepos, seedPeople, seedWorkplace } from '../../../tests/helpers/render';
import { personClipKey, UnusableRecording, voiceClipId } from '../../domain/voiceClips';

const audio = (bytes: number, fill = 1) => new Blob([new Uint8Array(bytes).fill(fill)], { type: 'audio/webm' });

describe('voiceClipsRepo', () => {
  it('stores the audio as a blob and the clip as a synced row with an outbox op', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const clip = await repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(4_000), durationMs: 1_200 });
    expect(clip.id).toBe(voiceClipId(wp.id, 'pictogram:saw', 'so'));
    expect(clip).toMatchObject({ key: 'pictogram:saw', lang: 'so', durationMs: 1_200, mimeType: 'audio/webm' });
    expect((await repos.blobs.get(clip.blob))?.size).toBe(4_000);
    const ops = await repos.db.outbox.where('[table+rowId]').equals(['voiceClips', clip.id]).toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]!.fields.blob).toBe(clip.blob);
    expect(await repos.voiceClips.audio(wp.id, 'pictogram:saw', 'so')).toBeDefined();
  });

  it('re-recording replaces the clip (same row) and drops the old audio', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const first = await repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(4_000, 1), durationMs: 1_000 });
    const second = await repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(5_000, 2), durationMs: 1_500 });
    expect(second.id).toBe(first.id);
    expect(await repos.voiceClips.list(wp.id)).toHaveLength(1);
    expect(await repos.blobs.get(first.blob)).toBeUndefined();
    // (fake-indexeddb stores Blobs as plain objects, so the size is read from the blob record)
    expect((await repos.blobs.get(second.blob))?.size).toBe(5_000);
    expect(await repos.voiceClips.audio(wp.id, 'pictogram:saw', 'so')).toBeDefined();
  });

  it('keeps one clip per language', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    await repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(4_000, 1), durationMs: 1_000 });
    await repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'ti', audio: audio(4_000, 2), durationMs: 1_000 });
    expect((await repos.voiceClips.list(wp.id)).map((c) => c.lang).sort()).toEqual(['so', 'ti']);
    expect(await repos.voiceClips.find(wp.id, 'pictogram:saw', 'ar')).toBeUndefined();
  });

  it('rejects empty and too-short recordings and stores nothing', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    await expect(repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(0), durationMs: 2_000 })).rejects.toBeInstanceOf(UnusableRecording);
    await expect(repos.voiceClips.save(wp.id, { key: 'pictogram:saw', lang: 'so', audio: audio(3_000), durationMs: 100 })).rejects.toMatchObject({ key: 'speech.error.tooShort' });
    expect(await repos.voiceClips.list(wp.id)).toEqual([]);
    expect(await repos.db.blobs.count()).toBe(0);
  });

  it('removing a clip blanks it, and the word can be recorded again', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const clip = await repos.voiceClips.save(wp.id, { key: 'message:section.goals', lang: 'ar', audio: audio(4_000), durationMs: 1_000 });
    await repos.voiceClips.remove(wp.id, 'message:section.goals', 'ar');
    expect(await repos.voiceClips.find(wp.id, 'message:section.goals', 'ar')).toBeUndefined();
    expect(await repos.blobs.get(clip.blob)).toBeUndefined();
    const again = await repos.voiceClips.save(wp.id, { key: 'message:section.goals', lang: 'ar', audio: audio(4_500), durationMs: 1_100 });
    expect(again.id).toBe(clip.id);
    expect(await repos.voiceClips.find(wp.id, 'message:section.goals', 'ar')).toMatchObject({ durationMs: 1_100 });
  });

  it('erasing a person deletes the recordings of their name, everywhere and for good', async () => {
    const repos = freshRepos();
    const wp = await seedWorkplace(repos);
    const [aya, bo] = await seedPeople(repos, wp.id, ['Aya', 'Bo']);
    const ayaClip = await repos.voiceClips.save(wp.id, { key: personClipKey(aya!.id), lang: 'ar', audio: audio(4_000, 3), durationMs: 900 });
    await repos.voiceClips.save(wp.id, { key: personClipKey(aya!.id), lang: 'sv', audio: audio(4_000, 4), durationMs: 900 });
    await repos.voiceClips.save(wp.id, { key: personClipKey(bo!.id), lang: 'sv', audio: audio(4_000, 5), durationMs: 900 });
    await repos.persons.erase(aya!.id);
    const clips = await repos.voiceClips.list(wp.id);
    expect(clips.map((c) => c.key)).toEqual([personClipKey(bo!.id)]);
    const row = await repos.db.voiceClips.get(ayaClip.id);
    expect(row?.deleted).toBe(1);
    expect(row).not.toHaveProperty('blob');
    expect(await repos.blobs.get(ayaClip.blob)).toBeUndefined();
    // Unsent recordings never leave the device: only the tombstone op remains.
    const ops = await repos.db.outbox.where('[table+rowId]').equals(['voiceClips', ayaClip.id]).toArray();
    expect(ops).toHaveLength(1);
    expect(ops[0]!.fields.deleted).toBe(1);
    expect(ops[0]!.fields).not.toHaveProperty('blob');
  });
});
