import { describe, expect, it } from 'vitest';
import { tQuantile } from '../../src/stats/t-quantile.js';

describe('tQuantile', () => {
  it('matches tabulated quantiles at p = 0.975 within 2e-3', () => {
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [5, 2.571],
      [10, 2.228],
      [30, 2.042],
    ];
    for (const [df, t] of table) expect(Math.abs(tQuantile(0.975, df) - t)).toBeLessThan(2e-3);
  });

  it('matches tabulated quantiles at the sizes comparisons use (4 to 30 replications) and other levels', () => {
    const table: [number, number, number][] = [
      // p, df, t (R: qt(p, df))
      [0.975, 3, 3.182446],
      [0.975, 4, 2.776445],
      [0.975, 9, 2.262157],
      [0.975, 20, 2.085963],
      [0.95, 10, 1.812461],
      [0.995, 10, 3.169273],
      [0.9, 5, 1.475884],
    ];
    for (const [p, df, t] of table) expect(Math.abs(tQuantile(p, df) - t)).toBeLessThan(5e-3);
  });

  it('approaches the normal quantile as df grows, and is odd around p = ½', () => {
    expect(tQuantile(0.975, 10_000)).toBeCloseTo(1.959964, 3);
    expect(tQuantile(0.5, 7)).toBeCloseTo(0, 12);
    for (const df of [1, 2, 3, 8, 40]) expect(tQuantile(0.1, df)).toBeCloseTo(-tQuantile(0.9, df), 9);
  });

  it('throws outside 0 < p < 1 or for df < 1', () => {
    expect(() => tQuantile(0, 5)).toThrow(RangeError);
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.5, 0.5)).toThrow(RangeError);
    expect(() => tQuantile(Number.NaN, 5)).toThrow(RangeError);
  });
});
