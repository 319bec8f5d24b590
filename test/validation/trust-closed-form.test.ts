import { describe, expect, it } from 'vitest';
import { cycleMap, experienceMap, repeated, reversionMap, thenApply, trustClosedFormCheck, type TrustRule } from '../../src/validation/trust-closed-form.js';

const rule: TrustRule = { gainGood: 0.05, lossBad: 0.1, reversionPerDay: 0.01, baseline: 0.5 };
const apply = (map: { a: number; c: number }, x: number): number => map.a * x + map.c;

describe('the affine maps of the trust rule', () => {
  it('are the update rules of src/sim/trust.ts', () => {
    expect(apply(experienceMap(rule, { kind: 'good' }), 0.4)).toBeCloseTo(0.4 + 0.05 * 0.6, 14);
    expect(apply(experienceMap(rule, { kind: 'bad', weight: 2 }), 0.4)).toBeCloseTo(0.4 - 0.2 * 0.4, 14);
    expect(apply(experienceMap(rule, { kind: 'bad', weight: 20 }), 0.4)).toBe(0); // min(1, l·w)
    expect(apply(reversionMap(rule, 30), 0.9)).toBeCloseTo(0.5 + 0.4 * Math.exp(-0.3), 14);
  });

  it('compose in order, and k cycles in closed form equal k iterations', () => {
    const phase = { label: 'mix', cycleDays: 7, cycles: 0, events: [{ offset: 2, experience: { kind: 'bad', weight: 1 } as const }, { offset: 0, experience: { kind: 'good' } as const }] };
    const map = cycleMap(rule, phase);
    const byHand = thenApply(thenApply(thenApply(experienceMap(rule, { kind: 'good' }), reversionMap(rule, 2)), experienceMap(rule, { kind: 'bad', weight: 1 })), reversionMap(rule, 5));
    expect(map.a).toBeCloseTo(byHand.a, 14);
    expect(map.c).toBeCloseTo(byHand.c, 14);
    let x = 0.3;
    for (let k = 1; k <= 25; k++) {
      x = apply(map, x);
      expect(repeated(map, 0.3, k)).toBeCloseTo(x, 12);
    }
  });
});

describe('check (d): trust closed form', () => {
  it('passes at its tolerance', () => {
    const result = trustClosedFormCheck();
    expect(result.passed).toBe(true);
    expect(result.table.rows).toHaveLength(5);
  });
});
