/**
 * Two tablets, one workplace, the real server: the first board (set up
 * offline as the demo) connects to the server with a supervisor account,
 * which uploads its data; it shows a pairing code and QR code; a second
 * tablet joins with the code, gets the whole board, and a check-in on one
 * shows up on the other live. An expired/unknown code gets a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { boardLoaded, launch, newSession, serveWithServer, startDemo, unlock } from './harness';

/** a 4×4 red PNG */
const RED_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGP4z8AARwzEcQCukw/x0F8jngAAAABJRU5ErkJggg==',
  'base64',
);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launch(), serveWithServer()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sync between tablets', () => {
  it('connects a board, pairs a second tablet with a code and syncs a check-in live', async () => {
    const a = await newSession(browser);
    await startDemo(a.page, server.url);
    await unlock(a.page);
    // the sync status pictogram on the board opens the sync screen for a supervisor
    await a.page.getByRole('link', { name: /Only on this device/ }).click();
    await a.page.getByLabel('Email').fill('handledare@example.se');
    await a.page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
    await a.page.getByRole('button', { name: 'Create account' }).click();
    await a.page.getByRole('button', { name: 'Pair a tablet' }).click();
    const code = (await a.page.locator('.pairing-code-text').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await a.page.getByRole('img', { name: `QR code for the code ${code}` }).isVisible()).toBe(true);
    await a.page.goto(`${server.url}/`);
    await a.page.getByRole('link', { name: /Synced/ }).waitFor({ timeout: 20_000 });

    const b = await newSession(browser);
    await b.page.goto(`${server.url}/pair?code=${code}&lang=en`);
    await b.page.getByRole('button', { name: 'Join' }).click();
    await b.page.getByRole('region', { name: 'Attendance' }).waitFor();
    const people = b.page.getByRole('region', { name: 'Attendance' }).locator('.section-summary');
    await expect.poll(() => people.textContent(), { timeout: 20_000 }).toMatch(/of 8 here/);

    // A check-in on tablet B reaches tablet A without a reload (push → NOTIFY → SSE poke → pull).
    const summaryA = a.page.getByRole('region', { name: 'Attendance' }).locator('.section-summary');
    await boardLoaded(a.page);
    const before = await summaryA.textContent();
    expect(before).toMatch(/of 8 here/);
    await b.page.getByRole('region', { name: 'Attendance' }).getByRole('link').click();
    await b.page.getByRole('button', { name: 'Jonas', exact: true }).click();
    const tapped = Date.now();
    // tablet B has saved it (the confirmation's words come once the check-in is stored)
    await b.page.getByRole('status').getByText('Welcome, Jonas!', { exact: false }).waitFor();
    await expect.poll(() => summaryA.textContent(), { timeout: 20_000, interval: 50 }).not.toBe(before);
    expect(Date.now() - tapped, 'a check-in reaches the other tablet within 2 s').toBeLessThan(2000);

    // Tablet A loses the network; both tablets keep working; when A comes back both boards agree.
    await a.context.setOffline(true);
    await a.page.getByRole('region', { name: 'Attendance' }).getByRole('link').click();
    // Fatima, Jonas and Lina: people the demo never checks in, whatever the hour
    await a.page.getByRole('button', { name: 'Fatima', exact: true }).click();
    await a.page.getByRole('status').getByText('Welcome, Fatima!', { exact: false }).waitFor();
    await b.page.getByRole('button', { name: 'Lina', exact: true }).click();
    await b.page.getByRole('status').getByText('Welcome, Lina!', { exact: false }).waitFor();
    await b.page.waitForTimeout(1500);
    expect(await b.page.getByRole('button', { name: 'Fatima', exact: true }).getAttribute('class'), 'A is really offline').not.toMatch(/status-(present|late)/);
    await a.context.setOffline(false);
    await a.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const summaryOf = (p: typeof a.page) => p.locator('.screen-summary').textContent();
    // three more than before Jonas came (the demo has checked some in by the afternoon)
    const together = new RegExp(`^${Number(before?.match(/^(\d+)/)?.[1]) + 3} of 8`);
    await expect.poll(() => summaryOf(a.page), { timeout: 20_000 }).toMatch(together);
    await expect.poll(() => summaryOf(b.page), { timeout: 20_000 }).toMatch(together);
    for (const name of ['Jonas', 'Fatima', 'Lina']) {
      for (const p of [a.page, b.page]) {
        await expect.poll(() => p.getByRole('button', { name, exact: true }).getAttribute('class')).toMatch(/status-(present|late)/);
      }
    }

    // A photo taken on tablet A is fetched by tablet B when B shows it (content-addressed, lazily).
    await a.page.goto(`${server.url}/`);
    await a.page.getByRole('link', { name: 'Report a deviation' }).click();
    await a.page.getByRole('button', { name: 'Broken tool or machine' }).click();
    await a.page.locator('input[type=file]').setInputFiles({ name: 'saw.png', mimeType: 'image/png', buffer: RED_PNG });
    await a.page.locator('.entry-photo-thumb').waitFor();
    await a.page.getByRole('button', { name: 'Sara', exact: true }).click();
    await a.page.getByText('Thank you! The deviation is saved.').waitFor();
    await b.page.goto(`${server.url}/deviations`);
    const photo = b.page.locator('img.entry-card-photo').first();
    await photo.waitFor({ timeout: 20_000 });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);

    // The code was single use.
    const c = await newSession(browser);
    await c.page.goto(`${server.url}/pair?code=${code}&lang=en`);
    await c.page.getByRole('button', { name: 'Join' }).click();
    await c.page.getByText('The code has already been used. Make a new code.').waitFor();
    await c.page.goto(`${server.url}/pair?code=NOPE2345&lang=en`);
    await c.page.getByRole('button', { name: 'Join' }).click();
    await c.page.getByText('The code does not exist. Look carefully and try again.').waitFor();

    expect([...a.errors, ...b.errors, ...c.errors]).toEqual([]);
    await Promise.all([a.context.close(), b.context.close(), c.context.close()]);
  });
});
