import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysToServiceQuantile, daysToServiceQuantiles } from '../../../src/sim/metrics/quantiles.js';
import type { RunOutput } from '../../../src/sim/engine.js';

/** A run output holding only a days-to-service histogram, [segment][day]. */
function histogram(bySegment: readonly (readonly number[])[], bins = 366): RunOutput {
  const daysToService = new Uint32Array(bySegment.length * bins);
  bySegment.forEach((counts, s) => counts.forEach((n, d) => (daysToService[s * bins + d] = n)));
  return {
    seed: 0,
    months: 1,
    segmentCount: bySegment.length,
    districtCount: 1,
    scale: 1,
    simulatedCitizens: 0,
    segmentMonthly: new Float64Array(0),
    cityMonthly: new Float64Array(0),
    districtMonthly: new Float64Array(0),
    initialTrustSum: new Float64Array(bySegment.length),
    daysToService,
    daysToServiceBins: bins,
    events: [],
  };
}

describe('daysToServiceQuantile', () => {
  // Segment 0: 10 needs served on days 0,0,1,1,1,2,4,4,7,30. Segment 1: 4 needs on days 3,3,3,9.
  const seg0 = Object.assign(new Array<number>(31).fill(0), { 0: 2, 1: 3, 2: 1, 4: 2, 7: 1, 30: 1 });
  const seg1 = Object.assign(new Array<number>(10).fill(0), { 3: 3, 9: 1 });
  const output = histogram([seg0, seg1]);

  it('reads quantiles off a hand-built histogram', () => {
    expect(daysToServiceQuantile(output, [0], 0.5)).toBe(1); // 5 of 10 within day 1
    expect(daysToServiceQuantile(output, [0], 0.6)).toBe(2); // 6 of 10 within day 2
    expect(daysToServiceQuantile(output, [0], 0.9)).toBe(7); // 9 of 10 within day 7
    expect(daysToServiceQuantile(output, [0], 1)).toBe(30);
    expect(daysToServiceQuantile(output, [1], 0.5)).toBe(3);
    expect(daysToServiceQuantile(output, [1], 0.9)).toBe(9);
    // Both segments: days 0,0,1,1,1,2,3,3,3,4,4,7,9,30 (14 needs); 7 within day 3, 13 within day 9.
    expect(daysToServiceQuantile(output, [0, 1], 0.5)).toBe(3);
    expect(daysToServiceQuantile(output, [0, 1], 0.9)).toBe(9);
  });

  it('is exact where q × total is a whole number that floating point overshoots', () => {
    // 0.07 × 100 = 7.000000000000001 in double precision; 7 of 100 needs served on day 0.
    expect(daysToServiceQuantile(histogram([[7, 93]]), [0], 0.07)).toBe(0);
    expect(daysToServiceQuantile(histogram([[14, 186]]), [0], 0.07)).toBe(0);
  });

  it('is NaN when nothing was served, and clamps the open-ended last bin', () => {
    expect(daysToServiceQuantile(histogram([[0, 0, 0]]), [0], 0.5)).toBeNaN();
    const long = new Array<number>(366).fill(0);
    long[365] = 4;
    expect(daysToServiceQuantile(histogram([long]), [0], 0.5)).toBe(365);
  });

  it('is the smallest day with at least q of the needs served by then (property, exact counts)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom(1, 100),
        (unscaled, percent, factor) => {
          // Scaling by 100 makes q × total a whole number, where rounding bites.
          const counts = unscaled.map((n) => n * factor);
          const total = counts.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          // Exact integer comparison: cumulative / total ≥ percent / 100.
          let cumulative = 0;
          let expected = -1;
          for (let d = 0; d < counts.length && expected < 0; d++) {
            cumulative += counts[d]!;
            if (cumulative * 100 >= percent * total) expected = d;
          }
          expect(daysToServiceQuantile(histogram([counts]), [0], percent / 100)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('daysToServiceQuantiles', () => {
  it('gives, from one pass, what daysToServiceQuantile gives for each q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (bySegment, percents) => {
          const output = histogram(bySegment);
          const segments = bySegment.map((_, s) => s);
          const qs = percents.map((p) => p / 100);
          const each = qs.map((q) => daysToServiceQuantile(output, segments, q));
          expect(daysToServiceQuantiles(output, segments, qs)).toEqual(each);
          // And from the pooled histogram of the group, built by hand.
          const pooled = new Array<number>(366).fill(0);
          for (const counts of bySegment) counts.forEach((n, d) => (pooled[d]! += n));
          expect(daysToServiceQuantiles(histogram([pooled]), [0], qs)).toEqual(each);
        },
      ),
      { numRuns: 300 },
    );
  });
});
