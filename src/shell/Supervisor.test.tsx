/**
 * The supervisor's screens driven like a user: unlock with the PIN on the
 * board, open a tile, fill a form — asserting on what is shown and stored.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import { toIsoDate } from '../domain/dates';
import { openSupervisorTile, seedPeople, seedWorkplaceWithPeople } from '../../tests/helpers/render';
import { storesSecret } from '../../tests/helpers/values';
import { wordOfTap } from '../core/speech/screenText';

let repos: Repositories;
let wp: Workplace;

beforeEach(async () => {
  ({ repos, wp } = await seedWorkplaceWithPeople());
});
afterEach(() => cleanup());

const button = (name: string | RegExp) => screen.getByRole('button', { name });
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** Unlocks supervisor mode through the PIN pad and opens a hub tile; PIN digits are never spoken on tap. */
const openAsSupervisor = (workplaceId: string, tile: string, pin = '1234') =>
  openSupervisorTile(repos, workplaceId, tile, {
    pin,
    onPad: (pad) => expect(wordOfTap(within(pad).getByRole('button', { name: 'Digit 1' }))).toBeNull(),
  });

describe('Supervisor: people', () => {
  it('says an empty list is empty with a pictogram and words, then lists the first person', async () => {
    await openAsSupervisor(wp.id, 'People');
    const empty = (await screen.findByText('No people yet')).closest('.empty')!;
    expect(empty.querySelector('img[data-pictogram="people"]')).not.toBeNull();
    await seedPeople(repos, wp.id, ['Bo']);
    expect(await screen.findByRole('button', { name: 'Edit Bo' })).toBeTruthy();
    expect(screen.queryByText('No people yet')).toBeNull();
  });

  it('adds a person with a first name, avatar and language', async () => {
    await openAsSupervisor(wp.id, 'People');
    fireEvent.click(button('Add a person'));
    type('First name', '  Aya ');
    fireEvent.click(button('Cat'));
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ar' } });
    fireEvent.click(button('Save'));
    await waitFor(async () => expect(await repos.persons.list(wp.id)).toHaveLength(1));
    const [aya] = await repos.persons.list(wp.id);
    expect(aya).toMatchObject({ firstName: 'Aya', avatar: { kind: 'pictogram', ref: 'avatar-cat' }, language: 'ar' });
    expect(await screen.findByText('Aya is added')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Edit Aya' })).toBeTruthy();
  });

  it('gives a new person a face no one has yet and the screen’s language by default', async () => {
    const [first] = await seedPeople(repos, wp.id, ['Bo']);
    await openAsSupervisor(wp.id, 'People');
    fireEvent.click(button('Add a person'));
    type('First name', 'Cem');
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    fireEvent.click(button('Save'));
    await waitFor(async () => expect(await repos.persons.list(wp.id)).toHaveLength(2));
    const cem = (await repos.persons.list(wp.id)).find((p) => p.firstName === 'Cem')!;
    expect(cem.language).toBe('en');
    expect(cem.avatar.kind).toBe('pictogram');
    expect(cem.avatar.ref).not.toBe(first!.avatar.ref);
  });

  it('refuses a name that looks like an identity number, with the reason in words', async () => {
    await openAsSupervisor(wp.id, 'People');
    fireEvent.click(button('Add a person'));
    type('First name', '850101-1234');
    fireEvent.click(button('Save'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Do not enter identity numbers. First names only.');
    expect(await repos.db.persons.count()).toBe(0);
  });

  it('erases a person after a confirm that says it cannot be undone', async () => {
    const [sara] = await seedPeople(repos, wp.id, ['Sara', 'Jonas']);
    await openAsSupervisor(wp.id, 'People');
    fireEvent.click(await screen.findByRole('button', { name: 'Erase this person: Sara' }));
    const dialog = await screen.findByRole('dialog', { name: 'Erase person' });
    expect(dialog.textContent).toContain('This cannot be undone');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Yes, erase' }));
    await waitFor(async () => expect((await repos.db.persons.get(sara!.id))?.deleted).toBe(1));
    const row = (await repos.db.persons.get(sara!.id))!;
    expect(row.firstName ?? '').toBe('');
    await waitFor(() => expect(screen.queryByText('Sara')).toBeNull());
    expect(screen.getByText('Jonas')).toBeTruthy();
  });
});

describe('Supervisor: goals', () => {
  it('refuses a target out of range, then stores a valid goal', async () => {
    await openAsSupervisor(wp.id, 'Goals');
    fireEvent.click(button('Add goal'));
    type('Text (optional)', 'Shirts folded');
    type('How many', '0');
    fireEvent.click(button('Save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/1.*999/);
    type('How many', '25');
    fireEvent.click(button('Every week'));
    fireEvent.click(button('Save'));
    await waitFor(async () => expect(await repos.goals.list(wp.id)).toHaveLength(1));
    const [goal] = await repos.goals.list(wp.id);
    expect(goal).toMatchObject({ text: 'Shirts folded', period: 'week', target: { kind: 'count', target: 25 } });
  });
});

describe('Supervisor: tasks', () => {
  it('adds an area, a recurring task due today and a one-off task for today', async () => {
    const [kim] = await seedPeople(repos, wp.id, ['Kim']);
    await openAsSupervisor(wp.id, 'Tasks');
    fireEvent.click(button('Add area'));
    type('Text (optional)', 'Hall');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await repos.work.areas(wp.id)).toHaveLength(1));

    fireEvent.click(await screen.findByRole('button', { name: 'Add recurring task' }));
    type('Text (optional)', 'Sweep');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Kim' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await repos.work.recurring(wp.id)).toHaveLength(1));
    const [r] = await repos.work.recurring(wp.id);
    expect(r).toMatchObject({ text: 'Sweep', weekdays: [1, 2, 3, 4, 5, 6, 7], assignees: [kim!.id] });

    fireEvent.click(await screen.findByRole('button', { name: 'Add a task for today' }));
    type('Text (optional)', 'Fix the door');
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Save' }));
    const today = toIsoDate(new Date());
    await waitFor(async () => expect((await repos.work.tasksFor(wp.id, today)).map((t) => t.text).sort()).toEqual(['Fix the door', 'Sweep']));
  });
});

describe('Supervisor: pictures', () => {
  it('asks for a photo and a name, and explains a file that is not a picture', async () => {
    await openAsSupervisor(wp.id, 'Pictures');
    fireEvent.click(button('Save'));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('Take a photo or choose a picture.');
    expect(alerts.map((a) => a.textContent).join(' ')).toContain('Write a name for the picture.');
    const file = new File(['not an image'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Take a photo or choose a picture'), { target: { files: [file] } });
    expect(await screen.findByText('The picture cannot be opened. Take a new photo.')).toBeTruthy();
    expect(await repos.pictograms.list(wp.id)).toEqual([]);
  });
});

describe('Supervisor: workplace', () => {
  it('changes the PIN only when typed twice the same', async () => {
    await openAsSupervisor(wp.id, 'Workplace');
    type('New PIN (4–8 digits)', '9876');
    type('The same PIN again', '9875');
    fireEvent.click(button('Change PIN'));
    expect((await screen.findByRole('alert')).textContent).toContain('The PINs are not the same.');
    type('The same PIN again', '9876');
    fireEvent.click(button('Change PIN'));
    await waitFor(async () => expect((await repos.workplaces.get(wp.id))!.pinHash).not.toBe(wp.pinHash));
    expect(storesSecret(await repos.workplaces.get(wp.id), '9876')).toBe(false);
  });

  it('leaves the demo: every row of it is gone from the device and setup opens', async () => {
    const { seedDemo } = await import('../setup/demo');
    const demo = await seedDemo(repos, { today: toIsoDate(new Date()), lang: 'en' });
    await repos.settings.set('workplaceId', demo.id);
    await openAsSupervisor(demo.id, 'Workplace');
    fireEvent.click(button('Leave demo'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave demo' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Leave demo' }));
    expect(await screen.findByRole('button', { name: 'Try the demo' }, { timeout: 5000 })).toBeTruthy();
    expect(await repos.workplaces.get(demo.id)).toBeUndefined();
    expect(await repos.persons.list(demo.id)).toEqual([]);
    expect(await repos.db.outbox.where('workplaceId').equals(demo.id).count()).toBe(0);
    expect(await repos.settings.get('workplaceId', 'x')).toBeNull();
    // the other workplace on the device is untouched
    expect(await repos.workplaces.get(wp.id)).toBeTruthy();
  });
});

describe('Supervisor: accessibility', () => {
  it.each(['People', 'Goals', 'Tasks', 'Pictures', 'Workplace'])('%s has no serious axe violations, with its form open', async (tile) => {
    await seedPeople(repos, wp.id, ['Aya']);
    await repos.work.addArea(wp.id, { pictogramId: 'office' });
    await openAsSupervisor(wp.id, tile);
    const add = { People: 'Add a person', Goals: 'Add goal', Tasks: 'Add recurring task' }[tile];
    if (add) fireEvent.click(await screen.findByRole('button', { name: add }));
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
