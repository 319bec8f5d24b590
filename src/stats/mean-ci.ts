/**
 * Mean and 95% confidence interval of a sample (t interval).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile } from './t-quantile.js';

export interface MeanInterval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
  /** Half-width of the interval. */
  readonly halfWidth: number;
  readonly n: number;
}

/**
 * Mean of `values` with its `level` (default 95%) t confidence interval.
 * With one value the interval is [NaN, NaN]: one replication says nothing of uncertainty.
 * @throws Error on an empty sample.
 * @example meanInterval([1, 2, 3]) // { mean: 2, low: -0.48…, high: 4.48…, … }
 */
export function meanInterval(values: readonly number[], level = 0.95): MeanInterval {
  if (values.length === 0) throw new Error('meanInterval needs at least one value');
  const m = mean(values as number[]);
  if (values.length === 1) return { mean: m, low: Number.NaN, high: Number.NaN, halfWidth: Number.NaN, n: 1 };
  const sd = sampleStandardDeviation(values as number[]);
  const halfWidth = (tQuantile(1 - (1 - level) / 2, values.length - 1) * sd) / Math.sqrt(values.length);
  return { mean: m, low: m - halfWidth, high: m + halfWidth, halfWidth, n: values.length };
}
