/**
 * The shape of a validation result: what a check claims, the figure it
 * draws, the tolerance it holds itself to, what it measured and whether it
 * passed. Every check returns one of these; `render-validation.ts` turns
 * them into docs/validation.md and its figures.
 */

/** A point series of a line figure. */
export interface Series {
  readonly name: string;
  /** `line` a solid line, `dashed` a dashed line, `points` markers only. */
  readonly style: 'line' | 'dashed' | 'points';
  readonly points: readonly (readonly [number, number])[];
}

/** A line figure: y against x, one or more series. */
export interface LineFigure {
  readonly kind: 'line';
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

/** A grouped bar figure: for each category, one bar per group. */
export interface BarFigure {
  readonly kind: 'bar';
  readonly title: string;
  readonly yLabel: string;
  readonly categories: readonly string[];
  readonly groups: readonly { readonly name: string; readonly values: readonly number[] }[];
}

export type Figure = LineFigure | BarFigure;

/** A small table of the figure's data, already formatted for print. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** One claim of a check: measured against a tolerance. */
export interface Criterion {
  /** What is measured, e.g. "largest |z| of a channel share". */
  readonly measure: string;
  /** The tolerance in words, e.g. "|z| ≤ 4". */
  readonly tolerance: string;
  /** The measured value, formatted. */
  readonly measured: string;
  readonly passed: boolean;
}

/** The result of one analytic check. */
export interface CheckResult {
  /** Stable id, also the figure's file name: `logit-shares`. */
  readonly id: string;
  readonly title: string;
  /** What the check shows, in one or two sentences (markdown). */
  readonly claim: string;
  /** The formula the model is held to (markdown, may hold several lines). */
  readonly formula: string;
  /** The purpose-built setting the check runs (markdown). */
  readonly setup: string;
  readonly criteria: readonly Criterion[];
  readonly passed: boolean;
  readonly figures: readonly Figure[];
  readonly table: DataTable;
}

/** Whether every criterion passed. */
export function allPassed(criteria: readonly Criterion[]): boolean {
  return criteria.every((criterion) => criterion.passed);
}

/** A number with a fixed count of decimals, with "−0" printed as "0" (stable text for generated docs). */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** A number in scientific notation with `digits` significant decimals, e.g. 1.2e-6. */
export function scientific(value: number, digits = 1): string {
  if (value === 0) return '0';
  return value.toExponential(digits).replace('e+', 'e');
}

/** A whole number with thousands separators, e.g. 100,000 (locale-free, so generated docs are the same everywhere). */
export function thousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
