/**
 * The hub fetches the report screens' code while it is idle, and the trends'
 * data, so a tap on the Trends or Reports tile does not wait for the download
 * or for IndexedDB (issue 13).
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, expect, it, vi } from 'vitest';
import { renderApp, seedWorkplaceWithPeople } from '../../tests/helpers/render';
import { DEFAULT_TREND_RANGE, trendsFrom } from '../reports/preload';

const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../reports/TrendsPage', () => {
  loaded.push('trends');
  return { default: () => <p>trends</p> };
});
vi.mock('../reports/AttendanceReportPage', () => {
  loaded.push('report');
  return { default: () => <p>report</p> };
});

afterEach(() => cleanup());

it('loads the report screens once the hub is shown, not before', async () => {
  const { repos, wp } = await seedWorkplaceWithPeople();
  const trendsRead = vi.spyOn(repos.reports, 'trends');
  renderApp(repos, wp.id, '/');
  await screen.findByText(wp.name);
  fireEvent.click(await screen.findByRole('button', { name: 'Unlock' }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.input(within(dialog).getByLabelText('Enter the PIN'), { target: { value: '1234' } });
  fireEvent.submit(within(dialog).getByLabelText('Enter the PIN').closest('form')!);
  const manage = await screen.findByRole('link', { name: 'Manage' }, { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 400));
  expect(loaded).toEqual([]); // the board alone never loads them
  expect(trendsRead).not.toHaveBeenCalled();
  fireEvent.click(manage);
  await screen.findByRole('link', { name: 'Trends' });
  await waitFor(() => expect([...loaded].sort()).toEqual(['report', 'trends']));
  // and the trends' data (the default year) is read into memory, so the tap on the tile waits for the charts only
  expect(trendsRead).toHaveBeenCalledTimes(1);
  const [id, from, to] = trendsRead.mock.calls[0]!;
  expect(id).toBe(wp.id);
  expect(from).toBe(trendsFrom(to, DEFAULT_TREND_RANGE));
});
