/**
 * Bench rows for "everyone can use the board" (issue 4), in headless Chromium:
 *
 * - tap → speech requested: from a tap on a board section title to the
 *   `speechSynthesis.speak` call (a spy records performance.now(); headless
 *   Chromium has no voices, so the spy also supplies a Swedish one);
 * - language switch → board fully re-rendered: from the tap on a language in
 *   the picker to every section title showing the new language;
 * - the share of the board's initial JS that is speech, kiosk and own-page
 *   code, estimated from the build's source maps (each initial chunk's gzip
 *   size split by its modules' share of the chunk's source text).
 */
import { median, p95 } from './stats';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DIST, newSession, startDemo } from '../e2e/harness';


// Plain script text, not a function: tsx adds name helpers to functions that don't exist in the page.
const SPY = `
  (() => {
    const calls = [];
    window.__speakCalls = calls;
    const voice = { name: 'Bench sv', lang: 'sv-SE', default: true, localService: true, voiceURI: 'bench-sv' };
    const synth = window.speechSynthesis;
    synth.getVoices = () => [voice];
    synth.cancel = () => undefined;
    synth.speak = (u) => {
      calls.push(performance.now());
      setTimeout(() => {
        u.onstart && u.onstart(new Event('start'));
        u.onend && u.onend(new Event('end'));
      }, 5);
    };
  })();
`;

export async function benchAccess(browser: Browser, baseUrl: string): Promise<[string, string, string][]> {
  const s = await newSession(browser);
  await s.context.addInitScript({ content: SPY });
  await startDemo(s.page, baseUrl, 'sv');
  // a fresh load of the board, so nothing from the demo's creation is still navigating
  await s.page.goto(`${baseUrl}/`);
  await s.page.getByRole('region', { name: 'Närvaro' }).waitFor();
  await s.page.waitForTimeout(500);

  // tap → speech requested (20 taps on the section titles)
  const speech: number[] = await s.page.evaluate(async () => {
    const out: number[] = [];
    const calls = (window as unknown as { __speakCalls: number[] }).__speakCalls;
    // the titles open their sections; keep the board on screen (speech listens before the router)
    window.addEventListener('click', (e) => e.preventDefault(), true);
    const titles = [...document.querySelectorAll<HTMLElement>('section[aria-labelledby] h2, section[aria-label] h2')];
    for (let i = 0; i < 20 && titles.length > 0; i++) {
      const before = calls.length;
      const t0 = performance.now();
      titles[i % titles.length]!.click();
      const deadline = t0 + 2000;
      while (calls.length === before && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
      if (calls.length > before) out.push(calls[calls.length - 1]! - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  });

  // language switch → board re-rendered (sv ⇄ en, 6 switches)
  const switches: number[] = [];
  for (let i = 0; i < 6; i++) {
    const to = i % 2 === 0 ? { name: 'English', title: 'Attendance' } : { name: 'Svenska', title: 'Närvaro' };
    await s.page.getByRole('button', { name: /Språk|Language/ }).first().click();
    const option = s.page.getByRole('button', { name: to.name, exact: true });
    await option.waitFor();
    const ms = await option.evaluate(
      (btn, title) =>
        new Promise<number>((resolve) => {
          const t0 = performance.now();
          // (no named inner functions here: the bench runs through tsx, whose helpers don't exist in the page)
          const obs = new MutationObserver(() => {
            const names = [...document.querySelectorAll('[role=region], section[aria-labelledby]')].map((r) => r.textContent ?? '');
            if (names.some((n) => n.includes(title))) {
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, characterData: true });
          (btn as HTMLButtonElement).click();
        }),
      to.title,
    );
    switches.push(ms);
    await s.page.waitForTimeout(100);
  }
  await s.context.close();

  return [
    ['tap → speech requested, median / p95 (20 taps)', speech.length ? `${median(speech).toFixed(1)} / ${p95(speech).toFixed(1)} ms` : 'no speech', '≤ 100 ms'],
    ['language switch → board re-rendered, median (6)', `${median(switches).toFixed(0)} ms (max ${Math.max(...switches).toFixed(0)})`, '≤ 200 ms'],
    ['speech + kiosk + own-page code in the initial JS (≈ gzip)', initialShare(/src\/(speech|kiosk|board\/me|core\/speech)\/|src\/core\/sound\.ts|src\/core\/board\/PicturePin/), '≤ 10 KB'],
  ];
}

/** ≈ gzip bytes of the initial chunks' modules whose path matches `re`. */
function initialShare(re: RegExp): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let total = 0;
  let maps = 0;
  for (const file of files) {
    const path = join(DIST, 'assets', file);
    const gz = gzipSync(readFileSync(path)).length;
    const mapPath = `${path}.map`;
    if (!existsSync(mapPath)) continue;
    maps += 1;
    const map = JSON.parse(readFileSync(mapPath, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
    const sizes = map.sources.map((src, i) => ({ src, size: map.sourcesContent?.[i]?.length ?? 0 }));
    const all = sizes.reduce((a, b) => a + b.size, 0) || 1;
    const mine = sizes.filter((x) => re.test(x.src)).reduce((a, b) => a + b.size, 0);
    total += (gz * mine) / all;
  }
  if (maps === 0) return `n/a (build without source maps; ${readdirSync(join(DIST, 'assets')).length} assets)`;
  return `≈ ${(total / 1024).toFixed(1)} KB`;
}
