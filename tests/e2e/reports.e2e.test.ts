/**
 * Reports, trends and backup in real Chromium, on the demo workplace:
 * the month's attendance report against the marks stored in IndexedDB (one
 * of them tapped through the UI), its printout (print media + a PDF), its CSV
 * download, the trends charts and their text alternatives, and a backup
 * exported on one "tablet" and restored on a fresh one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser();

const STATUSES = ['present', 'late', 'sick', 'absentNotified', 'absentUnnotified', 'leave'] as const;

/** The synced rows of every table, read straight from IndexedDB (what the app stored). */
async function dumpDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('tavla');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tables = ['workplaces', 'persons', 'attendance', 'goals', 'goalProgress', 'workAreas', 'recurringTasks', 'tasks', 'deviations', 'improvements', 'pictograms', 'meetings', 'voiceClips'];
    const out: Record<string, unknown[]> = {};
    for (const name of tables.filter((n) => db.objectStoreNames.contains(n))) {
      out[name] = await new Promise((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    return out;
  });
}

/** Per person, the month's marks by status as stored — the numbers the report must show. */
async function storedMonth(page: Page): Promise<{ month: string; names: Record<string, string>; counts: Record<string, Record<string, number>> }> {
  const data = (await dumpDb(page)) as Record<string, Record<string, unknown>[]>;
  const month = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  });
  const names: Record<string, string> = {};
  for (const p of data.persons!) if (!p.deleted) names[p.id as string] = p.firstName as string;
  const counts: Record<string, Record<string, number>> = {};
  for (const m of data.attendance!) {
    if (m.deleted || m.status === null || !String(m.date).startsWith(month) || !names[m.personId as string]) continue;
    const c = (counts[m.personId as string] ??= Object.fromEntries(STATUSES.map((s) => [s, 0])));
    c[m.status as string]!++;
  }
  return { month, names, counts };
}

async function openTile(page: Page, tile: string, heading: string) {
  await page.getByRole('link', { name: 'Manage' }).click();
  await page.getByRole('link', { name: tile }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('attendance report', () => {
  it('matches the stored marks for the month, prints to PDF, and downloads as CSV', async () => {
    const { page } = await e2e.session();
    await startDemo(page, e2e.url);
    // one mark made through the UI: Jonas checks himself in
    await page.goto(`${e2e.url}/attendance`);
    await page.getByRole('button', { name: 'Jonas', exact: true }).click();
    await page.getByRole('status').getByText('Welcome, Jonas!', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'To the board' }).first().click();
    await page.getByRole('region', { name: 'Attendance' }).waitFor();
    await unlock(page);
    await openTile(page, 'Reports', 'Attendance report');
    const table = page.getByTestId('report-people');
    await table.waitFor();

    const stored = await storedMonth(page);
    const jonas = Object.keys(stored.names).find((id) => stored.names[id] === 'Jonas')!;
    expect((stored.counts[jonas]?.present ?? 0) + (stored.counts[jonas]?.late ?? 0)).toBeGreaterThanOrEqual(1);
    const shown = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-person'),
        counts: Object.fromEntries([...r.querySelectorAll('[data-status]')].map((td) => [td.getAttribute('data-status'), Number(td.textContent)])),
      })),
    );
    expect(Object.fromEntries(shown.map((r) => [r.id, r.counts]))).toEqual(stored.counts);
    expect(await axeViolations(page)).toEqual([]);

    // the printout: no controls, the sheet with workplace, period, numbers and a signature line
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-controls').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'To the board' }).first().isVisible()).toBe(false);
    const sheet = page.locator('.report-sheet');
    expect(await sheet.isVisible()).toBe(true);
    const printed = (await sheet.innerText()).replace(/\s+/g, ' ');
    expect(printed).toContain((await page.getByTestId('report-workplace').innerText()).trim());
    expect(printed).toContain("Supervisor's signature");
    const jonasRow = (await table.locator(`tr[data-person="${jonas}"]`).innerText()).replace(/\s+/g, ' ');
    expect(printed).toContain(jonasRow.trim());
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // CSV for Swedish Excel: BOM, semicolons, one row per person with the same numbers
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^attendance-.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(';');
    expect(header).toHaveLength(13);
    expect(header.slice(0, 4)).toEqual(['Workplace', 'From', 'To', 'Name']);
    expect(header.slice(10)).toEqual(['Days here', 'Hours', 'Attendance']);
    expect(lines).toHaveLength(Object.keys(stored.counts).length + 1);
    const jonasLine = lines.find((l) => l.split(';')[3] === 'Jonas')!.split(';');
    expect(jonasLine.slice(4, 10).map(Number)).toEqual(STATUSES.map((s) => stored.counts[jonas]![s]));
    expect(jonasLine[1]).toBe(`${stored.month}-01`);
  });

  it('says there is nothing to report for a month without marks', async () => {
    const { page } = await e2e.session();
    await startDemo(page, e2e.url);
    await unlock(page);
    await openTile(page, 'Reports', 'Attendance report');
    await page.getByTestId('report-people').waitFor();
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Previous period' }).click();
    await page.getByText('There is no attendance for this period. Choose another period.').waitFor();
    expect(await page.getByTestId('report-people').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Print' }).isDisabled()).toBe(true);
  });
});

describe('trends', () => {
  it('draws its charts as named images with a table of numbers, lazily loaded', async () => {
    const { page } = await e2e.session();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await startDemo(page, e2e.url);
    await unlock(page);
    expect(scripts.some((u) => /TrendsPage/.test(u))).toBe(false);
    await openTile(page, 'Trends', 'Trends');
    expect(scripts.some((u) => /TrendsPage/.test(u))).toBe(true);
    await page.getByTestId('chart-attendance').waitFor();
    for (const name of ['Attendance per week', 'Deviations by kind', 'Days until a deviation is solved', 'Ideas per month']) {
      const img = page.getByRole('img', { name, exact: true });
      await img.waitFor();
      expect(await img.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
      const description = await img.evaluate((el) => el.querySelector('desc')?.textContent ?? '');
      expect(description.length).toBeGreaterThan(10);
      const figure = img.locator('xpath=ancestor::figure[1]');
      await figure.getByRole('button', { name: 'Show as a table' }).click();
      const rows = figure.getByRole('table').locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
    }
    // the demo's two weeks of attendance are in the weekly series
    const weekly = await page.getByTestId('chart-attendance').locator('tbody td').allInnerTexts();
    expect(weekly.some((v) => /\d+\s%/.test(v))).toBe(true);
    await page.getByRole('list', { name: 'What the colours mean' }).waitFor();
    expect(await page.getByTestId('proposers').locator('li').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('backup and move', () => {
  it('a backup exported on one tablet restores the same board on a fresh one', async () => {
    const a = await e2e.session();
    await startDemo(a.page, e2e.url);
    await unlock(a.page);
    await openTile(a.page, 'Backup', 'Backup and move');
    const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Save a backup' }).click()]);
    await a.page.getByTestId('backup-result').waitFor();
    const file = (await download.path())!;
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    const before = await dumpDb(a.page);
    const names = ((before.persons as { firstName: string }[]).map((p) => p.firstName)).sort();

    const b = await e2e.session();
    await b.page.goto(`${e2e.url}/?lang=en`);
    await b.page.getByRole('link', { name: 'Restore from a backup' }).click();
    // a damaged file first: refused, nothing stored, still on the restore screen
    const truncated = readFileSync(file).subarray(0, 2000);
    await b.page.getByLabel('Choose file').setInputFiles({ name: 'broken.zip', mimeType: 'application/zip', buffer: truncated });
    await b.page.getByText('The file is damaged or incomplete. Nothing was changed.').waitFor();
    expect((await dumpDb(b.page)).workplaces).toEqual([]);
    await b.page.getByRole('button', { name: 'Close' }).first().click();

    await b.page.getByLabel('Choose file').setInputFiles(file);
    await b.page.getByRole('region', { name: 'Attendance' }).waitFor();
    // the board is there before the past days' marks are stored (data/repos/backup.ts): then they are
    await b.page.waitForFunction(() => !('restoring' in document.documentElement.dataset));
    const after = await dumpDb(b.page);
    const byId = (rows: unknown[]) => [...(rows as { id: string }[])].sort((x, y) => (x.id < y.id ? -1 : 1));
    for (const table of Object.keys(before)) expect(byId(after[table] ?? []), table).toEqual(byId(before[table]!));
    const workplaceName = (before.workplaces as { name: string }[])[0]!.name;
    await b.page.getByText(workplaceName).first().waitFor();
    await b.page.goto(`${e2e.url}/attendance`);
    for (const n of names) await b.page.getByRole('button', { name: n, exact: true }).waitFor();

    // a page closed after the board was shown, before the past days' marks were stored: the next start stores them
    const workplaceId = (before.workplaces as { id: string }[])[0]!.id;
    const moved = await b.page.evaluate(async (wpId) => {
      const db: IDBDatabase = await new Promise((resolve) => {
        const req = indexedDB.open('tavla');
        req.onsuccess = () => resolve(req.result);
      });
      const tx = db.transaction(['attendance', 'meta'], 'readwrite');
      const marks = tx.objectStore('attendance');
      const all: { id: string; date: string }[] = await new Promise((resolve) => {
        const req = marks.getAll();
        req.onsuccess = () => resolve(req.result);
      });
      const last = all.reduce((d, m) => (m.date > d ? m.date : d), '');
      const past = all.filter((m) => m.date < last);
      for (const m of past) marks.delete(m.id);
      tx.objectStore('meta').put({ key: `restorePending:${wpId}`, value: { marks: past, queue: null } });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return past.length;
    }, workplaceId);
    expect(moved).toBeGreaterThan(0);
    await b.page.goto(`${e2e.url}/`);
    await b.page.getByRole('region', { name: 'Attendance' }).waitFor();
    await expect.poll(async () => byId((await dumpDb(b.page)).attendance ?? []), { timeout: 10_000 }).toEqual(byId(before.attendance!));
  });
});
