/**
 * `npm run screenshots`: renders the main screens of the demo board in
 * Swedish, English, Arabic (right-to-left) and pictures-only mode at 1280×800,
 * and the Swedish screens again at the two other tablet sizes (1024×600
 * landscape, 800×1280 portrait), into docs/screenshots/, so reviewers can look
 * without running anything. The clock is the test clock (a Monday 13:00 unless
 * TAVLA_E2E_CLOCK says otherwise), so the pictures never depend on the day they
 * are taken. Needs a build (`npm run build`) and Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newSession, serveDist, startDemo } from '../tests/e2e/harness';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');
const SCREENS = ['/', '/attendance', '/goals', '/work', '/deviations', '/deviations/new', '/improvements', '/me'];
const TABLET = { width: 1280, height: 800 };
/** `size` in the file name for every size but the usual 1280×800 tablet */
const MODES = [
  { name: 'sv', lang: 'sv', picturesOnly: false, viewport: TABLET },
  { name: 'sv-1024x600', lang: 'sv', picturesOnly: false, viewport: { width: 1024, height: 600 } },
  { name: 'sv-800x1280', lang: 'sv', picturesOnly: false, viewport: { width: 800, height: 1280 } },
  { name: 'ar', lang: 'ar', picturesOnly: false, viewport: TABLET },
  { name: 'pictures-only', lang: 'sv', picturesOnly: true, viewport: TABLET },
  { name: 'en', lang: 'en', picturesOnly: false, viewport: TABLET },
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  const [browser, server] = await Promise.all([launch(), serveDist()]);
  try {
    for (const mode of MODES) {
      const s = await newSession(browser, mode.viewport);
      await startDemo(s.page, server.url, 'en');
      // device preferences live in IndexedDB; set them as the settings screen would
      await s.page.evaluate(async (picturesOnly) => {
        const db: IDBDatabase = await new Promise((resolve, reject) => {
          const req = indexedDB.open('tavla');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('settings', 'readwrite');
          const store = tx.objectStore('settings');
          const get = store.get('devicePrefs');
          get.onsuccess = () => store.put({ key: 'devicePrefs', value: { ...(get.result?.value ?? {}), picturesOnly } });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      }, mode.picturesOnly);
      for (const path of SCREENS) {
        await s.page.goto(`${server.url}${path}?lang=${mode.lang}`);
        await s.page.locator('main, [role=main]').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        await s.page.waitForTimeout(600);
        const file = `${mode.name}-${path === '/' ? 'board' : path.slice(1).replace(/\//g, '-')}.png`;
        await s.page.screenshot({ path: join(OUT, file) });
        console.log('wrote', file);
      }
      await s.context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
