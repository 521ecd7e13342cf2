/**
 * The first-run wizard driven like a user: one question per screen, errors
 * in words, and at the end a stored workplace (PIN hashed, template applied)
 * and the board on screen. And the demo, one tap away.
 */
import { cleanup, fireEvent, screen, waitFor } from '@solidjs/testing-library';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../data';
import { TEMPLATES } from './templates';
import { setFirstRunAction, takeFirstRunAction } from './firstRun';
import { verifyPin } from '../domain/pin';
import { freshRepos, renderApp, seedWorkplace } from '../../tests/helpers/render';
import { storesSecret } from '../../tests/helpers/values';

let repos: Repositories;

beforeEach(() => {
  repos = freshRepos();
});
afterEach(() => cleanup());

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

async function fillUntilPin() {
  renderApp(repos, null, '/setup');
  fireEvent.click(await screen.findByRole('button', { name: 'Create a new board' }));
  expect(screen.getByText('Step 1 of 5')).toBeTruthy();
  type('Workplace name', '  Tvätten  Norr ');
  click('Next');
  expect(await screen.findByText('Step 2 of 5')).toBeTruthy();
  click('Laundry');
  click('Next');
  expect(await screen.findByText('Step 3 of 5')).toBeTruthy();
  type('The day starts', '07:30');
  type('The day ends', '15:00');
  click('Next');
  expect(await screen.findByText('Step 4 of 5')).toBeTruthy();
  await addPeople();
  click('Next');
  expect(await screen.findByText('Step 5 of 5')).toBeTruthy();
}

/** the people step: names typed, each added with its own face */
let addPeople = async () => {};

describe('Setup wizard', () => {
  it('creates the workplace with a hashed PIN and the template, then shows the board', async () => {
    await fillUntilPin();
    type('Supervisor PIN (4–8 digits)', '4321');
    type('The same PIN again', '4321');
    click('Create the board');

    expect(await screen.findByRole('main', { name: 'The board' }, { timeout: 5000 })).toBeTruthy();
    const workplaces = await repos.db.workplaces.toArray();
    expect(workplaces).toHaveLength(1);
    const wp = workplaces[0]!;
    expect(wp).toMatchObject({ name: 'Tvätten Norr', activityType: 'laundry', openingTime: '07:30', closingTime: '15:00', openDays: [1, 2, 3, 4, 5], demo: false });
    expect(storesSecret(wp, '4321')).toBe(false);
    expect(storesSecret(wp, '1234')).toBe(false);
    expect(await verifyPin('4321', wp.pinHash, wp.pinSalt)).toBe(true);
    const areas = await repos.work.areas(wp.id);
    expect(areas.map((a) => a.pictogramId)).toEqual(TEMPLATES.laundry.areas.map((a) => a.pictogramId));
    expect((await repos.goals.list(wp.id)).length).toBe(TEMPLATES.laundry.goals.length);
    expect(await repos.settings.get('workplaceId', null)).toBe(wp.id);
  });

  it('the people step adds each person with a face of their own and the screen’s language, then the board shows them', async () => {
    addPeople = async () => {
      for (const name of ['Ada', 'Bo', 'Cem']) {
        type('First name', name);
        click('Add');
        await screen.findByRole('button', { name: `Other picture: ${name}` });
      }
      // the same name twice is refused in words
      type('First name', 'ada');
      click('Add');
      expect(await screen.findByText('That name is already there.')).toBeTruthy();
      type('First name', '');
      // another face: still one no one else has
      const before = screen.getByRole('button', { name: 'Other picture: Bo' }).querySelector('img')!.dataset.pictogram;
      click('Other picture: Bo');
      const after = screen.getByRole('button', { name: 'Other picture: Bo' }).querySelector('img')!.dataset.pictogram;
      expect(after).not.toBe(before);
      click('Remove: Cem');
      expect(screen.queryByRole('button', { name: 'Other picture: Cem' })).toBeNull();
    };
    try {
      await fillUntilPin();
    } finally {
      addPeople = async () => {};
    }
    type('Supervisor PIN (4–8 digits)', '4321');
    type('The same PIN again', '4321');
    click('Create the board');
    expect(await screen.findByRole('main', { name: 'The board' }, { timeout: 5000 })).toBeTruthy();
    const wp = (await repos.db.workplaces.toArray())[0]!;
    const people = await repos.persons.list(wp.id);
    expect(people.map((p) => p.firstName)).toEqual(['Ada', 'Bo']);
    expect(new Set(people.map((p) => (p.avatar.kind === 'pictogram' ? p.avatar.ref : ''))).size).toBe(2);
    expect(people.every((p) => p.language === 'en')).toBe(true);
    expect(await screen.findByText(/The board is ready! 2 people/)).toBeTruthy();
  });

  it('without people, the ready notice leads to adding them (no dead end)', async () => {
    await fillUntilPin();
    type('Supervisor PIN (4–8 digits)', '4321');
    type('The same PIN again', '4321');
    click('Create the board');
    expect(await screen.findByText('The board is ready! Now add the people who work here.', {}, { timeout: 5000 })).toBeTruthy();
    click('Add people');
    expect(await screen.findByRole('heading', { name: 'People' }, { timeout: 5000 })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/supervisor/people'));
  });

  it('says so when the two PINs differ, and stores nothing', async () => {
    await fillUntilPin();
    type('Supervisor PIN (4–8 digits)', '4321');
    type('The same PIN again', '4312');
    click('Create the board');
    expect((await screen.findByRole('alert')).textContent).toContain('The PINs are not the same.');
    expect(await repos.db.workplaces.count()).toBe(0);
  });

  it('refuses a short PIN and an empty name with words, not only colour', async () => {
    renderApp(repos, null, '/setup');
    fireEvent.click(await screen.findByRole('button', { name: 'Create a new board' }));
    click('Next');
    expect((await screen.findByRole('alert')).textContent).toContain('Enter the workplace name.');
    expect(screen.getByText('Step 1 of 5')).toBeTruthy();
    type('Workplace name', 'Snickeriet');
    click('Next');
    click('Next');
    expect((await screen.findByRole('alert')).textContent).toContain('Choose an activity.');
    click('Carpentry');
    click('Next');
    type('The day ends', '07:00');
    click('Next');
    expect((await screen.findByRole('alert')).textContent).toContain('The day must end after it starts.');
    type('The day ends', '16:00');
    click('Next');
    await screen.findByText('Step 4 of 5');
    click('Next');
    type('Supervisor PIN (4–8 digits)', '12');
    type('The same PIN again', '12');
    click('Create the board');
    expect((await screen.findByRole('alert')).textContent).toContain('4–8 digits');
    click('Back');
    expect(await screen.findByText('Step 4 of 5')).toBeTruthy();
  });

  it('"Try the demo" lands on the board with the demo banner', async () => {
    renderApp(repos, null, '/setup');
    fireEvent.click(await screen.findByRole('button', { name: 'Try the demo' }));
    expect(await screen.findByRole('main', { name: 'The board' }, { timeout: 8000 })).toBeTruthy();
    expect(await screen.findByText('Demo – the supervisor PIN is 1234')).toBeTruthy();
    const wp = (await repos.db.workplaces.toArray())[0]!;
    expect(wp.demo).toBe(true);
    expect(await repos.persons.list(wp.id)).toHaveLength(8);
    // the past days follow once the board is on screen, and then the demo says it is ready
    expect(await screen.findByText('The demo is ready. The PIN is 1234.', undefined, { timeout: 8000 })).toBeTruthy();
    expect(document.documentElement.dataset.demoSeeding).toBeUndefined();
    // two weeks of marks: ten open days with everyone marked (today has only the early few)
    const perDay = new Map<string, number>();
    for (const m of await repos.attendance.between(wp.id, '0000-01-01', '9999-12-31')) perDay.set(m.date, (perDay.get(m.date) ?? 0) + 1);
    expect([...perDay.values()].filter((n) => n === 8)).toHaveLength(10);
  });

  it('has no serious accessibility violations on the welcome and on each step', async () => {
    const { container } = renderApp(repos, null, '/setup');
    const check = async () => {
      const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    };
    await screen.findByRole('button', { name: 'Create a new board' });
    await check();
    click('Create a new board');
    type('Workplace name', 'Snickeriet');
    click('Next');
    await screen.findByText('Step 2 of 5');
    await check();
    click('Carpentry');
    click('Next');
    await screen.findByText('Step 3 of 5');
    await check();
    click('Next');
    await screen.findByText('Step 4 of 5');
    type('First name', 'Ada');
    click('Add');
    await screen.findByRole('button', { name: 'Other picture: Ada' });
    await check();
    click('Next');
    await screen.findByText('Step 5 of 5');
    click('Create the board');
    await screen.findByRole('alert');
    await check();
  });

  it('carries out a choice made on the light welcome before the app was here (firstVisit.ts), once', async () => {
    setFirstRunAction('start');
    renderApp(repos, null, '/setup');
    expect(await screen.findByText('Step 1 of 5')).toBeTruthy();
    expect(takeFirstRunAction()).toBeNull();
    cleanup();
    setFirstRunAction('language');
    renderApp(repos, null, '/setup');
    expect(await screen.findByRole('dialog', { name: 'Language' })).toBeTruthy();
    cleanup();
    setFirstRunAction('demo');
    renderApp(repos, null, '/setup');
    expect(await screen.findByRole('main', { name: 'The board' }, { timeout: 8000 })).toBeTruthy();
    expect((await repos.db.workplaces.toArray())[0]!.demo).toBe(true);
    await screen.findByText('The demo is ready. The PIN is 1234.', undefined, { timeout: 8000 });
  });

  it('sends a device that already has a workplace to the board', async () => {
    const wp = await seedWorkplace(repos);
    renderApp(repos, wp.id, '/setup');
    expect(await screen.findByRole('main', { name: 'The board' })).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/'));
  });
});
