import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '../../src/stats/normal-quantile.js';

describe('normalQuantile', () => {
  it('matches tabulated normal quantiles', () => {
    const table: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489],
      [0.9, 1.2815515655446004],
      [0.841344746068543, 1],
      [1e-10, -6.361340902404056],
      [0.999999, 4.753424308822899],
    ];
    for (const [p, z] of table) expect(normalQuantile(p)).toBeCloseTo(z, 9);
  });

  it('is odd around ½ and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 1e-9, max: 0.4, noNaN: true }), (p, step) => {
        // 1 − p is rounded for tiny p, hence the loose tolerance.
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 6);
        if (p + step < 1) expect(normalQuantile(p + step)).toBeGreaterThan(normalQuantile(p));
      }),
    );
  });

  it('throws outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});
