import { describe, expect, it } from 'vitest';
import { correlationInterval } from '../../src/analysis/correlation-interval.js';

describe('correlationInterval', () => {
  it('is tanh(atanh r ± 1.96/√(n − 3 − controlled))', () => {
    const interval = correlationInterval(0.5, 103);
    const half = 1.959963984540054 / 10;
    expect(interval.value).toBe(0.5);
    expect(interval.low).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 6);
    expect(interval.high).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 6);
    const partial = correlationInterval(0.5, 103, 3);
    expect(partial.high - partial.low).toBeGreaterThan(interval.high - interval.low);
  });

  it('is asymmetric around r and stays inside (−1, 1)', () => {
    const interval = correlationInterval(0.95, 20);
    expect(interval.high - 0.95).toBeLessThan(0.95 - interval.low);
    expect(interval.high).toBeLessThan(1);
  });

  it('has no interval with too few observations, collapses at |r| = 1, passes NaN through', () => {
    expect(Number.isNaN(correlationInterval(0.3, 4, 1).low)).toBe(true);
    expect(correlationInterval(-1, 50)).toEqual({ value: -1, low: -1, high: -1 });
    expect(Number.isNaN(correlationInterval(Number.NaN, 50).value)).toBe(true);
    expect(() => correlationInterval(1.5, 50)).toThrow(RangeError);
    expect(() => correlationInterval(0.5, 50, 0, 1)).toThrow(RangeError);
  });
});
