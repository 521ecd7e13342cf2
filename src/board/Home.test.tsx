/**
 * The home board on the wall, driven like a user: one tap on a face checks
 * that person in and the face itself becomes the confirmation with its own
 * undo (two quick check-ins each keep theirs, a double tap does not undo),
 * an unlocked supervisor marks someone sick in two taps, the section counts
 * wait for their data, a participant sees the sync pictogram without counts,
 * and turns pictures-only on for themselves.
 */
import { Route } from '@solidjs/router';
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Repositories } from '../data';
import type { AttendanceMark, Person, Workplace } from '../domain/types';
import { StorageFullError } from '../data/writer';
import { toIsoDate } from '../domain/dates';
import { GUARD_MS } from '../core/board/checkIn';
import { setPersonalPicturesOnly } from '../core/personal';
import { renderApp, renderRoutes, seedWorkplaceWithPeople } from '../../tests/helpers/render';
import Home from './Home';

let repos: Repositories;
let wp: Workplace;
let people: Person[];
const today = () => toIsoDate(new Date());
const SLOW = { timeout: 5000 };

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Amina', 'Bo']));
});
afterEach(() => {
  cleanup();
  setPersonalPicturesOnly(null);
  document.documentElement.classList.remove('pictures-only');
});

const statusOf = async (p: Person) => (await repos.attendance.forDay(wp.id, today())).find((m) => m.personId === p.id)?.status ?? null;
const attendance = () => screen.getByRole('region', { name: 'Attendance' });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('check-in on the home board', () => {
  it('one tap on a face checks that person in; the face shows ✓ and its own undo', async () => {
    renderApp(repos, wp.id, '/');
    const face = await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByRole('button', { name: 'Amina' }, SLOW);
    fireEvent.click(face);
    const welcome = await within(attendance()).findByText(/Welcome, Amina!/, {}, SLOW);
    const tile = welcome.closest('.checkin-confirm')!;
    expect(tile.querySelector('[data-speak-person]')).toBeTruthy(); // that person's face
    expect(tile.querySelector('img[data-pictogram="check"], img[data-pictogram="late"]')).toBeTruthy();
    expect(within(tile as HTMLElement).getByRole('button', { name: 'Undo: Amina' })).toBeTruthy();
    await waitFor(async () => expect(['present', 'late']).toContain(await statusOf(people[0]!)));
    await within(attendance()).findByText('1 of 2 here', {}, SLOW);
  });

  it('two quick check-ins each keep their own undo; a double tap does not undo', async () => {
    renderApp(repos, wp.id, '/');
    fireEvent.click(await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByRole('button', { name: 'Amina' }, SLOW));
    const aminaUndo = await within(attendance()).findByRole('button', { name: 'Undo: Amina' }, SLOW);
    // the second tap of a double tap lands on the undo at once: refused
    fireEvent.click(aminaUndo);
    fireEvent.click(within(attendance()).getByRole('button', { name: 'Bo' }));
    await within(attendance()).findByRole('button', { name: 'Undo: Bo' }, SLOW);
    expect(within(attendance()).getByRole('button', { name: 'Undo: Amina' })).toBeTruthy();
    await waitFor(async () => expect(await statusOf(people[0]!)).not.toBeNull());

    await wait(GUARD_MS + 100);
    fireEvent.click(within(attendance()).getByRole('button', { name: 'Undo: Amina' }));
    await within(attendance()).findByRole('button', { name: 'Amina' }, SLOW);
    await waitFor(async () => expect(await statusOf(people[0]!)).toBeNull());
    // Bo's check-in and Bo's undo are untouched
    expect(['present', 'late']).toContain(await statusOf(people[1]!));
    expect(within(attendance()).getByRole('button', { name: 'Undo: Bo' })).toBeTruthy();
    await within(attendance()).findByText('1 of 2 here', {}, SLOW);
  });

  it('the face is its confirmation before the write has committed: busy, its undo refused, then saved', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const write = repos.attendance.checkIn.bind(repos.attendance);
    vi.spyOn(repos.attendance, 'checkIn').mockImplementation(async (...args) => {
      await held;
      return write(...args);
    });
    renderApp(repos, wp.id, '/');
    fireEvent.click(await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByRole('button', { name: 'Amina' }, SLOW));
    // the same frame as the tap: no wait for the database
    const tile = attendance().querySelector('.checkin-confirm')!;
    expect(tile).toBeTruthy();
    expect(tile.className).toMatch(/status-(present|late)/);
    expect(tile.querySelector('[role="status"]')!.getAttribute('aria-busy')).toBe('true');
    // its words ("Welcome, …") say it is saved: not before the write has committed
    expect(within(tile as HTMLElement).queryByText(/Welcome, Amina!/)).toBeNull();
    const undo = within(tile as HTMLElement).getByRole('button', { name: 'Undo: Amina' }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    expect(await statusOf(people[0]!)).toBeNull();
    release();
    await waitFor(() => expect(tile.querySelector('[role="status"]')!.hasAttribute('aria-busy')).toBe(false));
    expect(within(tile as HTMLElement).getByText(/Welcome, Amina!/)).toBeTruthy();
    expect(['present', 'late']).toContain(await statusOf(people[0]!));
    await wait(GUARD_MS + 100);
    expect(undo.disabled).toBe(false);
  });

  it('a check-in that fails to save takes its confirmation back and says so', async () => {
    let fail!: (err: unknown) => void;
    vi.spyOn(repos.attendance, 'checkIn').mockImplementation(() => new Promise<AttendanceMark>((_, reject) => (fail = reject)));
    renderApp(repos, wp.id, '/');
    fireEvent.click(await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByRole('button', { name: 'Amina' }, SLOW));
    expect(attendance().querySelector('.checkin-confirm')).toBeTruthy();
    fail(new StorageFullError());
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveProperty('textContent', expect.stringContaining('Storage is full'));
    await within(attendance()).findByRole('button', { name: 'Amina' }, SLOW);
    expect(attendance().querySelector('.checkin-confirm')).toBeNull();
    expect(await statusOf(people[0]!)).toBeNull();
  });

  it('an unlocked supervisor marks someone sick from the board in two taps', async () => {
    const { store } = renderRoutes(repos, wp.id, '/', () => <Route path="/" component={() => <Home />} />);
    await store().unlock('1234');
    fireEvent.click(await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByRole('button', { name: 'Bo' }, SLOW)); // 1
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sick' })); // 2
    await waitFor(async () => expect(await statusOf(people[1]!)).toBe('sick'));
    await waitFor(() => expect(within(attendance()).getByRole('button', { name: 'Bo' }).className).toContain('status-sick'));
  });
});

describe('the section summaries', () => {
  it('show no count until their data is in, then the right one (never "0 of 2" while loading)', async () => {
    await repos.attendance.checkIn(wp.id, people[0]!.id, today(), wp.openingTime);
    renderApp(repos, wp.id, '/');
    const region = await screen.findByRole('region', { name: 'Attendance' }, SLOW);
    const summary = region.querySelector('.section-summary')!;
    const seen = new Set<string>();
    const observer = new MutationObserver(() => seen.add(summary.textContent ?? ''));
    seen.add(summary.textContent ?? '');
    observer.observe(summary, { childList: true, subtree: true, characterData: true });
    await within(region).findByText('1 of 2 here', {}, SLOW);
    observer.disconnect();
    expect([...seen].filter((text) => text && text !== '1 of 2 here')).toEqual([]);
    expect(summary.getAttribute('aria-busy')).toBeNull();
  });
});

describe("today's board reads", () => {
  it('opens every section at once: no query waits for another one’s result; the ideas are only counted', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A) => {
      await held;
      return fn(...a);
    };
    const persons = hold(repos.persons.list.bind(repos.persons));
    const goals = hold(repos.goals.list.bind(repos.goals));
    vi.spyOn(repos.persons, 'list').mockImplementation(persons);
    vi.spyOn(repos.goals, 'list').mockImplementation(goals);
    const spies = [
      vi.spyOn(repos.attendance, 'forDay'),
      vi.spyOn(repos.goals, 'progressBetween'),
      vi.spyOn(repos.work, 'areas'),
      vi.spyOn(repos.work, 'tasksFor'),
      vi.spyOn(repos.deviations, 'forBoard'),
      vi.spyOn(repos.improvements, 'countByStatus'),
    ];
    const all = vi.spyOn(repos.improvements, 'all');
    await repos.improvements.propose(wp.id, { date: today() });
    renderApp(repos, wp.id, '/');
    // people and goals are still being read: every other section's query is open already
    await waitFor(() => spies.forEach((spy) => expect(spy).toHaveBeenCalled()), SLOW);
    release();
    await within(await screen.findByRole('region', { name: 'Attendance' }, SLOW)).findByText('0 of 2 here', {}, SLOW);
    await within(screen.getByRole('region', { name: 'Improvements' })).findByText('1 idea, 0 in progress, 0 done', {}, SLOW);
    expect(all).not.toHaveBeenCalled();
  });
});

describe('the header for participants', () => {
  it('shows the sync pictogram without the count of waiting changes', async () => {
    await repos.attendance.checkIn(wp.id, people[0]!.id, today(), wp.openingTime);
    const { store } = renderRoutes(repos, wp.id, '/', () => <Route path="/" component={() => <Home />} />);
    const sync = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('.sync-status');
      expect(el).toBeTruthy();
      return el!;
    });
    await wait(100);
    expect(sync.textContent).toBe('');
    expect(sync.getAttribute('aria-label')).not.toMatch(/\d/);
    await store().unlock('1234');
    await waitFor(() => expect(sync.textContent).toMatch(/\d/)); // the supervisor sees how many wait
  });

  it('lets a participant turn pictures-only on and off for themselves', async () => {
    renderApp(repos, wp.id, '/');
    const toggle = await screen.findByRole('button', { name: 'Pictures only for me' }, SLOW);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(document.documentElement.classList.contains('pictures-only')).toBe(true));
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    // the tablet's own setting is untouched
    expect((await repos.settings.get<{ picturesOnly?: boolean }>('devicePrefs', {})).picturesOnly ?? false).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(document.documentElement.classList.contains('pictures-only')).toBe(false));
  });
});
