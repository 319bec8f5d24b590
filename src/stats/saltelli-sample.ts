/**
 * Saltelli's sampling scheme for variance-based (Sobol') sensitivity indices
 * (Saltelli 2002; Saltelli et al. 2010): two independent sample matrices A
 * and B, and for each factor i the matrix A_B^(i), A with column i from B.
 * Here A and B are the first and last k columns of a 2k-dimensional Sobol'
 * sequence, as in SALib's `saltelli.sample` without second-order terms.
 */
import { sobolSequence } from './sobol-sequence.js';

/** The matrices of a Saltelli design: N rows of k columns each. */
export interface SaltelliMatrices {
  readonly a: number[][];
  readonly b: number[][];
  /** ab[i] is A with column i taken from B. */
  readonly ab: number[][][];
}

/** Where a row of a Saltelli design comes from. */
export interface SaltelliRow {
  readonly point: number[];
  /** Row of A and B it is built from (0..N−1). */
  readonly sample: number;
  readonly matrix: 'A' | 'AB' | 'B';
  /** For AB rows, the factor whose column came from B. */
  readonly factor?: number;
}

/**
 * The Saltelli matrices for `samples` base samples of `factors` factors,
 * from the Sobol' sequence in 2·factors dimensions after skipping `skip` points.
 * Deterministic. Cost O(samples · factors²).
 * @throws RangeError unless samples ≥ 1 and 1 ≤ factors ≤ 20 (the Sobol' table has 40 dimensions).
 * @example saltelliMatrices(8, 3).ab[1][0] // A's first row, with column 1 from B
 */
export function saltelliMatrices(samples: number, factors: number, skip = 0): SaltelliMatrices {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!Number.isInteger(factors) || factors < 1 || 2 * factors > 40) throw new RangeError(`factors must be an integer from 1 to 20, got ${factors}`);
  const base = sobolSequence(samples, 2 * factors, skip);
  const a = base.map((row) => row.slice(0, factors));
  const b = base.map((row) => row.slice(factors));
  const ab = Array.from({ length: factors }, (_, i) => a.map((row, n) => row.map((value, j) => (j === i ? b[n]![j]! : value))));
  return { a, b, ab };
}

/**
 * The rows of a Saltelli design in evaluation order: for each base sample n,
 * A_n, then A_B^(1)_n … A_B^(k)_n, then B_n — samples · (factors + 2) rows.
 * Cost O(samples · factors²).
 * @throws RangeError as saltelliMatrices.
 */
export function saltelliRows(samples: number, factors: number, skip = 0): SaltelliRow[] {
  const { a, b, ab } = saltelliMatrices(samples, factors, skip);
  const rows: SaltelliRow[] = [];
  for (let n = 0; n < samples; n++) {
    rows.push({ point: a[n]!, sample: n, matrix: 'A' });
    for (let i = 0; i < factors; i++) rows.push({ point: ab[i]![n]!, sample: n, matrix: 'AB', factor: i });
    rows.push({ point: b[n]!, sample: n, matrix: 'B' });
  }
  return rows;
}
