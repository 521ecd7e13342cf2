/**
 * The board as people use it, in real Chromium: first-run setup, the demo,
 * a participant checking in (and undoing), reporting a deviation and
 * proposing an idea in three taps, a supervisor closing the loop, a wrong PIN
 * locking out, and the board surviving an offline reload.
 */
import { describe, expect, it } from 'vitest';
import { boardLoaded, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

describe('first run', () => {
  it('sets up a new workplace with the wizard and shows its board', async () => {
    const s = await e2e.session();
    const { page } = s;
    await page.goto(`${e2e.url}/?lang=en`);
    await page.getByRole('button', { name: 'Create a new board' }).click();
    await page.getByLabel('Workplace name').fill('Snickeriet Ek');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Carpentry' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('The day starts').fill('07:30');
    await page.getByRole('button', { name: 'Next' }).click();
    // the people step: a first name, a face of its own
    await page.getByLabel('First name').fill('Ebba');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Other picture: Ebba' }).waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Supervisor PIN (4–8 digits)').fill('2468');
    await page.getByLabel('The same PIN again').fill('2468');
    await page.getByRole('button', { name: 'Create the board' }).click();
    for (const name of ['Attendance', 'Goals', "Today's work", 'Deviations', 'Improvements']) {
      await page.getByRole('region', { name }).waitFor({ state: 'visible' });
    }
    await page.getByText('Snickeriet Ek').first().waitFor({ state: 'visible' });
    await page.getByRole('region', { name: 'Attendance' }).getByText(/of 1 here/).waitFor();
  });
});

describe('the first paint', () => {
  it('needs no stylesheet: the entry styles are in the page, never fetched, and no lazy screen adds them again', async () => {
    const s = await e2e.session();
    const { page } = s;
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'stylesheet') fetched.push(new URL(r.url()).pathname);
    });
    await startDemo(page, e2e.url); // the welcome page (the wizard, a lazy screen), then the board
    await page.getByRole('region', { name: 'Goals' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor(); // another lazy screen
    const inlined = await page.evaluate(() => [...document.querySelectorAll('style[data-href]')].map((el) => el.getAttribute('data-href') ?? ''));
    expect(inlined.length).toBeGreaterThan(0);
    expect(fetched.filter((href) => inlined.includes(href))).toEqual([]);
    const applied = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].filter((l) => !l.disabled).map((l) => new URL(l.href).pathname),
    );
    expect(applied.filter((href) => inlined.includes(href))).toEqual([]);
    // the lazy screens' own styles still arrive as files
    expect(fetched.length).toBeGreaterThan(0);
  });
});

describe('the first visit before the app', () => {
  it('shows the welcome words in its language before any module runs, then the real welcome; never on a device with a board', async () => {
    const s = await e2e.session(undefined, undefined, 'block'); // no service worker: every module request meets the route
    const { page } = s;
    // the app's modules held back: what the page paints by itself
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto(`${e2e.url}/`);
    const shell = page.locator('#root > [data-welcome-shell]');
    await expect.poll(() => shell.locator('.setup-lead').textContent()).toBe('En tavla för tavelmötet. Välj hur du vill börja.');
    expect(await shell.getAttribute('aria-hidden')).toBe('true');
    expect(await page.getByRole('button').count()).toBe(0); // words only, no controls
    await page.goto(`${e2e.url}/?lang=ar`);
    await expect.poll(() => shell.locator('h1').textContent()).toBe('أهلًا بك في Tavla');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // with the app: the real welcome takes its place, in the same language
    await page.unroute(/\/assets\/.*\.js$/);
    await page.goto(`${e2e.url}/?lang=en`);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByRole('region', { name: 'Attendance' }).locator('img').nth(2).waitFor();
    expect(await shell.count()).toBe(0);
    // a device with a workplace never sees the welcome before the app (the splash, or its board's picture)
    await page.evaluate(() => localStorage.removeItem('tavla:board-snapshot'));
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto(`${e2e.url}/`);
    await page.waitForLoadState('load');
    expect(await page.locator('#root > .boot-splash').count()).toBe(1);
    expect(await shell.count()).toBe(0);
  });
});

describe('the light first visit', () => {
  it('shows the whole welcome with only the entry module until touched, all of it above the notice band at 1024×600; the wizard carries out the choice', async () => {
    const s = await e2e.session({ width: 1024, height: 600 }, undefined, 'block');
    const { page } = s;
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    for (const lang of ['so', 'sv']) {
      await page.goto(`${e2e.url}/?lang=${lang}`);
      await page.locator('#root > [data-first-visit]').waitFor();
      const restore = await page.locator('a[href="/restore"]').boundingBox();
      const band = await page.locator('.notice-host').boundingBox();
      expect(restore!.y + restore!.height).toBeLessThanOrEqual(band!.y);
    }
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((p) => p.startsWith('/assets/')).length).toBe(2); // the entry, once per load: no framework, catalogue or Dexie
    await page.getByRole('button', { name: 'Skapa ny tavla' }).click();
    await page.getByText('Steg 1 av 5').waitFor();
    expect(await page.locator('[data-first-visit]').count()).toBe(0);
  });
});

describe('participants', () => {
  it('check in with one tap on their face and can undo it', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.getByRole('region', { name: 'Attendance' }).getByRole('link').click();
    const summary = page.locator('.screen-summary');
    // the count shows once the day's marks are loaded (some are here by the afternoon)
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toMatch(/\d+ of \d+ here/);
    const before = await summary.textContent();
    const face = page.getByRole('button', { name: 'Jonas', exact: true });
    await face.click();
    await page.getByRole('status').getByText('Welcome, Jonas!', { exact: false }).waitFor();
    await expect.poll(() => summary.textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => summary.textContent()).toBe(before);
  });

  it('report a deviation in three taps without reading', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    const region = page.getByRole('region', { name: 'Deviations' });
    await boardLoaded(page);
    const before = await region.locator('.section-summary').textContent();
    expect(before).toMatch(/\d/);
    await page.getByRole('link', { name: 'Report a deviation' }).click(); // 1
    await page.getByRole('button', { name: 'Broken tool or machine' }).click(); // 2
    await page.getByRole('button', { name: 'Sara', exact: true }).click(); // 3
    await page.getByText('Thank you! The deviation is saved.').waitFor();
    await page.getByRole('region', { name: 'Deviations' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'Deviations' }).locator('.section-summary').textContent()).not.toBe(before);
  });

  it('propose an idea in three taps, credited to their face', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.getByRole('link', { name: 'New idea' }).click(); // 1
    await page.getByRole('button', { name: 'Toolbox', exact: true }).click(); // 2: an idea's pictogram
    await page.getByRole('button', { name: 'Aya', exact: true }).click(); // 3
    await page.getByText('Thank you for the idea!').waitFor();
    await page.goto(`${e2e.url}/improvements`);
    await page.getByText('Idea from Aya').first().waitFor();
  });
});

describe('supervisor', () => {
  it('unlocks with the PIN, moves an idea to done and closes a deviation', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await unlock(page);
    // navigate inside the app: a reload locks supervisor mode again
    await page.getByRole('region', { name: 'Improvements' }).getByRole('link').first().click();
    const doneColumn = page.getByRole('region', { name: 'Done' });
    const doneBefore = await doneColumn.locator('article, li').count();
    // the demo has an idea in "doing": one tap moves it to "done"
    await page.getByRole('button', { name: 'Move to Done' }).first().click();
    await expect.poll(() => doneColumn.locator('article, li').count()).toBeGreaterThan(doneBefore);
    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('region', { name: 'Deviations' }).getByRole('link').first().click();
    const solved = page.getByRole('region', { name: 'Solved' });
    const solvedBefore = await solved.locator('article, li').count();
    await page.getByRole('button', { name: 'Move to Solved' }).first().click();
    await expect.poll(() => solved.locator('article, li').count()).toBeGreaterThan(solvedBefore);
  });

  it('a wrong PIN is refused and repeated wrong PINs lock the pad', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.getByRole('button', { name: 'Unlock' }).first().click();
    const dialog = page.getByRole('dialog');
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const d of '9999') await dialog.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
      await dialog.getByRole('button', { name: 'Unlock' }).click();
    }
    await dialog.getByText(/Too many tries\. Wait \d+ seconds\./).waitFor();
    expect(await dialog.getByRole('button', { name: 'Digit 1', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('link', { name: 'Manage' }).count()).toBe(0);
  });
});

describe('offline', () => {
  it('reloads with no network and still shows the whole board with its data', async () => {
    const s = await e2e.session();
    const { page, context } = s;
    await startDemo(page, e2e.url);
    const attendance = page.getByRole('region', { name: 'Attendance' }).locator('.section-summary');
    // how many are in depends on the hour (nobody before opening): read it once the crew is loaded
    await expect.poll(() => attendance.textContent()).toMatch(/^\d+ of 8 here$/);
    const here = Number((await attendance.textContent())?.match(/^(\d+)/)?.[1]);
    await page.getByRole('region', { name: 'Attendance' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByRole('status').getByText('Welcome, Jonas!', { exact: false }).waitFor();
    await page.goto(`${e2e.url}/`);
    const summary = `${here + 1} of 8 here`;
    await expect.poll(() => attendance.textContent()).toBe(summary);
    // the first load installs the service worker and precaches the app; once it is active, go offline
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    for (const name of ['Attendance', 'Goals', "Today's work", 'Deviations', 'Improvements']) {
      await page.getByRole('region', { name }).waitFor();
    }
    // the summary shows no count until the marks are loaded, then the count from before going offline
    await expect.poll(() => attendance.textContent(), { timeout: 10_000 }).toBe(summary);
    await page.getByRole('region', { name: 'Goals' }).getByRole('link').click();
    await page.getByRole('heading', { name: 'Goals', level: 1 }).waitFor();
  });
});
