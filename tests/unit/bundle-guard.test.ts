import { describe, expect, it } from 'vitest';
import { testModules } from '../../scripts/bundle-guard';

describe('the bundle guard', () => {
  it('names test helpers, test files and test libraries', () => {
    const ids = [
      '/repo/tests/helpers/render.tsx',
      '/repo/src/board/Home.test.tsx',
      '/repo/src/speech/testing-app.ts',
      '/repo/node_modules/fake-indexeddb/auto/index.mjs',
      '/repo/node_modules/@solidjs/testing-library/dist/index.js',
    ];
    expect(testModules(ids)).toEqual(ids);
  });

  it('lets production modules through', () => {
    const ids = ['/repo/src/board/Home.tsx', '/repo/src/core/context.tsx', '/repo/node_modules/dexie/dist/dexie.mjs', '\0vite/preload-helper.js'];
    expect(testModules(ids)).toEqual([]);
  });
});
