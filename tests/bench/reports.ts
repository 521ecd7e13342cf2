/**
 * Bench rows for the supervisor's reports (called by run.ts; also runnable
 * alone: `tsx tests/bench/reports.ts`, with TAVLA_DIST pointing at a build).
 *
 * In a fresh browser context it loads the one-year data set (dataset.ts)
 * plus what the year lacks for these screens — a known supervisor PIN, 250
 * ended morning meetings, and 200 photos (50 faces, 150 deviation photos, of
 * incompressible bytes like JPEGs, ~120 KB each) — then measures in real
 * Chromium, through the UI:
 *
 * - opening the trends screen: tap on the hub tile → every trend series
 *   computed from IndexedDB and the charts in the DOM (`tavla:trends-ready`),
 *   first and median of the next opens. The tap comes 0.5 s after the hub is
 *   on screen, as a person's would (finding the tile): the hub reads the
 *   trends' data and fetches the screen's code while it is shown. The first
 *   open is timed again, after a reload, with the tap in the hub's first frame
 *   (nothing read or fetched yet: the worst case);
 * - the attendance report for 50 people × 12 months: changing the period →
 *   report computed and rendered (`tavla:report-ready`), first (cold, after a
 *   reload) and median of the next changes;
 * - exporting the whole workplace (tap → download handed over) with the file
 *   size, and importing that file on a fresh tablet (file chosen → board shown).
 */
import { median } from './stats';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { addDays, isoWeekday, toIsoDate } from '../../src/domain/dates';
import { hashPin } from '../../src/domain/pin';
import { launch, serveDist, unlock } from '../e2e/harness';
import { benchSession as newSession } from './session';
import { oneYear } from './dataset';
import { putRows, waitForDerived } from './seed';

const PHOTOS = 200;
/** how long the bench looks at the Manage hub before tapping a tile: a person finding it */
const HUB_DWELL_MS = 500;
const PHOTO_BYTES = 120 * 1024;

type Row = [string, string, string];

export async function seed(page: Page, baseUrl: string, today: string) {
  // a board route, not `/` (the light welcome of a first visit opens no database): the whole app creates the schema
  await page.goto(`${baseUrl}/attendance?lang=en`);
  await page.waitForFunction(() => indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'tavla')));
  const data = oneYear(today);
  const { hash, salt } = await hashPin('1234');
  const wp = data.tables.workplaces![0]!;
  Object.assign(wp, { pinHash: hash, pinSalt: salt, meetingTargetMinutes: 15 });
  const now = Date.now();
  const stamp = Object.values(wp._clock as Record<string, string>)[0]!;
  const meetings: Record<string, unknown>[] = [];
  for (let d = 1; meetings.length < 250; d++) {
    const date = addDays(today, -d);
    if (isoWeekday(date) > 5) continue;
    const startedAt = Date.parse(`${date}T07:00:00Z`);
    const minutes = 9 + ((meetings.length * 7) % 13);
    const fields = { date, startedAt, endedAt: startedAt + minutes * 60_000, attendees: [], steps: [], current: 0, decisions: [], targetMinutes: 15, createdAt: now, updatedAt: now, deleted: 0 };
    meetings.push({ id: `m-${meetings.length}`, workplaceId: data.workplaceId, ...fields, _clock: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])) });
  }
  data.tables.meetings = meetings;
  await putRows(page, { ...data, photos: PHOTOS, photoBytes: PHOTO_BYTES });
  await page.reload();
  await page.getByRole('region', { name: 'Attendance' }).waitFor({ timeout: 60_000 });
  await waitForDerived(page);
}

/** Runs `act` in the page and returns ms from just before it until the performance mark appears. */
async function timeToMark(page: Page, mark: string, act: string): Promise<number> {
  return page.evaluate(
    async ({ mark, act }) => {
      performance.clearMarks(mark);
      const t0 = performance.now();
      new Function(act)();
      for (;;) {
        const entry = performance.getEntriesByName(mark)[0];
        if (entry) return entry.startTime - t0;
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    { mark, act },
  );
}

const clickLink = (name: string) => `[...document.querySelectorAll('a')].find((a) => a.getAttribute('aria-label') === ${JSON.stringify(name)}).click()`;

export interface ImportRun {
  importMs: number;
  /** file chosen → the earlier days' marks stored too (the staged restore's second step done) */
  allStoredMs: number;
  phases: { decode: number; store: number; board: number };
  imported: { attendance: number; blobs: number; outbox: number; queued: number };
}

/**
 * Imports the backup `file` on a fresh tablet (`page`: a new context, nothing stored): choose the file → the
 * board is there. Also used by import.ts (`tsx tests/bench/import.ts`) to time just this, in rounds.
 */
export async function importBackup(page: Page, baseUrl: string, file: string): Promise<ImportRun> {
  // The file goes in by its path, as a tablet's file picker hands it over: given as a buffer,
  // Playwright would first decode ~25 MB of base64 inside the page (4–6 s counted as import).
  await page.goto(`${baseUrl}/?lang=en`);
  await page.getByRole('link', { name: 'Restore from a backup' }).click();
  const named = join(mkdtempSync(join(tmpdir(), 'tavla-bench-')), 'backup.zip');
  copyFileSync(file, named);
  const t1 = Date.now();
  await page.getByLabel('Choose file').setInputFiles(named);
  await page.getByRole('region', { name: 'Attendance' }).waitFor({ timeout: 300_000 });
  const importMs = Date.now() - t1;
  // a string, not a function: tsx would wrap a callback's inner functions in a __name() the page does not have
  const [start, decoded, stored, board] = (await page.evaluate(
    `['tavla:import-start', 'tavla:import-decoded', 'tavla:import-stored', 'tavla:board-ready'].map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN)`,
  )) as number[];
  const phases = { decode: decoded! - start!, store: stored! - decoded!, board: board! - stored! };
  // the past days' marks are stored after the board (src/data/repos/backup.ts): counted once they are
  await page.waitForFunction(() => !('restoring' in document.documentElement.dataset), undefined, { timeout: 60_000, polling: 50 });
  const allStoredMs = Date.now() - t1;
  const imported = await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve) => {
      const req = indexedDB.open('tavla');
      req.onsuccess = () => resolve(req.result);
    });
    // (no named helpers in here: tsx would wrap them in a __name() the page does not have)
    const out: Record<string, number> = {};
    for (const name of ['attendance', 'blobs', 'outbox']) {
      out[name] = await new Promise<number>((resolve) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
    }
    // restored rows wait in a restore queue (src/data/restoreQueue.ts) and become outbox ops as they are pushed
    out.queued = await new Promise<number>((resolve) => {
      const req = db.transaction('meta').objectStore('meta').getAll(IDBKeyRange.bound('restoreQueue:', 'restoreQueue:\uffff'));
      req.onsuccess = () => resolve(req.result.reduce((n: number, e: { value: { remaining: number } }) => n + e.value.remaining, 0));
    });
    db.close();
    return out as { attendance: number; blobs: number; outbox: number; queued: number };
  });
  return { importMs, allStoredMs, phases, imported };
}

export async function benchReports(browser: Browser, baseUrl: string): Promise<Row[]> {
  const today = toIsoDate(new Date());
  const a = await newSession(browser);
  const b = await newSession(browser);
  try {
    const { page } = a;
    const step = (m: string) => process.env.BENCH_DEBUG && console.error(`[reports bench] ${m}`);
    page.on('crash', () => console.error('[reports bench] page crashed'));
    await seed(page, baseUrl, today);
    step('seeded');
    await unlock(page);

    // trends: tap the tile on the hub until the charts are on screen
    const openTrends = async (dwellMs: number) => {
      await page.getByRole('link', { name: 'Manage' }).first().click();
      await page.getByRole('link', { name: 'Trends' }).waitFor();
      if (dwellMs > 0) await page.waitForTimeout(dwellMs);
      const ms = await timeToMark(page, 'tavla:trends-ready', clickLink('Trends'));
      step(`trends ${ms} (tap ${dwellMs} ms after the hub)`);
      await page.getByTestId('chart-attendance').waitFor();
      return ms;
    };
    const trends: number[] = [];
    for (let i = 0; i < 6; i++) trends.push(await openTrends(HUB_DWELL_MS));
    const charts = await page.locator('figure.chart svg[role="img"]').count();
    // the first open again in a fresh page, tapped at once
    await page.reload();
    await page.getByRole('region', { name: 'Attendance' }).waitFor({ timeout: 60_000 });
    await unlock(page);
    const trendsAtOnce = await openTrends(0);

    // attendance report: 50 people × 12 months, by changing the period's start;
    // after a reload, so the first change reads IndexedDB cold (the trends above warmed the cache)
    await page.reload();
    await page.getByRole('region', { name: 'Attendance' }).waitFor({ timeout: 60_000 });
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).first().click();
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'Choose dates' }).click();
    await page.locator('input[name="to"]').fill(today);
    const reports: number[] = [];
    for (let i = 0; i < 6; i++) {
      const from = addDays(today, -364 - (i % 2));
      reports.push(
        await timeToMark(
          page,
          'tavla:report-ready',
          `const el = document.querySelector('input[name="from"]'); el.value = ${JSON.stringify(from)}; el.dispatchEvent(new Event('change', { bubbles: true }));`,
        ),
      );
    }
    const reportPeople = await page.getByTestId('report-people').locator('tbody tr').count();
    const reportMarks = await page.getByTestId('report-months').locator('tbody tr').count();

    // export: tap → the browser gets the file
    await page.getByRole('link', { name: 'Manage' }).first().click();
    await page.getByRole('link', { name: 'Backup' }).click();
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Save a backup' }).click()]);
    const file = (await download.path())!;
    const exportMs = Date.now() - t0;
    const size = statSync(file).size;

    const { importMs, allStoredMs, phases, imported } = await importBackup(b.page, baseUrl, file);

    const mb = (size / 1024 / 1024).toFixed(1);
    return [
      [`open trends (1 year, ${charts} charts), tap 0.5 s after the hub: first / median of next 5`, `${trends[0]!.toFixed(0)} ms / ${median(trends.slice(1)).toFixed(0)} ms`, '≤ 500 ms'],
      ["… first open with the tap in the hub's first frame", `${trendsAtOnce.toFixed(0)} ms`, ''],
      [`attendance report ${reportPeople} people × ${reportMarks} months, first / median of next 5`, `${reports[0]!.toFixed(0)} ms / ${median(reports.slice(1)).toFixed(0)} ms`, '≤ 300 ms'],
      [`export whole workplace (${PHOTOS} photos)`, `${(exportMs / 1000).toFixed(1)} s, ${mb} MB`, ''],
      [`import it on a fresh tablet (${imported.attendance} marks, ${imported.blobs} photos, ${imported.outbox} ops + ${imported.queued} rows queued to sync)`, `${(importMs / 1000).toFixed(1)} s, ${mb} MB`, '≤ 3 s'],
      ["… until the earlier days' marks are stored too (they follow the board, src/data/repos/backup.ts)", `${(allStoredMs / 1000).toFixed(1)} s`, ''],
      ['… of which reading and checking the file / storing it', `${(phases.decode / 1000).toFixed(1)} s / ${(phases.store / 1000).toFixed(1)} s`, ''],
    ];
  } finally {
    await a.context.close();
    await b.context.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [browser, server] = await Promise.all([launch(), serveDist()]);
  try {
    for (const [m, r, t] of await benchReports(browser, server.url)) console.log(`${m} | ${r} | ${t}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
