/**
 * A browser session for benchmarks: like the e2e harness's `newSession`
 * (Stockholm, en-GB) but on the real clock. Playwright's installed clock
 * replaces `performance` with a fake whose marks are never recorded, and the
 * benches time the app by its `performance.mark`s (`tavla:board-ready`,
 * `tavla:trends-ready`, …): with the fake clock they would wait forever.
 */
import type { Browser } from 'playwright-core';
import { TIME_ZONE, type Session } from '../e2e/harness';

export async function benchSession(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: TIME_ZONE });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** The builds a comparison names on its command line, `<name>=<dist dir> …` (board-ab.ts, import.ts). */
export function buildsFromArgs(args: readonly string[] = process.argv.slice(2)): { name: string; dir: string }[] {
  return args.map((a) => {
    const [name, dir] = a.split('=');
    if (!name || !dir) throw new Error(`expected <name>=<dist dir>, got ${a}`);
    return { name, dir };
  });
}
