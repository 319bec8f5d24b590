import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/stats/wilson-interval.js';

describe('wilsonInterval', () => {
  it('matches the textbook value for 10 successes in 100', () => {
    const interval = wilsonInterval(0.1, 100);
    expect(interval.low).toBeCloseTo(0.05523, 4);
    expect(interval.high).toBeCloseTo(0.17437, 4);
  });

  it('stays inside [0, 1] at the edges and is undefined with no trials', () => {
    expect(wilsonInterval(0, 50).low).toBe(0);
    expect(wilsonInterval(0, 50).high).toBeGreaterThan(0);
    expect(wilsonInterval(1, 50).high).toBe(1);
    expect(Number.isNaN(wilsonInterval(0.5, 0).low)).toBe(true);
  });

  it('narrows as n grows and always holds p', () => {
    for (const p of [0.02, 0.3, 0.77]) {
      let width = Infinity;
      for (const n of [10, 100, 1000, 10000]) {
        const interval = wilsonInterval(p, n);
        expect(interval.low).toBeLessThanOrEqual(p);
        expect(interval.high).toBeGreaterThanOrEqual(p);
        expect(interval.high - interval.low).toBeLessThan(width);
        width = interval.high - interval.low;
      }
    }
  });

  it('refuses a proportion outside [0, 1] or a negative n', () => {
    expect(() => wilsonInterval(1.2, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, -1)).toThrow(RangeError);
  });
});
