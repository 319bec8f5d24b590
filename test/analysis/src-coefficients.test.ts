import { sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { standardisedRegression } from '../../src/analysis/src-coefficients.js';
import { linearData } from './linear-data.js';

describe('standardisedRegression', () => {
  it('recovers b_i·sd(x_i)/sd(y) of a noisy linear model, its signs and ranking, and R² near 1', () => {
    const coefficients = [4, -2, 1, 0];
    const { inputs, output } = linearData(coefficients, 500, 0.2, 3);
    const { coefficients: src, rSquared } = standardisedRegression(inputs, output);
    const sdY = sampleStandardDeviation(output);
    src.forEach((estimate, i) => {
      const sdX = sampleStandardDeviation(inputs.map((row) => row[i]!));
      const expected = (coefficients[i]! * sdX) / sdY;
      expect(estimate.value).toBeCloseTo(expected, 1);
      expect(estimate.low).toBeLessThanOrEqual(expected + 0.01);
      expect(estimate.high).toBeGreaterThanOrEqual(expected - 0.01);
    });
    expect(Math.sign(src[0]!.value)).toBe(1);
    expect(Math.sign(src[1]!.value)).toBe(-1);
    expect(Math.abs(src[0]!.value)).toBeGreaterThan(Math.abs(src[1]!.value));
    expect(Math.abs(src[1]!.value)).toBeGreaterThan(Math.abs(src[2]!.value));
    expect(src[3]!.low).toBeLessThan(0);
    expect(src[3]!.high).toBeGreaterThan(0);
    expect(rSquared).toBeGreaterThan(0.95);
    // For a linear model with uncorrelated inputs Σ SRC² = R²; LHS inputs are nearly uncorrelated.
    expect(Math.abs(src.reduce((total, estimate) => total + estimate.value ** 2, 0) - rSquared)).toBeLessThan(0.1);
  });

  it('computes the example in its doc comment, and R² = 1 without noise', () => {
    const result = standardisedRegression([[0], [1], [2]], [1, 3, 5]);
    expect(result.coefficients[0]!.value).toBeCloseTo(1, 12);
    expect(result.rSquared).toBeCloseTo(1, 12);
  });

  it('has a low R² when the output is not linear in the inputs', () => {
    const { inputs } = linearData([1, 1], 300, 0, 4);
    const output = inputs.map(([x0 = 0]) => Math.cos(6 * Math.PI * x0));
    expect(standardisedRegression(inputs, output).rSquared).toBeLessThan(0.2);
  });

  it('gives NaN to a constant parameter and to everything when the output is constant or there are too few rows', () => {
    const inputs = [
      [1, 7],
      [2, 7],
      [3, 7],
      [4, 7],
    ];
    const result = standardisedRegression(inputs, [1, 3, 2, 5]);
    expect(Number.isNaN(result.coefficients[1]!.value)).toBe(true);
    expect(Number.isFinite(result.coefficients[0]!.value)).toBe(true);
    expect(Number.isNaN(standardisedRegression(inputs, [2, 2, 2, 2]).rSquared)).toBe(true);
    expect(Number.isNaN(standardisedRegression([[1, 2]], [1]).rSquared)).toBe(true);
    expect(() => standardisedRegression([[1]], [1, 2])).toThrow(RangeError);
  });
});
