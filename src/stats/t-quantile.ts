/**
 * Student's t quantiles, for confidence intervals over replications.
 */
import { normalQuantile } from './normal-quantile.js';

/**
 * The p-quantile of Student's t distribution with `df` degrees of freedom.
 * Exact for df = 1, 2; for df ≥ 3 the Cornish–Fisher expansion to 1/df⁴
 * around the normal quantile (Abramowitz & Stegun 26.7.5): absolute error at
 * p = 0.975 about 4e-3 at df = 3, 9e-4 at df = 4, below 3e-4 from df = 5 on.
 * @throws RangeError unless 0 < p < 1 and df ≥ 1.
 * @example tQuantile(0.975, 10) // ≈ 2.228
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(df >= 1)) throw new RangeError(`df must be ≥ 1, got ${df}`);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  const z9 = z7 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}
