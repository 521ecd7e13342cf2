/**
 * The app shows built-in pictograms from their sets' stacks (`/pictograms/set/<set>.svg#<id>`, see
 * PICTOGRAM_SET_OF_CATEGORY in src/pictograms/catalog.ts), which relies on the browser showing only
 * the `:target` of an SVG image's URL. Drawn by Chromium, every pictogram from its stack has the same
 * pixels as from its own file, and the board shows its pictograms from a few sets, not one file each
 * (the light first visit shows its five from their own files, before any app code).
 */
import { describe, expect, it } from 'vitest';
import { boardLoaded, startDemo, useBrowser } from './harness';
import { PICTOGRAM_IDS, pictogramFileUrl, pictogramUrl } from '../../src/pictograms/catalog';

const e2e = useBrowser();

describe('pictogram sets', () => {
  it('draw every pictogram exactly as its own file does', async () => {
    const { page } = await e2e.session();
    // a blank page of the app's origin, so the canvas may read the pixels back
    await page.route(`${e2e.url}/pictogram-check`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>check</title>' }));
    await page.goto(`${e2e.url}/pictogram-check`);
    const pairs = PICTOGRAM_IDS.map((id) => ({ id, file: pictogramFileUrl(id), stack: pictogramUrl(id) }));
    const result = await page.evaluate(async (list) => {
      const pixels = async (src: string) => {
        const img = new Image(64, 64);
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0, 64, 64);
        return ctx.getImageData(0, 0, 64, 64).data;
      };
      const differ: string[] = [];
      let inked = 0;
      for (const { id, file, stack } of list) {
        const [a, b] = await Promise.all([pixels(file), pixels(stack)]);
        let worst = 0;
        let ink = 0;
        for (let i = 0; i < a.length; i++) {
          worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
          if (i % 4 === 3 && a[i]! > 0) ink++;
        }
        if (worst > 2) differ.push(`${id} (${worst})`);
        if (ink > 64) inked++;
      }
      return { differ, inked };
    }, pairs);
    expect(result.differ).toEqual([]);
    // and they are drawings, not blanks that would compare equal
    expect(result.inked).toBe(PICTOGRAM_IDS.length);
  });

  it('give the board its pictograms from a few files', async () => {
    const { page } = await e2e.session();
    await startDemo(page, e2e.url);
    await boardLoaded(page);
    // the board as a wall tablet opens it every morning
    const files = new Set<string>();
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname;
      if (path.startsWith('/pictograms/')) files.add(path);
    });
    await page.reload();
    await boardLoaded(page);
    const shown = await page.locator('img[data-pictogram]').count();
    expect(shown).toBeGreaterThan(30);
    expect([...files].every((f) => f.startsWith('/pictograms/set/')), [...files].join(', ')).toBe(true);
    expect(files.size).toBeGreaterThan(0);
    expect(files.size).toBeLessThanOrEqual(3);
  });
});
