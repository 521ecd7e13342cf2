import { cleanup, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { PICTOGRAM_CREDITS } from '../pictograms/credits';
import { freshRepos, renderApp } from '../../tests/helpers/render';
import { APP_VERSION } from './About';

afterEach(() => cleanup());

describe('About', () => {
  it('says what Tavla is, its version, and credits every pictogram source with its licence', async () => {
    renderApp(freshRepos(), null, '/about');
    expect(await screen.findByRole('heading', { level: 1, name: 'About Tavla' })).toBeTruthy();
    expect(screen.getByText(/digital board for morning meetings/)).toBeTruthy();
    expect(screen.getByText(`Version ${APP_VERSION}`)).toBeTruthy();
    expect(PICTOGRAM_CREDITS.length).toBeGreaterThan(0);
    for (const c of PICTOGRAM_CREDITS) {
      expect(screen.getByRole('link', { name: c.name }).getAttribute('href')).toBe(c.url);
      expect(screen.getAllByText(`Licence: ${c.licence}`).length).toBeGreaterThan(0);
    }
  });
});
