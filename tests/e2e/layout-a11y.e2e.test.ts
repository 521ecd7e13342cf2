/**
 * The home board fits tablets and a TV without scrolling, and axe-core finds
 * no serious or critical violations on the main screens.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

describe('home board layout', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 800, height: 1280 },
    { width: 1920, height: 1080 },
  ]) {
    it(`fits ${viewport.width}×${viewport.height} without scrolling`, async () => {
      const s = await e2e.session(viewport);
      await startDemo(s.page, e2e.url);
      const size = await s.page.evaluate(() => ({
        scrollHeight: document.documentElement.scrollHeight,
        scrollWidth: document.documentElement.scrollWidth,
      }));
      expect(size.scrollHeight).toBeLessThanOrEqual(viewport.height);
      expect(size.scrollWidth).toBeLessThanOrEqual(viewport.width);
      for (const name of ['Attendance', 'Goals', "Today's work", 'Deviations', 'Improvements']) {
        const box = await s.page.getByRole('region', { name }).boundingBox();
        expect(box, name).not.toBeNull();
        expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
        expect(box!.height).toBeGreaterThan(120);
      }
    });
  }
});

describe('accessibility (axe-core)', () => {
  const screens = ['/', '/attendance', '/goals', '/work', '/deviations', '/deviations/new', '/improvements', '/improvements/new', '/me', '/about'];
  for (const lang of ['sv', 'en', 'ar']) {
    it(`has no serious violations on the participant screens (${lang})`, async () => {
      const s = await e2e.session();
      await startDemo(s.page, e2e.url);
      for (const path of screens) {
        await s.page.goto(`${e2e.url}${path}?lang=${lang}`);
        await s.page.locator('main').first().waitFor();
        await s.page.waitForTimeout(150);
        const violations = await axeViolations(s.page);
        expect(violations, `${path} (${lang})`).toEqual([]);
      }
    });
  }

  it('has no serious violations on the supervisor screens', async () => {
    const s = await e2e.session();
    await startDemo(s.page, e2e.url);
    await unlock(s.page);
    await s.page.getByRole('link', { name: 'Manage' }).click();
    const hub = s.page.getByRole('navigation', { name: 'Manage' });
    await hub.waitFor();
    expect(await axeViolations(s.page), 'Manage').toEqual([]);
    const names = await hub.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? a.textContent ?? ''));
    expect(names.length).toBeGreaterThanOrEqual(12); // every supervisor screen, old and new
    for (const name of names) {
      await hub.getByRole('link', { name, exact: true }).click();
      await s.page.locator('main').first().waitFor();
      await s.page.waitForTimeout(150);
      expect(await axeViolations(s.page), name).toEqual([]);
      await s.page.goBack(); // history navigation stays in the app and keeps supervisor mode
      await hub.waitFor();
    }
  });

  it('gives every participant control a touch target of at least 64 px', async () => {
    const s = await e2e.session();
    await startDemo(s.page, e2e.url);
    for (const path of ['/', '/attendance', '/deviations/new', '/improvements/new']) {
      await s.page.goto(`${e2e.url}${path}`);
      await s.page.locator('main').first().waitFor();
      const small = await s.page.evaluate(() =>
        [...document.querySelectorAll('main button, main a[href]')]
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim(), rect: el.getBoundingClientRect() }))
          .filter((x) => x.rect.width < 64 || x.rect.height < 64)
          .map((x) => `${x.name} ${Math.round(x.rect.width)}×${Math.round(x.rect.height)}`),
      );
      expect(small, path).toEqual([]);
    }
  });
});
