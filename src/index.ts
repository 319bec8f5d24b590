/**
 * dgsim as a library: load and run scenarios, compare them, and write or
 * print their reports — the same functions the `dgsim` command uses.
 *
 * @example
 * import { runScenario, compare, formatCompareText } from 'dgsim';
 *
 * const result = runScenario('scenarios/hybrid.yaml', { seed: 1 });
 * console.log(result.headline['unmetRate[age=75+]']);
 *
 * const comparison = compare('scenarios/digital-only.yaml', 'scenarios/hybrid.yaml', { replications: 10, seed: 1 });
 * process.stdout.write(formatCompareText(comparison));
 *
 * const { runs } = await sweep('examples/sweeps/lhs.yaml', { outDir: 'out/lhs', workers: 4 });
 */
import { compareScenarios, type Comparison, type CompareOptions } from './scenarios/compare.js';
import { formatIssues, loadScenarioFile, parseScenarioText, type Scenario, type ScenarioInput, type ScenarioIssue } from './scenarios/index.js';
import { runValidated, type RunResult } from './scenarios/run.js';
import { loadSweepFile } from './scenarios/sweep/load-sweep.js';
import { defaultWorkers } from './scenarios/sweep/pool.js';
import { runSweep, type SweepOutcome, type SweepProgress } from './scenarios/sweep/run-sweep.js';

/** A scenario that does not load or validate; `issues` says where and what, `message` is their text. */
export class ScenarioError extends Error {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
  }
}

/** A scenario given to the library: the path of a YAML or JSON file, or the scenario as an object (as it would be written in a file, `extends` aside). */
export type ScenarioSourceInput = string | ScenarioInput;

/** The name issues use for a scenario given as an object. */
const OBJECT_SOURCE = '(scenario object)';

/**
 * Loads and validates a scenario: reads the file (following `extends`) when
 * given a path; validates the object, with every default applied, when
 * given one (an object cannot `extends`: there is no file to be relative to).
 * @throws ScenarioError with the issues when the scenario is missing or invalid.
 * @example const scenario = loadScenario('scenarios/city.yaml');
 */
export function loadScenario(source: ScenarioSourceInput): Scenario {
  if (typeof source === 'string') {
    const loaded = loadScenarioFile(source);
    if (!loaded.ok) throw new ScenarioError(loaded.issues);
    return loaded.scenario;
  }
  // JSON is YAML: the object goes through the same parser, checks and messages as a file.
  let text: string;
  try {
    text = JSON.stringify(source);
  } catch (error) {
    throw new ScenarioError([{ file: OBJECT_SOURCE, path: [], code: 'not_a_mapping', message: `the scenario object cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const parsed = parseScenarioText(text ?? 'null', OBJECT_SOURCE);
  if (!parsed.ok) throw new ScenarioError(parsed.issues);
  return parsed.scenario;
}

/** Options of `runScenario`. */
export interface RunScenarioOptions {
  /** Random seed, a safe integer; default 1. The same scenario and seed give the same result. */
  readonly seed?: number;
}

/**
 * Runs a scenario once: loads it if given a path, validates it, simulates it
 * with the seed and summarizes the run. Pure apart from reading the file.
 * Cost: one simulation (about a second for 100,000 citizens over 36 months).
 * @throws ScenarioError when the scenario is missing or invalid; RangeError when the seed is not a safe integer;
 *   InvariantError when the model breaks one of its invariants (a bug in dgsim).
 * @example
 * const { summary, headline } = runScenario('scenarios/digital-only.yaml', { seed: 7 });
 * console.log(summary.byAge['75+']?.unmetRate, headline.costPerMetNeedGbp);
 */
export function runScenario(source: ScenarioSourceInput, options: RunScenarioOptions = {}): RunResult {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return runValidated(loadScenario(source), seed);
}

/**
 * Compares two scenarios over paired replications with common random
 * numbers (replicate k runs both with seed + k): for every headline metric,
 * both means with 95% confidence intervals and the paired difference b − a
 * with its interval. Cost: 2 × replications simulations.
 * @throws ScenarioError when either scenario is missing or invalid; RangeError on a bad seed or replications < 1;
 *   InvariantError on a bug in dgsim.
 * @example
 * const comparison = compare('scenarios/digital-only.yaml', 'scenarios/hybrid.yaml', { replications: 10, seed: 1 });
 * const unmet75 = comparison.metrics.find((m) => m.metric === 'unmetRate[age=75+]');
 * console.log(unmet75?.difference.mean, unmet75?.difference.low, unmet75?.difference.high);
 */
export function compare(a: ScenarioSourceInput, b: ScenarioSourceInput, options: CompareOptions): Comparison {
  if (!Number.isSafeInteger(options.seed) || !Number.isSafeInteger(options.seed + options.replications - 1)) {
    throw new RangeError(`seed must be a safe integer (and stay one over the replications), got ${options.seed}`);
  }
  return compareScenarios(loadScenario(a), loadScenario(b), options);
}

/** Options of `sweep`. */
export interface SweepOptions {
  /** Directory for plan.json, the journal, runs.csv and runs.jsonl. A directory holding part of the same sweep is resumed. */
  readonly outDir: string;
  /** Worker threads; default: every core. */
  readonly workers?: number;
  /** Run only shard `index` of `count` (run ids with id mod count = index); combine shards with `dgsim merge`. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Add replicates per point until the 95% CI half-width of `metric` is at most `halfWidth`, with at most `maxReplications` (default 50) per point. */
  readonly targetCi?: { readonly metric: string; readonly halfWidth: number; readonly maxReplications?: number };
  /** Called as runs finish (from the main thread). */
  readonly onProgress?: (progress: SweepProgress) => void;
}

/**
 * Runs a sweep file (`dgsim sweep`): loads and checks it, runs every
 * (point, replicate) on worker threads with common random numbers, and
 * writes plan.json, runs.journal.jsonl, runs.csv and runs.jsonl to
 * `outDir`, byte-identical whatever the number of workers. Failed runs are
 * recorded, not thrown: see `failed`.
 * Cost: one simulation per run, spread over the workers.
 * @throws ScenarioError when the sweep file or its base scenario is invalid; Error when `outDir` holds another sweep,
 *   the options are inconsistent (shard with targetCi, an unknown metric) or a file cannot be written.
 * @example
 * const outcome = await sweep('examples/sweeps/lhs.yaml', { outDir: 'out/lhs', workers: 4 });
 * console.log(outcome.runs, outcome.failed, outcome.plan.pointCount);
 */
export async function sweep(file: string, options: SweepOptions): Promise<SweepOutcome> {
  const loaded = loadSweepFile(file);
  if (!loaded.ok) throw new ScenarioError(loaded.issues);
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number of at least 1, got ${workers}`);
  const { targetCi, shard } = options;
  const result = await runSweep(
    {
      sweep: loaded.sweep,
      outDir: options.outDir,
      workers,
      ...(shard === undefined ? {} : { shard: { index: shard.index, count: shard.count } }),
      ...(targetCi === undefined ? {} : { adaptive: { metric: targetCi.metric, halfWidth: targetCi.halfWidth, maxReplications: targetCi.maxReplications ?? 50 } }),
    },
    options.onProgress === undefined ? {} : { progress: options.onProgress },
  );
  if (!result.ok) throw new Error(result.message);
  return result.outcome;
}

export type { SweepOutcome, SweepProgress } from './scenarios/sweep/run-sweep.js';
export type { SweepPlan } from './scenarios/sweep/plan.js';
export { runValidated, replicateSeed, InvariantError, type RunResult } from './scenarios/run.js';
export { compareScenarios, type Comparison, type CompareOptions, type MetricComparison } from './scenarios/compare.js';
export {
  loadScenarioFile,
  parseScenarioText,
  formatIssues,
  formatPath,
  scenarioSchema,
  scenarioJsonSchema,
  sweepJsonSchema,
  scenarioHash,
  type LoadResult,
  type ParseResult,
  type Scenario,
  type ScenarioInput,
  type ScenarioIssue,
  type DocumentPath,
} from './scenarios/index.js';
export {
  summarize,
  headlineMetrics,
  describeMetric,
  monthlyRows,
  monthlyRowsByMonth,
  type RunSummary,
  type GroupMetrics,
  type SegmentMetrics,
  type KpiReport,
  type MonthlyRow,
  type ScorecardRow,
  type Verdict,
} from './sim/metrics/index.js';
export type { MeanInterval } from './stats/mean-ci.js';
export {
  formatRunText,
  formatCompareText,
  compareSentence,
  writeRunOutputs,
  writeCompareOutputs,
  runSummaryJson,
  monthlyCsv,
  monthlyCsvParts,
  compareJson,
  compareCsv,
  writeFileAtomic,
  writeOutputSet,
  formatTable,
  dgsimVersion,
  type RunProvenance,
  type CompareProvenance,
  type ScenarioSource,
  type TextOptions,
  type WrittenOutputs,
} from './report/index.js';
