/**
 * Standardised regression coefficients (SRC): regress y on all parameters,
 * each scaled to unit standard deviation. SRC_j is the change in y, in
 * standard deviations, per standard deviation of x_j; when the model is close
 * to linear (R² near 1) SRC_j² is the share of the variance of y due to x_j.
 * R² says how far to trust them.
 */
import { mean, sampleStandardDeviation, sum } from 'simple-statistics';
import { tQuantile } from '../stats/t-quantile.js';
import { constantColumns } from './constant-columns.js';
import { DEFAULT_LEVEL, type Estimate } from './estimate.js';
import { leastSquares } from './least-squares.js';

/** The SRC of each parameter and the fit's R². */
export interface StandardisedRegression {
  /** One per column of the inputs; NaN for a parameter that never varies. */
  readonly coefficients: readonly Estimate[];
  /** Share of the variance of y the linear model explains. */
  readonly rSquared: number;
}

/**
 * Standardised regression coefficients of `output` on the columns of
 * `inputs`, with `level` t intervals from the usual OLS standard errors.
 * Cost O(n · k²) time for n rows and k parameters, O(n · k) memory.
 * @throws RangeError when inputs and output differ in length.
 * @example standardisedRegression([[0], [1], [2]], [1, 3, 5]).coefficients[0].value // 1
 */
export function standardisedRegression(inputs: readonly (readonly number[])[], output: readonly number[], level = DEFAULT_LEVEL): StandardisedRegression {
  if (inputs.length !== output.length) throw new RangeError(`standardisedRegression: ${inputs.length} input rows but ${output.length} outputs`);
  const width = inputs[0]?.length ?? 0;
  const missing: Estimate = { value: Number.NaN, low: Number.NaN, high: Number.NaN };
  const constant = constantColumns(inputs);
  const varying = constant.flatMap((isConstant, j) => (isConstant ? [] : [j]));
  const n = output.length;
  const outputVaries = n >= 2 && output.some((value) => value !== output[0]);
  if (!outputVaries || n < varying.length + 2) return { coefficients: Array.from({ length: width }, () => missing), rSquared: Number.NaN };
  const standardise = (values: readonly number[]): number[] => {
    const centre = mean(values as number[]);
    const spread = sampleStandardDeviation(values as number[]);
    return values.map((value) => (value - centre) / spread);
  };
  const columns = varying.map((j) => standardise(inputs.map((row) => row[j]!)));
  const y = standardise(output);
  const design = y.map((_, i) => [1, ...columns.map((column) => column[i]!)]);
  const fit = leastSquares(design, y);
  const totalSumOfSquares = sum(y.map((value) => value * value));
  const rSquared = 1 - fit.residualSumOfSquares / totalSumOfSquares;
  const df = fit.residualDegreesOfFreedom;
  const sigmaSquared = df > 0 ? fit.residualSumOfSquares / df : Number.NaN;
  const t = df > 0 ? tQuantile(1 - (1 - level) / 2, df) : Number.NaN;
  const coefficients = constant.map((): Estimate => missing);
  varying.forEach((j, position) => {
    const value = fit.coefficients[position + 1]!;
    const halfWidth = t * Math.sqrt(sigmaSquared * fit.inverseGramDiagonal[position + 1]!);
    coefficients[j] = { value, low: value - halfWidth, high: value + halfWidth };
  });
  return { coefficients, rSquared };
}
