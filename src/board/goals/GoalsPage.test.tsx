/**
 * The Goals screen driven like a user: tap +1, tap done, undo through the
 * notice, and read the status colours — asserting on screen and in storage.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../data';
import type { Workplace } from '../../domain/types';
import { toIsoDate } from '../../domain/dates';
import { Route } from '@solidjs/router';
import GoalsPage from './GoalsPage';
import { freshRepos, renderApp, renderRoutes, seedWorkplace } from '../../../tests/helpers/render';

let repos: Repositories;
let wp: Workplace;
const today = () => toIsoDate(new Date());

/** The card (list item) of a goal, found by its accessible name. */
const card = async (name: string) => screen.findByRole('listitem', { name });

beforeEach(async () => {
  repos = freshRepos();
  // Opening = closing: the working day counts as over all day long, so colours are deterministic.
  wp = await seedWorkplace(repos, { openingTime: '00:00', closingTime: '00:00' });
});
afterEach(() => cleanup());

describe('GoalsPage', () => {
  it('adds one to a count goal, stores the entry and shows the new progress', async () => {
    const goal = await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Fold shirts', period: 'day', target: { kind: 'count', target: 5 } });
    renderApp(repos, wp.id, '/goals');

    const item = await card('Fold shirts');
    expect(within(item).getByText('0 of 5')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: '+1 to Fold shirts' }));

    await waitFor(() => expect(within(item).getByText('1 of 5')).toBeTruthy());
    const entries = await repos.goals.progressBetween(wp.id, today(), today());
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ goalId: goal.id, date: today(), amount: 1 });
    expect(await screen.findByText('Well done! Fold shirts: 1 of 5')).toBeTruthy();
  });

  it('a supervisor types the count (14 is one number, not 14 taps) and takes one off with −1, each with an undo', async () => {
    await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Fold shirts', period: 'day', target: { kind: 'count', target: 20 } });
    const { store } = renderRoutes(repos, wp.id, '/goals', () => <Route path="/goals" component={GoalsPage} />);
    await waitFor(() => {
      if (!store().workplace()) throw new Error('workplace not loaded yet');
    });
    expect((await store().unlock('1234')).ok).toBe(true);
    const item = await card('Fold shirts');
    // −1 cannot go below zero
    expect((within(item).getByRole('button', { name: '−1 from Fold shirts' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(within(item).getByLabelText('Type the number: Fold shirts'), { target: { value: '14' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save: Type the number: Fold shirts' }));
    await waitFor(() => expect(within(item).getByText('14 of 20')).toBeTruthy());
    expect(await screen.findByText('Fold shirts: 14')).toBeTruthy();
    fireEvent.click(within(item).getByRole('button', { name: '−1 from Fold shirts' }));
    await waitFor(() => expect(within(item).getByText('13 of 20')).toBeTruthy());
    const entries = await repos.goals.progressBetween(wp.id, today(), today());
    expect(entries.map((e) => e.amount).sort((a, b) => a - b)).toEqual([-1, 14]);
    // the −1 has its own undo, the typed number too (two notices, two undos)
    expect(await screen.findAllByRole('button', { name: 'Undo' })).toHaveLength(2);
    const minusNotice = (await screen.findByText('Fold shirts: 13')).closest('.notice') as HTMLElement;
    fireEvent.click(within(minusNotice).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(item).getByText('14 of 20')).toBeTruthy());
  });

  it('a participant sees neither −1 nor the number field', async () => {
    await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Fold shirts', period: 'day', target: { kind: 'count', target: 20 } });
    renderApp(repos, wp.id, '/goals');
    const item = await card('Fold shirts');
    expect(within(item).queryByRole('button', { name: '−1 from Fold shirts' })).toBeNull();
    expect(within(item).queryByLabelText('Type the number: Fold shirts')).toBeNull();
  });

  it('undoes a +1 from the notice', async () => {
    await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Fold shirts', period: 'week', target: { kind: 'count', target: 20 } });
    renderApp(repos, wp.id, '/goals');
    const item = await card('Fold shirts');
    fireEvent.click(within(item).getByRole('button', { name: '+1 to Fold shirts' }));
    await waitFor(() => expect(within(item).getByText('1 of 20')).toBeTruthy());

    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(within(item).getByText('0 of 20')).toBeTruthy());
    expect(await repos.goals.progressBetween(wp.id, '0000-01-01', '9999-12-31')).toHaveLength(0);
  });

  it('marks a yes/no goal done, then undoes it through the notice', async () => {
    const goal = await repos.goals.add(wp.id, { pictogramId: 'safety', period: 'day', target: { kind: 'yesno' } });
    renderApp(repos, wp.id, '/goals');

    // No text: the goal is named by its pictogram's label.
    const button = await screen.findByRole('button', { name: /: Not done$/ });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);

    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    const entries = await repos.goals.progressBetween(wp.id, today(), today());
    expect(entries).toMatchObject([{ goalId: goal.id, amount: 1 }]);

    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(await repos.goals.progressBetween(wp.id, today(), today())).toHaveLength(0);
  });

  it('does not let a participant take a done goal back', async () => {
    const goal = await repos.goals.add(wp.id, { pictogramId: 'safety', text: 'Sweep', period: 'day', target: { kind: 'yesno' } });
    await repos.goals.addProgress(wp.id, goal.id, today(), 1);
    renderApp(repos, wp.id, '/goals');
    const button = await screen.findByRole('button', { name: 'Sweep: Done' });
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(button);
    expect(await screen.findByText('Sweep is already done.')).toBeTruthy();
    expect(await repos.goals.progressBetween(wp.id, today(), today())).toHaveLength(1);
  });

  it('shows status colour, pictogram and word: red when behind, green when reached', async () => {
    const behind = await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Behind goal', period: 'day', target: { kind: 'count', target: 5 } });
    const reached = await repos.goals.add(wp.id, { pictogramId: 'medal', text: 'Reached goal', period: 'day', target: { kind: 'count', target: 2 } });
    await repos.goals.addProgress(wp.id, behind.id, today(), 1);
    await repos.goals.addProgress(wp.id, reached.id, today(), 2);
    renderApp(repos, wp.id, '/goals');

    const red = await card('Behind goal');
    const green = await card('Reached goal');
    await waitFor(() => expect(red.classList.contains('color-red')).toBe(true));
    expect(within(red).getByText('Behind')).toBeTruthy();
    await waitFor(() => expect(green.classList.contains('color-green')).toBe(true));
    expect(within(green).getByText('On track')).toBeTruthy();
    expect(within(green).getByText('2 of 2')).toBeTruthy();
  });

  it('groups daily and weekly goals, shows the safety cross and no manage link when locked', async () => {
    await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Daily one', period: 'day', target: { kind: 'count', target: 3 } });
    await repos.goals.add(wp.id, { pictogramId: 'medal', text: 'Weekly one', period: 'week', target: { kind: 'yesno' } });
    renderApp(repos, wp.id, '/goals');

    const daily = await screen.findByRole('region', { name: "Today's goals" });
    const weekly = await screen.findByRole('region', { name: "This week's goals" });
    expect(within(daily).getByRole('listitem', { name: 'Daily one' })).toBeTruthy();
    expect(within(weekly).getByRole('listitem', { name: 'Weekly one' })).toBeTruthy();
    const cross = await screen.findByRole('region', { name: 'Safety cross' });
    const day = Number(today().slice(8, 10));
    await waitFor(() => expect(within(cross).getByRole('listitem', { name: `${day}: No safety deviation` }).getAttribute('aria-current')).toBe('date'));
    expect(screen.queryByRole('link', { name: 'Change goals' })).toBeNull();
  });

  it('shows an empty state and has no serious accessibility violations', async () => {
    const { container } = renderApp(repos, wp.id, '/goals');
    expect(await screen.findByText('No goals yet')).toBeTruthy();
    await repos.goals.add(wp.id, { pictogramId: 'trophy', text: 'Fold shirts', period: 'day', target: { kind: 'count', target: 5 } });
    await card('Fold shirts');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
