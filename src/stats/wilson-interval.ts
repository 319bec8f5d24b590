/**
 * Wilson score interval of a binomial proportion.
 */

/** A proportion's interval. */
export interface ProportionInterval {
  readonly proportion: number;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/**
 * The Wilson score interval of a proportion `p` observed over `n` trials, at
 * the two-sided level whose normal quantile is `z` (1.959964 for 95%).
 * Better behaved than the Wald interval near 0 and 1 and for small n. With
 * n = 0 the interval is [NaN, NaN]. Cost O(1).
 * @throws RangeError when n is negative or p is outside [0, 1].
 * @example wilsonInterval(0.1, 100) // { proportion: 0.1, low: 0.0552…, high: 0.1744…, n: 100 }
 */
export function wilsonInterval(p: number, n: number, z = 1.959963984540054): ProportionInterval {
  if (!(n >= 0)) throw new RangeError(`wilsonInterval: n must be ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`wilsonInterval: p must be in [0, 1], got ${p}`);
  if (n === 0) return { proportion: p, low: Number.NaN, high: Number.NaN, n };
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At p = 0 (1) the bound is exactly 0 (1); rounding would leave a hair above (below) it.
  const low = p === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = p === 1 ? 1 : Math.min(1, centre + halfWidth);
  return { proportion: p, low, high, n };
}
