/**
 * Ordinary least squares by Householder QR: stable even when predictors are
 * nearly collinear, unlike the normal equations. Used by standardised
 * regression coefficients and partial rank correlation.
 */
import { sum } from 'simple-statistics';

/** The least-squares fit of y on the columns of a design matrix. */
export interface LeastSquaresFit {
  /** One coefficient per column of the design, in its order. */
  readonly coefficients: readonly number[];
  /** y − fitted, in the rows' order. */
  readonly residuals: readonly number[];
  /** Residual sum of squares. */
  readonly residualSumOfSquares: number;
  /** Residual degrees of freedom: rows − columns. */
  readonly residualDegreesOfFreedom: number;
  /** The diagonal of (XᵀX)⁻¹: a coefficient's variance is this times σ². */
  readonly inverseGramDiagonal: readonly number[];
}

/**
 * Fits y ≈ X·β by least squares. `design` is row-major: design[i] is the
 * i-th row, all rows of the same length (include a column of ones for an
 * intercept).
 * Cost O(n·p²) time, O(n·p) memory for n rows and p columns.
 * @throws RangeError when rows and y differ in length, when there are fewer
 * rows than columns, or when a column is (numerically) a combination of the
 * others, so the coefficients are not identified.
 * @example leastSquares([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coefficients // [1, 2]
 */
export function leastSquares(design: readonly (readonly number[])[], y: readonly number[]): LeastSquaresFit {
  const rows = design.length;
  if (rows !== y.length) throw new RangeError(`leastSquares: ${rows} rows but ${y.length} outcomes`);
  const columns = design[0]?.length ?? 0;
  if (columns === 0) throw new RangeError('leastSquares: the design has no columns');
  if (rows < columns) throw new RangeError(`leastSquares: ${rows} rows cannot identify ${columns} coefficients`);
  // Column-major copy, reduced in place to R (upper triangle) with Householder vectors below.
  const a: Float64Array[] = [];
  for (let j = 0; j < columns; j++) {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const row = design[i]!;
      if (row.length !== columns) throw new RangeError(`leastSquares: row ${i} has ${row.length} columns, expected ${columns}`);
      column[i] = row[j]!;
    }
    a.push(column);
  }
  const qty = Float64Array.from(y);
  const diagonal = new Float64Array(columns);
  const scale = a.map((column) => Math.sqrt(sum(Array.from(column, (v) => v * v))));
  for (let k = 0; k < columns; k++) {
    const column = a[k]!;
    let norm = 0;
    for (let i = k; i < rows; i++) norm = Math.hypot(norm, column[i]!);
    if (!(norm > 1e-10 * scale[k]!)) {
      throw new RangeError(`leastSquares: column ${k} is constant or a combination of the others`);
    }
    const alpha = column[k]! > 0 ? -norm : norm;
    column[k] = column[k]! - alpha;
    let vNormSquared = 0;
    for (let i = k; i < rows; i++) vNormSquared += column[i]! * column[i]!;
    const reflect = (target: Float64Array): void => {
      let dot = 0;
      for (let i = k; i < rows; i++) dot += column[i]! * target[i]!;
      const factor = (2 * dot) / vNormSquared;
      for (let i = k; i < rows; i++) target[i] = target[i]! - factor * column[i]!;
    };
    for (let j = k + 1; j < columns; j++) reflect(a[j]!);
    reflect(qty);
    diagonal[k] = alpha;
  }
  // R[i][j] = a[j][i] for i < j, R[k][k] = diagonal[k].
  const rAt = (i: number, j: number): number => (i === j ? diagonal[i]! : a[j]![i]!);
  const coefficients = new Array<number>(columns).fill(0);
  for (let i = columns - 1; i >= 0; i--) {
    let value = qty[i]!;
    for (let j = i + 1; j < columns; j++) value -= rAt(i, j) * coefficients[j]!;
    coefficients[i] = value / rAt(i, i);
  }
  // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ; its diagonal is the squared row norms of R⁻¹.
  const rInverse: number[][] = Array.from({ length: columns }, () => new Array<number>(columns).fill(0));
  for (let j = 0; j < columns; j++) {
    rInverse[j]![j] = 1 / rAt(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let value = 0;
      for (let m = i + 1; m <= j; m++) value += rAt(i, m) * rInverse[m]![j]!;
      rInverse[i]![j] = -value / rAt(i, i);
    }
  }
  const inverseGramDiagonal = rInverse.map((row) => sum(row.map((v) => v * v)));
  const residuals = y.map((value, i) => {
    let fitted = 0;
    for (let j = 0; j < columns; j++) fitted += design[i]![j]! * coefficients[j]!;
    return value - fitted;
  });
  return {
    coefficients,
    residuals,
    residualSumOfSquares: sum(residuals.map((r) => r * r)),
    residualDegreesOfFreedom: rows - columns,
    inverseGramDiagonal,
  };
}
