import { sum } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { CompensatedSum } from '../../src/analysis/compensated-sum.js';

describe('CompensatedSum', () => {
  it('keeps what naive summation loses', () => {
    const total = new CompensatedSum();
    for (const term of [1e16, 1, -1e16]) total.add(term);
    expect(total.value).toBe(1);
  });

  it('agrees with simple-statistics sum', () => {
    const terms = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 10 ** (i % 7));
    const total = new CompensatedSum();
    for (const term of terms) total.add(term);
    expect(total.value).toBe(sum(terms));
    expect(new CompensatedSum().value).toBe(0);
  });
});
