import fc from 'fast-check';
import 'fake-indexeddb/auto';
import { configure } from '@solidjs/testing-library';

// jsdom's Blob predates Blob#arrayBuffer; browsers (and the app) rely on it.
if (typeof Blob !== 'undefined' && typeof Blob.prototype.arrayBuffer !== 'function') {
  Blob.prototype.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
}

// jsdom has no canvas; axe-core probes it for icon ligatures and logs noise.
if (typeof HTMLCanvasElement !== 'undefined') {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
}

// Every catalogue is a lazy chunk; the app's boot waits for its language
// before the first render. Component tests render without that boot, so
// Swedish (the default and the fallback) is loaded here once.
if (typeof document !== 'undefined') {
  const { loadLanguage } = await import('../src/i18n');
  await loadLanguage('sv');
}

// Component tests render the whole app with lazy routes; on a loaded 2-core
// CI machine the first transform of a route can take well over a second.
configure({ asyncUtilTimeout: 5000 });

// Property tests: one seed for the whole run, so a failure is reproducible.
// CI (and anyone) pins it with FC_SEED; otherwise each run picks one, and
// fast-check prints the seed (and the shrunk counterexample's path) on failure.

// FC_NUM_RUNS: more samples per property for a soak (e.g. 5000 = fifty default runs' worth).
const FC_SEED = process.env.FC_SEED ?? (process.env.CI ? '20261207' : undefined);
const FC_NUM_RUNS = process.env.FC_NUM_RUNS;
const fcGlobal: Parameters<typeof fc.configureGlobal>[0] = {};
if (FC_SEED !== undefined) {
  const seed = Number(FC_SEED);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED=${FC_SEED} is not an integer`);
  fcGlobal.seed = seed;
}
if (FC_NUM_RUNS !== undefined) {
  const numRuns = Number(FC_NUM_RUNS);
  if (!Number.isInteger(numRuns) || numRuns < 1) throw new Error(`FC_NUM_RUNS=${FC_NUM_RUNS} is not a positive integer`);
  fcGlobal.numRuns = numRuns;
}
fc.configureGlobal(fcGlobal);
