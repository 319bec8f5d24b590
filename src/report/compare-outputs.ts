/**
 * The files of a paired comparison, in an output directory:
 *
 *   compare.json   both scenarios (names, files, hashes), seeds, replications,
 *                  every headline metric (means, 95% CIs, paired difference b − a
 *                  with its CI), both first-replicate scorecards side by side
 *   compare.csv    one row per metric: means and CIs of a and b, the difference and its CI
 *   monthly-a.csv, monthly-b.csv  the first replicate's monthly tables
 *   (report.html, summary.md, charts/: the report, unless --no-report)
 *   manifest.json  provenance and every output's sha256 and size, the report's too (written last)
 */
import type { Comparison, MetricComparison } from '../scenarios/compare.js';
import { describeMetric, type ScorecardRow } from '../sim/metrics/index.js';
import { monthlyCsvFile } from './run-outputs.js';
import type { MeanInterval } from '../stats/mean-ci.js';
import { csvText, type CsvValue } from './csv.js';
import { checkCsvCells, COMPARE_UNDEFINED_RULES, undefinedValuesOf } from './finite-guard.js';
import { jsonText, writeOutputSet, type OutputFile, type WrittenOutputs } from './manifest.js';
import { CREATED_BY, type CompareProvenance } from './provenance.js';

/** The columns of `compare.csv`, in order. */
export const COMPARE_CSV_HEADER = [
  'metric',
  'mean_a',
  'low_a',
  'high_a',
  'mean_b',
  'low_b',
  'high_b',
  'diff',
  'diff_low',
  'diff_high',
  'higher_is_better',
] as const;

/** The confidence level of every interval in a comparison. */
export const CONFIDENCE_LEVEL = 0.95;

/** Whether an interval lies wholly on one side of 0 (false when it is undefined, as with one replication). */
export function excludesZero(interval: MeanInterval): boolean {
  return interval.low > 0 || interval.high < 0;
}

/**
 * Whether b is better than a on a metric, worse, or neither is shown: the
 * paired difference's CI must exclude 0, and the metric must have a direction.
 */
export function differenceVerdict(metric: MetricComparison): 'better' | 'worse' | 'not significant' {
  if (!excludesZero(metric.difference)) return 'not significant';
  const higherIsBetter = describeMetric(metric.metric)?.higherIsBetter;
  if (higherIsBetter === undefined) return 'not significant';
  return metric.difference.mean > 0 === higherIsBetter ? 'better' : 'worse';
}

/** The two scorecards of the first replicate, paired by row id (rows only one side has keep `null` on the other). */
export function pairedScorecards(a: readonly ScorecardRow[], b: readonly ScorecardRow[]): {
  id: string;
  kind: ScorecardRow['kind'];
  name: string;
  indicator: string;
  unit: string;
  higherIsBetter: boolean;
  a: Pick<ScorecardRow, 'value' | 'verdict' | 'sentence'> | null;
  b: Pick<ScorecardRow, 'value' | 'verdict' | 'sentence'> | null;
}[] {
  const ids = [...a.map((row) => row.id), ...b.map((row) => row.id).filter((id) => !a.some((row) => row.id === id))];
  const side = (rows: readonly ScorecardRow[], id: string): Pick<ScorecardRow, 'value' | 'verdict' | 'sentence'> | null => {
    const row = rows.find((candidate) => candidate.id === id);
    return row === undefined ? null : { value: row.value, verdict: row.verdict, sentence: row.sentence };
  };
  return ids.map((id) => {
    const row = (a.find((candidate) => candidate.id === id) ?? b.find((candidate) => candidate.id === id))!;
    return { id, kind: row.kind, name: row.name, indicator: row.indicator, unit: row.unit, higherIsBetter: row.higherIsBetter, a: side(a, id), b: side(b, id) };
  });
}

/**
 * The text of `compare.json`. Numbers are full precision; undefined ones
 * (the CIs of a single replication, untested scorecard rows) are null and
 * listed with their reason under `undefinedValues` (see `finite-guard.ts`).
 * @throws InvariantError when a number is NaN or infinite where it should not be.
 */
export function compareJson(comparison: Comparison, provenance: CompareProvenance): string {
  const document = {
    provenance: { dgsimVersion: provenance.dgsimVersion, createdBy: CREATED_BY, command: provenance.command },
    a: provenance.a,
    b: provenance.b,
    seed: comparison.seed,
    replications: comparison.replications,
    seeds: comparison.seeds,
    confidenceLevel: CONFIDENCE_LEVEL,
    differenceIs: 'b - a, paired by replicate (common random numbers)',
    metrics: comparison.metrics.map((metric) => {
      const description = describeMetric(metric.metric);
      return {
        metric: metric.metric,
        description: description?.description ?? null,
        unit: description?.unit ?? null,
        higherIsBetter: description?.higherIsBetter ?? null,
        a: metric.a,
        b: metric.b,
        difference: metric.difference,
        differenceExcludesZero: excludesZero(metric.difference),
        bVersusA: differenceVerdict(metric),
      };
    }),
    scorecards: {
      seed: comparison.firstA.seed,
      note: 'scorecards of the first replicate of each scenario',
      rows: pairedScorecards(comparison.firstA.summary.scorecard, comparison.firstB.summary.scorecard),
    },
  };
  const undefinedValues = undefinedValuesOf(document, 'compare.json', COMPARE_UNDEFINED_RULES);
  return jsonText(undefinedValues.length === 0 ? document : { ...document, undefinedValues });
}

/**
 * The text of `compare.csv`: one row per headline metric, numbers exact
 * (`String(x)`; the undefined CIs of a single replication as empty fields),
 * `higher_is_better` as true/false (empty for an unknown metric).
 * @throws InvariantError when a number is NaN or infinite where it should not be.
 */
export function compareCsv(comparison: Comparison): string {
  const rows = comparison.metrics.map((metric): CsvValue[] => [
      metric.metric,
      metric.a.mean,
      metric.a.low,
      metric.a.high,
      metric.b.mean,
      metric.b.low,
      metric.b.high,
      metric.difference.mean,
      metric.difference.low,
      metric.difference.high,
      describeMetric(metric.metric)?.higherIsBetter ?? '',
    ]);
  const intervalColumns: readonly string[] = ['low_a', 'high_a', 'low_b', 'high_b', 'diff_low', 'diff_high'];
  checkCsvCells('compare.csv', COMPARE_CSV_HEADER, rows, (_row, column) => comparison.replications === 1 && intervalColumns.includes(column));
  // Undefined intervals are empty fields: CSV has no null, and "NaN" would read as a number.
  return csvText(COMPARE_CSV_HEADER, rows.map((row) => row.map((cell) => (typeof cell === 'number' && Number.isNaN(cell) ? '' : cell))));
}

/** The manifest fields of a comparison (before the list of outputs). */
export function compareManifest(provenance: CompareProvenance): Record<string, unknown> {
  return {
    dgsimVersion: provenance.dgsimVersion,
    createdBy: CREATED_BY,
    command: provenance.command,
    scenarioFiles: { a: provenance.a.files, b: provenance.b.files },
    scenarioHash: { a: provenance.a.hash, b: provenance.b.hash },
    seed: provenance.seed,
    replications: provenance.replications,
  };
}

/**
 * The data outputs of a comparison, in the order they are written:
 * `compare.json`, `compare.csv`, the first replicate's `monthly-a.csv` and `monthly-b.csv`.
 * @throws InvariantError when a number is NaN or infinite where it should not be.
 */
export function compareOutputFiles(comparison: Comparison, provenance: CompareProvenance): OutputFile[] {
  return [
    { file: 'compare.json', content: compareJson(comparison, provenance) },
    { file: 'compare.csv', content: compareCsv(comparison) },
    // The first replicate's monthly tables, for the report's side-by-side trajectories.
    monthlyCsvFile('monthly-a.csv', comparison.firstA.config, comparison.firstA.output),
    monthlyCsvFile('monthly-b.csv', comparison.firstB.config, comparison.firstB.output),
  ];
}

/**
 * Writes `compare.json`, `compare.csv`, the first replicate's `monthly-a.csv`
 * and `monthly-b.csv`, then `manifest.json` into `directory`
 * (created if needed), each atomically. (`dgsim compare` writes its report
 * between the two, so the manifest lists it too.)
 * @throws the file system error when the directory or a file cannot be written.
 * @example await writeCompareOutputs('out/compare-a-vs-b', compareScenarios(a, b, { replications: 10, seed: 1 }), provenance);
 */
export async function writeCompareOutputs(directory: string, comparison: Comparison, provenance: CompareProvenance): Promise<WrittenOutputs> {
  return writeOutputSet(directory, compareOutputFiles(comparison, provenance), compareManifest(provenance));
}
