import { describe, expect, it } from 'vitest';
import { betaDraw, betaQuantileTable, betaTableMoments, BETA_TABLE_KNOTS } from '../../../src/sim/random/beta-table.js';
import { createStream } from '../../../src/sim/random/streams.js';

/** (mean, sd) pairs of the shipped scenarios plus the awkward ends: a < 1, b < 1, very concentrated, nearly two-point. */
const CASES: readonly (readonly [number, number])[] = [
  [0.72, 0.18],
  [0.18, 0.18],
  [0.45, 0.15],
  [0.65, 0.2],
  [0.5, 0.01],
  [0.02, 0.1],
  [0.98, 0.1],
  [0.5, 0.49],
  [0.9, 0.05],
];

describe('betaQuantileTable', () => {
  for (const [mean, sd] of CASES) {
    it(`tabulates a variable with mean ${mean} and sd ${sd} (to 2e-5)`, () => {
      const table = betaQuantileTable(mean, sd);
      expect(table.length).toBe(BETA_TABLE_KNOTS + 1);
      for (let k = 0; k < BETA_TABLE_KNOTS; k++) expect(table[k + 1]!).toBeGreaterThanOrEqual(table[k]!);
      expect(table[0]!).toBeGreaterThanOrEqual(0);
      expect(table[BETA_TABLE_KNOTS]!).toBeLessThanOrEqual(1);
      const moments = betaTableMoments(table);
      expect(Math.abs(moments.mean - mean)).toBeLessThan(2e-5);
      expect(Math.abs(moments.sd - sd)).toBeLessThan(2e-5);
    });
  }

  it('draws with the tabulated mean and sd (within 5 standard errors)', () => {
    const rng = createStream(4, 'beta-table-test');
    const n = 200_000;
    for (const [mean, sd] of [[0.3, 0.18], [0.65, 0.2]] as const) {
      const table = betaQuantileTable(mean, sd);
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = betaDraw(table, rng());
        sum += x;
        squares += x * x;
      }
      const m = sum / n;
      expect(Math.abs(m - mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
      expect(Math.abs(Math.sqrt(squares / n - m * m) - sd)).toBeLessThan(5 * sd * Math.sqrt(2 / n) + 1e-4);
    }
  });

  it('gives the mean itself for sd 0 or a mean at 0 or 1, and throws when no Beta has the moments', () => {
    expect(betaDraw(betaQuantileTable(0.4, 0), 0.77)).toBe(0.4);
    expect(betaDraw(betaQuantileTable(1, 0.1), 0.2)).toBe(1);
    expect(betaDraw(betaQuantileTable(0, 0.1), 0.2)).toBe(0);
    expect(() => betaQuantileTable(0.5, 0.5)).toThrow(RangeError);
  });
});
