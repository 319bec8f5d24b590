/**
 * Beta variates by table lookup: the quantile function of the Beta
 * distribution with a given mean and sd, tabulated at K + 1 evenly spaced
 * probabilities and interpolated linearly. One uniform, no logarithm, no
 * rejection: population generation draws four of these per citizen.
 *
 *   density on a grid of N cells ──► cell masses (Simpson; the end cells
 *   analytically, x^(a−1) and (1−x)^(b−1) are integrable singularities)
 *   ──► CDF at cell edges ──► quantiles at u = k/K (linear in a cell,
 *   power law in an end cell) ──► draw: Q(u) interpolated between knots
 *
 * The approximation: the CDF is exact to Simpson's error on N = 4,096 cells,
 * and the drawn variable has the piecewise-linear quantile function through
 * K + 1 = 2,049 exact-to-that-error knots. Its mean and sd are those of the
 * Beta to about 1e-5 (tested in test/sim/random/beta-table.test.ts); values
 * stay in [0, 1].
 */
import type { RandomStream } from './streams.js';

/** Probability knots of a table (K); a table holds K + 1 quantiles. */
export const BETA_TABLE_KNOTS = 2048;
const CELLS = 4096;

/**
 * The quantile table of the Beta distribution with this mean and sd.
 * sd = 0 (or mean at 0 or 1) gives a table of the mean. Cost O(N + K),
 * about 8,000 logarithms.
 * @throws RangeError when sd² ≥ mean·(1 − mean): no Beta has those moments.
 * @example betaDraw(betaQuantileTable(0.6, 0.2), rng.next())
 */
export function betaQuantileTable(mean: number, sd: number): Float64Array {
  const table = new Float64Array(BETA_TABLE_KNOTS + 1);
  if (sd === 0 || mean <= 0 || mean >= 1) return table.fill(Math.min(1, Math.max(0, mean)));
  const spread = (mean * (1 - mean)) / (sd * sd) - 1;
  if (!(spread > 0)) throw new RangeError(`no Beta distribution has mean ${mean} and sd ${sd}`);
  const a = mean * spread;
  const b = (1 - mean) * spread;
  const h = 1 / CELLS;
  // Log density (unnormalized) at the cell edges and midpoints, x = j·h/2.
  const points = 2 * CELLS + 1;
  const logDensity = new Float64Array(points);
  let top = -Infinity;
  for (let j = 1; j < points - 1; j++) {
    const x = (j * h) / 2;
    const value = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x);
    logDensity[j] = value;
    if (value > top) top = value;
  }
  // Cell masses relative to the peak: Simpson inside, the power law at each end.
  const cdf = new Float64Array(CELLS + 1);
  const density = (j: number): number => Math.exp(logDensity[j]! - top);
  for (let i = 0; i < CELLS; i++) {
    let mass: number;
    if (i === 0) mass = Math.exp((b - 1) * Math.log1p(-h / 2) + a * Math.log(h) - top) / a;
    else if (i === CELLS - 1) mass = Math.exp((a - 1) * Math.log1p(-h / 2) + b * Math.log(h) - top) / b;
    else mass = (h / 6) * (density(2 * i) + 4 * density(2 * i + 1) + density(2 * i + 2));
    cdf[i + 1] = cdf[i]! + mass;
  }
  const total = cdf[CELLS]!;
  for (let i = 1; i <= CELLS; i++) cdf[i] = cdf[i]! / total;
  cdf[CELLS] = 1;
  // First moments below each cell edge (midpoint rule inside, the power law's mean in the end cells).
  const moment = new Float64Array(CELLS + 1);
  for (let i = 0; i < CELLS; i++) {
    const centre = i === 0 ? (h * a) / (a + 1) : i === CELLS - 1 ? 1 - (h * b) / (b + 1) : (i + 0.5) * h;
    moment[i + 1] = moment[i]! + (cdf[i + 1]! - cdf[i]!) * centre;
  }
  // Quantiles at u = k/K, walking both monotone grids once; E[X; X < Q(u)] alongside.
  const below = new Float64Array(BETA_TABLE_KNOTS + 1);
  let cell = 0;
  for (let k = 1; k < BETA_TABLE_KNOTS; k++) {
    const u = k / BETA_TABLE_KNOTS;
    while (cell < CELLS - 1 && cdf[cell + 1]! <= u) cell++;
    const low = cdf[cell]!;
    const high = cdf[cell + 1]!;
    let x: number;
    let partial: number;
    if (cell === 0) {
      x = h * Math.pow(u / high, 1 / a);
      partial = (u * x * a) / (a + 1);
    } else if (cell === CELLS - 1) {
      x = 1 - h * Math.pow((1 - u) / (1 - low), 1 / b);
      partial = moment[cell]! + (u - low) * ((cell * h + x) / 2);
    } else {
      x = (cell + (high > low ? (u - low) / (high - low) : 0)) * h;
      partial = moment[cell]! + (u - low) * ((cell * h + x) / 2);
    }
    table[k] = Math.min(1, Math.max(0, x));
    below[k] = partial;
  }
  // The end knots make each end interval's mean the Beta's mean over that tail (a knot at 0 or
  // 1 would add spread to a concentrated distribution).
  const width = 1 / BETA_TABLE_KNOTS;
  const q1 = table[1]!;
  const qLast = table[BETA_TABLE_KNOTS - 1]!;
  table[0] = Math.min(q1, Math.max(0, (2 * below[1]!) / width - q1));
  table[BETA_TABLE_KNOTS] = Math.max(qLast, Math.min(1, (2 * (moment[CELLS]! - below[BETA_TABLE_KNOTS - 1]!)) / width - qLast));
  return table;
}

/** A draw from a quantile table for the uniform `u` in [0, 1). Cost O(1). */
export function betaDraw(table: Float64Array, u: number): number {
  const position = u * BETA_TABLE_KNOTS;
  const k = position | 0;
  const low = table[k]!;
  return low + (position - k) * (table[k + 1]! - low);
}

/** Mean and sd of the variable a table draws (its piecewise-linear quantile function, exactly). */
export function betaTableMoments(table: Float64Array): { mean: number; sd: number } {
  let first = 0;
  let second = 0;
  for (let k = 0; k < BETA_TABLE_KNOTS; k++) {
    const p = table[k]!;
    const q = table[k + 1]!;
    first += (p + q) / 2;
    second += (p * p + p * q + q * q) / 3;
  }
  const mean = first / BETA_TABLE_KNOTS;
  return { mean, sd: Math.sqrt(Math.max(0, second / BETA_TABLE_KNOTS - mean * mean)) };
}

/** A Beta variate with this mean and sd drawn through a table (for tests and one-off use). */
export function betaTableVariate(rng: RandomStream, table: Float64Array): number {
  return betaDraw(table, rng.next());
}
