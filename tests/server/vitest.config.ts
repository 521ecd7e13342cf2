import { defineConfig } from 'vitest/config';

// The server suite runs in node (no jsdom, no solid plugin). The root config
// can include it with: 'tests/server/**/*.test.ts' and 'src/sync/shared/merge.test.ts'.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/server/**/*.test.ts', 'src/sync/shared/merge.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
