/**
 * Issue 10, the flows half: made for the wall tablet.
 * - icon contrast on buttons, COMPUTED: each pictogram drawn with its computed filter over its
 *   button's computed background, in every state (default, hover, active, disabled);
 * - tap counts with text hidden: report a deviation, propose an idea (docs/tap-counts.md);
 * - the meeting's decisions visible without scrolling at 1024×600, 1280×800 and 800×1280;
 * - nothing covered (document.elementFromPoint at each control's centre) on the meeting, setup,
 *   goals, improvements and dialogs, right after a confirmation too;
 * - the poster is one page on A3 and on A4 on a busy demo day.
 * Kept short: one browser, few sessions.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemo, TABLET_SIZES, unlock, useBrowser } from './harness';

const e2e = useBrowser();


/** Hides every text node on the page (pictures only, for the tap-count proofs). */
async function hideText(page: Page) {
  await page.addStyleTag({ content: '* { color: transparent !important; text-shadow: none !important; } input, textarea { caret-color: transparent; }' });
}

/**
 * For every matching button: the share of its pictogram's silhouette edge with ≥ 3:1 contrast
 * against the colour right behind it (an edge pixel counts when it, or a silhouette pixel touching
 * it, reaches 3:1: anti-aliasing softens the outermost pixel). Draws the pictogram into a canvas with the computed CSS
 * filter (the halo) over the computed background (own or nearest ancestor's, through opacity).
 */
async function iconEdgeContrast(page: Page, selector: string) {
  return page.evaluate(async (sel) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const p = (m[1] ?? '').split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    };
    const backgroundOf = (el: Element | null): [number, number, number] => {
      const layers: [number, number, number, number][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let rgb: [number, number, number] = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
      return rgb;
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r ?? 0) + 0.7152 * f(g ?? 0) + 0.0722 * f(b ?? 0);
    };
    const contrast = (a: number[], b: number[]) => {
      const [la, lb] = [lum(a), lum(b)];
      return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    };
    const out: { name: string; pictogram: string; share: number; edge: number }[] = [];
    for (const btn of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const img = btn.querySelector<HTMLImageElement>('img.picto-button-icon');
      if (!img || btn.getClientRects().length === 0) continue;
      await img.decode().catch(() => undefined);
      let opacity = 1;
      for (let e: Element | null = img; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const behind = backgroundOf(btn.parentElement);
      const mix = (c: number[]) => c.map((v, i) => v * opacity + (behind[i] ?? 0) * (1 - opacity));
      const bg = mix(backgroundOf(img));
      const w = Math.round(img.getBoundingClientRect().width);
      const h = Math.round(img.getBoundingClientRect().height);
      const pad = 6;
      const canvas = document.createElement('canvas');
      canvas.width = w + 2 * pad;
      canvas.height = h + 2 * pad;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      ctx.fillStyle = `rgb(${bg.join(',')})`;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      const filter = getComputedStyle(img).filter;
      ctx.filter = filter === 'none' ? 'none' : filter;
      ctx.globalAlpha = opacity;
      ctx.drawImage(img, pad, pad, w, h);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const W = canvas.width;
      const at = (x: number, y: number): number[] => [data[(y * W + x) * 4] ?? 0, data[(y * W + x) * 4 + 1] ?? 0, data[(y * W + x) * 4 + 2] ?? 0];
      const inMask = (x: number, y: number) => {
        const c = at(x, y);
        return c.some((v, i) => Math.abs(v - (bg[i] ?? 0)) > 24);
      };
      let edge = 0;
      let good = 0;
      for (let y = 1; y < canvas.height - 1; y++)
        for (let x = 1; x < W - 1; x++) {
          if (!inMask(x, y)) continue;
          if (inMask(x - 1, y) && inMask(x + 1, y) && inMask(x, y - 1) && inMask(x, y + 1)) continue;
          edge++;
          // the edge as seen: this pixel or a silhouette pixel touching it (anti-aliasing blurs one pixel)
          let best = 0;
          for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (inMask(x + dx, y + dy)) best = Math.max(best, contrast(at(x + dx, y + dy), bg));
          if (best >= 3) good++;
        }
      out.push({ name: btn.getAttribute('aria-label') ?? '', pictogram: img.dataset.pictogram ?? '', share: edge ? good / edge : 0, edge });
    }
    return out;
  }, selector);
}

/** Forces :hover / :active on the matching elements (Chromium DevTools protocol). */
async function forceState(page: Page, selector: string, states: string[]) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
  for (const nodeId of nodeIds) await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: states });
  return async () => {
    for (const nodeId of nodeIds) await cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: [] });
    await cdp.detach();
  };
}

/**
 * Controls whose centre is covered by something else (elementFromPoint). With a dialog open only
 * the dialog's controls count (the rest is behind it by design). `coveredBy`: only report
 * covering by this (e.g. '.notice-host' on screens whose own layout is another branch's).
 */
async function coveredControls(page: Page, coveredBy?: string) {
  return page.evaluate((by) => {
    const bad: string[] = [];
    const root = document.querySelector('[role="dialog"]') ?? document;
    const controls = root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"]');
    for (const el of Array.from(controls)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      // a control scrolled out of its scroller's view is not "visible"
      let clipped = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll|hidden)/.test(s.overflow + s.overflowY + s.overflowX)) {
          const pr = p.getBoundingClientRect();
          if (x < pr.left || x > pr.right || y < pr.top || y > pr.bottom) clipped = true;
        }
      }
      if (clipped || getComputedStyle(el).visibility === 'hidden') continue;
      const hit = document.elementFromPoint(x, y);
      if (hit && by && !hit.closest(by)) continue;
      if (!hit || !(el === hit || el.contains(hit))) bad.push(`${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)} ← ${hit?.className || hit?.tagName}`);
    }
    return bad;
  }, coveredBy);
}

describe('icon contrast on buttons (computed)', () => {
  it('every pictogram on a primary or danger button keeps a 3:1 edge in every state', async () => {
    const s = await e2e.session({ width: 1280, height: 800 });
    await startDemo(s.page, e2e.url);
    await unlock(s.page);
    const sel = '.picto-button.primary, .picto-button.danger';
    const worst: string[] = [];
    const seen = new Set<string>();
    const check = async (where: string) => {
      await s.page.waitForTimeout(150);
      for (const [state, prep] of [
        ['default', async () => async () => undefined],
        ['hover', () => forceState(s.page, sel, ['hover'])],
        ['active', () => forceState(s.page, sel, ['hover', 'active'])],
        [
          'disabled',
          async () => {
            await s.page.evaluate((q) => document.querySelectorAll(q).forEach((b) => b.toggleAttribute('data-was-enabled', !b.hasAttribute('disabled')) || b.setAttribute('disabled', '')), sel);
            return () => s.page.evaluate((q) => document.querySelectorAll(q).forEach((b) => b.hasAttribute('data-was-enabled') && (b.removeAttribute('disabled'), b.removeAttribute('data-was-enabled'))), sel);
          },
        ],
      ] as const) {
        const undo = await prep();
        const found = await iconEdgeContrast(s.page, sel);
        await undo();
        for (const f of found) seen.add(f.name);
        for (const f of found) if (f.share < 0.9) worst.push(`${where} ${state} "${f.name}" (${f.pictogram}): ${Math.round(f.share * 100)}% of the edge at 3:1`);
      }
    };
    await check('board');
    for (const path of ['/work', '/deviations', '/improvements', '/goals']) {
      await s.page.goto(`${e2e.url}${path}?lang=en`);
      await s.page.locator('main').first().waitFor();
      await check(path);
    }
    expect(worst).toEqual([]);
    // the blue buttons of the issue were measured (Done only on a workday with tasks)
    expect([...seen]).toEqual(expect.arrayContaining(['Report a deviation', 'New idea', 'Start meeting']));
    expect([...seen].some((n) => n.startsWith('+1 to'))).toBe(true);

    // the measurement sees the problem it guards against: without the halo, purple on blue fails
    await s.page.addStyleTag({ content: '.picto-button { --icon-halo: transparent !important; }' });
    const bare = await iconEdgeContrast(s.page, '.picto-button.primary');
    expect(bare.some((f) => f.share < 0.5)).toBe(true);
  });
});

/** Taps counted: every click of a flow goes through here. */
function tapCounter() {
  let taps = 0;
  return {
    tap: async (target: ReturnType<Page['locator']>) => {
      await target.click();
      taps += 1;
    },
    get taps() {
      return taps;
    },
  };
}

describe('tap counts with text hidden (docs/tap-counts.md)', () => {
  it('report a deviation in 3 taps and propose an idea in 3 taps, by pictures alone', async () => {
    const s = await e2e.session({ width: 1024, height: 600 });
    const { page } = s;
    await startDemo(page, e2e.url);
    await hideText(page);
    const deviations = page.getByRole('region', { name: 'Deviations' });
    const before = await deviations.locator('.glance-deviation-list li').count();

    // report a deviation: the section's own button, what happened (a picture), who (a face)
    const report = tapCounter();
    await report.tap(deviations.locator('.section-action a'));
    await report.tap(page.locator('main button').filter({ has: page.locator('img[data-pictogram="broken-tool"]') }).first());
    await report.tap(page.locator('main .face-button').first());
    await page.waitForURL(`${e2e.url}/`);
    await page.locator('.notice').filter({ has: page.locator('img[data-pictogram="broken-tool"]') }).waitFor();
    await expect.poll(() => deviations.locator('.glance-deviation-list li').count()).toBeGreaterThan(before);
    expect(report.taps).toBeLessThanOrEqual(3);
    // right after the confirmation, the notice covers nothing (the board's own layout is wall-board's)
    expect(await coveredControls(page, '.notice-host')).toEqual([]);

    // propose an idea: the section's own button, what about (a picture), who (a face)
    const improvements = page.getByRole('region', { name: 'Improvements' });
    const propose = tapCounter();
    await propose.tap(improvements.locator('.section-action a'));
    await propose.tap(page.locator('main section button').filter({ has: page.locator('img') }).first());
    await propose.tap(page.locator('main .face-button').first());
    await page.waitForURL(`${e2e.url}/`);
    await page.locator('.notice').nth(1).waitFor();
    expect(propose.taps).toBeLessThanOrEqual(3);
    // both confirmations keep their own undo, side by side in the band, covering nothing
    expect(await page.locator('.notice-host .notice button[aria-label="Undo"]').count()).toBe(2);
    expect(await coveredControls(page, '.notice-host')).toEqual([]);
  });
});

/** Each meeting step at this size: the page does not scroll, the step's first decision and the way on are in view and uncovered. */
async function meetingFits(page: Page, where: string) {
  const problems: string[] = [];
  const title = page.locator('#meeting-step-title');
  for (let step = 1; step <= 6; step++) {
    await page.waitForTimeout(200);
    const name = (await title.textContent())?.trim() ?? `step ${step}`;
    const state = await page.evaluate(() => {
      const inView = (el: Element | null) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5 && !!hit && (el === hit || el.contains(hit));
      };
      const body = document.querySelector('.meeting-step-body');
      const decision = body?.querySelector('button:not([disabled])') ?? null;
      return {
        pageScrolls: document.documentElement.scrollHeight > innerHeight + 1,
        decision: decision ? inView(decision) : 'none',
        decisionName: decision?.getAttribute('aria-label') ?? decision?.textContent?.trim().slice(0, 30) ?? '',
        next: inView(document.querySelector('.meeting-next')),
        back: inView(document.querySelector('.meeting-back')),
      };
    });
    if (state.pageScrolls) problems.push(`${where} ${name}: the page scrolls`);
    if (state.decision === false) problems.push(`${where} ${name}: decision "${state.decisionName}" not in view without scrolling`);
    if (!state.next || !state.back) problems.push(`${where} ${name}: Back/Next not in view`);
    const covered = await coveredControls(page);
    if (covered.length) problems.push(`${where} ${name}: covered ${covered.join('; ')}`);
    if (step < 6) await page.locator('.meeting-next').click();
  }
  return problems;
}

describe('the meeting on the wall tablet', () => {
  it('every step shows its decisions and the way on without scrolling, at 1024×600, 1280×800 and 800×1280', async () => {
    const problems: string[] = [];
    for (const size of TABLET_SIZES) {
      const s = await e2e.session(size);
      const { page } = s;
      await startDemo(page, e2e.url);
      await unlock(page);
      await page.getByRole('link', { name: 'Start meeting' }).click();
      await page.getByRole('button', { name: 'Start meeting' }).click();
      await page.locator('#meeting-step-title').waitFor();
      problems.push(...(await meetingFits(page, `${size.width}×${size.height}`)));
      if (size.width === 1024) {
        // on the closing step: the blue End meeting button's icon keeps its 3:1 edge
        const end = await iconEdgeContrast(page, '.meeting-next');
        expect(end.map((f) => f.name)).toEqual(['End meeting']);
        expect(end[0]!.share).toBeGreaterThanOrEqual(0.9);
        // closing: End meeting is a blue button too; then a decision with its dialog and notice
        await page.locator('.meeting-progress-step').nth(1).click();
        await page.getByRole('button', { name: /^Move to (Being handled|Solved)/ }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        expect(await coveredControls(page), 'solve dialog').toEqual([]);
        await dialog.locator('.face-button').first().click();
        await dialog.getByRole('textbox').fill('New gloves');
        await dialog.getByRole('button', { name: 'Save' }).click();
        // feedback on the decision, and nothing covered after it
        await page.locator('.notice').filter({ hasText: /Being handled|Solved/ }).first().waitFor();
        expect(await coveredControls(page), 'after the decision').toEqual([]);
        await page.locator('.meeting-deviation, .deviation-card').filter({ hasText: 'New gloves' }).first().waitFor();
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('setup, goals and improvements at 1024×600', () => {
  it('setup with people: nothing covered on any step, weekdays inside their buttons, a next step after "ready"', async () => {
    const s = await e2e.session({ width: 1024, height: 600 });
    const { page } = s;
    await page.goto(`${e2e.url}/?lang=en`);
    await page.getByRole('button', { name: 'Create a new board' }).click();
    const covered: string[] = [];
    const check = async (where: string) => covered.push(...(await coveredControls(page)).map((c) => `${where}: ${c}`));
    await check('name');
    await page.getByLabel('Workplace name').fill('Tvätten');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Laundry' }).click();
    await check('activity');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Wednesday' }).waitFor();
    await check('hours');
    const overflowing = await page.locator('.tavla-weekdays .picto-button').evaluateAll((buttons) =>
      buttons.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.getAttribute('aria-label')),
    );
    expect(overflowing).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    for (const name of ['Ada', 'Bo']) {
      await page.getByLabel('First name').fill(name);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('button', { name: `Other picture: ${name}` }).waitFor();
    }
    await check('people');
    const faces = await page.locator('.setup-person-face img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).dataset.pictogram));
    expect(new Set(faces).size).toBe(2);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Supervisor PIN (4–8 digits)').fill('2468');
    await page.getByLabel('The same PIN again').fill('2468');
    await check('pin');
    const create = await iconEdgeContrast(page, '.setup-nav .picto-button.primary');
    expect(create.map((f) => [f.name, f.share >= 0.9])).toEqual([['Create the board', true]]);
    await page.getByRole('button', { name: 'Create the board' }).click();
    await page.getByText('The board is ready! 2 people').waitFor();
    await page.getByRole('region', { name: 'Attendance' }).getByText(/of 2 here/).waitFor();
    covered.push(...(await coveredControls(page, '.notice-host')).map((c) => `the new board: ${c}`));
    expect(covered).toEqual([]);
  });

  it('goals and improvements for a supervisor: typed number, −1, one-tap column moves, dialogs; nothing covered', async () => {
    const s = await e2e.session({ width: 1024, height: 600 });
    const { page } = s;
    await startDemo(page, e2e.url);
    await unlock(page);
    // goals: open from the board (supervisor mode holds), type 14, then −1
    await page.getByRole('region', { name: 'Goals' }).locator('a.section-open').click({ position: { x: 16, y: 16 } });
    const card = page.locator('.goals-card').filter({ has: page.locator('input[type="number"]') }).first();
    await card.locator('input[type="number"]').fill('14');
    await card.getByRole('button', { name: /^Save/ }).click();
    await card.getByText(/^14 of/).waitFor();
    expect(await coveredControls(page), 'goals after the typed number').toEqual([]);
    await card.getByRole('button', { name: /^−1 from/ }).click();
    await card.getByText(/^13 of/).waitFor();
    expect(await coveredControls(page), 'goals after −1').toEqual([]);

    // improvements: an idea straight to Done in one tap
    await page.getByRole('link', { name: 'To the board' }).click();
    await page.getByRole('region', { name: 'Improvements' }).locator('a.section-open').click({ position: { x: 16, y: 16 } });
    const ideaColumn = page.getByRole('region', { name: 'Idea', exact: true });
    const done = page.getByRole('region', { name: 'Done', exact: true });
    // every column is drawn from one query: once a card is there, the Done column is complete too
    const move = ideaColumn.getByRole('button', { name: 'Move to Done' }).first();
    await move.waitFor();
    const doneBefore = await done.getByRole('article').count();
    await move.click();
    await expect.poll(() => done.getByRole('article').count()).toBe(doneBefore + 1);
    await page.locator('.notice').filter({ hasText: 'Moved to Done' }).waitFor();
    expect(await coveredControls(page), 'improvements after a move').toEqual([]);
    // a dialog with a notice showing: the dialog covers the band, the band never covers the dialog
    await page.getByRole('button', { name: 'Move to Not now' }).first().click();
    await page.getByRole('dialog').waitFor();
    expect(await coveredControls(page), 'the "not now" dialog').toEqual([]);
    const order = await page.evaluate(() => {
      const dialog = document.querySelector('[role="dialog"]')!.getBoundingClientRect();
      const band = document.querySelector('.notice-host')!.getBoundingClientRect();
      const x = band.left + band.width / 2;
      const y = band.top + Math.min(band.height, 20) / 2;
      const hit = band.height > 0 ? document.elementFromPoint(x, y) : null;
      return { bandUnderDialog: !hit || !hit.closest('.notice-host'), dialogVisible: dialog.height > 0 };
    });
    expect(order).toEqual({ bandUnderDialog: true, dialogVisible: true });
  });
});

describe('the poster', () => {
  it('is one page on A3 and on A4 on a busy day, reached from the supervisor menu', async () => {
    const s = await e2e.session({ width: 1280, height: 800 });
    const { page } = s;
    await startDemo(page, e2e.url);
    // a busy day: more deviations and ideas on top of the demo's
    for (let i = 0; i < 5; i++) {
      await page.getByRole('region', { name: 'Deviations' }).locator('.section-action a').click();
      await page.locator('main button').filter({ has: page.locator('img[data-pictogram="broken-tool"]') }).first().click();
      await page.locator('main .face-button').nth(i).click();
      await page.waitForURL(`${e2e.url}/`);
      await page.getByRole('region', { name: 'Improvements' }).locator('.section-action a').click();
      await page.locator('main section button').filter({ has: page.locator('img') }).nth(i).click();
      await page.locator('main .face-button').nth(i).click();
      await page.waitForURL(`${e2e.url}/`);
    }
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Print the board' }).click();
    const poster = page.locator('.print-poster');
    await poster.getByText('Jonas').first().waitFor();
    await page.waitForTimeout(300);
    const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
    const clipped = () =>
      page.evaluate(() => {
        const p = document.querySelector<HTMLElement>('.print-poster')!;
        return p.scrollHeight > p.clientHeight + 1;
      });
    // the busy day is zoomed to fit, yet stays readable (the figure is printed for the report)
    const fitA3 = Number(await page.locator('.print-page').getAttribute('data-fit'));
    console.log(`poster zoom on A3: ${fitA3}`);
    expect(fitA3).toBeGreaterThan(0.4);
    await page.emulateMedia({ media: 'print' });
    expect(await clipped(), 'A3: nothing cut off').toBe(false);
    expect(pagesOf(await page.pdf({ preferCSSPageSize: true, printBackground: true })), 'A3 pages').toBe(1);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'A4 small' }).click();
    await expect.poll(() => page.evaluate(() => document.head.querySelector('style[data-tavla="print-page"]')?.textContent)).toContain('A4 landscape');
    await page.waitForTimeout(300);
    console.log(`poster zoom on A4: ${await page.locator('.print-page').getAttribute('data-fit')}`);
    await page.emulateMedia({ media: 'print' });
    expect(await clipped(), 'A4: nothing cut off').toBe(false);
    expect(pagesOf(await page.pdf({ preferCSSPageSize: true, printBackground: true })), 'A4 pages').toBe(1);
  });
});
