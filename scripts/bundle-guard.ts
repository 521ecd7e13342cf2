/**
 * Keeps test code out of the production bundle. Test helpers (tests/,
 * *.test.*, fake IndexedDB, the testing libraries) are only ever imported by
 * tests; the layering check forbids production imports of them, and this
 * build plugin proves it on what actually ships: it lists every module of
 * every emitted chunk and fails the build if one of them is test code.
 */
import type { Plugin } from 'vite';

const TEST_MODULE = [
  /(^|\/)tests\//,
  /\.test\.[cm]?[jt]sx?$/,
  /^(?!.*\/node_modules\/).*\/testing[^/]*\.[jt]sx?$/,
  /\/node_modules\/(fake-indexeddb|@solidjs\/testing-library|@testing-library|vitest|@vitest)\//,
];

/** The ids among `moduleIds` that are test code. */
export function testModules(moduleIds: Iterable<string>): string[] {
  return [...moduleIds].filter((id) => TEST_MODULE.some((re) => re.test(id.replaceAll('\\', '/'))));
}

export function bundleGuard(): Plugin {
  return {
    name: 'tavla-no-test-code-in-bundle',
    apply: 'build',
    generateBundle(_options, bundle) {
      const offenders = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of testModules(Object.keys(output.modules))) offenders.add(`${id} (in ${output.fileName})`);
      }
      if (offenders.size > 0) this.error(`test code in the production bundle:\n  ${[...offenders].join('\n  ')}`);
    },
  };
}
