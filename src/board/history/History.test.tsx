/**
 * Looking back, driven through the whole app: a past day's board is the home
 * board for that date with nothing to edit; the calendar opens it; the logs
 * filter with chips; the poster prints (or says it cannot) without losing
 * the page.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '../../data';
import type { Person, Workplace } from '../../domain/types';
import { addDays, isoWeekday, toIsoDate } from '../../domain/dates';
import { renderApp, seedWorkplaceWithPeople } from '../../../tests/helpers/render';

const SLOW = { timeout: 5000 };
const today = toIsoDate(new Date());
const yesterday = addDays(today, -1);
const at = (iso: string, hh = 7) => new Date(`${iso}T0${hh}:00:00`).getTime();

let repos: Repositories;
let wp: Workplace;
let people: Person[];

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo', 'Sara']));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SECTIONS = ['Attendance', 'Goals', "Today's work", 'Deviations', 'Improvements'];

describe("a past day's board", () => {
  it('reads a closed day as closed, not as everyone missing', async () => {
    await repos.workplaces.update(wp.id, { openDays: [1, 2, 3, 4, 5] });
    const closed = [1, 2, 3, 4, 5, 6, 7].map((n) => addDays(today, -n)).find((d) => isoWeekday(d) >= 6)!;
    renderApp(repos, wp.id, `/history/${closed}`);
    const attendance = await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    await within(attendance).findByText('Aya: Closed', {}, SLOW);
    expect(attendance.querySelector('.section-summary')?.textContent).toBe('Closed');
    // each section shows its summary once its own data is in
    await waitFor(() => expect(screen.getByRole('region', { name: "Today's work" }).querySelector('.section-summary')?.textContent).toBe('Closed'), SLOW);
  });

  it("shows that day's five sections, read only", async () => {
    await repos.attendance.checkIn(wp.id, people[0]!.id, yesterday, wp.openingTime, at(yesterday));
    await repos.attendance.checkIn(wp.id, people[1]!.id, today, wp.openingTime, at(today));
    await repos.deviations.report(wp.id, { category: 'safety', date: yesterday });
    await repos.deviations.report(wp.id, { category: 'quality', date: today });
    renderApp(repos, wp.id, `/history/${yesterday}`);

    const attendance = await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    await within(attendance).findByText('1 of 3 here', {}, SLOW);
    expect(within(attendance).getByText('Aya: Here')).toBeTruthy();
    expect(within(attendance).getByText('Bo: Not here yet')).toBeTruthy();
    for (const name of SECTIONS) {
      const region = screen.getByRole('region', { name });
      expect(within(region).queryAllByRole('link'), name).toHaveLength(0);
      expect(within(region).queryAllByRole('button'), name).toHaveLength(0);
    }
    expect(await within(screen.getByRole('region', { name: 'Deviations' })).findByText('1 open', {}, SLOW)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Report a deviation' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'New idea' })).toBeNull();
    expect(screen.getByText('View only')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Print' }).getAttribute('href')).toBe(`/print/board?date=${yesterday}`);
  });

  it('today through the history view matches the live board, and the day before differs', async () => {
    await repos.attendance.checkIn(wp.id, people[2]!.id, today, wp.openingTime, at(today));
    renderApp(repos, wp.id, `/history/${today}`);
    const attendance = await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    await within(attendance).findByText('Sara: Here', {}, SLOW);
    expect(screen.queryByRole('link', { name: 'Next' })).toBeNull(); // no "tomorrow"
    fireEvent.click(screen.getByRole('link', { name: 'Previous' }));
    await within(await screen.findByRole('region', { name: 'Attendance' })).findByText('Sara: Not here yet', {}, SLOW);
    expect(window.location.pathname).toBe(`/history/${yesterday}`);
  });

  it('a deviation solved later shows as open on the day it was still open', async () => {
    const d = await repos.deviations.report(wp.id, { category: 'brokenTool', date: addDays(today, -3) });
    await repos.deviations.setStatus(d.id, 'handling', {}, at(addDays(today, -3), 8));
    await repos.deviations.setStatus(d.id, 'solved', {}, Date.now());
    renderApp(repos, wp.id, `/history/${addDays(today, -2)}`);
    await within(await screen.findByRole('region', { name: 'Deviations' }, SLOW)).findByText('1 open', {}, SLOW);
  });

  it('a wrong or future date says so instead of showing a board', async () => {
    renderApp(repos, wp.id, '/history/2026-02-30');
    expect((await screen.findByText('The date is wrong.', {}, SLOW)).closest('[role="alert"]')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Attendance' })).toBeNull();
    cleanup();
    renderApp(repos, wp.id, `/history/${addDays(today, 2)}`);
    expect((await screen.findByText('That day has not come yet.', {}, SLOW)).closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Choose a day' })).toBeTruthy();
  });

  it('the calendar opens a day; days to come cannot be opened', async () => {
    renderApp(repos, wp.id, '/history');
    const calendar = await screen.findByRole('table', { name: 'Choose a day' }, SLOW);
    expect(within(calendar).getAllByRole('columnheader')).toHaveLength(7);
    const todayLink = within(calendar).getAllByRole('link').find((a) => a.getAttribute('aria-current') === 'date')!;
    expect(todayLink.getAttribute('href')).toBe(`/history/${today}`);
    const links = within(calendar).getAllByRole('link');
    expect(links.every((a) => a.getAttribute('href')! <= `/history/${today}`)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    const first = within(calendar).getAllByRole('link')[0]!;
    fireEvent.click(first);
    await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    expect(window.location.pathname).toMatch(/^\/history\/\d{4}-\d{2}-01$/);
  });
});

describe('deviation and idea logs', () => {
  it('filters deviations by category, status, person and period with chips', async () => {
    await repos.deviations.report(wp.id, { category: 'safety', date: today, text: 'Wet floor', reportedBy: people[0]!.id });
    const q = await repos.deviations.report(wp.id, { category: 'quality', date: addDays(today, -2), text: 'Stains', reportedBy: people[1]!.id });
    await repos.deviations.setStatus(q.id, 'handling', { responsibleId: people[0]!.id });
    await repos.deviations.report(wp.id, { category: 'quality', date: addDays(today, -200), text: 'Old one', reportedBy: people[2]!.id });
    renderApp(repos, wp.id, '/history/deviations');
    await screen.findByText('Showing 3', {}, SLOW);

    fireEvent.click(screen.getByRole('button', { name: 'Quality' }));
    await screen.findByText('Showing 2');
    expect(screen.queryByText('Wet floor')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Last month' }));
    await screen.findByText('Showing 1');
    expect(screen.getByText('Stains')).toBeTruthy();
    expect(window.location.search).toContain('category=quality');

    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    await screen.findByText('Showing 3');
    fireEvent.click(screen.getByRole('button', { name: 'Aya', pressed: false }));
    await screen.findByText('Showing 2'); // reported by Aya, or Aya responsible
    fireEvent.click(screen.getByRole('button', { name: 'New' }));
    await screen.findByText('Showing 1');
    expect(screen.getByText('Wet floor')).toBeTruthy();
  });

  it('filters ideas by column and proposer', async () => {
    const a = await repos.improvements.propose(wp.id, { date: today, text: 'Music', proposedBy: people[0]!.id });
    await repos.improvements.move(a.id, 'planned');
    await repos.improvements.propose(wp.id, { date: today, text: 'Shelf', proposedBy: people[1]!.id });
    renderApp(repos, wp.id, '/history/ideas');
    await screen.findByText('Showing 2', {}, SLOW);
    fireEvent.click(screen.getByRole('button', { name: 'Planned' }));
    await screen.findByText('Showing 1');
    expect(screen.getByText('Music')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bo' }));
    await screen.findByText('Showing 0');
    expect(screen.getByText('Nothing to show')).toBeTruthy();
  });
});

describe('the printed board', () => {
  it("shows the day's numbers and names, sets the A3 page and prints", async () => {
    await repos.attendance.checkIn(wp.id, people[0]!.id, today, wp.openingTime, at(today));
    await repos.deviations.report(wp.id, { category: 'safety', date: today, text: 'Wet floor' });
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderApp(repos, wp.id, `/print/board?date=${today}`);
    const poster = await screen.findByRole('main', {}, SLOW);
    await within(poster).findByText('1 of 3 here', {}, SLOW);
    expect(await within(poster).findByText('1 open', {}, SLOW)).toBeTruthy();
    expect(within(poster).getByText('Aya')).toBeTruthy();
    expect(document.head.querySelector('style[data-tavla="print-page"]')!.textContent).toContain('size: A3 landscape');

    fireEvent.click(screen.getByRole('button', { name: 'A4 small' }));
    await waitFor(() => expect(document.head.querySelector('style[data-tavla="print-page"]')!.textContent).toContain('size: A4 landscape'));
    expect(document.head.querySelectorAll('style[data-tavla="print-page"]')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('with no way to print, says so and keeps the page', async () => {
    vi.spyOn(window, 'print').mockImplementation(() => {
      throw new Error('no printer');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    renderApp(repos, wp.id, '/print/board');
    fireEvent.click(await screen.findByRole('button', { name: 'Print' }, SLOW));
    expect(await screen.findByText('Printing does not work on this device. The page stays here.')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByText(/If nothing happens, there is no printer/)).toBeTruthy();
  });
});
