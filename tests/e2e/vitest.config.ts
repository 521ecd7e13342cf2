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
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
