import { describe, expect, it } from 'vitest';
import { sobolSequence } from '../../src/stats/sobol-sequence.js';
import { SOBOL_MAX_DIMENSIONS } from '../../src/stats/sobol-direction-numbers.js';

// Reference values from scipy.stats.qmc.Sobol(d, scramble=False).random(n), scipy 1.17 (same Joe–Kuo table).
const FIRST_EIGHT_5D = [
  [0, 0, 0, 0, 0],
  [0.5, 0.5, 0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25, 0.25, 0.75],
  [0.25, 0.75, 0.75, 0.75, 0.25],
  [0.375, 0.375, 0.625, 0.875, 0.375],
  [0.875, 0.875, 0.125, 0.375, 0.875],
  [0.625, 0.125, 0.875, 0.625, 0.625],
  [0.125, 0.625, 0.375, 0.125, 0.125],
];
const POINT_1000_40D = [
  0.2197265625, 0.0966796875, 0.5185546875, 0.6767578125, 0.2802734375, 0.9072265625, 0.0458984375, 0.8994140625, 0.5009765625, 0.0693359375, 0.0849609375, 0.2548828125, 0.1611328125,
  0.3837890625, 0.1435546875, 0.3701171875, 0.7197265625, 0.3447265625, 0.9912109375, 0.7255859375, 0.5224609375, 0.5498046875, 0.9501953125, 0.5400390625, 0.5830078125, 0.9072265625,
  0.0400390625, 0.9794921875, 0.0595703125, 0.3408203125, 0.1474609375, 0.1455078125, 0.2958984375, 0.5927734375, 0.8017578125, 0.7705078125, 0.8486328125, 0.8310546875, 0.3076171875,
  0.4794921875,
];
const POINT_1023_40D = [
  0.0009765625, 0.7529296875, 0.6123046875, 0.1455078125, 0.1865234375, 0.4384765625, 0.1396484375, 0.6181640625, 0.3447265625, 0.8505859375, 0.6787109375, 0.0361328125, 0.1298828125,
  0.6650390625, 0.3623046875, 0.4638671875, 0.3134765625, 0.8759765625, 0.5849609375, 0.3193359375, 0.8662109375, 0.0185546875, 0.7939453125, 0.1962890625, 0.2392578125, 0.3759765625,
  0.5087890625, 0.7607421875, 0.8408203125, 0.4345703125, 0.9287109375, 0.6142578125, 0.4521484375, 0.8740234375, 0.3330078125, 0.8642578125, 0.9423828125, 0.9873046875, 0.9013671875,
  0.6982421875,
];

describe('sobolSequence', () => {
  it('gives the first points of the Joe–Kuo sequence', () => {
    expect(sobolSequence(8, 5)).toEqual(FIRST_EIGHT_5D);
  });

  it('matches scipy deep in the sequence in all 40 dimensions', () => {
    const points = sobolSequence(1024, 40);
    expect(points[1000]).toEqual(POINT_1000_40D);
    expect(points[1023]).toEqual(POINT_1023_40D);
  });

  it('skips points', () => {
    expect(sobolSequence(3, 5, 5)).toEqual(FIRST_EIGHT_5D.slice(5, 8));
  });

  it('puts exactly one of the first 2^m points in each dyadic interval of every dimension', () => {
    const points = sobolSequence(64, 12);
    for (let d = 0; d < 12; d++) {
      const cells = points.map((p) => Math.floor(p[d]! * 64)).sort((a, b) => a - b);
      expect(cells).toEqual(Array.from({ length: 64 }, (_, i) => i));
    }
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(40);
    expect(() => sobolSequence(4, 41)).toThrow(RangeError);
    expect(() => sobolSequence(4, 0)).toThrow(RangeError);
    expect(() => sobolSequence(-1, 2)).toThrow(RangeError);
  });
});
