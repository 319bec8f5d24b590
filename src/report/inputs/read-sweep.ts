/**
 * A sweep directory as the report reads it: `runs.csv` (run_id, point_id,
 * replicate, seed, <parameters…>, status, error, <metrics…>), `plan.json`
 * (which columns are parameters, the sweep's name) and, when `dgsim analyze`
 * has run, `analysis/sensitivity.json` and `analysis/prim.json` (or the same
 * files at the top of the directory).
 */
import { join } from 'node:path';
import type { PrimFile, SensitivityFile } from '../../analysis/analysis-files.js';
import { REPORT_ERRORS } from '../messages.js';
import { csvNumber } from './parse-csv.js';
import { at, isFile, isObject, readCsv, readJsonObject, ReportInputError, stringAt, type JsonObject } from './read-files.js';

/** One successful run of a sweep: its parameter values (as written) and metric values. */
export interface SweepRun {
  readonly runId: number;
  readonly pointId: number;
  readonly parameters: Readonly<Record<string, string>>;
  readonly metrics: Readonly<Record<string, number>>;
}

/** What a sweep report is built from. */
export interface SweepInput {
  readonly kind: 'sweep';
  readonly directory: string;
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly string[];
  readonly metrics: readonly string[];
  /** Successful runs only. */
  readonly runs: readonly SweepRun[];
  readonly failedRuns: number;
  readonly sensitivity: SensitivityFile | undefined;
  readonly prim: PrimFile | undefined;
  readonly provenance: JsonObject;
}

const LEADING = ['run_id', 'point_id', 'replicate', 'seed'];
const STATUS = ['status', 'error'];

async function optionalJson(directory: string, file: string, format: string): Promise<JsonObject | undefined> {
  for (const path of [join(directory, 'analysis', file), join(directory, file)]) {
    if (!(await isFile(path))) continue;
    const document = await readJsonObject(path, false);
    if (document['format'] === format) return document;
  }
  return undefined;
}

/** A design as words: its type, then its settings ("lhs, samples 24"). */
function designText(design: unknown): string | undefined {
  if (!isObject(design)) return undefined;
  const settings = Object.entries(design).filter(([key, value]) => key !== 'type' && (typeof value === 'number' || typeof value === 'string'));
  return [String(design['type']), ...settings.map(([key, value]) => `${key} ${String(value)}`)].join(', ');
}

/**
 * Reads a sweep directory.
 * @throws ReportInputError when runs.csv is missing, unreadable or lacks the columns of a dgsim sweep.
 */
export async function readSweepDirectory(directory: string): Promise<SweepInput> {
  const runsPath = join(directory, 'runs.csv');
  const csv = await readCsv(runsPath);
  const missing = [...LEADING, ...STATUS].filter((column) => !csv.header.includes(column));
  if (missing.length > 0) throw new ReportInputError(REPORT_ERRORS.missingColumns(runsPath, missing));
  const planPath = join(directory, 'plan.json');
  const plan = (await isFile(planPath)) ? await readJsonObject(planPath) : undefined;
  // Parameters sit between the leading columns and status; metrics follow error.
  const statusIndex = csv.header.indexOf('status');
  const errorIndex = csv.header.indexOf('error');
  const parameters = csv.header.slice(LEADING.length, statusIndex);
  const metrics = csv.header.slice(errorIndex + 1);
  const column = (name: string): number => csv.header.indexOf(name);
  const runs: SweepRun[] = [];
  let failedRuns = 0;
  for (const row of csv.rows) {
    if (row[statusIndex] !== 'ok') {
      failedRuns++;
      continue;
    }
    runs.push({
      runId: csvNumber(row[column('run_id')]),
      pointId: csvNumber(row[column('point_id')]),
      parameters: Object.fromEntries(parameters.map((name) => [name, row[column(name)] ?? ''])),
      metrics: Object.fromEntries(metrics.map((name) => [name, csvNumber(row[column(name)])])),
    });
  }
  const sensitivity = await optionalJson(directory, 'sensitivity.json', 'dgsim-sensitivity/1');
  const prim = await optionalJson(directory, 'prim.json', 'dgsim-prim/1');
  const provenance: Record<string, unknown> = {};
  if (plan !== undefined) {
    provenance['sweepHash'] = plan['hash'];
    provenance['baseScenario'] = at(plan, 'scenario.name');
    provenance['design'] = designText(plan['design']);
    for (const key of ['designSeed', 'replications', 'runSeed', 'pointCount', 'plannedRuns']) provenance[key] = plan[key];
  }
  return {
    kind: 'sweep',
    directory,
    name: stringAt(plan, 'name', 'sweep'),
    description: stringAt(plan, 'description', ''),
    parameters,
    metrics,
    runs,
    failedRuns,
    // Both files carry their format tag (checked above); their shape is the analysis module's contract.
    sensitivity: sensitivity as unknown as SensitivityFile | undefined,
    prim: prim as unknown as PrimFile | undefined,
    provenance: Object.fromEntries(Object.entries(provenance).filter((entry) => entry[1] !== undefined)),
  };
}
