import { describe, expect, it } from 'vitest';
import { formatCount, formatDifferenceBound, formatDifferenceInUnit, formatGbp, formatInUnit, formatNumber, formatPercent } from '../../src/report/format-number.js';

describe('number formatting', () => {
  it('groups thousands without depending on the locale', () => {
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
    expect(formatNumber(999, 0)).toBe('999');
  });

  it('never prints a negative zero', () => {
    expect(formatNumber(-0.0001, 1)).toBe('0.0');
    expect(formatPercent(-0.00001)).toBe('0.0%');
    expect(formatGbp(-0.001)).toBe('£0.00');
  });

  it('prints non-finite numbers as an em dash', () => {
    for (const x of [Number.NaN, Infinity, -Infinity]) {
      expect(formatNumber(x)).toBe('—');
      expect(formatPercent(x)).toBe('—');
      expect(formatGbp(x)).toBe('—');
      expect(formatInUnit(x, 'share')).toBe('—');
    }
  });

  it('formats money, counts and shares', () => {
    expect(formatGbp(3.071)).toBe('£3.07');
    expect(formatGbp(1772122.52)).toBe('£1,772,123');
    expect(formatGbp(-4.5)).toBe('-£4.50');
    expect(formatCount(12345.6)).toBe('12,346');
    expect(formatCount(0.4)).toBe('0.4');
    expect(formatCount(7)).toBe('7');
    expect(formatPercent(0.30113)).toBe('30.1%');
  });

  it('formats differences with a sign, shares in percentage points', () => {
    expect(formatDifferenceInUnit(-0.298, 'share')).toBe('-29.8 pp');
    expect(formatDifferenceInUnit(0.00001, 'share')).toBe('0.0 pp');
    expect(formatDifferenceInUnit(4.57, 'GBP')).toBe('+£4.57');
    expect(formatDifferenceInUnit(-2500, 'GBP')).toBe('-£2,500');
    expect(formatDifferenceInUnit(0.0123, '0-1')).toBe('+0.012');
    expect(formatDifferenceInUnit(0, 'days')).toBe('0.0');
  });

  it('formats interval bounds of differences without the unit sign', () => {
    expect(formatDifferenceBound(-0.154, 'share')).toBe('-15.4');
    expect(formatDifferenceBound(4.751, 'GBP')).toBe('+4.75');
    expect(formatDifferenceBound(5653680, 'GBP')).toBe('+5,653,680');
  });
});
