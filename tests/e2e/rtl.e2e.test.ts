/**
 * Languages in real Chromium: Arabic mirrors the whole board (not just the
 * text direction), numbers and dates use the language's own digits, arrows
 * point the way Arabic reads, Tigrinya and Somali boards show their own
 * words, and the language picker names every language in its own script and
 * remembers the choice on the device.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { axeViolations, boardLoaded, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

const SECTIONS = ['attendance', 'goals', 'work', 'deviations', 'improvements'] as const;
const NAMES: Record<string, Record<(typeof SECTIONS)[number], string>> = {
  en: { attendance: 'Attendance', goals: 'Goals', work: "Today's work", deviations: 'Deviations', improvements: 'Improvements' },
  ar: { attendance: 'الحضور', goals: 'الأهداف', work: 'عمل اليوم', deviations: 'المشاكل', improvements: 'التحسينات' },
  fa: { attendance: 'حاضری', goals: 'هدف‌ها', work: 'کار امروز', deviations: 'مشکلات', improvements: 'بهبود' },
  ti: { attendance: 'ምህላው', goals: 'ዕላማታት', work: 'ናይ ሎሚ ስራሕ', deviations: 'ጸገማት', improvements: 'ምምሕያሻት' },
  so: { attendance: 'Joogitaanka', goals: 'Yoolalka', work: 'Shaqada maanta', deviations: 'Dhibaatooyinka', improvements: 'Hagaajinta' },
};

const WEEKDAYS: Record<string, RegExp> = {
  so: /Isniin|Talaado|Arbaco|Khamiis|Jimco|Sabti|Axad/,
  ti: /ሰኑይ|ሰሉስ|ረቡዕ|ሓሙስ|ዓርቢ|ቀዳም|ሰንበት/,
};

/** Opens the board in `lang` (the demo is already stored on the device) and waits for every section. */
async function openBoard(page: Page, lang: string): Promise<void> {
  await page.goto(`${e2e.url}/?lang=${lang}`);
  for (const key of SECTIONS) await page.getByRole('region', { name: NAMES[lang]![key], exact: true }).waitFor({ state: 'visible' });
  await boardLoaded(page);
}

async function sectionBoxes(page: Page, lang: string) {
  const boxes: Record<string, { x: number; y: number; width: number; height: number }> = {};
  for (const key of SECTIONS) {
    const box = await page.getByRole('region', { name: NAMES[lang]![key], exact: true }).boundingBox();
    expect(box, `${lang} ${key}`).not.toBeNull();
    boxes[key] = box!;
  }
  return boxes;
}

const htmlLangDir = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

describe('Arabic lays out right-to-left', () => {
  it('mirrors the five sections of the board compared with English', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    await openBoard(page, 'en');
    expect(await htmlLangDir(page)).toEqual({ lang: 'en', dir: 'ltr' });
    const en = await sectionBoxes(page, 'en');
    const width = page.viewportSize()!.width;

    await openBoard(page, 'ar');
    expect(await htmlLangDir(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    const ar = await sectionBoxes(page, 'ar');

    // Attendance is the first column: at the left in English, at the right in Arabic.
    expect(en.attendance!.x).toBeLessThan(Math.min(...SECTIONS.slice(1).map((k) => en[k]!.x)));
    expect(ar.attendance!.x).toBeGreaterThan(Math.max(...SECTIONS.slice(1).map((k) => ar[k]!.x)));
    // Every section is the mirror image of its English position, on the same row.
    for (const key of SECTIONS) {
      expect(Math.abs(ar[key]!.x - (width - en[key]!.x - en[key]!.width)), key).toBeLessThanOrEqual(2);
      expect(Math.abs(ar[key]!.y - en[key]!.y), key).toBeLessThanOrEqual(2);
      expect(Math.abs(ar[key]!.width - en[key]!.width), key).toBeLessThanOrEqual(2);
    }
  });

  it('aligns inside each section from the right: title icon first, text after, action at the left corner', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    await openBoard(page, 'ar');
    const layout = await page.evaluate(() => {
      const section = document.querySelector('.section-deviations')!;
      const box = (el: Element | null) => el!.getBoundingClientRect();
      const s = box(section);
      const icon = box(section.querySelector('.section-title .section-icon'));
      const title = box(section.querySelector('.section-title span'));
      const action = box(section.querySelector('.section-action'));
      return {
        direction: getComputedStyle(section).direction,
        iconRight: s.right - icon.right,
        titleLeftOfIcon: title.right <= icon.left + 1,
        actionLeft: action.left - s.left,
        actionRight: s.right - action.right,
      };
    });
    expect(layout.direction).toBe('rtl');
    expect(layout.iconRight).toBeLessThan(40);
    expect(layout.titleLeftOfIcon).toBe(true);
    expect(layout.actionLeft).toBeLessThan(layout.actionRight);
  });

  it('writes counts and the date with Arabic-Indic digits and Arabic words', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    await openBoard(page, 'ar');
    const summary = await page.locator('#section-attendance-summary').textContent();
    expect(summary).toMatch(/^هنا: [٠-٩]+ من [٠-٩]+$/);
    const date = await page.locator('.board-date').textContent();
    expect(date).toMatch(/[٠-٩]/);
    expect(date).not.toMatch(/[0-9]/);
    // the weekday as this Chromium's Intl spells it (it writes Monday "الاثنين", not "الإثنين")
    const weekday = await page.evaluate(() => new Intl.DateTimeFormat('ar-SY', { weekday: 'long' }).format(new Date()));
    expect(date).toContain(weekday);
  });

  it('points “next” arrows to the left and keeps the PIN keypad 1-2-3 from the left', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    const transformOf = (sel: string) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).transform);
    await page.goto(`${e2e.url}/goals?lang=en`);
    await page.locator('img[data-pictogram="next"]').first().waitFor();
    expect(await transformOf('img[data-pictogram="next"]')).toBe('none');
    await page.goto(`${e2e.url}/goals?lang=ar`);
    await page.locator('img[data-pictogram="next"]').first().waitFor();
    expect(await transformOf('img[data-pictogram="next"]')).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(await transformOf('img[data-pictogram="previous"]')).toBe('matrix(-1, 0, 0, 1, 0, 0)');

    await openBoard(page, 'ar');
    await page.getByRole('button', { name: 'فتح القفل' }).first().click();
    const one = await page.getByRole('button', { name: 'الرقم 1', exact: true }).boundingBox();
    const three = await page.getByRole('button', { name: 'الرقم 3', exact: true }).boundingBox();
    expect(one!.x).toBeLessThan(three!.x);
  });

  it('has no serious axe violations on the Arabic and Dari boards', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    for (const lang of ['ar', 'fa']) {
      await openBoard(page, lang);
      expect(await htmlLangDir(page)).toEqual({ lang, dir: 'rtl' });
      expect(await axeViolations(page), lang).toEqual([]);
    }
  });
});

describe('left-to-right languages in their own words', () => {
  for (const lang of ['ti', 'so']) {
    it(`shows the board in ${lang}`, async () => {
      const s = await e2e.session();
      const { page } = s;
      await startDemo(page, e2e.url, 'en');
      await openBoard(page, lang);
      expect(await htmlLangDir(page)).toEqual({ lang, dir: 'ltr' });
      const en = NAMES.en!;
      await expect.poll(() => page.getByRole('region', { name: en.attendance, exact: true }).count()).toBe(0);
      // Chromium's Intl has no Somali or Tigrinya names: the catalogue's own weekday and month names are used
      const date = (await page.locator('.board-date').textContent()) ?? '';
      expect(date).toMatch(WEEKDAYS[lang]!);
      expect(date).not.toMatch(/Mon|Tue|Wed|Thu|Fri|Sat|Sun|M\d\d/);
      expect(await axeViolations(page), lang).toEqual([]);
    });
  }
});

describe('language picker', () => {
  it('lists all seven languages in their own scripts, without flags, and remembers the choice on the device', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    await openBoard(page, 'en');
    await page.getByRole('button', { name: 'Language: English' }).click();
    const dialog = page.getByRole('dialog', { name: 'Language' });
    const options = await dialog.locator('.language-option').evaluateAll((buttons) =>
      buttons.map((b) => ({ text: b.textContent?.trim(), lang: b.getAttribute('lang'), dir: b.getAttribute('dir'), images: b.querySelectorAll('img, svg').length })),
    );
    expect(options).toEqual([
      { text: 'Svenska', lang: 'sv', dir: 'ltr', images: 0 },
      { text: 'Lättläst svenska', lang: 'sv-x-lattlast', dir: 'ltr', images: 0 },
      { text: 'English', lang: 'en', dir: 'ltr', images: 0 },
      { text: 'العربية', lang: 'ar', dir: 'rtl', images: 0 },
      { text: 'فارسی دری', lang: 'fa', dir: 'rtl', images: 0 },
      { text: 'Soomaali', lang: 'so', dir: 'ltr', images: 0 },
      { text: 'ትግርኛ', lang: 'ti', dir: 'ltr', images: 0 },
    ]);
    // No regional-indicator (flag) emoji anywhere in the picker.
    expect(await dialog.textContent()).not.toMatch(/[\u{1F1E6}-\u{1F1FF}]/u);
    // The fonts Chromium falls back to (fontconfig) cover Ge'ez and Arabic script, so no tofu boxes.
    for (const lang of ['ti', 'ar', 'fa']) expect(execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).trim(), lang).not.toBe('');

    await dialog.getByRole('button', { name: 'ትግርኛ' }).click();
    await page.getByRole('region', { name: NAMES.ti!.attendance, exact: true }).waitFor();
    expect(await htmlLangDir(page)).toEqual({ lang: 'ti', dir: 'ltr' });
    // per device: a reload without ?lang= keeps Tigrinya
    await page.goto(`${e2e.url}/`);
    await page.getByRole('region', { name: NAMES.ti!.attendance, exact: true }).waitFor();
    expect(await htmlLangDir(page)).toEqual({ lang: 'ti', dir: 'ltr' });
  });

  it('offers every UI language as a person’s preferred language in the People admin', async () => {
    const s = await e2e.session();
    const { page } = s;
    await startDemo(page, e2e.url, 'en');
    await unlock(page);
    await page.getByRole('link', { name: 'Manage' }).click();
    await page.getByRole('navigation', { name: 'Manage' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Add a person' }).click();
    const options = await page.locator('select[name="language"] option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, lang: o.getAttribute('lang'), text: o.textContent })));
    for (const [value, text] of [['sv', 'Svenska'], ['sv-x-lattlast', 'Lättläst svenska'], ['en', 'English'], ['ar', 'العربية'], ['fa', 'فارسی دری'], ['so', 'Soomaali'], ['ti', 'ትግርኛ']]) {
      expect(options).toContainEqual({ value, lang: value, text });
    }
  });
});
