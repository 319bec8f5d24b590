/**
 * Mean and variance of many small samples at once, one value at a time
 * (Welford's algorithm), so the replicates of every design point can be
 * summarised while runs.csv streams past, without keeping the values.
 */
import { tQuantile } from '../stats/t-quantile.js';
import { DEFAULT_LEVEL } from './estimate.js';

/** A sample's summary with its t interval, as `meanInterval` gives it. */
export interface SampleSummary {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); NaN below 2 values. */
  readonly sd: number;
  readonly low: number;
  readonly high: number;
  readonly halfWidth: number;
}

/**
 * Running moments of `size` samples, numbered 0..size−1. Accurate for
 * values far from zero (no sum of squares is formed).
 * Cost O(1) per value, O(size) memory.
 * @example const m = new RunningMoments(1); m.add(0, 1); m.add(0, 3); m.summary(0).mean === 2
 */
export class RunningMoments {
  private readonly counts: Float64Array;
  private readonly means: Float64Array;
  private readonly squares: Float64Array;

  constructor(readonly size: number) {
    this.counts = new Float64Array(size);
    this.means = new Float64Array(size);
    this.squares = new Float64Array(size);
  }

  /** Adds `value` to sample `index`. @throws RangeError when the index is out of range. */
  add(index: number, value: number): void {
    if (!(index >= 0 && index < this.size)) throw new RangeError(`RunningMoments: sample ${index} is not in 0..${this.size - 1}`);
    const count = this.counts[index]! + 1;
    const delta = value - this.means[index]!;
    const mean = this.means[index]! + delta / count;
    this.counts[index] = count;
    this.means[index] = mean;
    this.squares[index] = this.squares[index]! + delta * (value - mean);
  }

  /** Values in sample `index`. */
  count(index: number): number {
    return this.counts[index] ?? 0;
  }

  /** Sum of squared deviations from the mean in sample `index` (for pooling variances). */
  sumOfSquares(index: number): number {
    return this.squares[index] ?? 0;
  }

  /** Sample `index`'s mean, sd and `level` t interval; NaN where there are too few values. */
  summary(index: number, level = DEFAULT_LEVEL): SampleSummary {
    const n = this.count(index);
    if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, low: Number.NaN, high: Number.NaN, halfWidth: Number.NaN };
    const mean = this.means[index]!;
    if (n === 1) return { n, mean, sd: Number.NaN, low: Number.NaN, high: Number.NaN, halfWidth: Number.NaN };
    const sd = Math.sqrt(this.squares[index]! / (n - 1));
    const halfWidth = (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
    return { n, mean, sd, low: mean - halfWidth, high: mean + halfWidth, halfWidth };
  }
}
