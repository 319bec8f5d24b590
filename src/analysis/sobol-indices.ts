/**
 * Variance-based (Sobol) sensitivity indices from a Saltelli design.
 * Matrices A and B hold N independent base rows; A_B^i is A with column i
 * taken from B. With f the model and V the variance of f over A and B:
 *
 *   first order  S_i  = (1/N) Σ_j f(B)_j (f(A_B^i)_j − f(A)_j) / V    (Saltelli et al. 2010)
 *   total order  ST_i = (1/2N) Σ_j (f(A)_j − f(A_B^i)_j)² / V          (Jansen 1999)
 *
 * S_i is the share of V that x_i explains alone, ST_i the share it has a hand
 * in (alone or with others). Confidence intervals are bootstrap percentile
 * intervals over the N base rows, drawn from a stream passed in.
 */
import { quantileSorted } from 'simple-statistics';
import type { Rng } from '../sim/random/streams.js';
import { CompensatedSum } from './compensated-sum.js';
import { DEFAULT_LEVEL, type Estimate } from './estimate.js';

/** Model outputs on the blocks of a Saltelli design, each indexed by base row. */
export interface SaltelliOutputs {
  /** f(A), one per base row. */
  readonly a: readonly number[];
  /** f(B), one per base row. */
  readonly b: readonly number[];
  /** ab[i][j] = f(A_B^i) at base row j: A with parameter i's column from B. One block per parameter. */
  readonly ab: readonly (readonly number[])[];
}

export interface SobolOptions {
  /** The uniform stream the bootstrap draws from (e.g. `createStream(seed, 'bootstrap')`). */
  readonly random: Rng;
  /** Bootstrap resamples; 0 gives no intervals. Default 1000. */
  readonly resamples?: number;
  /** Confidence level of the intervals. Default 0.95. */
  readonly level?: number;
}

/** The Sobol indices of one parameter. */
export interface SobolIndexPair {
  readonly firstOrder: Estimate;
  readonly totalOrder: Estimate;
}

/** Sobol indices of every parameter, and what they were estimated from. */
export interface SobolResult {
  /** One per block of `ab`, in its order. */
  readonly indices: readonly SobolIndexPair[];
  /** Variance of f over the A and B rows used (population variance). */
  readonly variance: number;
  /** Base rows used: those where every block's output is finite. */
  readonly baseRows: number;
  readonly resamples: number;
}

/** Point estimates of S_i and ST_i for one set of base rows (indexes into the blocks). */
function estimate(outputs: SaltelliOutputs, rows: ArrayLike<number>): { first: number[]; total: number[]; variance: number } {
  const n = rows.length;
  const centre = new CompensatedSum();
  for (let r = 0; r < n; r++) {
    const j = rows[r]!;
    centre.add(outputs.a[j]!);
    centre.add(outputs.b[j]!);
  }
  const meanValue = centre.value / (2 * n);
  const spread = new CompensatedSum();
  for (let r = 0; r < n; r++) {
    const j = rows[r]!;
    const da = outputs.a[j]! - meanValue;
    const db = outputs.b[j]! - meanValue;
    spread.add(da * da);
    spread.add(db * db);
  }
  const variance = spread.value / (2 * n);
  const first: number[] = [];
  const total: number[] = [];
  for (const block of outputs.ab) {
    const firstSum = new CompensatedSum();
    const totalSum = new CompensatedSum();
    for (let r = 0; r < n; r++) {
      const j = rows[r]!;
      const fa = outputs.a[j]!;
      const fab = block[j]!;
      firstSum.add(outputs.b[j]! * (fab - fa));
      totalSum.add((fa - fab) * (fa - fab));
    }
    first.push(firstSum.value / n / variance);
    total.push(totalSum.value / (2 * n) / variance);
  }
  return { first, total, variance };
}

/**
 * First-order and total-order Sobol indices with bootstrap intervals.
 * Base rows where any output is not finite are left out. When f does not vary
 * the indices are NaN.
 * Cost O(k · N · (1 + resamples)) time for k parameters and N base rows, O(k · resamples) memory.
 * @throws RangeError when the blocks differ in length, when fewer than 2 base
 * rows are usable, or when resamples is not a whole number ≥ 0.
 * @example sobolIndices({ a, b, ab: [ab0, ab1, ab2] }, { random: createStream(1, 'bootstrap') }).indices[0].firstOrder.value
 */
export function sobolIndices(outputs: SaltelliOutputs, options: SobolOptions): SobolResult {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? DEFAULT_LEVEL;
  if (!Number.isInteger(resamples) || resamples < 0) throw new RangeError(`resamples must be a whole number ≥ 0, got ${resamples}`);
  const size = outputs.a.length;
  if (outputs.b.length !== size || outputs.ab.some((block) => block.length !== size)) {
    throw new RangeError(`sobolIndices: blocks A (${size}), B (${outputs.b.length}) and A_B (${outputs.ab.map((block) => block.length).join(', ')}) must have one output per base row`);
  }
  const usable: number[] = [];
  for (let j = 0; j < size; j++) {
    if (Number.isFinite(outputs.a[j]) && Number.isFinite(outputs.b[j]) && outputs.ab.every((block) => Number.isFinite(block[j]))) usable.push(j);
  }
  if (usable.length < 2) throw new RangeError(`sobolIndices: ${usable.length} usable base rows; at least 2 are needed`);
  const point = estimate(outputs, usable);
  const k = outputs.ab.length;
  const bootFirst: number[][] = Array.from({ length: k }, () => []);
  const bootTotal: number[][] = Array.from({ length: k }, () => []);
  const rows = new Uint32Array(usable.length);
  for (let resample = 0; resample < resamples; resample++) {
    for (let r = 0; r < rows.length; r++) rows[r] = usable[Math.floor(options.random() * usable.length)]!;
    const draw = estimate(outputs, rows);
    for (let i = 0; i < k; i++) {
      bootFirst[i]!.push(draw.first[i]!);
      bootTotal[i]!.push(draw.total[i]!);
    }
  }
  const interval = (value: number, draws: number[]): Estimate => {
    const finite = draws.filter(Number.isFinite).sort((x, y) => x - y);
    if (finite.length < 2) return { value, low: Number.NaN, high: Number.NaN };
    const tail = (1 - level) / 2;
    return { value, low: quantileSorted(finite, tail), high: quantileSorted(finite, 1 - tail) };
  };
  const indices = point.first.map((first, i) => ({
    firstOrder: interval(first, bootFirst[i]!),
    totalOrder: interval(point.total[i]!, bootTotal[i]!),
  }));
  return { indices, variance: point.variance, baseRows: usable.length, resamples };
}
