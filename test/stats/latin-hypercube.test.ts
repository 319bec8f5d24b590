import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/sim/random/streams.js';
import { latinHypercube } from '../../src/stats/latin-hypercube.js';

describe('latinHypercube', () => {
  it('puts one sample in each stratum of each dimension', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1e6 }), (samples, dimensions, seed) => {
        const points = latinHypercube(samples, dimensions, createStream(seed, 'lhs-test'));
        expect(points).toHaveLength(samples);
        for (let d = 0; d < dimensions; d++) {
          const strata = points.map((p) => Math.floor(p[d]! * samples)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: samples }, (_, i) => i));
          for (const p of points) {
            expect(p[d]).toBeGreaterThanOrEqual(0);
            expect(p[d]).toBeLessThan(1);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('is a function of the random stream', () => {
    const a = latinHypercube(20, 3, createStream(5, 'design'));
    const b = latinHypercube(20, 3, createStream(5, 'design'));
    const c = latinHypercube(20, 3, createStream(6, 'design'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('refuses empty designs', () => {
    expect(() => latinHypercube(0, 2, () => 0.5)).toThrow(RangeError);
    expect(() => latinHypercube(2, 0, () => 0.5)).toThrow(RangeError);
  });
});
