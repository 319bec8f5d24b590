import { describe, expect, it } from 'vitest';
import { constantColumns } from '../../src/analysis/constant-columns.js';

describe('constantColumns', () => {
  it('flags the columns that never vary', () => {
    expect(
      constantColumns([
        [1, 2, 3],
        [1, 3, 3],
      ]),
    ).toEqual([true, false, true]);
    expect(constantColumns([[4, 5]])).toEqual([true, true]);
    expect(constantColumns([])).toEqual([]);
  });
});
