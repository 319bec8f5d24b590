/**
 * Selecting series from the tidy monthly table (month, segment, metric,
 * value). Pure functions of the rows; no rounding.
 */
import type { MonthlyRow } from '../../sim/metrics/index.js';

/** The groups of one dimension (`age`, `income`, `district`) in order of first appearance. */
export function groupsOf(rows: readonly MonthlyRow[], dimension: string): string[] {
  const seen = new Set<string>();
  const prefix = `${dimension}:`;
  for (const row of rows) if (row.segment.startsWith(prefix)) seen.add(row.segment);
  return [...seen];
}

/** The months of the table, ascending. */
export function monthsOf(rows: readonly MonthlyRow[]): number[] {
  return [...new Set(rows.map((row) => row.month))].filter(Number.isFinite).sort((a, b) => a - b);
}

/** A lookup of value by (group, metric, month). */
type MonthlyLookup = (group: string, metric: string, month: number) => number;

/** The lookups already built, by table: each chart of a report asks for one, and they share it. */
const LOOKUPS = new WeakMap<readonly MonthlyRow[], MonthlyLookup>();

/**
 * A lookup of value by (group, metric, month); NaN when absent (the last row
 * wins when one is listed twice). Built once per table, without a key per
 * row, so a long horizon's table makes no garbage to speak of. Cost O(rows) the first time.
 */
export function monthlyLookup(rows: readonly MonthlyRow[]): MonthlyLookup {
  const known = LOOKUPS.get(rows);
  if (known !== undefined) return known;
  const index = new Map<string, Map<string, Map<number, number>>>();
  for (const row of rows) {
    let metrics = index.get(row.segment);
    if (metrics === undefined) index.set(row.segment, (metrics = new Map()));
    let series = metrics.get(row.metric);
    if (series === undefined) metrics.set(row.metric, (series = new Map()));
    series.set(row.month, row.value);
  }
  const lookup: MonthlyLookup = (group, metric, month) => index.get(group)?.get(metric)?.get(month) ?? Number.NaN;
  LOOKUPS.set(rows, lookup);
  return lookup;
}

/** Whether the table holds a metric at all. */
export function hasMetric(rows: readonly MonthlyRow[], metric: string): boolean {
  return rows.some((row) => row.metric === metric);
}

/** A finite number, or null (vega-lite leaves null out of continuous scales; JSON keeps it). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * The months to list in a table beside a monthly chart: all of them up to
 * `maxRows`, else every k-th month and the last, so the table stays short.
 */
export function tableMonths(months: readonly number[], maxRows = 13): { months: number[]; step: number } {
  if (months.length <= maxRows) return { months: [...months], step: 1 };
  const step = Math.ceil(months.length / (maxRows - 1));
  const picked = months.filter((_, k) => k % step === 0);
  const last = months[months.length - 1]!;
  if (picked[picked.length - 1] !== last) picked.push(last);
  return { months: picked, step };
}
