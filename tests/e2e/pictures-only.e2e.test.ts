/**
 * Zero reading, proven in real Chromium: with "Pictures only" turned on in
 * the tablet's settings, a participant checks in, reports a deviation and
 * proposes an idea, finding every control by its pictogram
 * (`img[data-pictogram=…]`) or its accessible name only — and no text is
 * visible on any of those screens (every text node has no size or is
 * clipped away; numbers alone stay, they need no reading), while every
 * control still carries a pictogram of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

/** Text nodes a sighted person could read right now (with where they are, for the failure message). */
async function visibleText(page: Page): Promise<string[]> {
  await page.waitForTimeout(100); // let lazy pictures and layout settle
  return page.evaluate(() => {
    const clippedAway = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        const st = getComputedStyle(e);
        if (st.display === 'none' || st.visibility === 'hidden' || Number(st.opacity) === 0) return true;
        const r = e.getBoundingClientRect();
        if (st.clip === 'rect(0px, 0px, 0px, 0px)' || st.clipPath === 'inset(50%)') return true;
        if (st.overflow === 'hidden' && (r.width <= 1 || r.height <= 1)) return true;
      }
      return false;
    };
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest('script, style, noscript, template')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
      if (rects.length === 0 || clippedAway(el)) continue;
      // numbers need no reading: counts stay visible in pictures-only mode (Latin, Arabic-Indic and Persian digits)
      if (/^[\d\u0660-\u0669\u06F0-\u06F9\s/·:.,+\-−]+$/.test(text)) continue;
      found.push(`${el.tagName.toLowerCase()}.${el.className}: "${text.slice(0, 40)}"`);
    }
    return found;
  });
}

/** Every visible button and link on the screen shows a picture. */
async function controlsWithoutPicture(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, a[href], [role="button"]'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .filter((el) => !el.querySelector('img'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

async function expectPicturesOnly(page: Page, where: string) {
  expect(await visibleText(page), `visible text on ${where}`).toEqual([]);
  expect(await controlsWithoutPicture(page), `controls without a pictogram on ${where}`).toEqual([]);
}

const picture = (page: Page, id: string) => page.locator(`img[data-pictogram="${id}"]`);
/** The home board's section whose title shows this pictogram. */
const section = (page: Page, id: string) => page.locator('section.board-section').filter({ has: page.locator(`h2 img[data-pictogram="${id}"]`) });
const goHome = (page: Page) => page.locator('header a').filter({ has: picture(page, 'home') }).click();

describe('pictures only', () => {
  it('a participant checks in, reports a deviation and proposes an idea with all text hidden', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);

    // The supervisor turns the mode on in "This tablet" (text is still shown on supervisor screens).
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'This tablet' }).click();
    await page.getByRole('button', { name: 'Pictures only' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('pictures-only'))).toBe(true);
    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('button', { name: 'Unlock' }).waitFor();

    // The home board: pictures only, and the sections are still named for assistive technology.
    await section(page, 'people').waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Attendance' }).count()).toBe(1);
    await expectPicturesOnly(page, 'the home board');
    const deviationsBefore = await section(page, 'warning').locator('.glance-deviation-list li').count();
    const ideasBefore = Number(await section(page, 'idea').locator('.glance-pdca li').first().locator('.count').textContent());

    // The counts stay: numbers need no reading.
    expect(await section(page, 'people').locator('.section-digits').textContent()).toMatch(/^\d+\/\d+$/);
    // "Report a problem" and "new idea" have pictograms of their own, and the board has one "i" (About).
    const reportIcon = await section(page, 'warning').locator('.section-action img').getAttribute('data-pictogram');
    const ideaIcon = await section(page, 'idea').locator('.section-action img').getAttribute('data-pictogram');
    expect(reportIcon).not.toBe(ideaIcon);
    expect(await page.locator('.board-header img[data-pictogram="info"]').count()).toBe(1);

    // 1. Check in: one tap on one's own face on the board; the face turns into the face with ✓ and its own undo.
    const face = section(page, 'people').getByRole('button', { name: 'Jonas', exact: true });
    await face.click();
    const welcome = section(page, 'people').locator('.checkin-confirm').filter({ has: page.locator('img[data-pictogram="check"], img[data-pictogram="late"]') });
    await welcome.waitFor();
    expect(await welcome.locator('button').filter({ has: picture(page, 'undo') }).count()).toBe(1);
    await expectPicturesOnly(page, 'the check-in confirmation');
    await section(page, 'people').locator('a.section-open').click();
    await page.locator('main .face-grid').waitFor();
    await expectPicturesOnly(page, 'attendance');

    // 2. Report a deviation: the "+" on the deviations section, the broken-tool tile, a face.
    await goHome(page);
    await section(page, 'warning').locator('.section-action a').filter({ has: picture(page, reportIcon!) }).click();
    const brokenTool = page.locator('main button').filter({ has: picture(page, 'broken-tool') });
    await brokenTool.waitFor();
    await expectPicturesOnly(page, 'report a deviation: what happened');
    await brokenTool.click();
    const sara = page.getByRole('button', { name: 'Sara', exact: true });
    await sara.waitFor();
    await expectPicturesOnly(page, 'report a deviation: who');
    await sara.click();
    await page.waitForURL(`${e2e.url}/`);
    await page.locator('.notice').filter({ has: picture(page, 'broken-tool') }).waitFor();
    await expectPicturesOnly(page, 'the deviation confirmation');
    await expect.poll(() => section(page, 'warning').locator('.glance-deviation-list li').count()).toBeGreaterThan(deviationsBefore);

    // 3. Propose an idea: the "+" on the improvements section, any idea tile, a face.
    await section(page, 'idea').locator('.section-action a').filter({ has: picture(page, ideaIcon!) }).click();
    const tile = page.locator('main .entry-tiles button').filter({ has: page.locator('img[data-pictogram]') }).first();
    await tile.waitFor();
    await expectPicturesOnly(page, 'new idea: what');
    await tile.click();
    const aya = page.getByRole('button', { name: 'Aya', exact: true });
    await aya.waitFor();
    await expectPicturesOnly(page, 'new idea: who');
    await aya.click();
    await page.waitForURL(`${e2e.url}/`);
    await expect
      .poll(async () => Number(await section(page, 'idea').locator('.glance-pdca li').first().locator('.count').textContent()))
      .toBe(ideasBefore + 1);
    await expectPicturesOnly(page, 'the board after the idea');

    // The own page is pictures-only too.
    await page.locator('header a').filter({ has: picture(page, 'person') }).click();
    await page.getByRole('button', { name: 'Aya', exact: true }).click();
    await page.getByRole('region', { name: /./ }).first().waitFor();
    await page.locator('.me-idea').first().waitFor();
    await expectPicturesOnly(page, 'my page');
  });

  it('shows the words again when the mode is turned off', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.evaluate(() => document.documentElement.classList.add('pictures-only'));
    expect(await visibleText(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.classList.remove('pictures-only'));
    expect(await visibleText(page)).toContain('span.: "Attendance"');
  });
});
