import { describe, expect, it } from 'vitest';
import { primBoxes } from '../../src/analysis/prim-boxes.js';
import { createStream } from '../../src/sim/random/streams.js';

function uniform(rows: number, dimensions: number, seed: number): number[][] {
  const random = createStream(seed, 'test-prim-boxes');
  return Array.from({ length: rows }, () => Array.from({ length: dimensions }, () => random()));
}

describe('primBoxes', () => {
  it('finds two planted boxes one after the other, with coverage relative to all cases', () => {
    // Region 1: x0 ≤ 0.3 (mass 0.3); region 2: x0 ≥ 0.7 and x1 ≥ 0.7 (mass 0.09).
    const inputs = uniform(4000, 3, 1);
    const flags = inputs.map(([x0 = 0, x1 = 0]) => x0 <= 0.3 || (x0 >= 0.7 && x1 >= 0.7));
    const boxes = primBoxes(inputs, flags, { maxBoxes: 3 });
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    const chosen = boxes.map((box) => box.trajectory[box.chosen]!);
    for (const box of chosen.slice(0, 2)) expect(box.density).toBeGreaterThan(0.9);
    const [first, second] = chosen as [(typeof chosen)[number], (typeof chosen)[number]];
    expect(first.restricted).toEqual([0]);
    expect(Math.abs(first.limits[0]!.high - 0.3)).toBeLessThan(0.05);
    expect(second.restricted).toEqual([0, 1]);
    expect(Math.abs(second.limits[0]!.low - 0.7)).toBeLessThan(0.05);
    expect(Math.abs(second.limits[1]!.low - 0.7)).toBeLessThan(0.05);
    // Coverage is of all cases: the two boxes together hold nearly all of them.
    expect(first.coverage).toBeLessThan(0.85);
    expect(first.coverage + second.coverage).toBeGreaterThan(0.85);
    expect(boxes[1]!.points).toBe(4000);
    // A later box's unrestricted limits span all points, not just those left.
    expect(chosen[1]!.limits[2]!.low).toBeLessThan(0.01);
  });

  it('stops at one box when the rest is noise, and validates maxBoxes', () => {
    const inputs = uniform(1500, 2, 2);
    const flags = inputs.map(([x0 = 0]) => x0 < 0.4);
    const boxes = primBoxes(inputs, flags);
    expect(boxes).toHaveLength(1);
    expect(() => primBoxes(inputs, flags, { maxBoxes: 0 })).toThrow(RangeError);
  });
});
