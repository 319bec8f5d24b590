/**
 * The files of one run, in an output directory:
 *
 *   summary.json   provenance, headline metrics and the whole RunSummary (full precision)
 *   monthly.csv    tidy monthly table: month,segment,metric,value
 *   (report.html, summary.md, charts/: the report, unless --no-report)
 *   manifest.json  provenance and every output's sha256 and size, the report's too (written last)
 *
 * Everything is a function of (scenario, seed, version, command), so two runs
 * with the same inputs give byte-identical files.
 */
import type { RunResult } from '../scenarios/run.js';
import type { ModelConfig } from '../sim/config.js';
import type { RunOutput } from '../sim/engine.js';
import { monthlyRowsByMonth, type MonthlyRow } from '../sim/metrics/index.js';
import { csvLines } from './csv.js';
import { checkCsvCells, SUMMARY_UNDEFINED_RULES, undefinedValuesOf } from './finite-guard.js';
import { jsonText, writeOutputSet, type OutputFile, type WrittenOutputs } from './manifest.js';
import { CREATED_BY, type RunProvenance } from './provenance.js';

/** The columns of `monthly.csv`, in order. */
export const MONTHLY_CSV_HEADER = ['month', 'segment', 'metric', 'value'] as const;

/**
 * The text of `summary.json`: `{ provenance, scenario, seed, headline, summary }`,
 * plus `undefinedValues: [{ field, reason }]` when some value is undefined by
 * construction (written as null; see `finite-guard.ts`). Numbers are full
 * precision; keys keep the model's order, which is fixed.
 * @throws InvariantError when a number is NaN or infinite where it should not be.
 */
export function runSummaryJson(result: RunResult, provenance: RunProvenance): string {
  const document = {
    provenance,
    scenario: { name: result.scenario.name, description: result.scenario.description },
    seed: result.seed,
    headline: result.headline,
    summary: result.summary,
  };
  const undefinedValues = undefinedValuesOf(document, 'summary.json', SUMMARY_UNDEFINED_RULES);
  return jsonText(undefinedValues.length === 0 ? document : { ...document, undefinedValues });
}

/** The cells of some monthly rows, checked: `rowsBefore` rows of the table come before them. */
function checkedMonthlyCells(rows: readonly MonthlyRow[], file: string, rowsBefore: number): (string | number)[][] {
  const cells = rows.map((row) => [row.month, row.segment, row.metric, row.value]);
  checkCsvCells(file, MONTHLY_CSV_HEADER, cells, () => false, rowsBefore);
  return cells;
}

/**
 * The text of `monthly.csv` in parts: the header line, then the lines of each
 * part of `parts` (each a month's rows, as monthlyRowsByMonth gives them),
 * values printed with `String(x)` (exact). Each part is checked as it comes.
 * Joined, the parts are the whole file. Cost O(rows), one part in memory.
 * @throws InvariantError when a value is NaN or infinite (every monthly value is defined), naming its row in the whole table.
 */
export function* monthlyCsvParts(parts: Iterable<readonly MonthlyRow[]>, file = 'monthly.csv'): Generator<string, void, undefined> {
  yield csvLines([MONTHLY_CSV_HEADER]);
  let rowsBefore = 0;
  for (const rows of parts) {
    const cells = checkedMonthlyCells(rows, file, rowsBefore);
    rowsBefore += rows.length;
    yield csvLines(cells);
  }
}

/**
 * The text of `monthly.csv` from the tidy monthly rows. Cost O(rows).
 * @throws InvariantError when a value is NaN or infinite (every monthly value is defined).
 * @example monthlyCsv([{ month: 0, segment: 'all', metric: 'needsMet', value: 12 }]) === 'month,segment,metric,value\n0,all,needsMet,12\n'
 */
export function monthlyCsv(rows: readonly MonthlyRow[]): string {
  return [...monthlyCsvParts([rows])].join('');
}

/**
 * The monthly table of a run as an output file whose content streams: every
 * value is checked first, month by month (so a bad one stops the writer
 * before it writes anything), then the rows are made again a month at a time
 * and printed as they are written. So writing it holds one month's rows,
 * however long the horizon.
 * Cost: the rows are made twice, printed once (printing is most of it).
 * @throws InvariantError when a value is NaN or infinite.
 */
export function monthlyCsvFile(file: string, config: ModelConfig, output: RunOutput): OutputFile {
  let rowsBefore = 0;
  for (const rows of monthlyRowsByMonth(config, output)) {
    checkedMonthlyCells(rows, file, rowsBefore);
    rowsBefore += rows.length;
  }
  return { file, content: { [Symbol.iterator]: () => monthlyCsvParts(monthlyRowsByMonth(config, output), file) } };
}

/** The manifest fields of a run (before the list of outputs). */
export function runManifest(provenance: RunProvenance): Record<string, unknown> {
  return {
    dgsimVersion: provenance.dgsimVersion,
    createdBy: CREATED_BY,
    command: provenance.command,
    scenarioFiles: provenance.scenarioFiles,
    scenarioHash: provenance.scenarioHash,
    seed: provenance.seed,
  };
}

/**
 * The data outputs of a run, in the order they are written: `summary.json`, `monthly.csv`.
 * @throws InvariantError when a number is NaN or infinite where it should not be.
 */
export function runOutputFiles(result: RunResult, provenance: RunProvenance): OutputFile[] {
  return [
    { file: 'summary.json', content: runSummaryJson(result, provenance) },
    monthlyCsvFile('monthly.csv', result.config, result.output),
  ];
}

/**
 * Writes `summary.json`, `monthly.csv`, then `manifest.json` into `directory`
 * (created if needed), each atomically. (`dgsim run` writes its report
 * between the two, so the manifest lists it too.)
 * @throws the file system error when the directory or a file cannot be written.
 * @example await writeRunOutputs('out/city', runValidated(scenario, 1), provenance);
 */
export async function writeRunOutputs(directory: string, result: RunResult, provenance: RunProvenance): Promise<WrittenOutputs> {
  return writeOutputSet(directory, runOutputFiles(result, provenance), runManifest(provenance));
}
