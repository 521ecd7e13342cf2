/** The deviation board: columns for everyone, handling for supervisors only. */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates';
import { renderScreens, seed } from '../../../tests/helpers/entry';

const SLOW = { timeout: 5000 };
const today = toIsoDate(new Date());

afterEach(() => cleanup());

describe('DeviationsPage', () => {
  it('shows each deviation in its column with category, text and reporter, and no handling controls when locked', async () => {
    const seeded = await seed();
    const { repos, wp, people } = seeded;
    await repos.deviations.report(wp.id, { category: 'brokenTool', date: today, text: 'Saw blade is dull', reportedBy: people[0]!.id });
    await renderScreens(seeded, '/deviations');

    const fresh = await screen.findByRole('region', { name: 'New' }, SLOW);
    const card = await within(fresh).findByRole('article', { name: 'Broken tool or machine' });
    expect(within(card).getByText('Saw blade is dull')).toBeTruthy();
    expect(within(card).getByText('Reported by: Aya')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Being handled' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Solved' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Report a deviation' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Move to/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Responsible and action' })).toBeNull();
  });

  it('a supervisor moves a deviation new → being handled → solved, with a responsible person and an action', async () => {
    const seeded = await seed();
    const { repos, wp, people } = seeded;
    const d = await repos.deviations.report(wp.id, { category: 'safety', date: today });
    await renderScreens(seeded, '/deviations', { unlocked: true });
    const user = userEvent.setup();

    const fresh = await screen.findByRole('region', { name: 'New' }, SLOW);
    await user.click(await within(fresh).findByRole('button', { name: 'Move to Being handled' }));
    await waitFor(async () => expect((await repos.deviations.all(wp.id))[0]!.status).toBe('handling'));

    const handling = screen.getByRole('region', { name: 'Being handled' });
    await user.click(await within(handling).findByRole('button', { name: 'Responsible and action' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Bo' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Action' }), 'New gloves ordered');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await repos.deviations.all(wp.id))[0]).toMatchObject({ responsibleId: people[1]!.id, action: 'New gloves ordered' }));
    expect(await within(handling).findByText('New gloves ordered')).toBeTruthy();

    await user.click(within(handling).getByRole('button', { name: 'Move to Solved' }));
    await waitFor(async () => expect((await repos.deviations.all(wp.id))[0]).toMatchObject({ id: d.id, status: 'solved' }));
    const solved = screen.getByRole('region', { name: 'Solved' });
    expect(await within(solved).findByRole('article', { name: 'Safety / injury' })).toBeTruthy();
    expect((await repos.deviations.all(wp.id))[0]!.solvedAt).toBeTypeOf('number');
  });

  it('a supervisor deletes a deviation after confirming', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    await repos.deviations.report(wp.id, { category: 'time', date: today });
    await renderScreens(seeded, '/deviations', { unlocked: true });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await repos.deviations.all(wp.id)).toHaveLength(0));
  });

  it('locking hides the handling controls again', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    await repos.deviations.report(wp.id, { category: 'quality', date: today });
    const { store } = await renderScreens(seeded, '/deviations', { unlocked: true });
    await screen.findByRole('button', { name: 'Move to Being handled' }, SLOW);
    store.lock();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Move to Being handled' })).toBeNull());
  });
});
