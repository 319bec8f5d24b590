/**
 * A comparison directory as the report reads it: `compare.json` (both
 * scenarios, seeds, replications, every headline metric's means, CIs and
 * paired difference, both first-replicate scorecards) and, when present, the
 * first replicate's monthly table of each policy (`monthly-a.csv` and
 * `monthly-b.csv`, or `a/monthly.csv` and `b/monthly.csv`).
 */
import { join } from 'node:path';
import type { MonthlyRow, ScorecardRow } from '../../sim/metrics/index.js';
import type { MeanInterval } from '../../stats/mean-ci.js';
import { REPORT_ERRORS } from '../messages.js';
import { at, isFile, isObject, numberAt, readJsonObject, ReportInputError, stringAt, type JsonObject } from './read-files.js';
import { readMonthlyCsv } from './read-run.js';

/** One headline metric of a comparison. */
export interface ComparedMetric {
  readonly metric: string;
  readonly unit: string | undefined;
  readonly higherIsBetter: boolean | undefined;
  readonly a: MeanInterval;
  readonly b: MeanInterval;
  /** b − a, paired by replicate. */
  readonly difference: MeanInterval;
}

/** What a comparison report is built from. */
export interface CompareInput {
  readonly kind: 'compare';
  readonly directory: string;
  readonly nameA: string;
  readonly nameB: string;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: readonly ComparedMetric[];
  readonly scorecardA: readonly ScorecardRow[];
  readonly scorecardB: readonly ScorecardRow[];
  /** The first replicate's monthly tables; empty when the directory has none. */
  readonly monthlyA: readonly MonthlyRow[];
  readonly monthlyB: readonly MonthlyRow[];
  /** Provenance fields for the foot of the report: command, version, scenario files and hashes, seeds. */
  readonly provenance: JsonObject;
}

function interval(value: unknown): MeanInterval {
  const number = (key: string): number => numberAt(value, key);
  return { mean: number('mean'), low: number('low'), high: number('high'), halfWidth: number('halfWidth'), n: number('n') };
}

function metricOf(value: unknown): ComparedMetric | undefined {
  const name = at(value, 'metric');
  if (typeof name !== 'string' || !isObject(at(value, 'difference'))) return undefined;
  const unit = at(value, 'unit');
  const higherIsBetter = at(value, 'higherIsBetter');
  return {
    metric: name,
    unit: typeof unit === 'string' ? unit : undefined,
    higherIsBetter: typeof higherIsBetter === 'boolean' ? higherIsBetter : undefined,
    a: interval(at(value, 'a')),
    b: interval(at(value, 'b')),
    difference: interval(at(value, 'difference')),
  };
}

/** One side of the paired scorecard rows of compare.json, as ScorecardRows. */
function scorecardSide(rows: readonly unknown[], side: 'a' | 'b'): ScorecardRow[] {
  const out: ScorecardRow[] = [];
  for (const row of rows) {
    const cell = at(row, side);
    if (!isObject(cell)) continue;
    const verdict = at(cell, 'verdict');
    out.push({
      id: stringAt(row, 'id', ''),
      kind: at(row, 'kind') === 'fear' ? 'fear' : 'hope',
      name: stringAt(row, 'name', ''),
      indicator: stringAt(row, 'indicator', ''),
      value: numberAt(cell, 'value'),
      unit: stringAt(row, 'unit', ''),
      higherIsBetter: at(row, 'higherIsBetter') === true,
      verdict: verdict === 'good' || verdict === 'mixed' || verdict === 'poor' ? verdict : 'untested',
      sentence: stringAt(cell, 'sentence', ''),
    });
  }
  return out;
}

async function monthlyOf(directory: string, side: 'a' | 'b'): Promise<MonthlyRow[]> {
  for (const path of [join(directory, `monthly-${side}.csv`), join(directory, side, 'monthly.csv')]) {
    if (await isFile(path)) return readMonthlyCsv(path);
  }
  return [];
}

/**
 * Reads a comparison directory.
 * @throws ReportInputError when compare.json is missing, unreadable or not a dgsim comparison.
 */
export async function readCompareDirectory(directory: string): Promise<CompareInput> {
  const path = join(directory, 'compare.json');
  const document = await readJsonObject(path);
  const metricsValue = document['metrics'];
  if (!Array.isArray(metricsValue)) throw new ReportInputError(REPORT_ERRORS.missingField(path, 'metrics'));
  const metrics = metricsValue.map(metricOf).filter((metric): metric is ComparedMetric => metric !== undefined);
  const scorecardRows = at(document, 'scorecards.rows');
  const rows: readonly unknown[] = Array.isArray(scorecardRows) ? scorecardRows : [];
  const provenance: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (!['metrics', 'scorecards', 'differenceIs', 'undefinedValues'].includes(key)) provenance[key] = value;
  }
  return {
    kind: 'compare',
    directory,
    nameA: stringAt(document, 'a.name', 'A'),
    nameB: stringAt(document, 'b.name', 'B'),
    seed: numberAt(document, 'seed'),
    replications: numberAt(document, 'replications'),
    metrics,
    scorecardA: scorecardSide(rows, 'a'),
    scorecardB: scorecardSide(rows, 'b'),
    monthlyA: await monthlyOf(directory, 'a'),
    monthlyB: await monthlyOf(directory, 'b'),
    provenance,
  };
}
