/**
 * The safety cross on its own, for a fixed "today", so the colours of the
 * past, today and the future are known: red on a day with a safety
 * deviation, grey for days to come, green for safe open days.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppProvider, createAppStore } from '../context';
import type { Repositories } from '../../data';
import type { Deviation, Workplace } from '../../domain/types';
import { I18nProvider } from '../../i18n';
import { freshRepos, seedWorkplace } from '../../../tests/helpers/render';
import { SafetyCross } from './SafetyCross';

let repos: Repositories;
let wp: Workplace;

beforeEach(async () => {
  repos = freshRepos();
  wp = await seedWorkplace(repos, { openDays: [1, 2, 3, 4, 5] });
});
afterEach(() => cleanup());

function renderCross(date: string, deviations: Deviation[], compact = false) {
  return render(() => (
    <I18nProvider initial="en">
      <AppProvider store={createAppStore(repos, wp.id)}>
        <SafetyCross date={date} deviations={deviations} compact={compact} />
      </AppProvider>
    </I18nProvider>
  ));
}

async function safetyDeviation(date: string, category: 'safety' | 'quality' = 'safety') {
  return repos.deviations.report(wp.id, { category, date });
}

describe('SafetyCross', () => {
  it('colours the month: red on a safety deviation, grey in the future and on closed days, green otherwise', async () => {
    // March 2026: the 10th is a Tuesday, the 15th (today) a Sunday, the 16th a Monday.
    const deviations = [await safetyDeviation('2026-03-10'), await safetyDeviation('2026-03-11', 'quality')];
    renderCross('2026-03-15', deviations);

    const month = await screen.findByRole('list', { name: 'Safety cross March 2026' });
    const days = within(month).getAllByRole('listitem');
    expect(days).toHaveLength(31);
    expect(within(month).getByRole('listitem', { name: '10: Safety deviation' }).className).toContain('safety-red');
    expect(within(month).getByRole('listitem', { name: '11: No safety deviation' }).className).toContain('safety-green');
    expect(within(month).getByRole('listitem', { name: '14: Closed or future' }).className).toContain('safety-grey'); // Saturday
    expect(within(month).getByRole('listitem', { name: '16: Closed or future' }).className).toContain('safety-grey'); // tomorrow
    const today = within(month).getByRole('listitem', { name: '15: Closed or future' });
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(today.className).toContain('is-today');
    // open days so far: 2–6 and 9–13 (1 March 2026 is a Sunday); the 10th is red
    expect(screen.getByText('9 days without safety deviation, 1 with')).toBeTruthy();
  });

  it('has a legend naming every colour with a pictogram', async () => {
    renderCross('2026-03-15', []);
    const legend = await screen.findByRole('list', { name: 'What the colours mean' });
    for (const word of ['No safety deviation', 'Safety deviation', 'Closed or future', 'Today']) {
      expect(within(legend).getByText(word)).toBeTruthy();
    }
  });

  it('pages back to the previous month and not past the current one', async () => {
    renderCross('2026-03-15', [await safetyDeviation('2026-02-03')]);
    const next = await screen.findByRole('button', { name: 'Next month' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    const month = await screen.findByRole('list', { name: 'Safety cross February 2026' });
    expect(within(month).getAllByRole('listitem')).toHaveLength(28);
    expect(within(month).getByRole('listitem', { name: '3: Safety deviation' })).toBeTruthy();
    // a past month is complete: no future days, today is not in it
    expect(within(month).getByRole('listitem', { name: '27: No safety deviation' })).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Next month' }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('compact form is one image with a text alternative', async () => {
    renderCross('2026-03-15', [await safetyDeviation('2026-03-10')], true);
    const img = await screen.findByRole('img', { name: 'Safety cross: 9 days without safety deviation, 1 with' });
    expect(img.querySelectorAll('.safety-red')).toHaveLength(1);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
