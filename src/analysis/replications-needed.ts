/**
 * How many replications a metric needs for a confidence interval of a given
 * half-width: the smallest n with t_{1−α/2, n−1} · s / √n ≤ h, where s is the
 * standard deviation between replications estimated from a pilot sample.
 */
import { normalQuantile } from '../stats/normal-quantile.js';
import { tQuantile } from '../stats/t-quantile.js';
import { DEFAULT_LEVEL } from './estimate.js';

/**
 * The smallest number of replications n ≥ 2 whose `level` t interval has a
 * half-width at most `halfWidth`, for a metric with standard deviation `sd`
 * between replications. An `sd` of 0 needs 2 (the fewest that give an interval).
 * Cost O(log n) evaluations of the t quantile after a normal-theory start.
 * @throws RangeError when sd is negative or not finite, halfWidth is not
 * positive, or level is outside (0, 1).
 * @example replicationsNeeded(1, 0.5) // 18: t(0.975, 17)·1/√18 ≈ 0.497
 */
export function replicationsNeeded(sd: number, halfWidth: number, level = DEFAULT_LEVEL): number {
  if (!(sd >= 0 && Number.isFinite(sd))) throw new RangeError(`sd must be a finite number ≥ 0, got ${sd}`);
  if (!(halfWidth > 0)) throw new RangeError(`halfWidth must be > 0, got ${halfWidth}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const p = 1 - (1 - level) / 2;
  const fits = (n: number): boolean => (tQuantile(p, n - 1) * sd) / Math.sqrt(n) <= halfWidth;
  if (fits(2)) return 2;
  // The normal-theory n is a lower bound (t > z); double up to a bracket, then bisect.
  let low = Math.max(2, Math.floor(((normalQuantile(p) * sd) / halfWidth) ** 2));
  if (fits(low)) return low;
  let high = low * 2;
  while (!fits(high)) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) high = middle;
    else low = middle;
  }
  return high;
}
