/**
 * Speech in real Chromium. Headless Chromium has no voices, so a spy
 * installed before the app loads replaces `speechSynthesis.speak` (recording
 * each utterance's text and lang, then firing start/end as a voice would) and
 * `getVoices` (a fake list: Swedish, English, Arabic — no Somali, as on most
 * tablets). `HTMLMediaElement.play` is wrapped to record what plays.
 * Recording uses Chromium's fake microphone (a beep), auto-allowed.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream']);

type Said = { text: string; lang: string };

/** Runs in the page before any app code. `voices: false` leaves the device with no voice at all. */
function installSpy(opts: { voices: boolean }) {
  const w = window as unknown as { __spoken: Said[]; __played: string[] };
  w.__spoken = [];
  w.__played = [];
  const voices = opts.voices
    ? ['sv-SE', 'en-GB', 'ar-SY'].map((lang) => ({ lang, name: `Fake ${lang}`, voiceURI: `fake-${lang}`, localService: true, default: lang === 'sv-SE' }))
    : [];
  const synth = window.speechSynthesis as unknown as Record<string, unknown>;
  synth.getVoices = () => voices;
  synth.cancel = () => undefined;
  synth.speak = (u: SpeechSynthesisUtterance) => {
    w.__spoken.push({ text: u.text, lang: u.lang });
    setTimeout(() => {
      u.onstart?.(new Event('start') as SpeechSynthesisEvent);
      setTimeout(() => u.onend?.(new Event('end') as SpeechSynthesisEvent), 20);
    }, 5);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    w.__played.push(this.src);
    return play.call(this);
  };
}

/** A fresh session with the spy installed, on the demo board in `lang`. */
async function spiedBoard(lang: string, voices = true): Promise<Page> {
  const { context, page } = await e2e.session();
  await context.addInitScript(installSpy, { voices });
  await startDemo(page, e2e.url, lang);
  return page;
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __spoken: Said[] }).__spoken);
const played = (page: Page) => page.evaluate(() => (window as unknown as { __played: string[] }).__played);
const clearLogs = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __spoken: Said[]; __played: string[] };
    w.__spoken.length = 0;
    w.__played.length = 0;
  });
const sectionLink = (page: Page, name: string) => page.getByRole('region', { name }).locator('.section-open');

describe('speak on tap', () => {
  it('a section speaks its title in the chosen language; a face speaks the name in the person’s language', async () => {
    const page = await spiedBoard('en');
    await clearLogs(page);
    await sectionLink(page, 'Goals').click();
    await expect.poll(() => spoken(page)).toEqual([{ text: 'Goals', lang: 'en-GB' }]);

    await page.goto(`${e2e.url}/attendance`);
    await page.getByRole('button', { name: 'Aya', exact: true }).waitFor();
    await clearLogs(page);
    // Aya prefers Arabic: her name in Arabic
    await page.getByRole('button', { name: 'Aya', exact: true }).click();
    await expect.poll(() => spoken(page)).toEqual([{ text: 'Aya', lang: 'ar-SY' }]);
    // Ahmed prefers Somali, which has no voice here: the Swedish voice says his name
    await page.getByRole('button', { name: 'Ahmed', exact: true }).click();
    await expect.poll(() => spoken(page)).toEqual([
      { text: 'Aya', lang: 'ar-SY' },
      { text: 'Ahmed', lang: 'sv-SE' },
    ]);
  });

  it('on a Swedish board, pictogram buttons and sections speak Swedish', async () => {
    const page = await spiedBoard('sv');
    await clearLogs(page);
    await page.getByRole('button', { name: 'Lås upp' }).click();
    await expect.poll(() => spoken(page)).toEqual([{ text: 'Lås upp', lang: 'sv-SE' }]);
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    await sectionLink(page, 'Avvikelser').click();
    await expect.poll(() => spoken(page)).toEqual([
      { text: 'Lås upp', lang: 'sv-SE' },
      { text: 'Avvikelser', lang: 'sv-SE' },
    ]);
  });

  it('the speaker control reads the board in order', async () => {
    const page = await spiedBoard('en');
    await clearLogs(page);
    await page.getByRole('button', { name: 'Read aloud' }).click();
    await expect.poll(async () => (await spoken(page)).map((x) => x.text), { timeout: 15_000 }).toContain('Improvements');
    const texts = (await spoken(page)).map((x) => x.text);
    const order = ['Attendance', 'Goals', "Today's work", 'Deviations', 'Improvements'].map((t) => texts.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows a pictogram notice when this device cannot speak at all', async () => {
    const page = await spiedBoard('en', false);
    await sectionLink(page, 'Goals').click();
    const notice = page.locator('.speech-notice');
    await notice.getByText('No voice can read this aloud.').waitFor();
    expect(await notice.locator('img[data-pictogram="mute"]').count()).toBe(1);
    expect(await spoken(page)).toEqual([]);
  });
});

describe('recorded voices', () => {
  it('a supervisor records a word; the board then plays the recording instead of synthetic speech', async () => {
    const page = await spiedBoard('en');
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Voices' }).click();
    await page.getByRole('heading', { level: 1, name: 'Voices' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Record: Goals' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record “Goals”' });
    await dialog.getByRole('button', { name: 'Record' }).click();
    await dialog.getByRole('button', { name: 'Stop' }).waitFor();
    await page.waitForTimeout(1_500);
    await dialog.getByRole('button', { name: 'Stop' }).click();
    await dialog.getByRole('region', { name: 'New recording' }).waitFor();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Recording saved').waitFor();
    await page.getByRole('button', { name: 'Listen: Goals' }).waitFor();

    await page.getByRole('link', { name: 'To the board' }).click();
    await sectionLink(page, 'Goals').waitFor();
    await clearLogs(page);
    await sectionLink(page, 'Goals').click();
    await expect.poll(() => played(page)).toHaveLength(1);
    expect((await played(page))[0]).toMatch(/^blob:/);
    // give a fallback the time it would need: still no synthetic "Goals"
    await page.waitForTimeout(500);
    expect(await spoken(page)).toEqual([]);
  });

  it('bilingual labels show Swedish beside the chosen language and stay accessible', async () => {
    const page = await spiedBoard('en');
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('link', { name: 'Voices' }).click();
    await page.getByRole('button', { name: 'Show Swedish alongside' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Show Swedish alongside' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'To the board' }).click();
    const goals = page.getByRole('region', { name: 'Goals' });
    await goals.locator('.bilingual-sv[data-sv="Mål"]').waitFor();
    // drawn beside the English word
    expect(await goals.locator('.bilingual-sv').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"Mål"');
    expect(await axeViolations(page)).toEqual([]);
  });
});
