/**
 * The wall tablet left alone, in real Chromium: idle return keeps a
 * half-entered report (and so does a reload), a reload on any participant
 * screen lands on a working screen, a screen whose code fails to load brings
 * the board back, a refused wake lock is only a pictogram, the high-contrast
 * theme passes axe-core, and the own page with its picture code has touch
 * targets of at least 64 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

/** Unlocks and opens "This tablet" without a reload (supervisor mode lives in memory). */
async function openDeviceSettings(page: Page) {
  await unlock(page);
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('link', { name: 'This tablet' }).click();
  await page.getByRole('heading', { level: 1, name: 'This tablet' }).waitFor();
}

async function pressed(page: Page, name: string, value: boolean) {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-pressed')) !== String(value)) await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe(String(value));
}

/** Buttons and links on screen smaller than 64×64 CSS px. */
async function smallTargets(page: Page, scope = 'body'): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel) ?? document.body;
    return Array.from(root.querySelectorAll('button, a[href], input, select, [role="button"]'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 64 || r.height < 64))
      .map(({ el, r }) => `${el.getAttribute('aria-label') ?? el.textContent?.trim()}: ${Math.round(r.width)}×${Math.round(r.height)}`);
  }, scope);
}

describe('idle return', () => {
  it('goes back to the board after the idle time and the half-entered report is still there, also after a reload', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await openDeviceSettings(page);
    await page.getByRole('button', { name: 'Back to the board after 10 seconds' }).click();
    // this test may run at night or on a weekend: keep the board bright
    await pressed(page, 'Dark screen outside opening hours', false);
    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('button', { name: 'Lock' }).click();

    await page.getByRole('link', { name: 'Report a deviation' }).click();
    await page.getByRole('button', { name: 'Missing material' }).click();
    await page.getByLabel('Write (if you want)').fill('No more soap');
    const left = Date.now();
    await page.waitForURL(`${e2e.url}/`, { timeout: 20_000 });
    expect(Date.now() - left).toBeGreaterThanOrEqual(8_000);
    await page.getByRole('region', { name: 'Attendance' }).waitFor();

    await page.getByRole('link', { name: 'Report a deviation' }).click();
    await expect.poll(() => page.getByLabel('Write (if you want)').inputValue()).toBe('No more soap');
    expect(await page.getByRole('button', { name: 'Sara', exact: true }).isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => page.getByLabel('Write (if you want)').inputValue()).toBe('No more soap');
    await page.getByRole('button', { name: 'Sara', exact: true }).click();
    await page.getByText('Thank you! The deviation is saved.').waitFor();
  });
});

describe('reload and crash recovery', () => {
  it('a reload on any participant screen lands on a working screen', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.getByRole('link', { name: 'My page' }).click();
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.waitForURL(/\/me\/.+/);
    const ownPage = new URL(page.url()).pathname;
    const screens = ['/', '/attendance', '/goals', '/work', '/deviations', '/deviations/new', '/improvements', '/improvements/new', '/me', ownPage];
    for (const path of screens) {
      await page.goto(`${e2e.url}${path}`);
      await page.reload();
      if (path === '/') await page.getByRole('region', { name: 'Attendance' }).waitFor();
      else await page.getByRole('heading', { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname, path).toBe(path);
      // and it works: the way home is there and takes you home
      if (path !== '/') {
        await page.locator('header a').filter({ has: page.locator('img[data-pictogram="home"]') }).first().click();
        await page.getByRole('region', { name: 'Attendance' }).waitFor();
      }
    }
  });

  it('brings the board back when a screen fails to load, and the screen works again later', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.route(/GoalsPage-[^/]*\.js$/, (route) => route.abort());
    await page.getByRole('region', { name: 'Goals' }).getByRole('link').click();
    await page.getByText('Something went wrong. Here is the board again.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('region', { name: 'Attendance' }).waitFor();
    await page.unroute(/GoalsPage-[^/]*\.js$/);
    await page.reload();
    await page.getByRole('region', { name: 'Goals' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Goals' }).waitFor();
  });
});

describe('screen wake lock', () => {
  it('a refused wake lock is a small pictogram notice, and the board works', async () => {
    const s = await e2e.session();
    const { page } = s;
    await s.context.addInitScript(() => {
      Object.defineProperty(navigator, 'wakeLock', {
        value: { request: () => Promise.reject(new DOMException('Wake Lock permission request denied', 'NotAllowedError')) },
        configurable: true,
      });
    });
    await startDemo(page, e2e.url);
    const notice = page.getByRole('img', { name: 'The screen may go dark' });
    await notice.waitFor();
    expect(await notice.locator('img[data-pictogram="tablet"]').count()).toBe(1);
    // it never covers a control: taps pass through
    expect(await notice.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    await page.getByRole('region', { name: 'Attendance' }).getByRole('link').click();
    // Ahmed: the demo has checked Aya, Mohammed and Sara in by the afternoon, never him
    await page.getByRole('button', { name: 'Ahmed', exact: true }).click();
    await page.getByRole('status').getByText('Welcome, Ahmed!', { exact: false }).waitFor();
  });

  it('holds the wake lock in a browser that grants it', async () => {
    const s = await e2e.session();
    const { page } = s;
    await s.context.addInitScript(() => {
      const w = window as unknown as { __wakeRequests: number };
      w.__wakeRequests = 0;
      const real = navigator.wakeLock;
      Object.defineProperty(navigator, 'wakeLock', {
        value: {
          request: (type: WakeLockType) => {
            w.__wakeRequests++;
            return real.request(type);
          },
        },
        configurable: true,
      });
    });
    await startDemo(page, e2e.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __wakeRequests: number }).__wakeRequests)).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: 'The screen may go dark' }).count()).toBe(0);
  });
});

describe('high contrast', () => {
  it('has no serious axe-core violations on the participant screens, the own page and the settings', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await openDeviceSettings(page);
    await pressed(page, 'High contrast', true);
    await pressed(page, 'Dark screen outside opening hours', false);
    expect(await page.evaluate(() => document.documentElement.classList.contains('high-contrast'))).toBe(true);
    await page.waitForTimeout(3_500); // the "saved" notice goes away
    expect(await axeViolations(page), '/supervisor/device').toEqual([]);
    // a picture code for Jonas (who reads English), to check the pad too
    await page.getByRole('link', { name: 'Back: Manage' }).click();
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Picture code: Jonas' }).click();
    const dialog = page.getByRole('dialog');
    expect(await axeViolations(page), 'picture code dialog').toEqual([]);
    for (let round = 0; round < 2; round++) {
      for (const picture of ['Sun', 'Sun', 'Bus', 'Heart']) await dialog.getByRole('button', { name: picture, exact: true }).click();
    }
    await page.getByText('The picture code for Jonas is saved').waitFor();

    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('link', { name: 'My page' }).click();
    await page.getByRole('button', { name: 'Sara', exact: true }).click();
    await page.waitForURL(/\/me\/.+/);
    const ownPage = new URL(page.url()).pathname;

    for (const path of ['/', '/attendance', '/goals', '/work', '/deviations', '/deviations/new', '/improvements', '/improvements/new', '/me', ownPage]) {
      await page.goto(`${e2e.url}${path}?lang=en`);
      await page.locator('main').first().waitFor();
      if (path.startsWith('/me/')) await page.locator('.me-goal').first().waitFor();
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.documentElement.classList.contains('high-contrast')), path).toBe(true);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.goto(`${e2e.url}/me?lang=en`);
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByText('Tap your picture code').waitFor();
    expect(await axeViolations(page), 'picture code pad').toEqual([]);
  });
});

describe('own page', () => {
  it('has touch targets of at least 64 px on the faces, the picture code pad and the page itself', async () => {
    const s = await e2e.session({ width: 800, height: 1280 });
    const { page } = s;
    await startDemo(page, e2e.url);
    // Jonas gets a picture code from the supervisor
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Picture code: Jonas' }).click();
    const dialog = page.getByRole('dialog');
    for (let round = 0; round < 2; round++) {
      for (const picture of ['Tree', 'Star', 'Star', 'Music']) await dialog.getByRole('button', { name: picture, exact: true }).click();
    }
    await page.getByText('The picture code for Jonas is saved').waitFor();
    await page.getByRole('link', { name: 'Back: Manage' }).click();
    await page.getByRole('link', { name: 'This tablet' }).click();
    await page.getByRole('heading', { level: 1, name: 'This tablet' }).waitFor();
    expect(await axeViolations(page), 'this tablet (default theme)').toEqual([]);
    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('button', { name: 'Lock' }).click();

    await page.getByRole('link', { name: 'My page' }).click();
    await page.getByRole('button', { name: 'Jonas', exact: true }).waitFor();
    expect(await smallTargets(page, 'main'), 'faces').toEqual([]);
    expect(await axeViolations(page), 'faces (default theme)').toEqual([]);

    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByText('Tap your picture code').waitFor();
    expect(await smallTargets(page, 'main'), 'picture code pad').toEqual([]);
    expect(await axeViolations(page), 'picture code pad (default theme)').toEqual([]);
    // a wrong code is refused with a pictogram
    for (const picture of ['Tree', 'Star', 'Star', 'Sun']) await page.getByRole('button', { name: picture, exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Wrong picture code. Try again.').waitFor();
    expect(await alert.locator('img[data-pictogram="cancel"]').count()).toBe(1);
    expect(await page.getByRole('region', { name: /week/i }).count()).toBe(0);
    // the right one opens the page
    for (const picture of ['Tree', 'Star', 'Star', 'Music']) {
      const key = page.getByRole('button', { name: picture, exact: true });
      await expect.poll(() => key.isEnabled()).toBe(true);
      await key.click();
    }
    await page.locator('.me-week').waitFor();
    await page.locator('.me-goal').first().waitFor();
    expect(await smallTargets(page, 'main'), 'own page').toEqual([]);
    await page.waitForTimeout(3_500); // the confirmation goes away
    expect(await axeViolations(page), 'own page (default theme)').toEqual([]);
  });
});
