/**
 * The layering of Tavla, checked on every `npm run check` (see docs/architecture.md).
 *
 * Floors, each importing only itself and the floors below it:
 *
 *   shell        App, routes, providers, the supervisor hub — composes the features
 *   features     board, meeting, reports, backup, retention, speech, kiosk,
 *                supervisor, setup, sync-screens, growth — never each other
 *   core         shared services (clock, activity, lock-out gate, notices,
 *                live queries, lookups) and the shared UI kit
 *   sync         the device's sync engine and runner
 *   data         Dexie schema, the writer, repositories
 *   i18n         message catalogues (beside data: data never translates)
 *   pictograms   the built-in catalogue and the <Pictogram> element
 *   sync/shared  protocol, merge and HLC: the code client and server share
 *   domain       the row model and pure rules: imports nothing of the project
 *
 * The server imports only domain and sync/shared. Production code never
 * imports a test helper. Test files may reach across features (a test of the
 * supervisor screens seeds the demo workplace), but never form a cycle.
 */

const TEST = '(^tests/|\\.test\\.tsx?$)';
const FEATURES = ['board', 'meeting', 'reports', 'backup', 'retention', 'speech', 'kiosk', 'supervisor', 'setup', 'sync-screens', 'growth'];

/** `from` a floor's production files, to anything under src/ outside the allowed folders */
function floor(name, folder, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^src/${folder}/`, pathNot: TEST },
    to: { path: '^src/', pathNot: `^src/(${[folder, ...allowed].join('|')})/` },
  };
}

const BELOW_CORE = ['sync', 'data', 'i18n', 'pictograms', 'domain'];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle makes load order matter and layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-production',
      comment: 'Test helpers must never reach the production bundle.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: `${TEST}|/testing[^/]*$|^node_modules/(@solidjs/testing-library|@testing-library|fake-indexeddb|vitest)/` },
    },
    floor('domain-imports-nothing', 'domain', [], 'The ground floor: the row model and pure rules.'),
    floor('sync-shared-imports-domain-only', 'sync/shared', ['domain'], 'Shared with the server: no Dexie, no DOM.'),
    floor('pictograms-above-domain', 'pictograms', ['domain'], 'The catalogue and its element know no app state.'),
    floor('i18n-above-pictograms', 'i18n', ['pictograms', 'domain'], 'Catalogues and the translator.'),
    floor('data-never-translates', 'data', ['sync/shared', 'domain'], 'Data stores rows; words come from the features.'),
    {
      name: 'sync-above-data',
      comment: 'The sync engine writes through data, never the other way round.',
      severity: 'error',
      from: { path: '^src/sync/', pathNot: `${TEST}|^src/sync/shared/` },
      to: { path: '^src/', pathNot: '^src/(sync|data|domain)/' },
    },
    floor('core-below-features', 'core', BELOW_CORE, 'Core serves every feature and knows none.'),
    ...FEATURES.map((f) => floor(`feature-${f}-no-sideways`, f, ['core', ...BELOW_CORE], 'Features build on core, never on each other or the shell.')),
    floor('server-imports-domain-and-shared-sync', 'server', ['domain', 'sync/shared'], 'The server shares only the row model and the sync protocol/merge.'),
    {
      name: 'no-unknown-folder',
      comment: 'Every source folder is one of the floors above; a new folder needs a rule.',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: `^src/(main\\.tsx|vite-env\\.d\\.ts|shell|core|sync|data|i18n|pictograms|domain|server|${FEATURES.join('|')})(/|$)` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dev-dist|coverage|data|\\.tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
