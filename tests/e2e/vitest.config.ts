/**
 * End-to-end suite: real Debian Chromium driven by playwright-core against the
 * built app served by the real server (embedded PGlite). Run `npm run build`
 * first (npm run test:e2e does).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // a page's state settles in its own time on a loaded 2-core machine: a poll waits up to 10 s, not
    // vitest's default 1 s (a condition met sooner returns sooner)
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
