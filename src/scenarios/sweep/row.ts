/**
 * One finished run, as the journal records it and as the results files show
 * it. Numbers are written as `String(x)` of the doubles the run returned
 * (JSON.stringify gives the same text for finite numbers), so the files are
 * byte-identical whichever worker ran the run and whether the sweep resumed.
 *
 *   journal line   {"run_id":3,"point_id":1,"replicate":1,"seed":2,"status":"ok","metrics":{"unmetRate":0.01,…}}
 *                  non-finite metric values as strings: "NaN", "Infinity", "-Infinity"
 *   runs.csv       run_id,point_id,replicate,seed,<parameters…>,status,error,<metrics…>
 *                  NaN as NaN; a failed run's metrics empty
 *   runs.jsonl     the same columns as one JSON object per line; NaN and a failed run's metrics as null
 */
import { csvLine } from './csv.js';

/** Columns every results file starts with, and the two after the parameters. */
export const LEADING_COLUMNS = ['run_id', 'point_id', 'replicate', 'seed'] as const;
export const STATUS_COLUMNS = ['status', 'error'] as const;
/** Names a parameter cannot take. */
export const RESERVED_COLUMNS = [...LEADING_COLUMNS, ...STATUS_COLUMNS] as const;

/** A finished run. */
export interface RunRow {
  readonly runId: number;
  readonly pointId: number;
  readonly replicate: number;
  readonly seed: number;
  readonly status: 'ok' | 'failed';
  /** Why the run failed (failed runs only). */
  readonly error?: string;
  /** The headline metrics, in the run's order (empty for a failed run). */
  readonly metrics: Readonly<Record<string, number>>;
}

function encodeNumber(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/** The journal line of a row, without its "\n". */
export function encodeJournalLine(row: RunRow): string {
  const metrics: Record<string, number | string> = {};
  for (const [name, value] of Object.entries(row.metrics)) metrics[name] = encodeNumber(value);
  return JSON.stringify({
    run_id: row.runId,
    point_id: row.pointId,
    replicate: row.replicate,
    seed: row.seed,
    status: row.status,
    ...(row.error === undefined ? {} : { error: row.error }),
    metrics,
  });
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The row of a journal line, or undefined when the line is not one. */
export function decodeJournalLine(line: string): RunRow | undefined {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const { run_id: runId, point_id: pointId, replicate, seed, status, error, metrics } = record;
  if (!isNonNegativeInteger(runId) || !isNonNegativeInteger(pointId) || !isNonNegativeInteger(replicate) || typeof seed !== 'number') return undefined;
  if (status !== 'ok' && status !== 'failed') return undefined;
  if (error !== undefined && typeof error !== 'string') return undefined;
  if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) return undefined;
  const decoded: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === 'number') decoded[name] = value;
    else if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') decoded[name] = Number(value);
    else return undefined;
  }
  return { runId, pointId, replicate, seed, status, ...(error === undefined ? {} : { error }), metrics: decoded };
}

/** The columns of a results file: parameter names and metric names. */
export interface ResultColumns {
  readonly parameters: readonly string[];
  readonly metrics: readonly string[];
}

/** A parameter value as a CSV cell: numbers as String(x), strings as they are, anything else as JSON. */
export function parameterCell(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** The CSV header line. */
export function csvHeader(columns: ResultColumns): string {
  return csvLine([...LEADING_COLUMNS, ...columns.parameters, ...STATUS_COLUMNS, ...columns.metrics]);
}

/** The CSV line of a row, with its point's parameter values. */
export function csvRow(row: RunRow, values: readonly unknown[], columns: ResultColumns): string {
  const metricCells = columns.metrics.map((name) => {
    const value = row.metrics[name];
    return value === undefined ? '' : String(value);
  });
  return csvLine([String(row.runId), String(row.pointId), String(row.replicate), String(row.seed), ...values.map(parameterCell), row.status, row.error ?? '', ...metricCells]);
}

/** The JSON Lines line of a row: keys in column order (written by hand, since objects put integer-like keys first). */
export function jsonlRow(row: RunRow, values: readonly unknown[], columns: ResultColumns): string {
  const parts = [`"run_id":${row.runId}`, `"point_id":${row.pointId}`, `"replicate":${row.replicate}`, `"seed":${row.seed}`];
  columns.parameters.forEach((name, index) => parts.push(`${JSON.stringify(name)}:${JSON.stringify(values[index] ?? null)}`));
  parts.push(`"status":${JSON.stringify(row.status)}`, `"error":${row.error === undefined ? 'null' : JSON.stringify(row.error)}`);
  for (const name of columns.metrics) {
    const value = row.metrics[name];
    parts.push(`${JSON.stringify(name)}:${value === undefined || !Number.isFinite(value) ? 'null' : JSON.stringify(value)}`);
  }
  return `{${parts.join(',')}}\n`;
}
