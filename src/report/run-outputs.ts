/**
 * The files of one run, in an output directory:
 *
 *   summary.json   provenance, headline metrics and the whole RunSummary (full precision)
 *   monthly.csv    tidy monthly table: month,segment,metric,value
 *   manifest.json  provenance and every output's sha256 and size (written last)
 *
 * Everything is a function of (scenario, seed, version, command), so two runs
 * with the same inputs give byte-identical files.
 */
import type { RunResult } from '../scenarios/run.js';
import { monthlyRows, type MonthlyRow } from '../sim/metrics/index.js';
import { csvText } from './csv.js';
import { jsonText, writeOutputSet, type WrittenOutputs } from './manifest.js';
import { CREATED_BY, type RunProvenance } from './provenance.js';

/** The columns of `monthly.csv`, in order. */
export const MONTHLY_CSV_HEADER = ['month', 'segment', 'metric', 'value'] as const;

/**
 * The text of `summary.json`: `{ provenance, scenario, seed, headline, summary }`.
 * Numbers are full precision (non-finite ones, such as a rate of nothing, are
 * null, as JSON has no NaN); keys keep the model's order, which is fixed.
 */
export function runSummaryJson(result: RunResult, provenance: RunProvenance): string {
  return jsonText({
    provenance,
    scenario: { name: result.scenario.name, description: result.scenario.description },
    seed: result.seed,
    headline: result.headline,
    summary: result.summary,
  });
}

/**
 * The text of `monthly.csv` from the tidy monthly rows, values printed with
 * `String(x)` (exact; NaN as `NaN`). Cost O(rows).
 * @example monthlyCsv([{ month: 0, segment: 'all', metric: 'needsMet', value: 12 }]) === 'month,segment,metric,value\n0,all,needsMet,12\n'
 */
export function monthlyCsv(rows: readonly MonthlyRow[]): string {
  return csvText(
    MONTHLY_CSV_HEADER,
    rows.map((row) => [row.month, row.segment, row.metric, row.value]),
  );
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
 * Writes `summary.json`, `monthly.csv`, then `manifest.json` into `directory`
 * (created if needed), each atomically.
 * @throws the file system error when the directory or a file cannot be written.
 * @example await writeRunOutputs('out/city', runValidated(scenario, 1), provenance);
 */
export async function writeRunOutputs(directory: string, result: RunResult, provenance: RunProvenance): Promise<WrittenOutputs> {
  return writeOutputSet(
    directory,
    [
      { file: 'summary.json', content: runSummaryJson(result, provenance) },
      { file: 'monthly.csv', content: monthlyCsv(monthlyRows(result.config, result.output)) },
    ],
    runManifest(provenance),
  );
}
