/**
 * `tsx tests/bench/demo-trace.ts`: one 'Try the demo' run at 4× CPU with a CDP performance trace
 * (TRACE_OUT, default /tmp/demo-trace.json), against dist (TAVLA_DIST) — to see where the time goes.
 */
import { writeFileSync } from 'node:fs';
import { launch, serveDist } from '../e2e/harness';
import { benchSession } from './session';

const [browser, server] = await Promise.all([launch(), serveDist(process.env.TAVLA_DIST ?? 'dist')]);
try {
  const rate = Number(process.env.CPU ?? 4);
  const { context, page } = await benchSession(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${server.url}/`);
  await page.locator('button[aria-describedby="setup-demo-text"]').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  if (!process.env.NOTRACE) await browser.startTracing(page, { screenshots: false, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'loading', 'blink', 'v8'] });
  const ms = await page.evaluate(async () => {
    const btn = document.querySelector<HTMLButtonElement>('button[aria-describedby="setup-demo-text"]')!;
    const t0 = performance.now();
    performance.mark('demo:click');
    btn.click();
    for (;;) {
      const img = document.querySelector<HTMLImageElement>('section.section-attendance img.face');
      if (img && img.complete && img.naturalWidth > 0 && !img.closest('[data-board-snapshot]')) { performance.mark('demo:face'); return performance.now() - t0; }
      if (performance.now() - t0 > 60_000) return NaN;
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)}`));
  if (!process.env.NOTRACE) writeFileSync(process.env.TRACE_OUT ?? '/tmp/demo-trace.json', await browser.stopTracing());
  console.log('ms', ms.toFixed(0));
  console.log(marks.join('\n'));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
