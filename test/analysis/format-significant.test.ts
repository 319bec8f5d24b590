import { describe, expect, it } from 'vitest';
import { formatSignificant } from '../../src/analysis/format-significant.js';

describe('formatSignificant', () => {
  it('prints three significant digits with separators, trailing zeros dropped', () => {
    expect(formatSignificant(3.2)).toBe('3.2');
    expect(formatSignificant(0.041234)).toBe('0.0412');
    expect(formatSignificant(1234.5)).toBe('1,235');
    expect(formatSignificant(-0.5)).toBe('-0.5');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(0.98765, 2)).toBe('0.99');
    expect(formatSignificant(Number.NaN)).toBe('—');
  });
});
