/**
 * Number formatting for people: the only place where dgsim rounds. Every
 * formatter is locale-independent (so printed output is the same on every
 * machine) and prints a non-finite number as an em dash.
 */

/** What a formatter prints for NaN or ±Infinity: the value is undefined or missing. */
export const MISSING = '—';

/** Adds thousands separators to the integer part of a decimal string: "1234567.5" → "1,234,567.5". */
function groupThousands(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `x.toFixed(digits)` without a "-0.0" when x rounds to zero. */
function fixedNoNegativeZero(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  const isZero = Number(text) === 0;
  return x < 0 && !isZero ? `-${text}` : text;
}

/**
 * A number with `digits` decimals and thousands separators.
 * @example formatNumber(1234.567, 1) === '1,234.6'
 */
export function formatNumber(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return MISSING;
  const text = fixedNoNegativeZero(x, digits);
  return text.startsWith('-') ? `-${groupThousands(text.slice(1))}` : groupThousands(text);
}

/**
 * A share in [0, 1] as a percentage.
 * @example formatPercent(0.30113) === '30.1%'
 */
export function formatPercent(share: number, digits = 1): string {
  return Number.isFinite(share) ? `${formatNumber(100 * share, digits)}%` : MISSING;
}

/**
 * An amount of money in pounds: pence below £1,000, whole pounds from £1,000 on.
 * @example formatGbp(3.071) === '£3.07'; formatGbp(1772122.5) === '£1,772,123'
 */
export function formatGbp(amountGbp: number): string {
  if (!Number.isFinite(amountGbp)) return MISSING;
  const digits = Math.abs(amountGbp) >= 1000 ? 0 : 2;
  const text = formatNumber(Math.abs(amountGbp), digits);
  return amountGbp < 0 && Number(text.replace(/,/g, '')) !== 0 ? `-£${text}` : `£${text}`;
}

/**
 * A count of things (citizens, needs, records): whole numbers from 100 on,
 * one decimal below (a mean over replications is rarely whole).
 * @example formatCount(12345.6) === '12,346'; formatCount(0.4) === '0.4'
 */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return MISSING;
  if (Math.abs(count) >= 100 || Number.isInteger(count)) return formatNumber(count, 0);
  return formatNumber(count, 1);
}

/**
 * A value in the unit a metric or scorecard row names, e.g. 'share' → "30.1%",
 * 'GBP' → "£3.07", 'days' → "4.5", '0-1' → "0.385". Unknown units get 3 significant decimals.
 */
export function formatInUnit(value: number, unit: string): string {
  if (!Number.isFinite(value)) return MISSING;
  switch (unit) {
    case 'share':
    case 'share of needs':
    case 'share points':
      return formatPercent(value);
    case 'GBP':
    case 'GBP/need':
    case 'GBP/use':
      return formatGbp(value);
    case 'count':
    case 'needs':
    case 'records':
      return formatCount(value);
    case 'days':
      return formatNumber(value, 1);
    case 'hours':
    case 'transactions/need':
      return formatNumber(value, 2);
    default:
      return formatNumber(value, 3);
  }
}

/**
 * A difference between two values in `unit`, always signed: shares as
 * percentage points ("+29.8 pp"), money as "+£4.57", others as numbers.
 */
export function formatDifferenceInUnit(difference: number, unit: string): string {
  if (!Number.isFinite(difference)) return MISSING;
  const plain = formatInUnit(Math.abs(difference), unit);
  const isShare = unit === 'share' || unit === 'share of needs' || unit === 'share points';
  const magnitude = isShare ? `${formatNumber(100 * Math.abs(difference), 1)} pp` : plain;
  const roundsToZero = /^[£]?0(\.0+)?( pp|%)?$/.test(magnitude);
  if (roundsToZero) return isShare ? '0.0 pp' : magnitude;
  return `${difference < 0 ? '-' : '+'}${magnitude}`;
}

/**
 * A bound of an interval of differences, signed and without the unit sign
 * (the difference next to it carries the unit): shares in percentage
 * points ("-15.4"), money without "£" ("+4.75").
 * @example formatDifferenceBound(-0.154, 'share') === '-15.4'
 */
export function formatDifferenceBound(difference: number, unit: string): string {
  return formatDifferenceInUnit(difference, unit).replace(' pp', '').replace('£', '');
}
