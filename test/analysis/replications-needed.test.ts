import { describe, expect, it } from 'vitest';
import { replicationsNeeded } from '../../src/analysis/replications-needed.js';
import { tQuantile } from '../../src/stats/t-quantile.js';

describe('replicationsNeeded', () => {
  const halfWidth = (sd: number, n: number): number => (tQuantile(0.975, n - 1) * sd) / Math.sqrt(n);

  it('is the smallest n with t(0.975, n − 1)·s/√n ≤ h', () => {
    for (const [sd, target] of [
      [1, 0.5],
      [1, 0.1],
      [0.02, 0.005],
      [3, 2],
      [10, 0.01],
    ] as const) {
      const n = replicationsNeeded(sd, target);
      expect(halfWidth(sd, n)).toBeLessThanOrEqual(target);
      if (n > 2) expect(halfWidth(sd, n - 1)).toBeGreaterThan(target);
    }
  });

  it('gives known values: s = 1, h = 0.5 needs 18; s = 1, h = 0.1 needs 387 (normal theory says 385)', () => {
    expect(replicationsNeeded(1, 0.5)).toBe(18);
    const n = replicationsNeeded(1, 0.1);
    expect(n).toBeGreaterThanOrEqual(385);
    expect(n).toBeLessThanOrEqual(388);
  });

  it('needs 2 when the sd is 0 or small, and more for a higher level', () => {
    expect(replicationsNeeded(0, 1)).toBe(2);
    expect(replicationsNeeded(0.01, 1)).toBe(2);
    expect(replicationsNeeded(1, 0.2, 0.99)).toBeGreaterThan(replicationsNeeded(1, 0.2));
  });

  it('rejects a negative sd, a half-width ≤ 0 and a level outside (0, 1)', () => {
    expect(() => replicationsNeeded(-1, 1)).toThrow(RangeError);
    expect(() => replicationsNeeded(Number.NaN, 1)).toThrow(RangeError);
    expect(() => replicationsNeeded(1, 0)).toThrow(RangeError);
    expect(() => replicationsNeeded(1, 1, 1)).toThrow(RangeError);
  });
});
