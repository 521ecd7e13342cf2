/** Device-local state: settings (not synced) and drafts of half-entered forms. */
import type { TavlaDb } from '../db';
import { translateStorageError } from '../writer';

/** The setting naming the device's workplace (core/context.tsx setWorkplaceId; the demo writes it with its rows). */
export const WORKPLACE_SETTING = 'workplaceId';

export function settingsRepo(db: TavlaDb) {
  return {
    async get<T>(key: string, fallback: T): Promise<T> {
      const row = await db.settings.get(key);
      return row === undefined ? fallback : (row.value as T);
    },
    async set(key: string, value: unknown): Promise<void> {
      try {
        await db.settings.put({ key, value });
      } catch (err) {
        throw translateStorageError(err);
      }
    },
  };
}

export function draftsRepo(db: TavlaDb) {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      return (await db.drafts.get(key))?.value as T | undefined;
    },
    async save(key: string, value: unknown): Promise<void> {
      await db.drafts.put({ key, value, updatedAt: db.now() });
    },
    async clear(key: string): Promise<void> {
      await db.drafts.delete(key);
    },
    /** How many half-entered forms are kept (the kiosk's quiet reload waits while there are any). */
    count(): Promise<number> {
      return db.drafts.count();
    },
  };
}
