/**
 * A board left open on the wall rolls over without a reload: across
 * midnight, the two daylight-saving switch days of Europe/Stockholm, New
 * Year, and from Friday evening to Monday morning (the day's tasks appear on
 * the home board with no other screen opened). Each test starts its own
 * browser clock at a fixed instant (whatever TAVLA_E2E_CLOCK says) and moves
 * it with Playwright's `page.clock`; expected dates are spelt by the page's
 * own Intl, never hard-coded.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDemo, useBrowser } from './harness';

const e2e = useBrowser();

const region = (page: Page, name: string) => page.getByRole('region', { name }).locator('.section-summary');
/** After a clock jump the page catches up (timers, the day's tasks written, live queries): on a loaded machine that takes seconds. */
const settle = { timeout: 15_000 };

/** The board's date line as the app writes it for a local date, spelt by the page's Intl (en-GB). */
function boardDate(page: Page, iso: string): Promise<string> {
  return page.evaluate((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const date = new Date(y, m - 1, day);
    const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', calendar: 'gregory' }).format(date);
    const rest = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', calendar: 'gregory' }).format(date);
    return `${weekday} ${rest}`;
  }, iso);
}

async function shows(page: Page, iso: string): Promise<void> {
  const expected = await boardDate(page, iso);
  await expect.poll(() => page.locator('.board-date').textContent(), { timeout: 15_000 }).toBe(expected);
}

describe('a board left open', () => {
  it.each([
    ['an ordinary midnight (Tuesday → Wednesday)', '2026-12-08T23:58:00+01:00', '2026-12-08', '2026-12-09', true],
    ['the spring-forward day (29 March 2026, 23 hours)', '2026-03-28T23:58:00+01:00', '2026-03-28', '2026-03-29', false],
    ['the fall-back day (25 October 2026, 25 hours)', '2026-10-24T23:58:00+02:00', '2026-10-24', '2026-10-25', false],
    ['New Year (31 December → 1 January)', '2026-12-31T23:58:00+01:00', '2026-12-31', '2027-01-01', true],
  ])('rolls over across %s', async (_name, start, before, after, openAfter) => {
    const { page } = await e2e.session(undefined, start);
    await startDemo(page, e2e.url);
    await shows(page, before);

    await page.clock.fastForward('03:00');
    await shows(page, after);
    // attendance starts fresh: nobody is in yet on the new day
    await expect.poll(() => region(page, 'Attendance').textContent(), settle).toBe('0 of 8 here');
    // an open day gets its tasks; a closed one (both switch days are Sundays) has none
    if (openAfter) await expect.poll(() => region(page, "Today's work").textContent(), settle).toMatch(/^0 of [1-9]\d* done$/);
    else await expect.poll(() => region(page, "Today's work").textContent(), settle).toBe('No tasks today');
    expect(await page.getByText('Closed', { exact: true }).count(), 'only History calls a day closed').toBe(0);

    // and the next day again: 25 hours on is past the next midnight even after a 25-hour day
    await page.clock.fastForward(25 * 3600_000);
    const [y, m, d] = after.split('-').map(Number) as [number, number, number];
    await shows(page, new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10));
  });

  it("shows Monday's tasks on the home board on Monday morning, with no other screen opened", async () => {
    const { page } = await e2e.session(undefined, '2026-12-11T16:30:00+01:00'); // Friday after closing
    await startDemo(page, e2e.url);
    await shows(page, '2026-12-11');
    await expect.poll(() => region(page, "Today's work").textContent(), settle).toMatch(/ of [1-9]\d* done$/);

    // the weekend passes with the page open; Monday 07:35, after opening
    await page.clock.fastForward((63 * 60 + 5) * 60_000);
    await shows(page, '2026-12-14');
    await expect.poll(() => region(page, "Today's work").textContent(), settle).toMatch(/^0 of [1-9]\d* done$/);
    await expect.poll(() => region(page, 'Attendance').textContent(), settle).toBe('0 of 8 here');
  });
});
