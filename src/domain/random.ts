/**
 * One seeded random generator for everything that must be random-looking yet
 * the same on every run: the demo workplace, the benchmark data set and the
 * fault schedule of the convergence test. mulberry32: tiny and fast, good
 * enough for believable data; never for secrets (those use crypto).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
