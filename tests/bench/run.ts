/**
 * `npm run bench`: loads one busy year (tests/bench/dataset.ts) into IndexedDB
 * in headless Chromium and measures the board the way a wall tablet sees it:
 *
 * - initial JS (gzip) actually fetched for the board route;
 * - navigation → board fully rendered (performance mark set by Home when every
 *   section's first live-query result is on screen), warm service worker;
 * - check-in tap → face updated (median, p95 of 50 taps);
 * - JS heap after rendering (after a forced GC).
 *
 * Prints a table with the targets. Benchmarks measure; they do not assert.
 */
import { median, p95 } from './stats';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { toIsoDate } from '../../src/domain/dates';
import { launch, serveDist, serveWithServer } from '../e2e/harness';
import { benchSession as newSession } from './session';
import { oneYear } from './dataset';
import { putRows, waitForDerived } from './seed';
import { benchReports } from './reports';
import { benchAccess } from './access';
import { benchLighthouse } from './lighthouse';


async function main() {
  const [browser, server] = await Promise.all([launch(), serveDist()]);
  const { page, context } = await newSession(browser);
  const jsBytes = new Map<string, Buffer>();
  page.on('response', async (res) => {
    const url = res.url();
    if (url.endsWith('.js') && !url.endsWith('/sw.js') && !url.includes('workbox-')) {
      try {
        jsBytes.set(url, await res.body());
      } catch {
        /* served from the service worker: counted on the first load */
      }
    }
  });

  // First load creates the schema; then the data set goes in raw, in one transaction per table.
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'tavla')));
  const data = oneYear(toIsoDate(new Date()));
  const seedStart = Date.now();
  await putRows(page, data);
  const seedMs = Date.now() - seedStart;

  // Warm the service worker: wait until it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await waitForDerived(page);
  const initialJs = [...jsBytes.values()].reduce((sum, b) => sum + gzipSync(b).length, 0);
  const initialFiles = jsBytes.size;
  // The critical part: scripts that had arrived when the board was first on screen
  // (the rest — sync, retention sweep, lazy screens — loads after the first render).
  const critical = await criticalJs(context, server.url, jsBytes);

  const renders: number[] = [];
  for (let i = 0; i < 7; i++) {
    await page.reload();
    const t = await page.waitForFunction(() => performance.getEntriesByName('tavla:board-ready')[0]?.startTime, undefined, { timeout: 30_000 });
    renders.push((await t.jsonValue()) as number);
  }

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;

  await page.goto(`${server.url}/attendance`);
  await page.locator('.face-button').first().waitFor();
  const taps: number[] = await page.evaluate(async () => {
    const out: number[] = [];
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('.face-button')].slice(0, 50);
    for (const btn of buttons) {
      // the face shows its status, or (board check-in) is replaced by its confirmation with the status
      const face = btn.parentElement!;
      const changed = new Promise<number>((resolve) => {
        const obs = new MutationObserver(() => {
          if (face.querySelector('.status-present, .status-late')) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        obs.observe(face, { attributes: true, attributeFilter: ['class'], childList: true, subtree: true });
      });
      const t0 = performance.now();
      btn.click();
      out.push((await changed) - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  });

  // reports, trends, backup: own contexts (see reports.ts)
  const reportRows = await benchReports(browser, server.url);
  // speech, language switch, accessibility code share (see access.ts)
  const accessRows = await benchAccess(browser, server.url);

  await browser.close();
  await server.close();

  // Lighthouse (mobile preset) against the real server: compression and cache headers included
  const real = await serveWithServer();
  let lighthouseRows: [string, string, string][];
  try {
    lighthouseRows = await benchLighthouse(real.url);
  } finally {
    await real.close();
  }

  const rows: [string, string, string][] = [
    ['initial JS of the board route (gzip), all fetched on first load', `${(initialJs / 1024).toFixed(1)} KB in ${initialFiles} files`, '≤ 60 KB'],
    ['… of which needed before the board is on screen', `${(critical.bytes / 1024).toFixed(1)} KB in ${critical.files} files`, '≤ 60 KB'],
    ['navigation → board rendered (median of 7)', `${median(renders).toFixed(0)} ms (min ${Math.min(...renders).toFixed(0)}, max ${Math.max(...renders).toFixed(0)})`, '≤ 400 ms'],
    ['check-in tap → UI updated, median', `${median(taps).toFixed(1)} ms`, ''],
    ['check-in tap → UI updated, p95 (50 taps)', `${p95(taps).toFixed(1)} ms`, '≤ 50 ms'],
    ['JS heap after rendering', `${(heap / 1024 / 1024).toFixed(1)} MB`, '≤ 30 MB'],
    ['seed one year (26,000 rows, raw IndexedDB)', `${seedMs} ms`, ''],
    ...reportRows,
    ...accessRows,
    ...lighthouseRows,
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`\n${'measure'.padEnd(w0)} | ${'result'.padEnd(w1)} | target`);
  console.log(`${'-'.repeat(w0)}-|-${'-'.repeat(w1)}-|-------`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)} | ${b.padEnd(w1)} | ${c}`);
}

/** JS (gzip) the page had fetched by the time the board-ready mark was set (a new page of the seeded context). */
async function criticalJs(context: BrowserContext, baseUrl: string, bodies: Map<string, Buffer>) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  const urls = (await (
    await page.waitForFunction(
      () => {
        const ready = performance.getEntriesByName('tavla:board-ready')[0]?.startTime;
        if (ready === undefined) return undefined;
        return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => r.name.endsWith('.js') && r.responseEnd <= ready)
          .map((r) => r.name);
      },
      undefined,
      { timeout: 30_000 },
    )
  ).jsonValue()) as string[];
  await page.close();
  const path = (u: string) => new URL(u).pathname;
  const byPath = new Map([...bodies].map(([u, b]) => [path(u), b]));
  const files = [...new Set(urls.map(path))].filter((p) => byPath.has(p));
  return { files: files.length, bytes: files.reduce((sum, p) => sum + gzipSync(byPath.get(p)!).length, 0) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
