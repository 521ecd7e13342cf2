/**
 * People of a workplace. First names only, by design. Erasing a person
 * tombstones the row and blanks every personal field (name, photo, language)
 * in the same op, so the erasure syncs to every device (unsent edits of the
 * person are dropped from the outbox first, so their name never leaves); records that
 * reference the person keep only the now-meaningless random id, which keeps
 * the workplace's counts right without saying who. Their personal plan
 * (goals, follow-ups, ladder steps) and skills are deleted with them.
 */
import type { TavlaDb } from '../db';
import { newId } from '../ids';
import type { Avatar, Person } from '../../domain/types';
import { deleteRecord, inWriteTx, updateRecord, writeRecord } from '../writer';
import { personClipKey } from '../../domain/voiceClips';
import { eraseClipsOf } from './voiceClips';
import { eraseGrowthOf } from './growth';
import { PERSON_TABLES } from '../../domain/retention';
import { compareOrder, compareSortKeys, orderAfter } from '../../domain/order';

export const ERASED_AVATAR: Avatar = { kind: 'pictogram', ref: 'person' };

export interface NewPerson {
  firstName: string;
  avatar: Avatar;
  language?: string;
}

export function personsRepo(db: TavlaDb) {
  return {
    async add(workplaceId: string, input: NewPerson, id = newId()): Promise<Person> {
      const order = orderAfter(await db.persons.where('workplaceId').equals(workplaceId).toArray());
      return writeRecord<Person>(db, 'persons', workplaceId, id, {
        firstName: input.firstName,
        avatar: input.avatar,
        language: input.language ?? 'sv',
        active: 1,
        order,
      });
    },
    update(id: string, patch: Partial<Pick<Person, 'firstName' | 'avatar' | 'language' | 'active' | 'order' | 'picturePin'>>) {
      return updateRecord<Person>(db, 'persons', id, patch);
    },
    async list(workplaceId: string): Promise<Person[]> {
      const rows = await db.persons.where('workplaceId').equals(workplaceId).toArray();
      return rows.filter((p) => !p.deleted && p.active).sort((a, b) => compareSortKeys(a.order, b.order) || a.firstName.localeCompare(b.firstName) || compareOrder(a, b));
    },
    /** Removes a person's personal data on this device; sync carries it everywhere. */
    async erase(id: string): Promise<void> {
      await inWriteTx(db, ['persons', 'blobs', 'voiceClips', ...PERSON_TABLES], async () => {
        const p = await db.persons.get(id);
        if (!p) return;
        // Recordings of the person's name are personal data too.
        await eraseClipsOf(db, p.workplaceId, personClipKey(id));
        // So are their personal plan (goals, follow-ups with their ladder steps) and their skills.
        await eraseGrowthOf(db, p.workplaceId, id);
        const photo = p.avatar?.kind === 'photo' ? p.avatar.ref : null;
        // Unsent edits of this person would carry their name to the server: drop them.
        await db.outbox.where('[table+rowId]').equals(['persons', id]).delete();
        await deleteRecord<Person>(db, 'persons', id, { firstName: '', avatar: ERASED_AVATAR, language: '', picturePin: null });
        if (photo) await db.blobs.delete(photo);
      });
    },
  };
}
