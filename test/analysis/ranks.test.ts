import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ranks } from '../../src/analysis/ranks.js';

describe('ranks', () => {
  it('ranks from 1, ties sharing their average rank', () => {
    expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
    expect(ranks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(ranks([])).toEqual([]);
  });

  it('keeps the order of the values and sums to n(n+1)/2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), (values) => {
        const r = ranks(values);
        expect(r.reduce((a, b) => a + b, 0)).toBeCloseTo((values.length * (values.length + 1)) / 2, 9);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]! < values[j]!) expect(r[i]).toBeLessThan(r[j]!);
            if (values[i] === values[j]) expect(r[i]).toBe(r[j]);
          }
        }
      }),
    );
  });

  it('rejects NaN', () => {
    expect(() => ranks([1, Number.NaN])).toThrow(RangeError);
  });
});
