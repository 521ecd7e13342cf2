/**
 * The morning meeting, history and the printed board in real Chromium:
 * a supervisor runs a whole meeting on the demo workplace (moving an idea
 * and closing a deviation in it, reloading half-way and landing back on the
 * same step), the meeting log shows it; a past day's board shows that day;
 * the board prints to a PDF.
 *
 * Headless Chromium has no voices, so a fake speechSynthesis (installed
 * before the app loads) lists one voice per language and records what it is
 * asked to say.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, pdfPages, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

/** A speechSynthesis with voices that says nothing and remembers every utterance. */
function fakeSpeech() {
  const w = window as unknown as { __spoken: { text: string; lang: string }[] };
  w.__spoken = [];
  const voices = [
    { name: 'Fake English', lang: 'en-GB', localService: true, default: true, voiceURI: 'fake-en' },
    { name: 'Fake Swedish', lang: 'sv-SE', localService: true, default: false, voiceURI: 'fake-sv' },
  ];
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices,
    speak(u: SpeechSynthesisUtterance) {
      w.__spoken.push({ text: u.text, lang: u.lang });
      setTimeout(() => u.onstart?.(new Event('start') as SpeechSynthesisEvent), 5);
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 20);
    },
    cancel() {},
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: { text: string }[] }).__spoken.map((x) => x.text));

/** The device's local date in the browser (Europe/Stockholm), as the board counts days. */
const browserDay = (page: Page, offset = 0) =>
  page.evaluate((off) => {
    const d = new Date();
    d.setDate(d.getDate() + off);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, offset);

async function enterPin(page: Page, pin = '1234') {
  const dialog = page.getByRole('dialog');
  for (const d of pin) await dialog.getByRole('button', { name: `Digit ${d}`, exact: true }).click();
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** A horizontal stroke with the mouse over the step: right to left = next page. */
async function swipe(page: Page, direction: 'next' | 'back') {
  const box = (await page.locator('.meeting-step').boundingBox())!;
  const y = box.y + Math.min(box.height / 2, 300);
  const [from, to] = direction === 'next' ? [box.x + box.width * 0.8, box.x + box.width * 0.2] : [box.x + box.width * 0.2, box.x + box.width * 0.8];
  await page.mouse.move(from, y);
  await page.mouse.down();
  await page.mouse.move((from + to) / 2, y + 5, { steps: 4 });
  await page.mouse.move(to, y + 8, { steps: 4 });
  await page.mouse.up();
}

describe('the morning meeting', () => {
  it('a supervisor runs a whole meeting, takes decisions in it, survives a reload, and finds it in the log', async () => {
    const s = await e2e.session();
    const { page } = s;
    await page.addInitScript(fakeSpeech);
    await startDemo(page, e2e.url);
    await unlock(page);
    await page.getByRole('link', { name: 'Start meeting' }).click();
    await page.getByRole('button', { name: 'Start meeting' }).click();
    const title = page.locator('#meeting-step-title');
    await expect.poll(() => title.textContent()).toBe('Attendance');
    expect(await page.getByRole('timer').count()).toBe(2);

    // every step can be read aloud
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => spoken(page)).toContain('Who is here today?');

    // attendance: Jonas is here
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Here', exact: true }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // safety: close the deviation that is being handled
    await expect.poll(() => title.textContent()).toBe('Safety and deviations');
    expect(await axeViolations(page), 'meeting screen').toEqual([]);
    await page.getByRole('button', { name: 'Move to Solved' }).first().click();
    // solving asks who does it and what is done (here: nobody chosen, no words) before it is saved
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await page.locator('.deviation-card.status-solved').getByText('We are out of detergent.').waitFor();

    // a swipe turns the page; then a reload in the middle of the meeting
    await swipe(page, 'next');
    await expect.poll(() => title.textContent()).toBe('Goals');
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(() => spoken(page)).toContain('How did yesterday go? What is the goal today?');
    await page.reload();
    await page.getByText('The meeting is on. Unlock to continue.').waitFor();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await enterPin(page);
    await expect.poll(() => title.textContent()).toBe('Goals');
    expect(await page.getByText('Step 3 of 6').isVisible()).toBe(true);

    // improvements: move an idea on
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => title.textContent()).toBe('Improvements');
    const planned = page.getByRole('region', { name: 'Planned' });
    const plannedBefore = await planned.getByRole('article').count();
    await page.getByRole('region', { name: 'Idea', exact: true }).getByRole('button', { name: 'Move to Planned' }).first().click();
    await expect.poll(() => planned.getByRole('article').count()).toBe(plannedBefore + 1);

    // today's work, then closing with the decisions, then end
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => title.textContent()).toBe("Today's work");
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => title.textContent()).toBe('Closing');
    const decisions = page.getByRole('list', { name: 'Decisions' });
    await decisions.getByText('Idea moved to Planned').waitFor();
    await decisions.getByText('Deviation: Solved').waitFor();
    await decisions.getByText('Attendance: Jonas – Here').waitFor();
    await page.getByRole('button', { name: 'End meeting' }).click();

    // the log
    await page.getByRole('heading', { name: 'Meeting log', level: 1 }).waitFor();
    const entry = page.getByRole('article').first();
    await entry.getByText('Idea moved to Planned').waitFor();
    await entry.getByText('Deviation: Solved').waitFor();
    expect(await entry.getByRole('list', { name: 'Attended' }).getByText('Jonas').isVisible()).toBe(true);
    expect(await entry.getByText(/\d+ of 15 min/).isVisible()).toBe(true);
    expect(await axeViolations(page), 'meeting log').toEqual([]);

    // the changes are on the board, not only in the log
    await page.goto(`${e2e.url}/deviations`);
    await page.getByRole('region', { name: 'Solved' }).getByText('We are out of detergent.').waitFor();
  });
});

describe('history', () => {
  it("a past day's board shows that day: someone checked in today is present today, not on another day", async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.getByRole('region', { name: 'Attendance' }).getByRole('link').first().click();
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByRole('status').getByText('Welcome, Jonas!', { exact: false }).waitFor();

    // open today's page from the calendar
    await page.goto(`${e2e.url}/`);
    await page.getByRole('link', { name: 'History' }).click();
    const calendar = page.getByRole('table', { name: 'Choose a day' });
    await calendar.locator('a[aria-current="date"]').click();
    const attendance = page.getByRole('region', { name: 'Attendance' });
    await attendance.getByText(/^Jonas: (Here|Late)$/).waitFor({ state: 'attached' });
    expect(await attendance.getByRole('link').count()).toBe(0);
    expect(await page.getByText('View only').isVisible()).toBe(true);
    expect(await axeViolations(page), 'history board').toEqual([]);

    // an open day three weeks back or more (before the demo's history): Jonas was not marked
    let back = 21;
    while ([0, 6].includes(new Date(`${await browserDay(page, -back)}T12:00:00Z`).getUTCDay())) back++;
    const earlier = await browserDay(page, -back);
    await page.goto(`${e2e.url}/history/${earlier}`);
    await page.getByRole('region', { name: 'Attendance' }).getByText('Jonas: Not here yet').waitFor({ state: 'attached' });
    expect(await page.getByRole('region', { name: 'Attendance' }).getByText('0 of 8 here').isVisible()).toBe(true);
  });

  it('the deviation log filters by category with pictogram chips', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    await page.goto(`${e2e.url}/history/deviations`);
    await page.getByText('Showing 5').waitFor();
    await page.getByRole('button', { name: 'Safety / injury' }).click();
    await page.getByText('Showing 1').waitFor();
    expect(await axeViolations(page), 'deviation log').toEqual([]);
  });
});

/**
 * The text of a PDF as Chromium writes it: each font's ToUnicode CMap maps
 * the glyph ids shown by `<hex> Tj` / `[...] TJ` in the (deflated) page
 * content back to characters. Glyphs are placed one by one, so spaces are
 * not reliable: compare with whitespace removed.
 */
function pdfText(pdf: Buffer): string {
  const objects = new Map<number, Buffer>();
  const raw = pdf.toString('latin1');
  for (const m of raw.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = m.index + m[0].length;
    objects.set(Number(m[1]), pdf.subarray(start, pdf.indexOf('endobj', start)));
  }
  const streamOf = (obj: Buffer | undefined): string => {
    if (!obj) return '';
    const at = obj.indexOf('stream');
    if (at < 0) return '';
    let start = at + 6;
    while (obj[start] === 0x0d || obj[start] === 0x0a) start++;
    try {
      return inflateSync(obj.subarray(start, obj.lastIndexOf('endstream'))).toString('latin1');
    } catch {
      return '';
    }
  };
  const hexChars = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  // font resource name (/F5) → glyph id → text, from the fonts' ToUnicode maps
  const fonts = new Map<string, Map<number, string>>();
  for (const [, name, id] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(id))?.toString('latin1') ?? '');
    if (!toUnicode || fonts.has(name!)) continue;
    const cmap = streamOf(objects.get(Number(toUnicode[1])));
    const map = new Map<number, string>();
    for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, from, to] of block!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(from!, 16), hexChars(to!));
    }
    for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, to] of block!.matchAll(/<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>/g)) {
        for (let g = parseInt(lo!, 16), u = parseInt(to!, 16); g <= parseInt(hi!, 16); g++, u++) map.set(g, String.fromCodePoint(u));
      }
    }
    fonts.set(name!, map);
  }
  let text = '';
  for (const obj of objects.values()) {
    const content = streamOf(obj);
    if (!content.includes(' Tf')) continue;
    let font = new Map<number, string>();
    for (const [, fontName, shown] of content.matchAll(/\/(F\d+) [\d.]+ Tf|(<[0-9A-Fa-f]*>|\[[^\]]*\])\s*T[jJ]/g)) {
      if (fontName) font = fonts.get(fontName) ?? new Map();
      else for (const [, hex] of shown!.matchAll(/<([0-9A-Fa-f]*)>/g)) for (const g of hex!.match(/.{4}/g) ?? []) text += font.get(parseInt(g, 16)) ?? '';
    }
    text += '\n';
  }
  return text;
}

const squeeze = (t: string) => t.replace(/\s+/g, '');

describe('the printed board', () => {
  it('renders to an A3 landscape PDF with the day’s numbers, and to A4 on request', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url);
    const summary = page.getByRole('region', { name: 'Attendance' }).locator('.section-summary');
    await expect.poll(() => summary.textContent()).toMatch(/of [1-9]\d* here/); // the people have loaded
    const here = (await summary.textContent())!.trim();
    const open = (await page.getByRole('region', { name: 'Deviations' }).locator('.section-summary').textContent())!.trim();
    const today = await browserDay(page);

    await page.goto(`${e2e.url}/history/${today}`);
    await page.getByRole('link', { name: 'Print' }).click();
    const poster = page.getByRole('main');
    await poster.getByText(here).waitFor();
    expect(await axeViolations(page), 'print page').toEqual([]);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    for (const text of [here, open, 'Jonas', 'Aya', 'Attendance', 'Deviations', 'Improvements']) {
      expect(await poster.getByText(text, { exact: true }).first().isVisible(), text).toBe(true);
    }
    const a3 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(a3.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const printed = squeeze(pdfText(a3));
    for (const text of [here, open, 'Jonas', 'Aya', 'Attendance', 'Deviations', 'Improvements']) expect(printed, text).toContain(squeeze(text));
    const a3Pages = pdfPages(a3);
    expect(a3Pages).toHaveLength(1);
    expect(a3Pages[0]!.width).toBeCloseTo(1190.5, -1); // 420 mm
    expect(a3Pages[0]!.height).toBeCloseTo(841.9, -1); // 297 mm

    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'A4 small' }).click();
    await expect.poll(() => page.evaluate(() => document.head.querySelector('style[data-tavla="print-page"]')?.textContent)).toContain('A4 landscape');
    const a4Pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(a4Pages.length).toBeGreaterThanOrEqual(1);
    expect(a4Pages[0]!.width).toBeCloseTo(841.9, -1); // 297 mm
    expect(a4Pages[0]!.height).toBeCloseTo(595.3, -1); // 210 mm
  });

  it('printing with no printer keeps the page and says so', async () => {
    const s = await e2e.session();
    const { page } = s;
    await page.addInitScript(() => {
      window.print = () => {
        throw new Error('no printer configured');
      };
    });
    await startDemo(page, e2e.url);
    await page.goto(`${e2e.url}/print/board`);
    await page.getByRole('button', { name: 'Print' }).click();
    await page.getByText('Printing does not work on this device. The page stays here.').waitFor();
    expect(await page.getByRole('main').getByText('Attendance').isVisible()).toBe(true);
  });
});
