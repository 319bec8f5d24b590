/**
 * Numbers as a projector should show them: few digits, units spelt out.
 * The one place the explorer rounds (the model never does).
 */
import type { NumberLever } from '../levers.js';

/** 0.1234 → "12.3%"; NaN → "–". */
export function percent(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${(100 * value).toFixed(digits)}%` : '–';
}

/** 1234.5 → "£1,235"; small values keep pence. */
export function pounds(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1e6) return `£${(value / 1e6).toFixed(2)}m`;
  if (Math.abs(value) >= 100) return `£${Math.round(value).toLocaleString('en-GB')}`;
  return `£${value.toFixed(2)}`;
}

/** A number with `digits` decimals; NaN → "–". */
export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A signed difference, e.g. "+1.2 pts" for shares or "−£0.40". */
export function signed(text: string, value: number): string {
  if (!Number.isFinite(value)) return '–';
  return value > 0 ? `+${text}` : value < 0 ? `−${text.replace(/^-/, '')}` : text;
}

/** A lever's value with its unit, e.g. "5.5 a day per 1,000". */
export function leverText(lever: NumberLever, value: number): string {
  switch (lever.unit) {
    case 'share':
      return lever.id === 'usability' || lever.id === 'transparency' ? value.toFixed(2) : percent(value, 0);
    case 'per1000Day':
      return `${value} a day per 1,000`;
    case 'per1000Month':
      return `${value} a month per 1,000`;
    case 'perYear':
      return lever.id === 'outageRate' ? `${value} a year` : `${value} per billion records a year`;
    case 'days':
      return value === 0 ? 'off' : `${value} days`;
    case 'years':
      return `${value} year${value === 1 ? '' : 's'}`;
    case 'gbp':
      return `£${value} a year per 1,000`;
    case 'times':
      return `× ${value}`;
  }
}

/** A scorecard value in its unit. */
export function scorecardValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'share' || unit === 'share of needs' || unit === 'share points') return percent(value, 1);
  if (unit.startsWith('GBP')) return pounds(value);
  return value.toFixed(2);
}
