import { describe, expect, it } from 'vitest';
import { leastSquares } from '../../src/analysis/least-squares.js';

describe('leastSquares', () => {
  it('fits an exact line, and the example in its doc comment', () => {
    const fit = leastSquares(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 3, 5],
    );
    expect(fit.coefficients[0]).toBeCloseTo(1, 12);
    expect(fit.coefficients[1]).toBeCloseTo(2, 12);
    expect(fit.residualSumOfSquares).toBeLessThan(1e-20);
    expect(fit.residualDegreesOfFreedom).toBe(1);
  });

  it('matches the normal-equation solution and (XᵀX)⁻¹ of a small problem', () => {
    // y on [1, x]: x = 1..4, y = 2, 3, 5, 4. Slope 0.8, intercept 1.5; (XᵀX)⁻¹ = [[1.5, -0.5], [-0.5, 0.2]].
    const design = [1, 2, 3, 4].map((x) => [1, x]);
    const fit = leastSquares(design, [2, 3, 5, 4]);
    expect(fit.coefficients[0]).toBeCloseTo(1.5, 12);
    expect(fit.coefficients[1]).toBeCloseTo(0.8, 12);
    expect(fit.inverseGramDiagonal[0]).toBeCloseTo(1.5, 12);
    expect(fit.inverseGramDiagonal[1]).toBeCloseTo(0.2, 12);
    expect(fit.residuals.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(fit.residualSumOfSquares).toBeCloseTo(1.8, 12);
  });

  it('stays accurate with nearly collinear columns', () => {
    const design = Array.from({ length: 50 }, (_, i) => [1, i, i + 1e-6 * Math.sin(i)]);
    const y = design.map(([, a = 0, b = 0]) => 2 + 3 * a - b);
    const fit = leastSquares(design, y);
    expect(fit.coefficients[0]).toBeCloseTo(2, 3);
    expect(fit.coefficients[1]).toBeCloseTo(3, 3);
    expect(fit.coefficients[2]).toBeCloseTo(-1, 3);
  });

  it('rejects unidentified and malformed problems', () => {
    expect(() => leastSquares([[1, 2], [2, 4], [3, 6]], [1, 2, 3])).toThrow(/combination/);
    expect(() => leastSquares([[1, 0]], [1])).toThrow(/cannot identify/);
    expect(() => leastSquares([[1], [1]], [1])).toThrow(/outcomes/);
    expect(() => leastSquares([[1, 2], [1]], [1, 2])).toThrow(/columns/);
    expect(() => leastSquares([], [])).toThrow(/no columns/);
  });
});
