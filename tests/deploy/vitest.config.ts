/**
 * Deployment tests (.ci/replicas.sh): the production build of the server,
 * run as real processes behind Caddy on PostgreSQL. Not part of `npm test`:
 * they need `npm run build:server`, Caddy and a PostgreSQL server.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/deploy/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
