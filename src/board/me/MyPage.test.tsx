/**
 * A participant's own page, used the way a participant does: "My page" on the
 * board, tap your face, (your picture code), then your week in pictures —
 * asserting that only your own records are shown and that a wrong picture
 * code is refused and locks the pad.
 */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../data';
import type { Person, Workplace } from '../../domain/types';
import { toIsoDate } from '../../domain/dates';
import { wordOfTap } from '../../core/speech/screenText';
import { hashPicturePin, verifyPicturePin } from '../../domain/picturePin';
import { openSupervisorTile, renderApp, seedWorkplaceWithPeople } from '../../../tests/helpers/render';

const SLOW = { timeout: 5000 };
let repos: Repositories;
let wp: Workplace;
let aya: Person;
let bo: Person;
const today = () => toIsoDate(new Date());

beforeEach(async () => {
  let people: Person[];
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Aya', 'Bo'], 'en'));
  [aya, bo] = people as [Person, Person];
});
afterEach(() => cleanup());

/** Taps a picture code, waiting until the pad takes taps (it rests while a code is checked). */
const tapCode = async (user: ReturnType<typeof userEvent.setup>, code: string[], within_: HTMLElement = document.body) => {
  for (const symbol of code) {
    const key = within(within_).getByRole('button', { name: symbol }) as HTMLButtonElement;
    await waitFor(() => expect(key.disabled).toBe(false), SLOW);
    await user.click(key);
  }
};
const SUN_HEART_STAR_TREE = ['Sun', 'Heart', 'Star', 'Tree'];

describe('My page', () => {
  it('opens from the board: "My page", then your face', async () => {
    renderApp(repos, wp.id, '/');
    const user = userEvent.setup();
    const link = await screen.findByRole('link', { name: 'My page' }, SLOW);
    expect(link.querySelector('img[data-pictogram="person"]')).not.toBeNull();
    await user.click(link);
    await screen.findByText('Tap yourself', {}, SLOW);
    await user.click(await screen.findByRole('button', { name: 'Aya' }, SLOW));
    expect(await screen.findByRole('heading', { level: 1, name: 'My page: Aya' }, SLOW)).toBeTruthy();
    expect(window.location.pathname).toBe(`/me/${aya.id}`);
    expect(screen.getByRole('region', { name: 'My week' })).toBeTruthy();
  });

  it("shows only the person's own attendance, taps and ideas", async () => {
    const d = today();
    await repos.attendance.setStatus(wp.id, aya.id, d, 'present');
    await repos.attendance.setStatus(wp.id, bo.id, d, 'sick');
    await repos.improvements.propose(wp.id, { date: d, pictogramId: 'broom', text: 'New broom hooks', proposedBy: aya.id });
    const done = await repos.improvements.propose(wp.id, { date: d, pictogramId: 'bucket', text: 'Label the buckets', proposedBy: aya.id });
    await repos.improvements.move(done.id, 'planned');
    await repos.improvements.propose(wp.id, { date: d, pictogramId: 'saw', text: 'Secret plan of Bo', proposedBy: bo.id });
    const goal = await repos.goals.add(wp.id, { pictogramId: 'fold-laundry', text: 'Fold towels', period: 'day', target: { kind: 'count', target: 10 } });
    await repos.goals.addProgress(wp.id, goal.id, d, 1, aya.id);
    await repos.goals.addProgress(wp.id, goal.id, d, 1, bo.id);
    await repos.goals.addProgress(wp.id, goal.id, d, 1, bo.id);
    await repos.goals.addProgress(wp.id, goal.id, d, 1, null);

    renderApp(repos, wp.id, `/me/${aya.id}`);
    const ideas = await screen.findByRole('region', { name: 'My ideas' }, SLOW);
    await waitFor(() => expect(within(ideas).getAllByRole('listitem')).toHaveLength(2));
    expect(within(ideas).getByText('New broom hooks')).toBeTruthy();
    expect(within(ideas).getByText('Planned')).toBeTruthy();
    expect(ideas.querySelector('img[data-pictogram="idea-planned"]')).not.toBeNull();
    expect(screen.queryByText('Secret plan of Bo')).toBeNull();
    expect(document.body.textContent).not.toContain('Bo');

    const week = screen.getByRole('region', { name: 'My week' });
    const todayTile = week.querySelector(`[data-date="${d}"]`)!;
    await waitFor(() => expect(todayTile.className).toContain('status-present'));
    expect(todayTile.querySelector('img[data-pictogram="present"]')).not.toBeNull();
    expect(week.querySelector('img[data-pictogram="sick"]')).toBeNull(); // Bo's mark is not shown

    const goals = screen.getByRole('region', { name: 'My goals' });
    await waitFor(() => expect(within(goals).getByText('You: 1')).toBeTruthy());
    expect(within(goals).getByText('4 of 10')).toBeTruthy();
  });

  it('adds a tap credited to the person, with undo', async () => {
    const goal = await repos.goals.add(wp.id, { pictogramId: 'fold-laundry', text: 'Fold towels', period: 'day', target: { kind: 'count', target: 10 } });
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '+1 to Fold towels' }, SLOW));
    await waitFor(async () => expect(await repos.goals.progressBetween(wp.id, today(), today())).toHaveLength(1));
    const [entry] = await repos.goals.progressBetween(wp.id, today(), today());
    expect(entry).toMatchObject({ goalId: goal.id, personId: aya.id, amount: 1 });
    await screen.findByText('You: 1');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await repos.goals.progressBetween(wp.id, today(), today())).toHaveLength(0));
  });

  it("is shown in the person's own language", async () => {
    await repos.persons.update(bo.id, { language: 'sv' });
    renderApp(repos, wp.id, `/me/${bo.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Min sida: Bo' }, SLOW)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Min vecka' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
  });

  it('sends an unknown person back to the faces', async () => {
    renderApp(repos, wp.id, '/me/nobody-here');
    await waitFor(() => expect(window.location.pathname).toBe('/me'), SLOW);
    expect(await screen.findByText('This person is not here.')).toBeTruthy();
  });
});

describe('picture code', () => {
  beforeEach(async () => {
    await repos.persons.update(aya.id, { picturePin: await hashPicturePin(['sun', 'heart', 'star', 'tree']) });
    await repos.improvements.propose(wp.id, { date: today(), pictogramId: 'broom', text: 'New broom hooks', proposedBy: aya.id });
  });

  it('asks for the code before showing anything, and opens with the right one', async () => {
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const user = userEvent.setup();
    await screen.findByText('Tap your picture code', {}, SLOW);
    // the code's pictures are never spoken on tap: someone behind you would hear the code
    const key = document.querySelector('.picture-pin-pad button');
    expect(key).toBeTruthy();
    expect(wordOfTap(key)).toBeNull();
    expect(screen.queryByRole('region', { name: 'My week' })).toBeNull();
    expect(screen.queryByText('New broom hooks')).toBeNull();
    await tapCode(user, SUN_HEART_STAR_TREE);
    expect(await screen.findByRole('region', { name: 'My week' }, SLOW)).toBeTruthy();
    expect(await screen.findByText('New broom hooks')).toBeTruthy();
  });

  it('refuses a wrong code with a pictogram message, and locks the pad after repeated mistakes', async () => {
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const user = userEvent.setup();
    await screen.findByText('Tap your picture code', {}, SLOW);
    await tapCode(user, ['Sun', 'Heart', 'Star', 'Bus']);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert.textContent).toContain('Wrong picture code. Try again.');
    expect(alert.querySelector('img[data-pictogram="cancel"]')).not.toBeNull();
    expect(screen.queryByRole('region', { name: 'My week' })).toBeNull();

    const failures = async () => (await repos.settings.get<{ failures: number }>(`picturePinLockout:${aya.id}`, { failures: 0 })).failures;
    await tapCode(user, ['Bus', 'Bus', 'Bus', 'Bus']);
    await waitFor(async () => expect(await failures()).toBe(2), SLOW);
    await tapCode(user, ['Tree', 'Tree', 'Tree', 'Tree']);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/Too many mistakes\. Wait (29|30) seconds\./));
    expect(screen.getByRole('alert').querySelector('img[data-pictogram="clock"]')).not.toBeNull();
    expect((screen.getByRole('button', { name: 'Sun' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('region', { name: 'My week' })).toBeNull();

    // the lock-out is stored: a reload does not reset it
    cleanup();
    renderApp(repos, wp.id, `/me/${aya.id}`);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Too many mistakes'), SLOW);
  });

  it('asks again after leaving the page', async () => {
    renderApp(repos, wp.id, `/me/${aya.id}`);
    const user = userEvent.setup();
    await screen.findByText('Tap your picture code', {}, SLOW);
    await tapCode(user, SUN_HEART_STAR_TREE);
    await screen.findByRole('region', { name: 'My week' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Someone else' }));
    await user.click(await screen.findByRole('button', { name: 'Aya' }, SLOW));
    expect(await screen.findByText('Tap your picture code', {}, SLOW)).toBeTruthy();
  });

  it('can be chosen by the person on their own page (twice the same four pictures)', async () => {
    renderApp(repos, wp.id, `/me/${bo.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Choose a picture code' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    await tapCode(user, ['Bus', 'Coffee', 'Music', 'Sun'], dialog);
    await within(dialog).findByText('Tap the same four pictures again');
    await tapCode(user, ['Bus', 'Coffee', 'Music', 'Heart'], dialog);
    expect((await within(dialog).findByRole('alert')).textContent).toContain('The pictures were not the same. Start again.');
    await tapCode(user, ['Bus', 'Coffee', 'Music', 'Sun'], dialog);
    await tapCode(user, ['Bus', 'Coffee', 'Music', 'Sun'], dialog);
    await screen.findByText('The picture code for Bo is saved', {}, SLOW);
    const stored = (await repos.persons.list(wp.id)).find((p) => p.id === bo.id)!.picturePin;
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyPicturePin(['bus', 'coffee', 'music', 'sun'], stored)).toBe(true);
    // the page stays open for the person who just chose the code
    expect(screen.getByRole('region', { name: 'My week' })).toBeTruthy();
  });

  it('can be set and removed by the supervisor in People', async () => {
    await openSupervisorTile(repos, wp.id, 'People');
    const user = userEvent.setup();

    const boButton = await screen.findByRole('button', { name: 'Picture code: Bo' }, SLOW);
    expect(boButton.getAttribute('aria-pressed')).toBe('false');
    await user.click(boButton);
    const dialog = await screen.findByRole('dialog');
    await tapCode(user, ['Star', 'Star', 'Tree', 'Bicycle'], dialog);
    await tapCode(user, ['Star', 'Star', 'Tree', 'Bicycle'], dialog);
    await waitFor(async () => expect((await repos.persons.list(wp.id)).find((p) => p.id === bo.id)!.picturePin).toBeTruthy(), SLOW);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Picture code: Bo' }).getAttribute('aria-pressed')).toBe('true'));

    await user.click(screen.getByRole('button', { name: 'Picture code: Aya' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove the picture code' }));
    await waitFor(async () => expect((await repos.persons.list(wp.id)).find((p) => p.id === aya.id)!.picturePin).toBeNull());
  });

  it('is erased with the person', async () => {
    await repos.persons.erase(aya.id);
    const row = await repos.db.persons.get(aya.id);
    expect(row?.deleted).toBe(1);
    expect(row?.picturePin).toBeUndefined(); // a tombstone keeps no personal fields
    // and the erasure sent to the other tablets blanks it there too
    const ops = await repos.db.outbox.where('[table+rowId]').equals(['persons', aya.id]).toArray();
    expect(ops.at(-1)?.fields).toMatchObject({ deleted: 1, picturePin: null });
  });
});
