/**
 * Opened the way a tablet first meets a server on a local network: plain
 * http under a name that is not localhost, so the page has no secure context
 * (no crypto.subtle, no service worker). Chromium resolves tavla.test to
 * 127.0.0.1, so the traffic stays on loopback. The demo starts (its PIN is
 * hashed on the device), the PIN unlocks supervisor mode, and the notice
 * explains in pictures and words that offline use and install need HTTPS.
 */
import { describe, expect, it } from 'vitest';
import { startDemo, unlock, useBrowser } from './harness';

const e2e = useBrowser(['--host-resolver-rules=MAP tavla.test 127.0.0.1']);
const lanUrl = () => e2e.url.replace('127.0.0.1', 'tavla.test');

describe('over plain http at a network name', () => {
  it('runs the demo and the PIN, and says why offline use and install need https', async () => {
    const { page } = await e2e.session();
    await page.goto(`${lanUrl()}/?lang=en`);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, subtle: typeof crypto.subtle, host: location.hostname }))).toEqual({
      secure: false,
      subtle: 'undefined',
      host: 'tavla.test',
    });

    await startDemo(page, lanUrl());
    const notice = page.getByRole('status', { name: 'Not a secure connection (http)' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/cannot work offline or be installed/);
    expect(await notice.textContent()).toMatch(/https:\/\//);
    expect(await notice.locator('img').count()).toBeGreaterThanOrEqual(2);

    await unlock(page, '1234'); // PBKDF2 without WebCrypto: the portable implementation

    await notice.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('shows no notice where the context is secure (localhost)', async () => {
    const { page } = await e2e.session();
    await startDemo(page, e2e.url.replace('127.0.0.1', 'localhost'));
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.getByRole('status', { name: 'Not a secure connection (http)' }).count()).toBe(0);
  });
});
