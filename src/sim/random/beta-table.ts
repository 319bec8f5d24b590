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
  // Each step a function of its own: V8 compiles each small loop on its own and soon, where one function of four
  // loops ran the first tables of a process mostly unoptimized (a fresh process's tables took three times as long).
  const density = relativeDensities(a, b);
  const cdf = cellCdf(density.values, density.top, a, b);
  const moment = firstMoments(cdf, a, b);
  fillQuantiles(table, cdf, moment, a, b);
  return table;
}

/** Cells of the CDF grid (N). */
const H = 1 / CELLS;

/**
 * The density relative to its peak at the cell edges and midpoints,
 * x = j·h/2 for 0 < j < 2N (the ends are singular and unused), and the log
 * of the peak.
 */
function relativeDensities(a: number, b: number): { values: Float64Array; top: number } {
  const points = 2 * CELLS + 1;
  const logDensity = new Float64Array(points);
  let top = -Infinity;
  for (let j = 1; j < points - 1; j++) {
    const x = (j * H) / 2;
    const value = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x);
    logDensity[j] = value;
    if (value > top) top = value;
  }
  // Points 2..2N−2 are the ones Simpson's rule reads (the end cells are integrated analytically).
  for (let j = 2; j < points - 2; j++) logDensity[j] = Math.exp(logDensity[j]! - top);
  return { values: logDensity, top };
}

/** The CDF at the cell edges, from the cell masses: Simpson inside, the power law at each end. */
function cellCdf(density: Float64Array, top: number, a: number, b: number): Float64Array {
  const h = H;
  const cdf = new Float64Array(CELLS + 1);
  cdf[1] = Math.exp((b - 1) * Math.log1p(-h / 2) + a * Math.log(h) - top) / a;
  for (let i = 1; i < CELLS - 1; i++) {
    cdf[i + 1] = cdf[i]! + (h / 6) * (density[2 * i]! + 4 * density[2 * i + 1]! + density[2 * i + 2]!);
  }
  cdf[CELLS] = cdf[CELLS - 1]! + Math.exp((a - 1) * Math.log1p(-h / 2) + b * Math.log(h) - top) / b;
  const total = cdf[CELLS]!;
  for (let i = 1; i <= CELLS; i++) cdf[i] = cdf[i]! / total;
  cdf[CELLS] = 1;
  return cdf;
}

/** First moments below each cell edge: the midpoint rule inside, the power law's mean in the end cells. */
function firstMoments(cdf: Float64Array, a: number, b: number): Float64Array {
  const h = H;
  const moment = new Float64Array(CELLS + 1);
  moment[1] = (cdf[1]! - cdf[0]!) * ((h * a) / (a + 1));
  for (let i = 1; i < CELLS - 1; i++) moment[i + 1] = moment[i]! + (cdf[i + 1]! - cdf[i]!) * ((i + 0.5) * h);
  moment[CELLS] = moment[CELLS - 1]! + (cdf[CELLS]! - cdf[CELLS - 1]!) * (1 - (h * b) / (b + 1));
  return moment;
}

/**
 * The quantiles at u = k/K, walking both monotone grids once, with
 * E[X; X < Q(u)] alongside; then the end knots, which make each end
 * interval's mean the Beta's mean over that tail (a knot at 0 or 1 would add
 * spread to a concentrated distribution).
 */
function fillQuantiles(table: Float64Array, cdf: Float64Array, moment: Float64Array, a: number, b: number): void {
  const h = H;
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
  const width = 1 / BETA_TABLE_KNOTS;
  const q1 = table[1]!;
  const qLast = table[BETA_TABLE_KNOTS - 1]!;
  table[0] = Math.min(q1, Math.max(0, (2 * below[1]!) / width - q1));
  table[BETA_TABLE_KNOTS] = Math.max(qLast, Math.min(1, (2 * (moment[CELLS]! - below[BETA_TABLE_KNOTS - 1]!)) / width - qLast));
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
