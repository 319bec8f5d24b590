import { describe, expect, it } from 'vitest';
import { buildDesignPoints, gridAxis, levelValue, sampleValue, type DesignSpec, type ParameterDomain, type SweepParameter } from '../../../src/scenarios/sweep/design.js';
import { morrisDelta } from '../../../src/stats/morris-trajectories.js';

const noFile = (): { ok: false; file: string; message: string } => ({ ok: false, file: '', message: 'no file' });

function parameter(name: string, domain: ParameterDomain): SweepParameter {
  return { name, path: name, documentPath: [name], domain };
}

function points(spec: DesignSpec, parameters: SweepParameter[], seed = 1): ReturnType<typeof buildDesignPoints> & { ok: true } {
  const result = buildDesignPoints(spec, parameters, seed, noFile);
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

const range = (min: number, max: number, integer = false): ParameterDomain => ({ kind: 'range', min, max, integer });

describe('grid', () => {
  it('has the product of the axes, first parameter slowest', () => {
    const grid = points({ type: 'grid', levels: 3 }, [parameter('a', { kind: 'values', values: [true, false] }), parameter('b', range(0, 1)), parameter('c', { kind: 'values', values: ['x', 'y', 'z', 'w'] })]);
    expect(grid.points).toHaveLength(2 * 3 * 4);
    expect(grid.points.map((p) => p.id)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(grid.points.slice(0, 5).map((p) => p.values)).toEqual([
      [true, 0, 'x'],
      [true, 0, 'y'],
      [true, 0, 'z'],
      [true, 0, 'w'],
      [true, 0.5, 'x'],
    ]);
    const distinct = new Set(grid.points.map((p) => JSON.stringify(p.values)));
    expect(distinct.size).toBe(24);
  });

  it('spaces range levels evenly from min to max, integers rounded, per-parameter levels first', () => {
    expect(gridAxis(range(2, 8), 4)).toEqual([2, 4, 6, 8]);
    expect(gridAxis({ kind: 'range', min: 0, max: 10, integer: true, levels: 4 }, 2)).toEqual([0, 3, 7, 10]);
  });
});

describe('lhs', () => {
  it('has one point per stratum of each range and is reproducible from its seed', () => {
    const design = points({ type: 'lhs', samples: 10 }, [parameter('a', range(10, 20)), parameter('b', range(0, 1))], 5);
    for (const [d, [low, high]] of [[10, 20], [0, 1]].entries()) {
      const strata = design.points.map((p) => Math.floor((((p.values[d] as number) - low!) / (high! - low!)) * 10)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: 10 }, (_, i) => i));
    }
    expect(points({ type: 'lhs', samples: 10 }, [parameter('a', range(10, 20)), parameter('b', range(0, 1))], 5)).toEqual(design);
    expect(points({ type: 'lhs', samples: 10 }, [parameter('a', range(10, 20)), parameter('b', range(0, 1))], 6)).not.toEqual(design);
  });

  it('maps the unit interval to whole numbers and listed values equally', () => {
    expect([0, 0.2499, 0.25, 0.999].map((u) => sampleValue(range(1, 4, true), u))).toEqual([1, 1, 2, 4]);
    expect([0, 0.49, 0.5, 0.99].map((u) => sampleValue({ kind: 'values', values: ['a', 'b'] }, u))).toEqual(['a', 'a', 'b', 'b']);
  });
});

describe('morris', () => {
  it('gives trajectories of k + 1 points that change one parameter at a time by Δ of its range', () => {
    const design = points({ type: 'morris', trajectories: 5, levels: 4 }, [parameter('a', range(0, 30)), parameter('b', range(1, 2)), parameter('c', range(-1, 1))], 9);
    expect(design.points).toHaveLength(5 * 4);
    for (let i = 1; i < design.points.length; i++) {
      const point = design.points[i]!;
      const tag = point.tag as { trajectory: number; step: number; factor?: string; delta?: number };
      if (tag.step === 0) continue;
      const before = design.points[i - 1]!.values as number[];
      const after = point.values as number[];
      const changed = after.map((v, d) => (v === before[d] ? undefined : d)).filter((d) => d !== undefined);
      expect(changed).toHaveLength(1);
      const d = changed[0]!;
      expect(tag.factor).toBe(['a', 'b', 'c'][d]);
      const width = [30, 1, 2][d]!;
      expect(Math.abs(after[d]! - before[d]!)).toBeCloseTo(morrisDelta(4) * width, 10);
    }
  });

  it('maps grid levels to the ends of a range exactly', () => {
    expect(levelValue(range(0.1, 0.7), 1)).toBe(0.7);
    expect(levelValue(range(0.1, 0.7), 0)).toBe(0.1);
    expect(levelValue({ kind: 'values', values: [1, 2, 3, 4] }, 2 / 3)).toBe(3);
  });
});

describe('saltelli', () => {
  it('has N (k + 2) points tagged with their matrix and factor', () => {
    const design = points({ type: 'saltelli', samples: 8, skip: 0 }, [parameter('a', range(0, 1)), parameter('b', range(0, 10)), parameter('c', range(5, 6))]);
    expect(design.points).toHaveLength(8 * 5);
    expect(design.points.slice(0, 5).map((p) => p.tag)).toEqual([
      { sample: 0, matrix: 'A' },
      { sample: 0, matrix: 'AB', factor: 'a' },
      { sample: 0, matrix: 'AB', factor: 'b' },
      { sample: 0, matrix: 'AB', factor: 'c' },
      { sample: 0, matrix: 'B' },
    ]);
    // Row 1 of the Sobol sequence in 6 dimensions is all 0.5: A and B are the middles of the ranges.
    expect(design.points[5]!.values).toEqual([0.5, 5, 5.5]);
    // A_B^(b) takes b from B, the rest from A.
    const [a, , abB, , b] = design.points.slice(10, 15).map((p) => p.values);
    expect(abB).toEqual([a![0], b![1], a![2]]);
  });
});

describe('list', () => {
  it('takes the points in order, by parameter name', () => {
    const design = points({ type: 'list', points: [{ b: 2, a: 1 }, { a: 3, b: 4 }] }, [parameter('a', { kind: 'free' }), parameter('b', { kind: 'free' })]);
    expect(design.points.map((p) => p.values)).toEqual([[1, 2], [3, 4]]);
  });
});
