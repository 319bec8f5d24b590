import { describe, expect, it } from 'vitest';
import { bassDailyScheme, bassDiffusionCheck, bassShare } from '../../src/validation/bass-diffusion.js';

describe('bassShare', () => {
  it('starts at F0 and tends to 1', () => {
    expect(bassShare(0, 0.03, 0.38, 0.2)).toBeCloseTo(0.2, 14);
    expect(bassShare(100, 0.03, 0.38, 0.2)).toBeCloseTo(1, 10);
  });

  it('is the textbook closed form when F0 = 0', () => {
    const [p, q] = [0.03, 0.38];
    for (const t of [0.5, 2, 7]) {
      const textbook = (1 - Math.exp(-(p + q) * t)) / (1 + (q / p) * Math.exp(-(p + q) * t));
      expect(bassShare(t, p, q, 0)).toBeCloseTo(textbook, 14);
    }
  });

  it('solves dF/dt = (p + qF)(1 − F)', () => {
    const [p, q, f0, h] = [0.05, 0.5, 0.1, 1e-5];
    for (const t of [0.3, 1, 4]) {
      const derivative = (bassShare(t + h, p, q, f0) - bassShare(t - h, p, q, f0)) / (2 * h);
      const f = bassShare(t, p, q, f0);
      expect(derivative).toBeCloseTo((p + q * f) * (1 - f), 8);
    }
  });

  it('matches the engine\'s daily scheme to the discretisation error', () => {
    const scheme = bassDailyScheme(3600, 0.03, 0.38, 0.1);
    expect(Math.abs(scheme[3599]! - bassShare(10, 0.03, 0.38, 0.1))).toBeLessThan(1e-3);
  });
});

describe('check (b): Bass diffusion', () => {
  it('passes at its tolerance on a small case', () => {
    const result = bassDiffusionCheck({ citizens: 50_000, months: 48, seed: 2 });
    expect(result.criteria.filter((c) => !c.passed)).toEqual([]);
  });
});
