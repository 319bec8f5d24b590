import { describe, expect, it } from 'vitest';
import { partialRankCorrelation } from '../../src/analysis/prcc.js';
import { linearData } from './linear-data.js';

describe('partialRankCorrelation', () => {
  it('gives a noisy linear model the signs of its coefficients and ranks them by size, with CIs', () => {
    const coefficients = [4, -2, 1, 0];
    const { inputs, output } = linearData(coefficients, 400, 0.3, 1);
    const prcc = partialRankCorrelation(inputs, output);
    expect(prcc[0]!.value).toBeGreaterThan(0.9);
    expect(prcc[1]!.value).toBeLessThan(-0.7);
    expect(prcc[2]!.value).toBeGreaterThan(0.4);
    expect(Math.abs(prcc[3]!.value)).toBeLessThan(0.15);
    // Ranking by |PRCC| follows |b|.
    const order = prcc.map((estimate, i) => [Math.abs(estimate.value), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
    expect(order).toEqual([0, 1, 2, 3]);
    for (const estimate of prcc) {
      expect(estimate.low).toBeLessThan(estimate.value);
      expect(estimate.high).toBeGreaterThan(estimate.value);
    }
    // The null parameter's interval covers 0; the others' do not.
    expect(prcc[3]!.low).toBeLessThan(0);
    expect(prcc[3]!.high).toBeGreaterThan(0);
    expect(prcc[2]!.low).toBeGreaterThan(0);
  });

  it('is 1 for a monotone but non-linear effect without noise', () => {
    const { inputs } = linearData([1, 1], 50, 0, 2);
    const output = inputs.map(([x0 = 0, x1 = 0]) => Math.exp(5 * x0) + x1 ** 3);
    const prcc = partialRankCorrelation(inputs, output);
    expect(prcc[0]!.value).toBeGreaterThan(0.999);
  });

  it('gives NaN to a constant parameter and to every parameter of a constant output', () => {
    const inputs = [
      [1, 5],
      [2, 5],
      [3, 5],
      [4, 5],
      [5, 5],
    ];
    const prcc = partialRankCorrelation(inputs, [2, 1, 4, 3, 5]);
    expect(Number.isNaN(prcc[1]!.value)).toBe(true);
    expect(prcc[0]!.value).toBeCloseTo(0.8, 10);
    expect(partialRankCorrelation(inputs, [1, 1, 1, 1, 1]).every((estimate) => Number.isNaN(estimate.value))).toBe(true);
  });

  it('rejects inputs and output of different lengths', () => {
    expect(() => partialRankCorrelation([[1]], [1, 2])).toThrow(RangeError);
  });
});
