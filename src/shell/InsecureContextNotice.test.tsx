import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n';
import { InsecureContextNotice } from './InsecureContextNotice';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('InsecureContextNotice', () => {
  it('tells, in pictures and words, that offline use and install need https, and how to fix it', async () => {
    render(() => (
      <I18nProvider initial="en">
        <InsecureContextNotice secure={false} />
      </I18nProvider>
    ));
    const notice = await screen.findByRole('status', { name: 'Not a secure connection (http)' });
    expect(notice.textContent).toMatch(/cannot work offline or be installed/);
    expect(notice.textContent).toMatch(/open Tavla at its https:\/\/ address/);
    expect(notice.querySelectorAll('img').length).toBeGreaterThanOrEqual(2);
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('status', { name: 'Not a secure connection (http)' })).toBeNull();
  });

  it('stays away over https', async () => {
    render(() => (
      <I18nProvider initial="en">
        <InsecureContextNotice secure={true} />
        <p>board</p>
      </I18nProvider>
    ));
    await screen.findByText('board');
    expect(screen.queryByRole('status')).toBeNull();
  });
});
