/**
 * Just the import row of `npm run bench`, in rounds: `tsx tests/bench/import.ts [<name>=<dist dir> …]`
 * (default: TAVLA_DIST or dist/). Seeds one year (reports.ts `seed`) and exports it once with the first
 * build (or takes BENCH_IMPORT_FILE), then imports that same file on a fresh tablet ROUNDS times
 * (default 5), the builds in turns, and prints each build's median and spread. Asserts nothing.
 */
import { copyFileSync } from 'node:fs';
import { toIsoDate } from '../../src/domain/dates';
import { DIST, launch, serveDist, unlock } from '../e2e/harness';
import { importBackup, seed } from './reports';
import { benchSession, buildsFromArgs } from './session';
import { median } from './stats';

const builds = buildsFromArgs();
if (!builds.length) builds.push({ name: 'dist', dir: DIST });
const rounds = Number(process.env.ROUNDS ?? 5);
const browser = await launch();
const servers = await Promise.all(builds.map((b) => serveDist(b.dir)));
try {
  let file = process.env.BENCH_IMPORT_FILE;
  if (!file) {
    const { page, context } = await benchSession(browser);
    await seed(page, servers[0]!.url, toIsoDate(new Date()));
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).first().click();
    await page.getByRole('link', { name: 'Backup' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Save a backup' }).click()]);
    file = '/tmp/tavla-bench-import.zip';
    copyFileSync((await download.path())!, file);
    await context.close();
    console.error(`import bench: exported to ${file}`);
  }
  const runs = builds.map(() => [] as { total: number; decode: number; store: number; board: number }[]);
  for (let r = 0; r < rounds; r++) {
    for (const [i, b] of builds.entries()) {
      const { page, context } = await benchSession(browser);
      try {
        const { importMs, phases, imported } = await importBackup(page, servers[i]!.url, file);
        runs[i]!.push({ total: importMs, ...phases });
        console.error(`${b.name} #${r + 1}: ${importMs} ms (decode ${phases.decode.toFixed(0)}, store ${phases.store.toFixed(0)}, then board ${phases.board.toFixed(0)}) ${JSON.stringify(imported)}`);
      } finally {
        await context.close();
      }
    }
  }
  for (const [i, b] of builds.entries()) {
    const pick = (k: 'total' | 'decode' | 'store' | 'board') => runs[i]!.map((x) => x[k]);
    const fmt = (k: 'total' | 'decode' | 'store' | 'board') => `${median(pick(k)).toFixed(0)} ms [${Math.min(...pick(k)).toFixed(0)}–${Math.max(...pick(k)).toFixed(0)}]`;
    console.log(`${b.name}: import ${fmt('total')}, decode ${fmt('decode')}, store ${fmt('store')}, stored → board ${fmt('board')}`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
