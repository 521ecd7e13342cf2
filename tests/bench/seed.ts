/**
 * Puts a data set into the page's IndexedDB the fast way, raw and in one
 * transaction (the app's schema must exist: load the app once first), and
 * points the device at its workplace. With `photos`, that many photos of
 * random bytes (as incompressible as JPEGs) are stored like the app stores
 * them and used as the first people's faces, then as deviation photos.
 *
 * Rows written around the app skip what the app derives from them in the
 * same transaction (the daily attendance counts, data/attendanceDaily.ts), so
 * the seed declares those missing and the app recounts them when first read.
 */
import type { Page } from 'playwright-core';

export interface SeedInput {
  tables: Record<string, Record<string, unknown>[]>;
  workplaceId: string;
  photos?: number;
  photoBytes?: number;
}

export async function putRows(page: Page, input: SeedInput): Promise<void> {
  await page.evaluate(
    async ({ tables, workplaceId, photos, photoBytes }) => {
      const blobs: { hash: string; workplaceId: string; type: string; size: number; data: Blob; createdAt: number; uploaded: number }[] = [];
      for (let i = 0; i < photos; i++) {
        const bytes = new Uint8Array(photoBytes);
        for (let o = 0; o < bytes.length; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(bytes.length, o + 65536)));
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const hash = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        blobs.push({ hash, workplaceId, type: 'image/jpeg', size: bytes.length, data: new Blob([bytes], { type: 'image/jpeg' }), createdAt: Date.now(), uploaded: 1 });
      }
      const persons = (tables.persons ?? []) as { avatar: unknown }[];
      const deviations = (tables.deviations ?? []) as { photo: unknown }[];
      blobs.forEach((b, i) => {
        if (i < persons.length) persons[i]!.avatar = { kind: 'photo', ref: b.hash };
        else deviations[i - persons.length]!.photo = b.hash;
      });
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('tavla');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const names = [...Object.keys(tables), ...(blobs.length ? ['blobs'] : []), 'settings', 'meta'];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(names, 'readwrite');
        for (const [name, rows] of Object.entries(tables)) for (const r of rows) tx.objectStore(name).put(r);
        for (const b of blobs) tx.objectStore('blobs').put(b);
        tx.objectStore('settings').put({ key: 'workplaceId', value: workplaceId });
        if (tables.attendance) tx.objectStore('meta').delete('attendanceDaily.built');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { tables: input.tables, workplaceId: input.workplaceId, photos: input.photos ?? 0, photoBytes: input.photoBytes ?? 0 },
  );
}

/**
 * Waits until the app has recounted what the raw seed declared missing (the
 * daily attendance counts, recounted once at start): a real device has them
 * already, so nothing should be measured while the recount holds the table.
 */
export async function waitForDerived(page: Page, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const built = await page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          // a page that reloads or holds a version change must not leave this read waiting forever
          setTimeout(() => resolve(false), 5000);
          const req = indexedDB.open('tavla');
          req.onblocked = () => resolve(false);
          req.onsuccess = () => {
            const db = req.result;
            // an app without the counts (an older build) has nothing to wait for
            if (!db.objectStoreNames.contains('attendanceDaily')) {
              db.close();
              return resolve(true);
            }
            const get = db.transaction('meta').objectStore('meta').get('attendanceDaily.built');
            get.onsuccess = () => {
              db.close();
              resolve(get.result !== undefined);
            };
            get.onerror = () => {
              db.close();
              resolve(false);
            };
          };
          req.onerror = () => resolve(false);
        }),
    );
    if (built) return;
    if (Date.now() - started > timeoutMs) throw new Error('the app did not recount the daily attendance counts');
    await new Promise((r) => setTimeout(r, 200));
  }
}
