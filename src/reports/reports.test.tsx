/**
 * The report, trends, backup and retention screens driven like a supervisor:
 * unlock on the board, open the tile from the hub, read what is shown.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { addDays, toIsoDate } from '../domain/dates';
import { freshRepos, openSupervisorTile, seedPeople, seedWorkplace } from '../../tests/helpers/render';

let repos: Repositories;
let wp: Workplace;
const today = toIsoDate(new Date());
const monthStart = `${today.slice(0, 7)}-01`;

beforeEach(async () => {
  repos = freshRepos();
  wp = await seedWorkplace(repos);
});
afterEach(() => cleanup());

const openAsSupervisor = (tile: string, heading = tile) => openSupervisorTile(repos, wp.id, tile, { heading });

async function seriousViolations() {
  const result = await axe.run(document.body, { resultTypes: ['violations'], rules: { 'color-contrast': { enabled: false } } });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('attendance report', () => {
  it("shows this month's marks per person, the group by month, and hours", async () => {
    const [ada, bo] = await seedPeople(repos, wp.id, ['Ada', 'Bo']);
    await repos.attendance.setStatus(wp.id, ada!.id, monthStart, 'present');
    await repos.attendance.setStatus(wp.id, ada!.id, addDays(monthStart, 1), 'sick');
    await repos.attendance.setStatus(wp.id, bo!.id, monthStart, 'absentUnnotified');
    await openAsSupervisor('Reports', 'Attendance report');
    const table = await screen.findByTestId('report-people');
    const adaRow = within(table).getByRole('row', { name: /Ada/ });
    expect(adaRow.querySelector('[data-status="present"]')!.textContent).toBe('1');
    expect(adaRow.querySelector('[data-status="sick"]')!.textContent).toBe('1');
    expect(adaRow.querySelector('[data-col="hours"]')!.textContent).toBe('7'); // 08:00–15:00
    expect(adaRow.querySelector('[data-col="rate"]')!.textContent).toMatch(/^50\s%$/);
    const boRow = within(table).getByRole('row', { name: /Bo/ });
    expect(boRow.querySelector('[data-status="absentUnnotified"]')!.textContent).toBe('1');
    const months = screen.getByTestId('report-months');
    expect(within(months).getAllByRole('row')).toHaveLength(2); // header + this month
    expect(months.querySelector('[data-status="present"]')!.textContent).toBe('1');
    expect(screen.getByTestId('report-workplace').textContent).toBe('Testverkstan');
    expect(screen.getByText("Supervisor's signature")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it('says so plainly when the period has no marks, instead of a table', async () => {
    await seedPeople(repos, wp.id, ['Ada']);
    await openAsSupervisor('Reports', 'Attendance report');
    expect(await screen.findByText('There is no attendance for this period. Choose another period.')).toBeTruthy();
    expect(screen.queryByTestId('report-people')).toBeNull();
    expect((screen.getByRole('button', { name: 'Download CSV' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('narrows to one person with a day-by-day list', async () => {
    const [ada, bo] = await seedPeople(repos, wp.id, ['Ada', 'Bo']);
    await repos.attendance.setStatus(wp.id, ada!.id, monthStart, 'late');
    await repos.attendance.setStatus(wp.id, bo!.id, monthStart, 'present');
    await openAsSupervisor('Reports', 'Attendance report');
    await screen.findByTestId('report-people');
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: ada!.id } });
    const days = await screen.findByTestId('report-days');
    expect(within(days).getAllByRole('listitem')).toHaveLength(1);
    expect(days.textContent).toContain('Late');
    expect(within(screen.getByTestId('report-people')).queryByRole('row', { name: /Bo/ })).toBeNull();
  });
});

describe('trends', () => {
  it('draws every chart as an image with a name and a table of its numbers', async () => {
    const [ada] = await seedPeople(repos, wp.id, ['Ada']);
    await repos.attendance.setStatus(wp.id, ada!.id, today, 'present');
    await repos.deviations.report(wp.id, { category: 'missingMaterial', date: today });
    await repos.deviations.report(wp.id, { category: 'missingMaterial', date: today });
    await repos.deviations.report(wp.id, { category: 'safety', date: today });
    await repos.improvements.propose(wp.id, { date: today, proposedBy: ada!.id });
    await openAsSupervisor('Trends');
    const pareto = await screen.findByTestId('chart-pareto');
    const img = within(pareto).getByRole('img', { name: 'Deviations by kind' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(img.querySelector('desc')!.textContent).toContain('3 deviations');
    for (const id of ['chart-attendance', 'chart-solve', 'chart-ideas']) {
      expect(within(screen.getByTestId(id)).getByRole('img')).toBeTruthy();
    }
    expect(screen.getByTestId('proposers').textContent).toContain('Ada');
    expect(screen.getByText('No finished morning meetings in the period.')).toBeTruthy();
    // the text alternative opens with one tap (and is built then, not with the chart)
    expect(within(pareto).queryAllByRole('row', { hidden: true })).toEqual([]);
    const toggle = within(pareto).getByRole('button', { name: 'Show as a table' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const rows = within(pareto).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(expect.arrayContaining([expect.stringContaining('Missing material2'), expect.stringContaining('Safety / injury1')]));
    expect(await seriousViolations()).toEqual([]);
    // printed, every chart has its table (tools.css shows them all on paper)
    const ideas = screen.getByTestId('chart-ideas');
    expect(within(ideas).queryAllByRole('row', { hidden: true })).toEqual([]);
    window.dispatchEvent(new Event('beforeprint'));
    expect(within(ideas).getAllByRole('row', { hidden: true }).length).toBeGreaterThan(1);
    expect(within(screen.getByTestId('chart-attendance')).getAllByRole('row', { hidden: true }).length).toBeGreaterThan(1);
  });
});

describe('data retention', () => {
  it('explains the setting in words and stores the choice', async () => {
    await openAsSupervisor('Data retention');
    expect(screen.getByText(/Tavla keeps information about people for a set time/)).toBeTruthy();
    expect(screen.getByTestId('retention-now').textContent).toContain('24 months');
    fireEvent.click(screen.getByRole('button', { name: '12 months' }));
    await waitFor(async () => expect((await repos.workplaces.get(wp.id))!.retentionMonths).toBe(12));
    await waitFor(() => expect(screen.getByTestId('retention-now').textContent).toContain('12 months'));
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('backup', () => {
  it('refuses a file that is not a backup with a message, storing nothing', async () => {
    await openAsSupervisor('Backup', 'Backup and move');
    const before = await repos.db.outbox.count();
    const input = screen.getByLabelText('Choose file') as HTMLInputElement;
    const file = new File(['name;present\nAda;3'], 'report.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect(await screen.findByText('This is not a Tavla backup. Nothing was changed.')).toBeTruthy();
    expect(await repos.db.outbox.count()).toBe(before);
    expect(await seriousViolations()).toEqual([]);
  });
});
