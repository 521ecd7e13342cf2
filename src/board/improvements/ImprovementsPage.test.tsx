/** The improvement board: PDCA columns, tap-to-move for supervisors, "not now" with a reason. */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates';
import { renderScreens, seed } from '../../../tests/helpers/entry';

const SLOW = { timeout: 5000 };
const today = toIsoDate(new Date());

afterEach(() => cleanup());

type Repos = Awaited<ReturnType<typeof seed>>['repos'];
const statusOf = async (repos: Repos, id: string) => (await repos.db.improvements.get(id))?.status;

describe('ImprovementsPage', () => {
  it('credits each idea to its face and shows no move buttons when locked', async () => {
    const seeded = await seed();
    const { repos, wp, people } = seeded;
    await repos.improvements.propose(wp.id, { date: today, pictogramId: 'toolbox', text: 'Hooks for the hammers', proposedBy: people[0]!.id });
    await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea' });
    await renderScreens(seeded, '/improvements');

    const ideas = await screen.findByRole('region', { name: 'Idea' }, SLOW);
    expect(await within(ideas).findByText('Idea from Aya')).toBeTruthy();
    expect(within(ideas).getByText('Hooks for the hammers')).toBeTruthy();
    expect(within(ideas).getByText('Idea without a name')).toBeTruthy();
    for (const name of ['Planned', 'Doing', 'Done', 'Not now']) expect(screen.getByRole('region', { name })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'New idea' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Move to/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('a supervisor moves an idea through planned → doing → done by tapping buttons', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    const idea = await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea', text: 'Sort screws by size' });
    await renderScreens(seeded, '/improvements', { unlocked: true });
    const user = userEvent.setup();

    const steps = [
      ['Idea', 'Move to Planned', 'planned'],
      ['Planned', 'Move to Doing', 'doing'],
      ['Doing', 'Move to Done', 'done'],
    ] as const;
    for (const [column, button, status] of steps) {
      const region = await screen.findByRole('region', { name: column }, SLOW);
      await user.click(await within(region).findByRole('button', { name: button }));
      await waitFor(async () => expect(await statusOf(repos, idea.id)).toBe(status));
    }
    const done = screen.getByRole('region', { name: 'Done' });
    expect(await within(done).findByText('Sort screws by size')).toBeTruthy();
    // like on paper: every other column is one tap away
    expect(within(done).getAllByRole('button', { name: /^Move to/ }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Move to Idea',
      'Move to Planned',
      'Move to Doing',
      'Move to Not now',
    ]);
  });

  it('a supervisor moves an idea straight from Idea to Done in one tap, and is told so', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    const idea = await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea', text: 'Label the shelves' });
    await renderScreens(seeded, '/improvements', { unlocked: true });
    const user = userEvent.setup();
    const region = await screen.findByRole('region', { name: 'Idea' }, SLOW);
    await user.click(await within(region).findByRole('button', { name: 'Move to Done' }));
    await waitFor(async () => expect(await statusOf(repos, idea.id)).toBe('done'));
    expect(await screen.findByText('Moved to Done')).toBeTruthy();
  });

  it('"not now" needs a reason, and the reason is shown on the card', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    const idea = await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea', text: 'A new lathe' });
    await renderScreens(seeded, '/improvements', { unlocked: true });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Move to Not now' }, SLOW));
    let dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Write why the idea is not done now.');
    expect(await statusOf(repos, idea.id)).toBe('idea');

    dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Why not now?' }), 'No money this year');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await statusOf(repos, idea.id)).toBe('notNow'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const notNow = screen.getByRole('region', { name: 'Not now' });
    expect(await within(notNow).findByText('No money this year')).toBeTruthy();
    expect((await repos.db.improvements.get(idea.id))!.reason).toBe('No money this year');
  });

  it('a supervisor deletes an idea after confirming', async () => {
    const seeded = await seed();
    const { repos, wp } = seeded;
    await repos.improvements.propose(wp.id, { date: today, pictogramId: 'idea' });
    await renderScreens(seeded, '/improvements', { unlocked: true });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete' }, SLOW));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await repos.improvements.all(wp.id)).toHaveLength(0));
  });
});
