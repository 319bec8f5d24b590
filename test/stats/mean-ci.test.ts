import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../src/stats/mean-ci.js';
import { normal } from '../../src/sim/random/distributions.js';
import { RandomStream } from '../../src/sim/random/streams.js';

describe('meanInterval', () => {
  it('gives the mean and the t interval of a small sample', () => {
    const interval = meanInterval([1, 2, 3]);
    expect(interval.mean).toBe(2);
    expect(interval.n).toBe(3);
    // sd = 1, t(0.975, 2) = 4.303: half-width 4.303 / √3.
    expect(interval.halfWidth).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
    expect(interval.low).toBeCloseTo(2 - interval.halfWidth, 12);
    expect(interval.high).toBeCloseTo(2 + interval.halfWidth, 12);
  });

  it('covers the true mean about 95% of the time (2,000 normal samples of size 10)', () => {
    const rng = new RandomStream(2024, 'coverage');
    const trueMean = 3;
    const trials = 2000;
    let covered = 0;
    for (let k = 0; k < trials; k++) {
      const sample = Array.from({ length: 10 }, () => trueMean + 2 * normal(rng));
      const { low, high } = meanInterval(sample);
      if (low <= trueMean && trueMean <= high) covered++;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThanOrEqual(0.02);
  });

  it('covers at the level asked for', () => {
    const rng = new RandomStream(7, 'coverage-90');
    let covered = 0;
    for (let k = 0; k < 2000; k++) {
      const { low, high } = meanInterval(Array.from({ length: 5 }, () => normal(rng)), 0.9);
      if (low <= 0 && 0 <= high) covered++;
    }
    expect(Math.abs(covered / 2000 - 0.9)).toBeLessThanOrEqual(0.03);
  });

  it('has no interval for one value and throws for none', () => {
    const one = meanInterval([4]);
    expect(one.mean).toBe(4);
    expect(one.low).toBeNaN();
    expect(one.high).toBeNaN();
    expect(() => meanInterval([])).toThrow();
  });
});
