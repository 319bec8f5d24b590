import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/calibration/nelder-mead.js';

const rosenbrock = (x: readonly number[]): number => {
  let sum = 0;
  for (let i = 0; i + 1 < x.length; i++) sum += 100 * (x[i + 1]! - x[i]! ** 2) ** 2 + (1 - x[i]!) ** 2;
  return sum;
};

describe('nelderMead', () => {
  it("finds Rosenbrock's minimum (1, 1) from the classic start (−1.2, 1)", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxEvaluations: 2000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(result.value).toBeLessThan(1e-10);
    expect(result.evaluations).toBeLessThan(500);
  });

  it("finds the 4-dimensional Rosenbrock's minimum with the adaptive coefficients", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1, -1.2, 1], { maxEvaluations: 20_000 });
    for (const xi of result.x) expect(xi).toBeCloseTo(1, 4);
  });

  it('stays within bounds and finds a minimum on the boundary', () => {
    const seen: number[][] = [];
    const result = nelderMead(
      (x) => {
        seen.push([...x]);
        return rosenbrock(x);
      },
      [-1.2, 1],
      { lower: [-2, -2], upper: [0.5, 2], maxEvaluations: 2000 },
    );
    expect(result.x[0]).toBeCloseTo(0.5, 6);
    expect(result.x[1]).toBeCloseTo(0.25, 5);
    for (const [x, y] of seen) {
      expect(x).toBeGreaterThanOrEqual(-2);
      expect(x).toBeLessThanOrEqual(0.5);
      expect(y).toBeGreaterThanOrEqual(-2);
      expect(y).toBeLessThanOrEqual(2);
    }
  });

  it('is deterministic and respects the evaluation budget', () => {
    let calls = 0;
    const f = (x: readonly number[]): number => {
      calls++;
      return (x[0]! - 3) ** 2 + Math.abs(x[1]! + 1);
    };
    const a = nelderMead(f, [0, 0], { maxEvaluations: 37 });
    expect(calls).toBeLessThanOrEqual(37);
    expect(a.evaluations).toBe(calls);
    const b = nelderMead(f, [0, 0], { maxEvaluations: 37 });
    expect(b).toEqual(a);
  });

  it('treats NaN and Infinity as the worst values, never the best', () => {
    const result = nelderMead((x) => (x[0]! < 0 ? Number.NaN : (x[0]! - 2) ** 2), [1], { step: [5] });
    expect(result.x[0]).toBeCloseTo(2, 5);
  });

  it('rejects options of the wrong length', () => {
    expect(() => nelderMead(rosenbrock, [0, 0], { lower: [0] })).toThrow(RangeError);
    expect(() => nelderMead(rosenbrock, [])).toThrow(RangeError);
  });
});
