import { describe, expect, it } from 'vitest';
import { saltelliMatrices, saltelliRows } from '../../src/stats/saltelli-sample.js';
import { sobolSequence } from '../../src/stats/sobol-sequence.js';

describe('saltelliMatrices', () => {
  it('takes A and B from the first and last k columns of a 2k-dimensional Sobol sequence', () => {
    const { a, b, ab } = saltelliMatrices(16, 3);
    const base = sobolSequence(16, 6);
    expect(a).toEqual(base.map((row) => row.slice(0, 3)));
    expect(b).toEqual(base.map((row) => row.slice(3)));
    expect(ab).toHaveLength(3);
    for (const block of ab) expect(block).toHaveLength(16);
  });

  it('builds A_B^(i) as A with column i from B', () => {
    const { a, b, ab } = saltelliMatrices(8, 4, 1);
    for (let i = 0; i < 4; i++) {
      for (let n = 0; n < 8; n++) {
        for (let j = 0; j < 4; j++) expect(ab[i]![n]![j]).toBe(j === i ? b[n]![j] : a[n]![j]);
      }
    }
  });

  it('orders the design rows A, A_B^(1..k), B per base sample', () => {
    const rows = saltelliRows(4, 2);
    expect(rows).toHaveLength(4 * (2 + 2));
    expect(rows.slice(0, 4).map((r) => [r.matrix, r.factor, r.sample])).toEqual([
      ['A', undefined, 0],
      ['AB', 0, 0],
      ['AB', 1, 0],
      ['B', undefined, 0],
    ]);
  });

  it('refuses more than 20 factors', () => {
    expect(() => saltelliMatrices(4, 21)).toThrow(RangeError);
  });
});
