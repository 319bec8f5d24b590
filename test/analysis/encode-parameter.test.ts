import { describe, expect, it } from 'vitest';
import { encodeParameter } from '../../src/analysis/encode-parameter.js';

describe('encodeParameter', () => {
  it('keeps numbers, codes yes/no as 0/1, and other values by their list order', () => {
    expect(encodeParameter([2, 3.5])).toEqual({ encoding: 'number', categories: null, codes: [2, 3.5] });
    expect(encodeParameter([true, false, true])).toEqual({ encoding: 'boolean', categories: ['false', 'true'], codes: [1, 0, 1] });
    expect(encodeParameter(['b', 'a'], ['a', 'b'])).toEqual({ encoding: 'category', categories: ['a', 'b'], codes: [1, 0] });
  });

  it('codes values without a list by first appearance, and structured values by their JSON', () => {
    expect(encodeParameter(['x', 'y', 'x'])).toEqual({ encoding: 'category', categories: ['x', 'y'], codes: [0, 1, 0] });
    expect(encodeParameter([{ a: 1 }, [1, 2], { a: 1 }])).toEqual({ encoding: 'category', categories: ['{"a":1}', '[1,2]'], codes: [0, 1, 0] });
    expect(encodeParameter([1, 'two']).encoding).toBe('category');
  });
});
