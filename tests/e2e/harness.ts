/**
 * E2E harness: serves the built app (dist/) with the real Tavla server on a
 * free port and drives Debian's Chromium through playwright-core. Each test
 * gets a fresh browser context, i.e. an empty IndexedDB and no service worker.
 *
 * Time is an input here, never the machine's date. Every browser context runs
 * in Europe/Stockholm under Playwright's controlled clock, started at one
 * instant of the test clock matrix (TAVLA_E2E_CLOCK, see TEST_CLOCKS); the
 * sync server started by serveWithServer reads the same virtual time, so a
 * device and its server agree on "now" whatever the real date is. The virtual
 * time runs at real speed from that instant (a test file takes a minute or
 * two), and a test can jump it with `page.clock` (e.g. across midnight).
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

/** The workplace's (and every test browser's) time zone. */
export const TIME_ZONE = 'Europe/Stockholm';

/**
 * The clock matrix: instants the whole suite must pass at, in Stockholm local
 * time, all in one ordinary week (Monday 7 – Saturday 12 December 2026). The
 * demo workplace opens 07:30–15:00, Monday to Friday.
 */
export const TEST_CLOCKS = {
  /** a workday before opening: nobody is in yet, nothing done yet */
  'mon-0650': '2026-12-07T06:50:00+01:00',
  /** a workday afternoon: people in, tasks done, the meeting over */
  'mon-1300': '2026-12-07T13:00:00+01:00',
  /** after closing on the last open day of the week */
  'fri-1630': '2026-12-11T16:30:00+01:00',
  /** a closed day */
  'sat-1200': '2026-12-12T12:00:00+01:00',
} as const;
export type TestClockName = keyof typeof TEST_CLOCKS;

const DEFAULT_CLOCK: TestClockName = 'mon-1300';

function selectedClock(): TestClockName {
  const name = process.env.TAVLA_E2E_CLOCK || DEFAULT_CLOCK;
  if (!(name in TEST_CLOCKS)) throw new Error(`TAVLA_E2E_CLOCK=${name}: not one of ${Object.keys(TEST_CLOCKS).join(', ')}`);
  return name as TestClockName;
}

/** The clock this run of the suite is under. */
export const TEST_CLOCK: TestClockName = selectedClock();
const VIRTUAL_OFFSET = Date.parse(TEST_CLOCKS[TEST_CLOCK]) - Date.now();

/** The test's "now": the matrix instant plus the real time gone since this file started. */
export function testNow(): number {
  return Date.now() + VIRTUAL_OFFSET;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The build under test; helpers working in parallel can point TAVLA_DIST at their own build. */
export const DIST = process.env.TAVLA_DIST ?? join(import.meta.dirname, '..', '..', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

/**
 * A static server for dist/ with SPA fallback. The sync server (src/server)
 * serves the app the same way in production; e2e tests of the board itself
 * need no API, so they use this small server and start in milliseconds.
 */
export async function serveDist(dir: string = DIST): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} has no index.html: run \`npm run build\` first`);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file.endsWith('sw.js') ? 'no-cache' : 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** `extraArgs`: more Chromium switches, e.g. a fake microphone for recording tests. */
export async function launch(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A fresh context in Stockholm under the test clock. `at`: start this
 * context's clock at another instant (a rollover test) instead of testNow().
 */
export async function newSession(browser: Browser, viewport = { width: 1280, height: 800 }, at?: number | string, serviceWorkers: 'allow' | 'block' = 'allow'): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: TIME_ZONE, serviceWorkers });
  await context.clock.install({ time: at ?? testNow() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

export interface BrowserFixture {
  /** The shared browser (available once the file's beforeAll has run). */
  readonly browser: Browser;
  /** The base URL of the served build. */
  readonly url: string;
  /** A fresh session; after the test its page must have had no uncaught errors, and its context is closed. */
  session(viewport?: { width: number; height: number }, at?: number | string, serviceWorkers?: 'allow' | 'block'): Promise<Session>;
}

/**
 * The usual e2e file setup: one browser and one static server for the whole
 * file (`extraArgs`: more Chromium switches), and after each test every
 * session it opened is checked for uncaught page errors and closed.
 */
export function useBrowser(extraArgs: readonly string[] = []): BrowserFixture {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  const open: Session[] = [];
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(extraArgs), serveDist()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    for (const s of open.splice(0)) {
      expect(s.errors, 'uncaught page errors').toEqual([]);
      await s.context.close();
    }
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowser: used before beforeAll ran');
    return value;
  };
  return {
    get browser() {
      return started(browser);
    },
    get url() {
      return started(server).url;
    },
    async session(viewport, at, serviceWorkers) {
      const s = await newSession(started(browser), viewport, at, serviceWorkers);
      open.push(s);
      return s;
    },
  };
}

/** Starts the demo from the welcome screen and waits for the board. */
export async function startDemo(page: Page, baseUrl: string, lang = 'en'): Promise<void> {
  await page.goto(`${baseUrl}/?lang=${lang}`);
  await page.getByRole('button', { name: lang === 'en' ? 'Try the demo' : 'Prova demo' }).click();
  const attendance = page.getByRole('region', { name: lang === 'en' ? 'Attendance' : 'Närvaro' });
  await attendance.waitFor();
  // the demo's people are on the board (their faces), not just the empty frame
  await attendance.locator('img').nth(2).waitFor();
  // and its past days are stored too (src/setup/Setup.tsx writes them after opening the board)
  await page.waitForFunction(() => !('demoSeeding' in document.documentElement.dataset));
}

/**
 * Waits until every board section of the live board has its data: while a section's rows load,
 * its count is an empty placeholder marked aria-busy (reading it then would compare against
 * nothing); the picture of the board painted before the app loads (data-board-snapshot,
 * src/core/snapshot.ts) is not the live board.
 */
export async function boardLoaded(page: Page): Promise<void> {
  await page.locator('.board-section').nth(4).waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-board-snapshot]') && document.querySelectorAll('.board-section').length >= 5 && document.querySelectorAll('.board-section [aria-busy="true"]').length === 0,
  );
}

/** Unlocks supervisor mode with the PIN pad. */
export async function unlock(page: Page, pin = '1234'): Promise<void> {
  await page.getByRole('button', { name: 'Unlock' }).first().click();
  for (const d of pin) await page.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('link', { name: 'Manage' }).waitFor();
}

/** Runs axe-core in the page and returns serious and critical violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  const source = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    // judge the settled page: a notice fading in (opacity animation) has, for 200 ms, text too
    // faint for any contrast rule; finite animations are finished first (never the endless ones)
    for (const a of document.getAnimations()) if (a.effect?.getComputedTiming().iterations !== Infinity) a.finish();
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The real Tavla server (embedded PGlite in memory) serving dist/ and the API. */
export async function serveWithServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { buildApp } = await import('../../src/server/app');
  const { openPglite } = await import('../../src/server/db/pglite');
  const { migrate } = await import('../../src/server/db/migrate');
  const db = await openPglite();
  await migrate(db);
  // the server's "now" is the test clock too: a device is never minutes ahead of it
  const app = await buildApp({ db, staticDir: DIST, rateLimit: false, now: testNow });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** The wall tablets every screen must fit: small landscape, common landscape, portrait. */
export const TABLET_SIZES = [
  { width: 1024, height: 600 },
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;

/**
 * Pages and their sizes in a PDF: each page object's MediaBox, in points.
 * Chromium (Skia) writes page objects uncompressed, so reading them needs no PDF library.
 */
export function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const pages: { width: number; height: number }[] = [];
  for (const [, body] of pdf.toString('latin1').matchAll(/\d+ 0 obj\s*([\s\S]*?)endobj/g)) {
    if (!/\/Type\s*\/Page(?![s\w])/.test(body!)) continue;
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(body!);
    if (box) pages.push({ width: Number(box[1]), height: Number(box[2]) });
  }
  return pages;
}
