/** Proposing an idea in three taps from the home board, credited to a face. */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../tests/helpers/render';
import { seed } from '../../../tests/helpers/entry';

const SLOW = { timeout: 5000 };

afterEach(() => cleanup());

describe('ProposeIdea', () => {
  it('saves an idea in exactly three taps from the home board, credited to the face', async () => {
    const { repos, wp, people } = await seed();
    renderApp(repos, wp.id, '/');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('link', { name: 'New idea' }, SLOW)); // 1
    const subjects = await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    await user.click((await within(subjects).findAllByRole('button'))[0]!); // 2: the first subject, "idea"
    await user.click(await screen.findByRole('button', { name: 'Sara' })); // 3

    expect(await screen.findByText('Thank you for the idea!')).toBeTruthy();
    const saved = await repos.improvements.all(wp.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ pictogramId: 'idea', proposedBy: people[2]!.id, status: 'idea' });
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await repos.drafts.get('idea-draft')).toBeUndefined();
  });

  it("offers the workplace's own kind of work as a subject", async () => {
    const { repos, wp } = await seed();
    renderApp(repos, wp.id, '/improvements/new');
    const subjects = await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    const user = userEvent.setup();
    // The seeded workplace is a carpentry: its pictogram is the second tile.
    await waitFor(() => expect(within(subjects).getAllByRole('button').length).toBeGreaterThan(2));
    await user.click(within(subjects).getAllByRole('button')[1]!);
    await user.click(await screen.findByRole('button', { name: 'Save without a name' }));
    await screen.findByText('Thank you for the idea!');
    const [saved] = await repos.improvements.all(wp.id);
    expect(saved).toMatchObject({ pictogramId: 'carpentry', proposedBy: null });
  });

  it('undo in the confirmation removes the idea again', async () => {
    const { repos, wp } = await seed();
    renderApp(repos, wp.id, '/improvements/new');
    const user = userEvent.setup();
    const subjects = await screen.findByRole('region', { name: 'What is the idea?' }, SLOW);
    await user.click((await within(subjects).findAllByRole('button'))[0]!);
    await user.click(await screen.findByRole('button', { name: 'Aya' }));
    await screen.findByText('Thank you for the idea!');
    expect(await repos.improvements.all(wp.id)).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await repos.improvements.all(wp.id)).toHaveLength(0));
  });
});
