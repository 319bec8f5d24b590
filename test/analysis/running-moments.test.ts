import { mean, sampleStandardDeviation } from 'simple-statistics';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunningMoments } from '../../src/analysis/running-moments.js';
import { meanInterval } from '../../src/stats/mean-ci.js';

describe('RunningMoments', () => {
  it('matches the batch mean, sd and t interval of each sample', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 20 }), { minLength: 1, maxLength: 5 }), (samples) => {
        const moments = new RunningMoments(samples.length);
        samples.forEach((values, index) => values.forEach((value) => moments.add(index, value)));
        samples.forEach((values, index) => {
          const summary = moments.summary(index);
          const batch = meanInterval(values);
          expect(summary.n).toBe(values.length);
          expect(summary.mean).toBeCloseTo(mean(values), 6);
          expect(summary.sd).toBeCloseTo(sampleStandardDeviation(values), 6);
          expect(summary.halfWidth).toBeCloseTo(batch.halfWidth, 6);
          expect(moments.sumOfSquares(index)).toBeCloseTo(sampleStandardDeviation(values) ** 2 * (values.length - 1), 4);
        });
      }),
    );
  });

  it('stays accurate far from zero', () => {
    const moments = new RunningMoments(1);
    for (const value of [1e9 + 1, 1e9 + 2, 1e9 + 3]) moments.add(0, value);
    expect(moments.summary(0).sd).toBeCloseTo(1, 9);
  });

  it('has NaN intervals below two values, and rejects an index out of range', () => {
    const moments = new RunningMoments(2);
    moments.add(0, 5);
    expect(moments.summary(0).mean).toBe(5);
    expect(Number.isNaN(moments.summary(0).halfWidth)).toBe(true);
    expect(Number.isNaN(moments.summary(1).mean)).toBe(true);
    expect(moments.count(1)).toBe(0);
    expect(() => moments.add(2, 1)).toThrow(RangeError);
  });
});
