import { describe, expect, it } from 'vitest';
import { morrisEffects, type ParameterRange } from '../../src/analysis/morris.js';
import { createStream } from '../../src/sim/random/streams.js';
import { morrisTrajectories } from '../../src/stats/morris-trajectories.js';

/** A Morris design from the sweep engine's generator, mapped to `ranges`, as points and trajectories. */
function design(trajectories: number, ranges: readonly ParameterRange[], seed: number): { points: number[][]; trajectories: number[][] } {
  const steps = morrisTrajectories(trajectories, ranges.length, 4, createStream(seed, 'test-morris'));
  const points = steps.map((step) => step.point.map((u, j) => ranges[j]!.low + u * (ranges[j]!.high - ranges[j]!.low)));
  const groups = new Map<number, number[]>();
  steps.forEach((step, index) => groups.set(step.trajectory, [...(groups.get(step.trajectory) ?? []), index]));
  return { points, trajectories: [...groups.values()] };
}

describe('morrisEffects', () => {
  it('gives a linear model μ = b, μ* = |b| and σ = 0 in the parameter\'s unit, and b·range scaled', () => {
    const coefficients = [3, -2, 0.5, 0];
    const ranges = [
      { low: 0, high: 1 },
      { low: 10, high: 20 },
      { low: -5, high: 5 },
      { low: 100, high: 400 },
    ];
    const { points, trajectories } = design(20, ranges, 1);
    const outputs = points.map((x) => coefficients.reduce((total, b, i) => total + b * x[i]!, 7));
    const effects = morrisEffects({ points, outputs, trajectories, ranges });
    effects.forEach((effect, i) => {
      const b = coefficients[i]!;
      const width = ranges[i]!.high - ranges[i]!.low;
      expect(effect.effects).toBe(20);
      expect(effect.mu).toBeCloseTo(b, 10);
      expect(effect.muStar).toBeCloseTo(Math.abs(b), 10);
      expect(effect.sigma).toBeLessThan(1e-9);
      expect(effect.muScaled).toBeCloseTo(b * width, 8);
      expect(effect.muStarScaled.value).toBeCloseTo(Math.abs(b) * width, 8);
      expect(effect.sigmaScaled).toBeLessThan(1e-7);
    });
  });

  it('shows non-linearity and interaction as σ > 0, and cancelling signs as μ < μ*', () => {
    const ranges = [
      { low: -1, high: 1 },
      { low: -1, high: 1 },
      { low: -1, high: 1 },
    ];
    const { points, trajectories } = design(40, ranges, 2);
    // x0² is non-monotone (μ ≈ 0, μ* > 0); x1·x2 interact; nothing else.
    const outputs = points.map(([x0 = 0, x1 = 0, x2 = 0]) => x0 * x0 + x1 * x2);
    const [square, left, right] = morrisEffects({ points, outputs, trajectories, ranges });
    expect(Math.abs(square!.mu)).toBeLessThan(square!.muStar);
    expect(square!.sigma).toBeGreaterThan(0.1);
    expect(left!.sigma).toBeGreaterThan(0.1);
    expect(right!.sigma).toBeGreaterThan(0.1);
    expect(square!.muStarScaled.low).toBeLessThanOrEqual(square!.muStarScaled.value);
    expect(square!.muStarScaled.high).toBeGreaterThanOrEqual(square!.muStarScaled.value);
  });

  it('computes the example in its doc comment', () => {
    const effects = morrisEffects({
      points: [
        [0, 0],
        [0.5, 0],
        [0.5, 0.5],
      ],
      outputs: [0, 1, -1],
      trajectories: [[0, 1, 2]],
      ranges: [
        { low: 0, high: 1 },
        { low: 0, high: 1 },
      ],
    });
    expect(effects.map((effect) => [effect.mu, effect.muStar])).toEqual([
      [2, 2],
      [-4, 4],
    ]);
    expect(Number.isNaN(effects[0]!.sigma)).toBe(true);
  });

  it('skips steps with a non-finite output or no change, and leaves a parameter without effects NaN', () => {
    const ranges = [
      { low: 0, high: 1 },
      { low: 0, high: 1 },
    ];
    const points = [
      [0, 0],
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    const effects = morrisEffects({ points, outputs: [0, 0, 1, Number.NaN], trajectories: [[0, 1, 2, 3]], ranges });
    expect(effects[0]!.effects).toBe(1);
    expect(effects[1]!.effects).toBe(0);
    expect(Number.isNaN(effects[1]!.muStar)).toBe(true);
  });

  it('rejects a step that changes two parameters, an unknown point and an empty range', () => {
    const ranges = [
      { low: 0, high: 1 },
      { low: 0, high: 1 },
    ];
    const points = [
      [0, 0],
      [1, 1],
    ];
    expect(() => morrisEffects({ points, outputs: [0, 1], trajectories: [[0, 1]], ranges })).toThrow(/changes 2 parameters/);
    expect(() => morrisEffects({ points, outputs: [0, 1], trajectories: [[0, 5]], ranges })).toThrow(/point 5/);
    expect(() => morrisEffects({ points, outputs: [0, 1], trajectories: [], ranges: [{ low: 1, high: 1 }] })).toThrow(/empty range/);
  });
});
