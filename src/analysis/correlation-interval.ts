/**
 * Confidence intervals for (partial) correlation coefficients by Fisher's z
 * transform: atanh(r) is close to normal with standard error
 * 1/√(n − 3 − controlled), where `controlled` counts the variables partialled
 * out. (The normal quantile comes from src/stats: simple-statistics' probit
 * is off by 3e-3 at 0.975.)
 */
import { normalQuantile } from '../stats/normal-quantile.js';
import { DEFAULT_LEVEL, type Estimate } from './estimate.js';

/**
 * The correlation `r` with its `level` confidence interval from `n`
 * observations, `controlled` variables having been partialled out.
 * The interval is [NaN, NaN] when n − 3 − controlled < 1 (too few observations),
 * and collapses to r when |r| = 1.
 * Cost O(1).
 * @throws RangeError when r is outside [−1, 1] or level is outside (0, 1).
 * @example correlationInterval(0.5, 103) // { value: 0.5, low: ≈0.34, high: ≈0.63 }
 */
export function correlationInterval(r: number, n: number, controlled = 0, level = DEFAULT_LEVEL): Estimate {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  if (Number.isNaN(r)) return { value: r, low: Number.NaN, high: Number.NaN };
  if (!(r >= -1 && r <= 1)) throw new RangeError(`a correlation must be in [−1, 1], got ${r}`);
  const effective = n - 3 - controlled;
  if (effective < 1) return { value: r, low: Number.NaN, high: Number.NaN };
  if (Math.abs(r) === 1) return { value: r, low: r, high: r };
  const z = Math.atanh(r);
  const halfWidth = normalQuantile(1 - (1 - level) / 2) / Math.sqrt(effective);
  return { value: r, low: Math.tanh(z - halfWidth), high: Math.tanh(z + halfWidth) };
}
