/**
 * A run directory as the report reads it: `summary.json` (provenance,
 * scenario, seed, headline metrics, RunSummary) and `monthly.csv` (tidy
 * month,segment,metric,value rows; optional).
 */
import { join } from 'node:path';
import type { MonthlyRow, RunSummary } from '../../sim/metrics/index.js';
import { REPORT_ERRORS } from '../messages.js';
import { MONTHLY_CSV_HEADER } from '../run-outputs.js';
import { csvNumber } from './parse-csv.js';
import { forEachCsvRecord, isFile, numberAt, readJsonObject, ReportInputError, requireObject, stringAt, type JsonObject } from './read-files.js';

/** What a run report is built from. */
export interface RunInput {
  readonly kind: 'run';
  readonly directory: string;
  readonly scenarioName: string;
  readonly scenarioDescription: string;
  readonly seed: number;
  readonly summary: RunSummary;
  readonly headline: Readonly<Record<string, number>>;
  readonly provenance: JsonObject;
  /** Empty when monthly.csv is absent. */
  readonly monthly: readonly MonthlyRow[];
}

/** The fields of RunSummary the report reads; checked so a foreign file fails with a clear message. */
const REQUIRED_SUMMARY_OBJECTS = ['overall', 'segments', 'byAge', 'byIncome', 'byDistrict', 'inclusion', 'cost', 'cost.byCategoryGbp', 'trust', 'integrity', 'resilience'] as const;

/**
 * Reads the monthly table of `monthly.csv`, in a stream: each row is kept as
 * a small object (group and metric names shared, not copied per row), the
 * file's text never whole, so memory is about 84 bytes a row (measured).
 * @throws ReportInputError when the file cannot be read or parsed, or a column is missing.
 */
export async function readMonthlyCsv(path: string): Promise<MonthlyRow[]> {
  const rows: MonthlyRow[] = [];
  const names = new Map<string, string>();
  const shared = (name: string): string => {
    const known = names.get(name);
    if (known !== undefined) return known;
    names.set(name, name);
    return name;
  };
  let columns: [number, number, number, number] | undefined;
  await forEachCsvRecord(path, (record) => {
    if (columns === undefined) {
      const missing = MONTHLY_CSV_HEADER.filter((name) => !record.includes(name));
      if (missing.length > 0) throw new ReportInputError(REPORT_ERRORS.missingColumns(path, missing));
      columns = MONTHLY_CSV_HEADER.map((name) => record.indexOf(name)) as [number, number, number, number];
      return;
    }
    const [month, segment, metric, value] = columns;
    rows.push({ month: csvNumber(record[month]), segment: shared(record[segment] ?? ''), metric: shared(record[metric] ?? ''), value: csvNumber(record[value]) });
  });
  if (columns === undefined) throw new ReportInputError(REPORT_ERRORS.missingColumns(path, MONTHLY_CSV_HEADER));
  return rows;
}

/**
 * Reads `summary.json` (and `monthly.csv` if present) from a run directory.
 * @throws ReportInputError when summary.json is missing, unreadable or not a dgsim run summary.
 */
export async function readRunDirectory(directory: string): Promise<RunInput> {
  const summaryPath = join(directory, 'summary.json');
  const document = await readJsonObject(summaryPath);
  const summary = requireObject(document, 'summary', summaryPath);
  for (const path of REQUIRED_SUMMARY_OBJECTS) requireObject(summary, path, `${summaryPath} (summary)`);
  if (!Array.isArray(summary['scorecard'])) throw new ReportInputError(REPORT_ERRORS.missingField(summaryPath, 'summary.scorecard'));
  const monthlyPath = join(directory, 'monthly.csv');
  const monthly = (await isFile(monthlyPath)) ? await readMonthlyCsv(monthlyPath) : [];
  const headline = requireObject(document, 'headline', summaryPath);
  return {
    kind: 'run',
    directory,
    scenarioName: stringAt(document, 'scenario.name', stringAt(document, 'provenance.scenarioFiles', 'scenario')),
    scenarioDescription: stringAt(document, 'scenario.description', ''),
    seed: numberAt(document, 'seed'),
    // The file is the JSON of a RunSummary (checked above for the parts the report reads).
    summary: summary as unknown as RunSummary,
    headline: Object.fromEntries(Object.entries(headline).filter((entry): entry is [string, number] => typeof entry[1] === 'number')),
    provenance: requireObject(document, 'provenance', summaryPath),
    monthly,
  };
}
