/**
 * `npm run bench:lighthouse` (also part of `npm run bench`): Lighthouse
 * 12.2.3, mobile preset (simulated slow 4G, 4× CPU), against the real Tavla
 * server (Fastify serving dist/ with its precompressed assets and cache
 * headers, PGlite in memory), in Debian's Chromium (`CHROME_PATH`, default
 * /usr/bin/chromium). Prints a table; benchmarks measure, they don't assert.
 *
 * - welcome page: a first visit (`/`, clean profile): performance, first and
 *   largest contentful paint, accessibility, best practices;
 * - board with the demo: the demo is started through the welcome page
 *   ("Try the demo"), then the service worker, its caches and the HTTP cache
 *   are cleared (IndexedDB and localStorage are kept, so `/` is the demo board,
 *   first painted from the snapshot the board saved) and `/` is audited: the
 *   board loaded over the network, as after a cleared cache.
 * - JS on the wire for the first visit (what the server sent, compressed).
 */
import lighthouse, { type Flags } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import { serveWithServer } from '../e2e/harness';

type Row = [string, string, string];

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Audit {
  performance: number;
  accessibility: number;
  bestPractices: number;
  fcp: number;
  lcp: number;
  tbt: number;
  jsWire: number;
  jsFiles: number;
}

async function audit(url: string, port: number, keepStorage: boolean): Promise<Audit> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    disableStorageReset: keepStorage,
    formFactor: 'mobile',
    throttlingMethod: 'simulate',
  };
  const result = await lighthouse(url, flags);
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const items = (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const scripts = items.filter((i) => i.resourceType === 'Script' && !i.url.endsWith('/sw.js'));
  return {
    performance: lhr.categories.performance?.score ?? NaN,
    accessibility: lhr.categories.accessibility?.score ?? NaN,
    bestPractices: lhr.categories['best-practices']?.score ?? NaN,
    fcp: lhr.audits['first-contentful-paint']?.numericValue ?? NaN,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
    jsWire: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
    jsFiles: scripts.length,
  };
}

/** Starts the demo through the welcome page, then drops the service worker and its caches (not IndexedDB). */
async function startDemo(url: string, port: number): Promise<void> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}/`, { waitUntil: 'networkidle0' });
    // "Try the demo" (the welcome page is in Swedish, the default language)
    const demo = await page.waitForSelector('button[aria-describedby="setup-demo-text"]', { timeout: 30_000 });
    if (!demo) throw new Error('no "Try the demo" button on the welcome page');
    await demo.click();
    // the board's attendance section with the demo's people (their faces), as the e2e harness waits for
    await page.waitForSelector('section.section-attendance img:nth-of-type(1)', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelectorAll('section.section-attendance img').length >= 3, { timeout: 60_000 });
    // the demo's past days are written once the board is on screen (src/setup/Setup.tsx): the audited board has them all
    await page.waitForFunction(() => !('demoSeeding' in document.documentElement.dataset), { timeout: 60_000 });
    // a tablet that has shown the board keeps its picture for the next start (src/core/snapshot.ts)
    await page.waitForFunction(() => localStorage.getItem('tavla:board-snapshot') !== null, { timeout: 30_000 }).catch(() => undefined);
    await page.evaluate(async () => {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      for (const k of await caches.keys()) await caches.delete(k);
    });
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await page.close();
  } finally {
    await browser.disconnect();
  }
}

export async function benchLighthouse(url: string): Promise<Row[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const welcome = await audit(`${url}/`, chrome.port, false);
    await startDemo(url, chrome.port);
    const board = await audit(`${url}/`, chrome.port, true);
    const s = (n: number) => `${(n / 1000).toFixed(1)} s`;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    return [
      ['Lighthouse mobile performance, welcome / board with the demo', `${welcome.performance.toFixed(2)} / ${board.performance.toFixed(2)}`, '≥ 0.95 both'],
      ['first contentful paint (Lighthouse mobile), welcome / board', `${s(welcome.fcp)} / ${s(board.fcp)}`, '≤ 1.5 s'],
      ['largest contentful paint (Lighthouse mobile), welcome / board', `${s(welcome.lcp)} / ${s(board.lcp)}`, ''],
      ['total blocking time (Lighthouse mobile), welcome / board', `${welcome.tbt.toFixed(0)} ms / ${board.tbt.toFixed(0)} ms`, ''],
      ['accessibility / best practices (welcome)', `${welcome.accessibility.toFixed(2)} / ${welcome.bestPractices.toFixed(2)}`, ''],
      ['JS on the wire, first visit (welcome)', `${kb(welcome.jsWire)} in ${welcome.jsFiles} files`, '≤ 70 KB'],
      ['JS on the wire, board with the demo (no service worker)', `${kb(board.jsWire)} in ${board.jsFiles} files`, ''],
    ];
  } finally {
    chrome.kill();
  }
}

function printTable(rows: Row[]) {
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${'measure'.padEnd(w0)} | ${'result'.padEnd(w1)} | target`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-------`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const server = await serveWithServer();
  try {
    printTable(await benchLighthouse(server.url));
  } finally {
    await server.close();
  }
}
