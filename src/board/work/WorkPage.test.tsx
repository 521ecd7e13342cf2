/**
 * Today's work driven like a user: the board fills itself from recurring
 * templates exactly once, a task is marked done with one tap, and the
 * notice's undo takes it back.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../data';
import type { Person, Workplace } from '../../domain/types';
import { toIsoDate } from '../../domain/dates';
import { renderApp, seedWorkplaceWithPeople } from '../../../tests/helpers/render';

let repos: Repositories;
let wp: Workplace;
let people: Person[];
const today = () => toIsoDate(new Date());
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

beforeEach(async () => {
  ({ repos, wp, people } = await seedWorkplaceWithPeople(['Amina', 'Bo']));
});
afterEach(() => cleanup());

async function seedKitchen() {
  const area = await repos.work.addArea(wp.id, { pictogramId: 'kitchen', text: 'Kitchen' });
  const template = await repos.work.addRecurring(wp.id, {
    workAreaId: area.id,
    pictogramId: 'wash-dishes',
    text: 'Wash dishes',
    weekdays: EVERY_DAY,
    assignees: [people[0]!.id],
  });
  return { area, template };
}

describe('WorkPage', () => {
  it("fills today's recurring tasks exactly once, however often the screen opens", async () => {
    await seedKitchen();
    const first = renderApp(repos, wp.id, '/work');
    expect(await screen.findByRole('button', { name: 'Mark done: Wash dishes' })).toBeTruthy();
    first.unmount();

    renderApp(repos, wp.id, '/work');
    await screen.findByRole('button', { name: 'Mark done: Wash dishes' });
    await repos.work.fillDay(wp.id, today()); // a second tablet filling the same day
    await waitFor(async () => expect(await repos.work.tasksFor(wp.id, today())).toHaveLength(1));
    expect(screen.getAllByRole('button', { name: /^Mark done:/ })).toHaveLength(1);
  });

  it('groups tasks by work area with the assigned faces, and puts tasks without an area under Other', async () => {
    await seedKitchen();
    await repos.work.addTask(wp.id, today(), { workAreaId: 'gone', pictogramId: 'broom', text: 'Sweep yard', assignees: [people[1]!.id] });
    renderApp(repos, wp.id, '/work');

    const kitchen = await screen.findByRole('region', { name: 'Kitchen' });
    const dishes = within(kitchen).getByRole('listitem', { name: 'Wash dishes' });
    expect(within(within(dishes).getByRole('list', { name: 'Who does it' })).getByText('Amina')).toBeTruthy();
    const other = await screen.findByRole('region', { name: 'Other' });
    expect(within(other).getByRole('listitem', { name: 'Sweep yard' })).toBeTruthy();
    expect(screen.getByText('0 of 2 done')).toBeTruthy();
  });

  it('marks a task done, stores doneAt and shows the check; undo in the notice restores it', async () => {
    await seedKitchen();
    renderApp(repos, wp.id, '/work');
    fireEvent.click(await screen.findByRole('button', { name: 'Mark done: Wash dishes' }));

    expect(await screen.findByText('Well done! Wash dishes is done.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark done: Wash dishes' })).toBeNull());
    const [task] = await repos.work.tasksFor(wp.id, today());
    expect(task!.doneAt).toEqual(expect.any(Number));
    const item = screen.getByRole('listitem', { name: 'Wash dishes' });
    expect(item.classList.contains('is-done')).toBe(true);
    expect(within(item).getByText('Done')).toBeTruthy();
    expect(screen.getByText('1 of 1 done')).toBeTruthy();
    // a participant cannot take it back later, only through the notice
    expect(screen.queryByRole('button', { name: 'Not done: Wash dishes' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Mark done: Wash dishes' })).toBeTruthy();
    const [restored] = await repos.work.tasksFor(wp.id, today());
    expect(restored!.doneAt).toBeNull();
    expect(screen.getByText('0 of 1 done')).toBeTruthy();
  });

  it('shows an empty state and has no serious accessibility violations', async () => {
    const { container } = renderApp(repos, wp.id, '/work');
    expect(await screen.findByText('No tasks today')).toBeTruthy();
    await seedKitchen();
    await repos.work.fillDay(wp.id, today());
    await screen.findByRole('button', { name: 'Mark done: Wash dishes' });
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
