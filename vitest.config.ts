import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { fileURLToPath } from 'node:url';

// Local time is Stockholm's in every test, as on the tablets, whatever the machine says
// (set before the test workers start, so they inherit it). Dates come from the clock the
// tests drive; .ci/run also runs the date-sensitive files at other machine dates (faketime).
process.env.TZ ??= 'Europe/Stockholm';

export default defineConfig({
  plugins: [solid()],
  resolve: {
    conditions: ['development', 'browser'],
    alias: {
      'virtual:pwa-register/solid': fileURLToPath(new URL('./tests/helpers/pwa-register-stub.ts', import.meta.url)),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
