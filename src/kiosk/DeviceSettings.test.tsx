/**
 * "This tablet", driven like a supervisor: unlock, open the tile, tap the
 * settings — each change is stored on the device and shows on <html> at once.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@solidjs/testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../data';
import type { Workplace } from '../domain/types';
import type { DevicePrefs } from '../core/prefs';
import { freshRepos, openSupervisorTile, renderApp, seedWorkplace } from '../../tests/helpers/render';

let repos: Repositories;
let wp: Workplace;

beforeEach(async () => {
  repos = freshRepos();
  wp = await seedWorkplace(repos);
});
afterEach(() => {
  cleanup();
  const root = document.documentElement;
  root.classList.remove('pictures-only', 'high-contrast');
  delete root.dataset.textSize;
});

const stored = () => repos.settings.get<Partial<DevicePrefs>>('devicePrefs', {});

const openDeviceSettings = () => openSupervisorTile(repos, wp.id, 'This tablet');

describe('This tablet', () => {
  it('is a tile in the supervisor menu with a pictogram, and every control carries one', async () => {
    await openDeviceSettings();
    const main = screen.getByRole('main');
    const controls = within(main).getAllByRole('button');
    expect(controls.length).toBeGreaterThanOrEqual(4 + 3 + 6 + 2);
    for (const c of controls) expect(c.querySelector('img[data-pictogram]'), c.getAttribute('aria-label') ?? '').not.toBeNull();
  });

  it('turns pictures-only and high contrast on and off, stored and shown on <html>', async () => {
    await openDeviceSettings();
    const root = document.documentElement;
    const pictures = screen.getByRole('button', { name: 'Pictures only' });
    expect(pictures.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(pictures);
    await waitFor(() => expect(root.classList.contains('pictures-only')).toBe(true));
    expect(pictures.getAttribute('aria-pressed')).toBe('true');
    await waitFor(async () => expect((await stored()).picturesOnly).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: 'High contrast' }));
    await waitFor(() => expect(root.classList.contains('high-contrast')).toBe(true));
    await waitFor(async () => expect((await stored()).highContrast).toBe(true));

    fireEvent.click(pictures);
    await waitFor(() => expect(root.classList.contains('pictures-only')).toBe(false));
    await waitFor(async () => expect((await stored()).picturesOnly).toBe(false));
  });

  it('sets the text size, the idle time, dimming, sound and the nightly update hour', async () => {
    await openDeviceSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Larger' }));
    await waitFor(() => expect(document.documentElement.dataset.textSize).toBe('larger'));

    fireEvent.click(screen.getByRole('button', { name: 'Back to the board after 10 seconds' }));
    await waitFor(async () => expect((await stored()).idleSeconds).toBe(10));
    expect(screen.getByRole('button', { name: 'Back to the board after 10 seconds' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Dark screen outside opening hours' }));
    await waitFor(async () => expect((await stored()).dimOutsideHours).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Sound when something is saved' }));
    await waitFor(async () => expect((await stored()).sounds).toBe(false));

    const hour = screen.getByText('03:00');
    fireEvent.click(screen.getByRole('button', { name: 'Earlier' }));
    await waitFor(() => expect(hour.textContent).toBe('02:00'));
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    await waitFor(async () => expect((await stored()).quietReloadHour).toBe(4));
    expect(screen.getByText('Saved for this tablet')).toBeTruthy();
  });

  it('keeps the settings after a restart of the app', async () => {
    await repos.settings.set('devicePrefs', { picturesOnly: true, textSize: 'large', idleSeconds: 30 });
    renderApp(repos, wp.id, '/');
    await waitFor(() => expect(document.documentElement.classList.contains('pictures-only')).toBe(true));
    expect(document.documentElement.dataset.textSize).toBe('large');
  });
});
