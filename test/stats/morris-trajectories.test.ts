import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/sim/random/streams.js';
import { morrisDelta, morrisTrajectories } from '../../src/stats/morris-trajectories.js';

describe('morrisTrajectories', () => {
  it('changes one factor at a time by ±Δ, each factor once per trajectory, on the grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(2, 4, 6, 8), fc.integer({ min: 0, max: 1e6 }), (trajectories, k, levels, seed) => {
        const steps = morrisTrajectories(trajectories, k, levels, createStream(seed, 'morris-test'));
        const delta = morrisDelta(levels);
        expect(steps).toHaveLength(trajectories * (k + 1));
        for (let t = 0; t < trajectories; t++) {
          const trajectory = steps.slice(t * (k + 1), (t + 1) * (k + 1));
          expect(trajectory.map((s) => s.step)).toEqual(Array.from({ length: k + 1 }, (_, i) => i));
          expect(trajectory.every((s) => s.trajectory === t)).toBe(true);
          const changed = new Set<number>();
          for (let i = 1; i <= k; i++) {
            const before = trajectory[i - 1]!.point;
            const after = trajectory[i]!.point;
            const differing = before.map((v, d) => (v === after[d] ? -1 : d)).filter((d) => d >= 0);
            expect(differing).toEqual([trajectory[i]!.factor]);
            const factor = differing[0]!;
            expect(after[factor]! - before[factor]!).toBeCloseTo(trajectory[i]!.delta!, 12);
            expect(Math.abs(trajectory[i]!.delta!)).toBeCloseTo(delta, 12);
            changed.add(factor);
          }
          expect(changed.size).toBe(k);
          for (const step of trajectory) {
            for (const value of step.point) {
              expect(value).toBeGreaterThanOrEqual(0);
              expect(value).toBeLessThanOrEqual(1);
              expect(value * (levels - 1)).toBeCloseTo(Math.round(value * (levels - 1)), 12);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('has Δ = p / (2(p − 1))', () => {
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(2)).toBe(1);
  });

  it('refuses odd levels', () => {
    expect(() => morrisTrajectories(2, 2, 3, () => 0.5)).toThrow(RangeError);
  });
});
