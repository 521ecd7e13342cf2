/**
 * `npm run bench:ab -- <name>=<dist dir> …`: the live board with a year of data
 * (the `npm run bench` row), measured for two or more builds in turns on the
 * same machine, so a change is judged against noise rather than against a
 * figure measured on another day. Each build gets its own browser context
 * (own origin, own IndexedDB), seeded the same way; then rounds alternate
 * between the builds: unthrottled and at 4× CPU.
 *
 * Environment: N1 (loads per round unthrottled, default 3), N4 (at 4×, default 2),
 * ROUNDS (default 4). Prints medians and spreads; asserts nothing.
 */
import type { Page } from 'playwright-core';
import { toIsoDate } from '../../src/domain/dates';
import { launch, serveDist } from '../e2e/harness';
import { benchSession, buildsFromArgs } from './session';
import { oneYear } from './dataset';
import { putRows, waitForDerived } from './seed';
import { median } from './stats';

/** The board's snapshot saved again (a build with snapshots saves one a second after the board is ready); true if it was. */
async function snapshotSaved(page: Page): Promise<boolean> {
  return page.waitForFunction(() => localStorage.getItem('tavla:board-snapshot') !== null, undefined, { timeout: 20_000 }).then(() => true, () => false);
}

/** `snapshots`: the build saves a board snapshot, to be waited for before the next load (an older build saves none). */
async function boardLoad(page: Page, snapshots = true): Promise<number> {
  await page.reload();
  const t = await page.waitForFunction(() => performance.getEntriesByName('tavla:board-ready')[0]?.startTime, undefined, { timeout: 60_000 });
  const ms = (await t.jsonValue()) as number;
  if (snapshots) await snapshotSaved(page);
  return ms;
}

async function main() {
  const builds = buildsFromArgs();
  if (!builds.length) throw new Error('usage: npm run bench:ab -- base=<dist> new=<dist>');
  const n1 = Number(process.env.N1 ?? 3);
  const n4 = Number(process.env.N4 ?? 2);
  const rounds = Number(process.env.ROUNDS ?? 4);
  const browser = await launch();
  const runs = [];
  for (const b of builds) {
    const server = await serveDist(b.dir);
    const url = server.url;
    const { page, context } = await benchSession(browser);
    await page.goto(`${url}/attendance`);
    await page.waitForFunction(() => indexedDB.databases().then((dbs) => dbs.some((d) => d.name === 'tavla')));
    await putRows(page, oneYear(toIsoDate(new Date())));
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.reload();
    await waitForDerived(page);
    await boardLoad(page, false);
    // a build from before the snapshot (src/core/snapshot.ts) never saves one: no 20 s wait after each of its loads
    const snapshots = await snapshotSaved(page);
    const cdp = await context.newCDPSession(page);
    runs.push({ ...b, page, cdp, server, snapshots, one: [] as number[], four: [] as number[] });
    console.error(`ab: ${b.name} seeded${snapshots ? '' : ' (saves no board snapshot)'}`);
  }
  for (let r = 0; r < rounds; r++) {
    for (const run of runs) {
      for (let i = 0; i < n1; i++) run.one.push(await boardLoad(run.page, run.snapshots));
      await run.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      try {
        for (let i = 0; i < n4; i++) run.four.push(await boardLoad(run.page, run.snapshots));
      } finally {
        await run.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      }
    }
    console.error(`ab: round ${r + 1}/${rounds}`);
  }
  await browser.close();
  await Promise.all(runs.map((run) => run.server.close()));
  const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}, n ${xs.length})`;
  console.log(`\nbuild | live board, 1× | live board, 4× CPU`);
  console.log(`------|----------------|-------------------`);
  for (const run of runs) console.log(`${run.name} | ${fmt(run.one)} | ${fmt(run.four)}`);
}

await main();
