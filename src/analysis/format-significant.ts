/**
 * Numbers for sentences and terminal tables of the analysis: three
 * significant digits, thousands separators, trailing zeros dropped.
 */
import { formatNumber, MISSING } from '../report/format-number.js';

/**
 * `x` with `digits` significant digits (default 3): 3.2, 0.0412, 1,235, −0.5.
 * Not finite: an em dash.
 * Cost O(1).
 * @example formatSignificant(1234.5) === '1,235'; formatSignificant(0.041234) === '0.0412'
 */
export function formatSignificant(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return MISSING;
  if (x === 0) return '0';
  const decimals = Math.min(10, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x)))));
  const text = formatNumber(x, decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
