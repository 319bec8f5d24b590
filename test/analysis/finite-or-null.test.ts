import { describe, expect, it } from 'vitest';
import { finiteOrNull } from '../../src/analysis/finite-or-null.js';

describe('finiteOrNull', () => {
  it('keeps finite numbers and turns the rest into null', () => {
    expect(finiteOrNull(0.5)).toBe(0.5);
    expect(finiteOrNull(-0)).toBe(-0);
    expect(finiteOrNull(Number.NaN)).toBeNull();
    expect(finiteOrNull(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
