/**
 * Quantiles of days to service from the run's histograms (one bin per day).
 */
import type { RunOutput } from '../engine.js';

/**
 * The q-quantile (0 ≤ q ≤ 1) of days to service over a group of segments:
 * the smallest d with at least q of the served needs served within d days.
 * NaN when no need was served. Cost O(segments × bins).
 */
export function daysToServiceQuantile(output: RunOutput, segments: readonly number[], q: number): number {
  return daysToServiceQuantiles(output, segments, [q])[0]!;
}

/**
 * `daysToServiceQuantile` for several q at once, from one pass over the
 * group's histograms. Cost O(segments × bins + qs × bins).
 */
export function daysToServiceQuantiles(output: RunOutput, segments: readonly number[], qs: readonly number[]): number[] {
  const bins = output.daysToServiceBins;
  const counts = new Float64Array(bins);
  let total = 0;
  for (const s of segments) {
    for (let d = 0; d < bins; d++) {
      const n = output.daysToService[s * bins + d]!;
      counts[d]! += n;
      total += n;
    }
  }
  return qs.map((q) => quantileOf(counts, total, q));
}

/** The q-quantile of a histogram of `total` counts (NaN when empty). */
function quantileOf(counts: Float64Array, total: number, q: number): number {
  if (total === 0) return Number.NaN;
  // q × total can overshoot a whole count in floating point (0.07 × 100 = 7.000000000000001):
  // a relative slack far below one need keeps the comparison exact for any realistic total.
  const target = q * total * (1 - 1e-12);
  let cumulative = 0;
  for (let d = 0; d < counts.length; d++) {
    cumulative += counts[d]!;
    if (cumulative >= target) return d;
  }
  return counts.length - 1;
}
