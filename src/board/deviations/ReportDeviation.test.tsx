/**
 * Reporting a deviation the way a participant does it: three taps from the
 * home board (report → category → face), no reading, no typing. Asserts on
 * what is shown and on the stored record.
 */
import { cleanup, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../domain/dates';
import { renderApp } from '../../../tests/helpers/render';
import { seed } from '../../../tests/helpers/entry';

const SLOW = { timeout: 5000 };

afterEach(() => cleanup());

describe('ReportDeviation', () => {
  it('saves a deviation in exactly three taps from the home board', async () => {
    const { repos, wp, people } = await seed();
    renderApp(repos, wp.id, '/');
    const user = userEvent.setup();

    await user.click(await screen.findByRole('link', { name: 'Report a deviation' }, SLOW)); // 1
    await user.click(await screen.findByRole('button', { name: 'Broken tool or machine' }, SLOW)); // 2
    await user.click(await screen.findByRole('button', { name: 'Bo' }, SLOW)); // 3

    expect(await screen.findByText('Thank you! The deviation is saved.')).toBeTruthy();
    const saved = await repos.deviations.all(wp.id);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ category: 'brokenTool', reportedBy: people[1]!.id, status: 'new', date: toIsoDate(new Date()), photo: null, text: '' });
    // Back on the board, and the draft is gone.
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(await repos.drafts.get('deviation-draft')).toBeUndefined();
  });

  it('undo in the confirmation removes the deviation again', async () => {
    const { repos, wp } = await seed();
    renderApp(repos, wp.id, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Safety / injury' }, SLOW));
    await user.click(await screen.findByRole('button', { name: 'Save without a name' }));
    await screen.findByText('Thank you! The deviation is saved.');
    const [saved] = await repos.deviations.all(wp.id);
    expect(saved).toMatchObject({ category: 'safety', reportedBy: null });

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await repos.deviations.all(wp.id)).toHaveLength(0));
  });

  it("offers the workplace's own categories in its order", async () => {
    const { repos, wp } = await seed();
    await repos.workplaces.update(wp.id, { deviationCategories: ['time', 'safety'] });
    renderApp(repos, wp.id, '/deviations/new');
    const section = await screen.findByRole('region', { name: 'What happened?' }, SLOW);
    await waitFor(() => expect(within(section).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Time / late', 'Safety / injury']));
  });

  it('keeps the optional text with the report, and back returns to the categories', async () => {
    const { repos, wp, people } = await seed();
    renderApp(repos, wp.id, '/deviations/new');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Missing material' }, SLOW));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(await screen.findByRole('button', { name: 'Quality' }));
    await user.type(screen.getByRole('textbox', { name: 'Write (if you want)' }), 'Paint  is runny');
    await user.click(screen.getByRole('button', { name: 'Aya' }));
    await screen.findByText('Thank you! The deviation is saved.');
    const [saved] = await repos.deviations.all(wp.id);
    expect(saved).toMatchObject({ category: 'quality', reportedBy: people[0]!.id, text: 'Paint is runny' });
  });
});
