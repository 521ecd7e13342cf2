/** Small statistics shared by the benchmark scripts. */

/** The p-quantile (0 < p ≤ 1) by the nearest-rank method; NaN for no samples. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * p) - 1))] ?? NaN;
}

/** The upper median (the middle sample; of two middles, the higher). */
export function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

export const p95 = (xs: number[]) => pct(xs, 0.95);
