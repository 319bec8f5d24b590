import { describe, expect, it } from 'vitest';
import { prim } from '../../src/analysis/prim.js';
import { createStream } from '../../src/sim/random/streams.js';

/** Uniform points in the unit cube. */
function uniform(rows: number, dimensions: number, seed: number): number[][] {
  const random = createStream(seed, 'test-prim');
  return Array.from({ length: rows }, () => Array.from({ length: dimensions }, () => random()));
}

describe('prim', () => {
  it('recovers a planted box in uniform data: limits within 0.05 of the truth, density near 1, unrestricted dimensions left alone', () => {
    // The condition holds in x0 ∈ [0.2, 0.6] × x1 ≥ 0.7; x2 and x3 are noise dimensions.
    const inputs = uniform(3000, 4, 1);
    const flags = inputs.map(([x0 = 0, x1 = 0]) => x0 >= 0.2 && x0 <= 0.6 && x1 >= 0.7);
    const result = prim(inputs, flags);
    const box = result.trajectory[result.chosen]!;
    expect(box.density).toBeGreaterThan(0.95);
    expect(box.coverage).toBeGreaterThan(0.85);
    expect(box.restricted).toEqual([0, 1]);
    expect(Math.abs(box.limits[0]!.low - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(box.limits[0]!.high - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(box.limits[1]!.low - 0.7)).toBeLessThan(0.05);
    expect(box.limits[1]!.high).toBeGreaterThan(0.99);
  });

  it('finds the box through label noise: 10% of flags flipped', () => {
    const inputs = uniform(4000, 3, 2);
    const random = createStream(3, 'test-prim-noise');
    const flags = inputs.map(([x0 = 0, x1 = 0]) => (x0 <= 0.3 && x1 <= 0.5) !== random() < 0.1);
    const result = prim(inputs, flags);
    const box = result.trajectory[result.chosen]!;
    expect(box.density).toBeGreaterThan(0.8);
    expect(Math.abs(box.limits[0]!.high - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(box.limits[1]!.high - 0.5)).toBeLessThan(0.05);
    expect(box.restricted).not.toContain(2);
  });

  it('keeps a trajectory from the whole space, along which mass falls while peeling and coverage never rises', () => {
    const inputs = uniform(1000, 2, 4);
    const flags = inputs.map(([x0 = 0]) => x0 > 0.8);
    const { trajectory, points, cases } = prim(inputs, flags, { peelAlpha: 0.1 });
    expect(points).toBe(1000);
    expect(trajectory[0]!.phase).toBe('start');
    expect(trajectory[0]!.mass).toBe(1);
    expect(trajectory[0]!.coverage).toBe(1);
    expect(trajectory[0]!.density).toBeCloseTo(cases / 1000, 12);
    const peels = trajectory.filter((box) => box.phase !== 'paste');
    for (let k = 1; k < peels.length; k++) {
      expect(peels[k]!.mass).toBeLessThan(peels[k - 1]!.mass);
      expect(peels[k]!.coverage).toBeLessThanOrEqual(peels[k - 1]!.coverage);
      expect(peels[k]!.density).toBeGreaterThanOrEqual(peels[k - 1]!.density - 0.05);
    }
    for (const box of trajectory) {
      expect(box.count).toBe(inputs.filter((row) => row.every((value, j) => value >= box.limits[j]!.low && value <= box.limits[j]!.high)).length);
    }
  });

  it('pastes back points the peeling cut off too far', () => {
    // Coarse peels (alpha 0.3) overshoot; pasting with a fine alpha widens the box again without losing density.
    const inputs = uniform(2000, 2, 5);
    const flags = inputs.map(([x0 = 0]) => x0 <= 0.45);
    const result = prim(inputs, flags, { peelAlpha: 0.3, pasteAlpha: 0.01 });
    const pastes = result.trajectory.filter((box) => box.phase === 'paste');
    expect(pastes.length).toBeGreaterThan(0);
    const last = result.trajectory.at(-1)!;
    expect(last.density).toBe(1);
    expect(Math.abs(last.limits[0]!.high - 0.45)).toBeLessThan(0.02);
  });

  it('treats 0/1 parameters as categories: a peel removes a whole level', () => {
    const random = createStream(6, 'test-prim-binary');
    const inputs = Array.from({ length: 800 }, () => [random() < 0.5 ? 0 : 1, random()]);
    const flags = inputs.map(([open = 0, x = 0]) => open === 0 && x < 0.5);
    const result = prim(inputs, flags);
    const box = result.trajectory[result.chosen]!;
    expect(box.limits[0]).toEqual({ low: 0, high: 0 });
    expect(Math.abs(box.limits[1]!.high - 0.5)).toBeLessThan(0.05);
  });

  it('chooses the densest box when none reaches the threshold, and does not peel when no or every point is a case', () => {
    const inputs = uniform(200, 2, 7);
    const random = createStream(8, 'coin');
    const coin = inputs.map(() => random() < 0.3);
    const result = prim(inputs, coin, { threshold: 0.99 });
    const densest = Math.max(...result.trajectory.map((box) => box.density));
    expect(result.trajectory[result.chosen]!.density).toBe(densest);
    expect(prim(inputs, inputs.map(() => false)).trajectory).toHaveLength(1);
    expect(prim(inputs, inputs.map(() => true)).trajectory).toHaveLength(1);
  });

  it('rejects bad inputs and options', () => {
    expect(() => prim([], [])).toThrow(/no points/);
    expect(() => prim([[1]], [true, false])).toThrow(RangeError);
    expect(() => prim([[Number.NaN]], [true])).toThrow(/not finite/);
    expect(() => prim([[1]], [true], { peelAlpha: 0 })).toThrow(/peelAlpha/);
  });
});
