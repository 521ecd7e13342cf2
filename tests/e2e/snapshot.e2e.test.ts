/**
 * The board's snapshot (src/core/snapshot.ts, public/paint-snapshot.js): after
 * a first visit, a reload paints the saved picture of today's board before
 * the app's code has arrived — hidden from assistive technology and inert —
 * and the live app then takes its place; a picture of yesterday is never
 * painted; leaving the demo (erasing the workplace from the device) drops it.
 *
 * The main module is held back with page.route, so the service worker is
 * blocked in these sessions (a worker would answer before the route sees it).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardLoaded, startDemo, testNow, unlock, useBrowser } from './harness';

const e2e = useBrowser();
const KEY = 'tavla:board-snapshot';

/** Holds every request for the app's entry module until `release()`. */
async function holdMainModule(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** The document has been parsed, so paint-snapshot.js has run (the held module is deferred: it runs after parsing). */
async function parsed(page: Page): Promise<void> {
  await page.waitForFunction(() => document.readyState !== 'loading');
}

/** Waits until the live board has saved its snapshot, and returns its day. */
async function savedDay(page: Page): Promise<string> {
  await boardLoaded(page);
  const day = await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { day?: string } | null)?.day, KEY, { timeout: 15_000 });
  return (await day.jsonValue()) as string;
}

describe('the board snapshot', () => {
  it('paints today’s board before the app loads, as a hidden inert picture, then the live app replaces it', async () => {
    const { page } = await e2e.session(undefined, undefined, 'block');
    await startDemo(page, e2e.url);
    await savedDay(page);
    const liveSummary = await page.getByRole('region', { name: 'Attendance' }).locator('.section-summary').textContent();

    const release = await holdMainModule(page);
    await page.goto(`${e2e.url}/`, { waitUntil: 'commit' });
    await parsed(page);
    const painted = page.locator('#root > [data-board-snapshot]');
    await painted.first().waitFor();
    expect(await painted.first().getAttribute('aria-hidden')).toBe('true');
    expect(await painted.first().evaluate((el) => (el as HTMLElement).inert)).toBe(true);
    expect(await page.locator('.boot-splash').count()).toBe(0);
    // the picture shows the board as it was, in English, but it is not controls: role queries find nothing
    expect(await page.locator('[data-board-snapshot] .section-attendance .section-summary').textContent()).toBe(liveSummary);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('region', { name: 'Attendance' }).count()).toBe(0);
    expect(await page.getByRole('button').count()).toBe(0);

    // the picture gives way only to a board with all its data: never blank counts or a board without faces in between
    const atSwap = page.evaluate(
      () =>
        new Promise<{ sections: number; busy: number }>((resolve) => {
          const root = document.getElementById('root')!;
          const seen = new MutationObserver(() => {
            if (root.querySelector('[data-board-snapshot]')) return;
            seen.disconnect();
            resolve({ sections: root.querySelectorAll('.board-section').length, busy: root.querySelectorAll('[aria-busy="true"]').length });
          });
          seen.observe(root, { childList: true });
        }),
    );
    release();
    expect(await atSwap).toEqual({ sections: 5, busy: 0 });
    await boardLoaded(page);
    expect(await page.locator('[data-board-snapshot]').count()).toBe(0);
    await expect.poll(() => page.getByRole('region', { name: 'Attendance' }).locator('.section-summary').textContent()).toBe(liveSummary);
    // the live board works: a face can be tapped
    await page.getByRole('region', { name: 'Attendance' }).getByRole('button', { name: /Ahmed/ }).first().waitFor();
  });

  it('never paints yesterday’s board: the next morning shows the splash until the live board is there', async () => {
    const { page, context } = await e2e.session(undefined, undefined, 'block');
    await startDemo(page, e2e.url);
    const day = await savedDay(page);
    await page.close();

    await context.clock.setSystemTime(testNow() + 24 * 3600_000);
    const next = await context.newPage();
    const release = await holdMainModule(next);
    await next.goto(`${e2e.url}/`, { waitUntil: 'commit' });
    await parsed(next);
    expect(await next.locator('[data-board-snapshot]').count()).toBe(0);
    expect(await next.locator('#root > .boot-splash').count()).toBe(1);

    release();
    // the live board of the new day saves the new day's picture
    await expect.poll(() => savedDay(next), { timeout: 20_000 }).not.toBe(day);
    await next.close();
  });

  it('is dropped when the demo is erased from the device', async () => {
    const { page } = await e2e.session(undefined, undefined, 'block');
    await startDemo(page, e2e.url);
    await savedDay(page);

    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Workplace' }).click();
    await page.getByRole('button', { name: 'Leave demo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Leave demo' }).click();
    await page.waitForURL(/\/setup$/);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

    await page.goto(`${e2e.url}/`);
    await page.getByRole('button', { name: 'Try the demo' }).waitFor();
    expect(await page.locator('[data-board-snapshot]').count()).toBe(0);
  });
});
