/**
 * Numbers with their uncertainty, for sentences: "12.3% [11.8, 12.9]",
 * "£3.07 [3.05, 3.09]". The bracket repeats the value's unit implicitly,
 * as in the example; an undefined interval says so.
 */
import { formatGbp, formatNumber, formatPercent } from '../format-number.js';
import { SENTENCES } from '../messages.js';

/** How a value and its interval are written. */
export type IntervalKind = 'share' | 'gbp' | 'pp';

/** The value alone, in its unit. */
export function formatValue(value: number, kind: IntervalKind): string {
  if (kind === 'share') return formatPercent(value);
  if (kind === 'gbp') return formatGbp(value);
  const text = formatNumber(100 * value, 1);
  return `${value > 0 && text !== '0.0' ? '+' : ''}${text} percentage points`;
}

/** The bracketed interval: "[11.8, 12.9]" for shares and percentage points (in percent), "[3.05, 3.09]" for pounds. */
export function formatBracket(low: number, high: number, kind: IntervalKind): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return SENTENCES.noInterval;
  if (kind === 'gbp') {
    const digits = Math.max(Math.abs(low), Math.abs(high)) >= 1000 ? 0 : 2;
    return `[${formatNumber(low, digits)}, ${formatNumber(high, digits)}]`;
  }
  return `[${formatNumber(100 * low, 1)}, ${formatNumber(100 * high, 1)}]`;
}
