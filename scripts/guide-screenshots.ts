/**
 * `npx tsx scripts/guide-screenshots.ts`: the pictures of
 * docs/supervisor-guide.md — connecting a board to the server, the pairing
 * code with its QR code, and joining on the new tablet — taken from the
 * real app and server (embedded database in memory). Needs `npm run build`.
 */
import { join } from 'node:path';
import { launch, newSession, serveWithServer, startDemo, unlock } from '../tests/e2e/harness';

const OUT = join(import.meta.dirname, '..', 'docs', 'screenshots');

async function main() {
  const [browser, server] = await Promise.all([launch(), serveWithServer()]);
  try {
    const a = await newSession(browser, { width: 1024, height: 1100 });
    await startDemo(a.page, server.url);
    await unlock(a.page);
    await a.page.getByRole('link', { name: /Only on this device/ }).click();
    await a.page.getByLabel('Email').fill('supervisor@example.se');
    await a.page.getByLabel('Password (at least 10 characters)').fill('correct horse battery');
    await a.page.screenshot({ path: join(OUT, 'guide-connect.png') });
    await a.page.getByRole('button', { name: 'Create account' }).click();
    await a.page.getByRole('button', { name: 'Pair a tablet' }).click();
    const code = (await a.page.locator('.pairing-code-text').textContent())!.trim();
    // (the "connected" notice would cover the code)
    await a.page.locator('.notice').getByRole('button', { name: 'Close' }).click().catch(() => undefined);
    await a.page.locator('.notice').waitFor({ state: 'detached' }).catch(() => undefined);
    await a.page.screenshot({ path: join(OUT, 'guide-pair-code.png') });

    const b = await newSession(browser, { width: 1024, height: 768 });
    await b.page.goto(`${server.url}/pair?code=${code}&lang=en`);
    await b.page.getByRole('button', { name: 'Join' }).waitFor();
    await b.page.screenshot({ path: join(OUT, 'guide-join.png') });
    console.log('wrote guide-connect.png, guide-pair-code.png, guide-join.png');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
