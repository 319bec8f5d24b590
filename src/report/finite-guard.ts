/**
 * The last check before an output is written: no NaN or ±Infinity reaches
 * a file unless the value is undefined by construction.
 *
 * The rule: a number the model cannot define — the days to service of a
 * group that was never served, the confidence interval of one replication,
 * a scorecard row whose situation did not arise — is written as `null`
 * (JSON) or an empty field (CSV), and the JSON document lists it, with the
 * reason, under `undefinedValues`. Every other non-finite number, and every
 * Infinity, is a bug: an InvariantError naming the file and the field.
 *
 *   document ──► walk every number ──► finite: keep
 *                                  └─► non-finite: a rule allows it? ──► undefinedValues
 *                                                                  └─► InvariantError('finite outputs')
 */
import { InvariantError } from '../scenarios/run.js';

/** A key path from the document's root. */
export type FieldPath = readonly (string | number)[];

/**
 * Where a non-finite value is allowed: `applies` gets the value's path, the
 * object or array holding it, and the document's root.
 */
export interface UndefinedValueRule {
  readonly applies: (path: FieldPath, parent: unknown, root: unknown) => boolean;
  readonly reason: string;
}

/** A field that holds no number by construction, as `undefinedValues` lists it (list indexes as `[*]`). */
export interface UndefinedValue {
  readonly field: string;
  readonly reason: string;
}

/** The name of the invariant a stray non-finite number breaks. */
export const FINITE_OUTPUTS_INVARIANT = 'finite outputs';

/** A path as a reader writes it: `metrics[3].a.low`; with `collapse`, list indexes become `[*]`. */
export function fieldName(path: FieldPath, collapse = false): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += collapse ? '[*]' : `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text === '' ? '(top level)' : text;
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The non-finite numbers of `document` that `rules` allow, by field and
 * reason (deduplicated, in document order).
 * Cost O(size of the document).
 * @throws InvariantError naming `file` and the first field holding a non-finite number no rule allows.
 * @example undefinedValuesOf({ a: { low: NaN, n: 1 } }, 'x.json', [{ applies: (_, parent) => record(parent)?.n === 1, reason: 'one replication' }])
 */
export function undefinedValuesOf(document: unknown, file: string, rules: readonly UndefinedValueRule[]): UndefinedValue[] {
  const found = new Map<string, UndefinedValue>();
  const visit = (value: unknown, path: (string | number)[], parent: unknown): void => {
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return;
      const rule = Number.isNaN(value) ? rules.find((candidate) => candidate.applies(path, parent, document)) : undefined;
      if (rule === undefined) {
        throw new InvariantError([{ invariant: FINITE_OUTPUTS_INVARIANT, detail: `${file}: ${fieldName(path)} is ${value}` }]);
      }
      const field = fieldName(path, true);
      const key = `${field}\u0000${rule.reason}`;
      if (!found.has(key)) found.set(key, { field, reason: rule.reason });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index], value));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key], value);
  };
  visit(document, [], undefined);
  return [...found.values()];
}

/**
 * Checks the cells of a CSV table: non-finite numbers only in cells a rule
 * allows (`applies` gets `[row, column name]` and the row).
 * `firstRow` is the index in the whole table of `rows[0]`, for a table checked in parts.
 * @throws InvariantError naming `file`, the row and the column otherwise.
 */
export function checkCsvCells(file: string, header: readonly string[], rows: readonly (readonly unknown[])[], allowed: (row: number, column: string) => boolean, firstRow = 0): void {
  rows.forEach((row, offset) => {
    const index = firstRow + offset;
    row.forEach((cell, column) => {
      if (typeof cell !== 'number' || Number.isFinite(cell)) return;
      const name = header[column] ?? String(column);
      if (Number.isNaN(cell) && allowed(index, name)) return;
      throw new InvariantError([{ invariant: FINITE_OUTPUTS_INVARIANT, detail: `${file}: row ${index + 1}, column ${name} is ${cell}` }]);
    });
  });
}

const NOTHING_SERVED = 'no need of this group was served, so days to service has no quantile';

/** The group of a group metric's headline name (`daysToServiceP90[age=75+]` → summary.byAge["75+"]). */
function headlineGroup(root: unknown, name: string): Readonly<Record<string, unknown>> | undefined {
  const summary = record(record(root)?.summary);
  const match = /\[(age|income|district)=(.*)\]$/.exec(name);
  if (match === null) return record(summary?.overall);
  const byDimension = { age: 'byAge', income: 'byIncome', district: 'byDistrict' } as const;
  return record(record(summary?.[byDimension[match[1] as keyof typeof byDimension]])?.[match[2]!]);
}

const UNTESTED = 'the scorecard row was not tested in this run (its verdict is "untested": e.g. no outage happened, or no counter was open)';

/** Where summary.json may hold null: groups nobody in which was served, transactions per need of a run that served none, untested scorecard rows. */
export const SUMMARY_UNDEFINED_RULES: readonly UndefinedValueRule[] = [
  {
    applies: (path, parent) => (path.at(-1) === 'daysToServiceMedian' || path.at(-1) === 'daysToServiceP90') && record(parent)?.needsMet === 0,
    reason: NOTHING_SERVED,
  },
  {
    applies: (path, _parent, root) => path.length === 2 && path[0] === 'headline' && typeof path[1] === 'string' && path[1].startsWith('daysToServiceP90') && headlineGroup(root, path[1])?.needsMet === 0,
    reason: NOTHING_SERVED,
  },
  {
    applies: (path, _parent, root) =>
      path.at(-1) === 'transactionsPerNeed' && (path[0] === 'headline' || path[1] === 'integration') && record(record(record(root)?.summary)?.overall)?.needsMet === 0,
    reason: 'no need was served, so transactions per served need is undefined',
  },
  {
    applies: (path, parent) => path.at(-1) === 'value' && path.includes('scorecard') && record(parent)?.verdict === 'untested',
    reason: UNTESTED,
  },
];

/** Where compare.json may hold null: the intervals of one replication, untested scorecard rows. */
export const COMPARE_UNDEFINED_RULES: readonly UndefinedValueRule[] = [
  {
    applies: (path, parent) => path[0] === 'metrics' && ['low', 'high', 'halfWidth'].includes(String(path.at(-1))) && record(parent)?.n === 1,
    reason: 'a confidence interval needs at least 2 replications',
  },
  {
    applies: (path, parent) => path[0] === 'scorecards' && path.at(-1) === 'value' && record(parent)?.verdict === 'untested',
    reason: UNTESTED,
  },
];
