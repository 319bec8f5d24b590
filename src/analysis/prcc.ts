/**
 * Partial rank correlation coefficients (PRCC): a model-free importance
 * measure for any design. For parameter j, the ranks of x_j and of y are each
 * regressed on the ranks of the other parameters; the PRCC is the correlation
 * of the two residuals. It measures a monotone effect of x_j on y with the
 * others held fixed, and does not need a special design.
 */
import { sampleCorrelation } from 'simple-statistics';
import { constantColumns } from './constant-columns.js';
import { correlationInterval } from './correlation-interval.js';
import { DEFAULT_LEVEL, type Estimate } from './estimate.js';
import { leastSquares } from './least-squares.js';
import { ranks } from './ranks.js';

/**
 * The PRCC of each parameter (column of `inputs`) with `output`, with a
 * `level` confidence interval by Fisher's z (n − 3 − (k − 1) degrees of
 * freedom for k varying parameters). A parameter that never varies, or an
 * output that never varies, gets NaN.
 * Cost O(n · k³) time for n rows and k parameters (2k least-squares fits of k columns), O(n · k) memory.
 * @throws RangeError when inputs and output differ in length, or a value is NaN.
 * @example partialRankCorrelation([[1, 5], [2, 3], [3, 4], [4, 1], [5, 2]], [1, 2, 3, 4, 5])[0].value // 1
 */
export function partialRankCorrelation(inputs: readonly (readonly number[])[], output: readonly number[], level = DEFAULT_LEVEL): Estimate[] {
  if (inputs.length !== output.length) throw new RangeError(`partialRankCorrelation: ${inputs.length} input rows but ${output.length} outputs`);
  const width = inputs[0]?.length ?? 0;
  const missing: Estimate = { value: Number.NaN, low: Number.NaN, high: Number.NaN };
  const constant = constantColumns(inputs);
  const varying = constant.flatMap((isConstant, j) => (isConstant ? [] : [j]));
  const n = output.length;
  if (n < 3 || output.every((value) => value === output[0])) return Array.from({ length: width }, () => missing);
  const rankColumns = new Map<number, number[]>();
  for (const j of varying) rankColumns.set(j, ranks(inputs.map((row) => row[j]!)));
  const rankedOutput = ranks(output);
  return constant.map((isConstant, j) => {
    if (isConstant) return missing;
    const others = varying.filter((other) => other !== j);
    const design = output.map((_, i) => [1, ...others.map((other) => rankColumns.get(other)![i]!)]);
    if (design.length < design[0]!.length + 1) return missing;
    const residualX = leastSquares(design, rankColumns.get(j)!).residuals;
    const residualY = leastSquares(design, rankedOutput).residuals;
    if (residualX.every((r) => Math.abs(r) < 1e-12) || residualY.every((r) => Math.abs(r) < 1e-12)) return missing;
    const r = Math.max(-1, Math.min(1, sampleCorrelation(residualX as number[], residualY as number[])));
    return correlationInterval(r, n, others.length, level);
  });
}
