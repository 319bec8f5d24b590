/**
 * `dgsim analyze`: what a sweep says.
 *
 *   <sweep dir> ──readSweep──► parameters, points, per-point replicate moments
 *     ──► metrics chosen (--metric, default every metric that varies)
 *     ──► per metric: sensitivity (Morris | Sobol by design; PRCC and SRC always)
 *     ──► per metric: replications needed for the target CI half-width
 *     ──► with a condition: PRIM boxes (scenario discovery)
 *     ──► <sweep dir>/analysis/: sensitivity.json/.csv, points.csv,
 *         replications.csv, prim.json/.csv, manifest.json (last)
 *     ──► a printable summary
 *
 * Everything is a function of the sweep's files and the options (the
 * bootstrap draws from seeded streams), so the same inputs give
 * byte-identical outputs.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOutputSet, jsonText, type OutputFile, type WrittenOutputs } from '../report/manifest.js';
import { didYouMean } from '../scenarios/did-you-mean.js';
import {
  ANALYSIS_DIRECTORY,
  POINTS_CSV,
  PRIM_CSV,
  PRIM_JSON,
  REPLICATIONS_CSV,
  SENSITIVITY_CSV,
  SENSITIVITY_FORMAT,
  SENSITIVITY_JSON,
  type MetricEntry,
  type ParameterEntry,
  type PrimFile,
  type SensitivityFile,
  type SensitivityMeasure,
  type SensitivityRow,
  type SweepIdentity,
} from './analysis-files.js';
import { pointsCsv, primCsv, replicationsCsv, sensitivityCsv } from './analysis-csv.js';
import { AnalysisInputError } from './analysis-input-error.js';
import { analysisText } from './analysis-text.js';
import { DEFAULT_LEVEL } from './estimate.js';
import { analysisMessage } from './messages.js';
import { metricSensitivity } from './metric-sensitivity.js';
import { parameterLabel } from './parameter-label.js';
import { readSweep, type SweepResults } from './read-sweep.js';
import { replicationNeed, type ReplicationNeed } from './replication-needs.js';
import { DEFAULT_PRIM_OPTIONS, sweepPrim, type SweepPrimOptions } from './sweep-prim.js';
import type { TargetHalfWidth } from './target-half-width.js';

export interface AnalyzeOptions {
  /** Metrics to analyse; default every metric whose point means vary. */
  readonly metrics?: readonly string[];
  /** A condition for PRIM, e.g. `unmetRate[age=75+] > 0.05`. */
  readonly prim?: string;
  readonly primOptions?: Partial<SweepPrimOptions>;
  /** Target CI half-widths by metric (others: 5% of the metric's mean). */
  readonly targets?: readonly TargetHalfWidth[];
  /** Bootstrap resamples for Sobol intervals. Default 1000. */
  readonly resamples?: number;
  /** Seed of the bootstrap streams. Default 1. */
  readonly seed?: number;
  /** Where to write; default `<directory>/analysis`. */
  readonly outDirectory?: string;
  /** Fields for the manifest (dgsim version, command line). */
  readonly manifest?: Readonly<Record<string, unknown>>;
  /** Most metrics in the printed summary (all go to the files). Default 6. */
  readonly printedMetrics?: number;
  readonly color?: boolean;
}

/** An analysis, in memory and as written. */
export interface SweepAnalysis {
  readonly sweep: SweepResults;
  readonly sensitivity: SensitivityFile;
  readonly replications: readonly ReplicationNeed[];
  readonly prim: PrimFile | undefined;
  readonly written: WrittenOutputs;
  /** The printable summary. */
  readonly text: string;
}

/** The metrics asked for, checked against the sweep's; by default those whose point means vary. */
function chooseMetrics(sweep: SweepResults, asked: readonly string[] | undefined): string[] {
  if (asked !== undefined && asked.length > 0) {
    for (const metric of asked) {
      if (!sweep.metrics.includes(metric)) throw new AnalysisInputError(analysisMessage.unknownMetric(metric, didYouMean(metric, sweep.metrics), sweep.metrics.length));
    }
    return [...new Set(asked)];
  }
  return sweep.metrics.filter((metric) => {
    const moments = sweep.moments.get(metric)!;
    let first: number | undefined;
    for (let position = 0; position < moments.size; position++) {
      if (moments.count(position) === 0) continue;
      const value = moments.summary(position).mean;
      if (first === undefined) first = value;
      else if (value !== first) return true;
    }
    return false;
  });
}

/** The measures to draw as bars for a design. */
function barMeasuresOf(design: string): SensitivityMeasure[] {
  if (design === 'morris') return ['muStarScaled', 'sigmaScaled'];
  if (design === 'saltelli') return ['ST', 'S1'];
  return ['prcc'];
}

/**
 * Analyses the sweep in `directory` and writes the analysis files.
 * Cost: reading O(runs.csv); per metric Sobol O(k · N · resamples), PRCC
 * O(points · k³); PRIM O(boxes · steps · k · points log points).
 * @throws AnalysisInputError when the directory is not a finished sweep, a
 * metric is unknown, or the condition does not parse; the file system error
 * when the outputs cannot be written.
 * @example const { text } = await analyzeSweep('out/sweeps/morris', { prim: 'unmetRate[age=75+] > 0.05' });
 */
export async function analyzeSweep(directory: string, options: AnalyzeOptions = {}): Promise<SweepAnalysis> {
  const level = DEFAULT_LEVEL;
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const sweep = await readSweep(directory);
  for (const target of options.targets ?? []) {
    if (!sweep.metrics.includes(target.metric)) {
      throw new AnalysisInputError(`--target-ci: ${analysisMessage.unknownMetric(target.metric, didYouMean(target.metric, sweep.metrics), sweep.metrics.length)}`);
    }
  }
  const metrics = chooseMetrics(sweep, options.metrics);

  let replicatesMin = Infinity;
  let replicatesMax = 0;
  for (const count of sweep.okRuns) {
    replicatesMin = Math.min(replicatesMin, count);
    replicatesMax = Math.max(replicatesMax, count);
  }
  const identity: SweepIdentity = {
    name: sweep.name,
    hash: sweep.hash,
    design: sweep.design,
    points: sweep.points.length,
    runs: sweep.runs,
    failedRuns: sweep.failedRuns,
    replicatesMin: Number.isFinite(replicatesMin) ? replicatesMin : 0,
    replicatesMax,
  };
  const parameters: ParameterEntry[] = sweep.parameters.map((parameter) => ({
    name: parameter.name,
    path: parameter.path,
    label: parameterLabel(parameter.name),
    encoding: parameter.encoding,
    categories: parameter.categories,
    low: parameter.low,
    high: parameter.high,
  }));

  const entries: MetricEntry[] = [];
  const rows: SensitivityRow[] = [];
  for (const metric of metrics) {
    const result = metricSensitivity(sweep, metric, { level, resamples, seed });
    entries.push(result.entry);
    rows.push(...result.rows);
  }
  const sensitivity: SensitivityFile = {
    format: SENSITIVITY_FORMAT,
    sweep: identity,
    level,
    bootstrapResamples: sweep.design === 'saltelli' ? resamples : 0,
    seed,
    barMeasures: barMeasuresOf(sweep.design),
    parameters,
    metrics: entries,
    rows,
  };

  const targets = new Map((options.targets ?? []).map((target) => [target.metric, target]));
  const replicationMetrics = [...new Set([...metrics, ...targets.keys()])];
  const replications = replicationMetrics.map((metric) => replicationNeed(metric, sweep.moments.get(metric)!, targets.get(metric), level));

  const prim = options.prim === undefined ? undefined : sweepPrim(sweep, options.prim, { ...DEFAULT_PRIM_OPTIONS, ...options.primOptions }, parameters, identity);

  const outputs: OutputFile[] = [
    { file: SENSITIVITY_JSON, content: jsonText(sensitivity) },
    { file: SENSITIVITY_CSV, content: sensitivityCsv(rows) },
    { file: POINTS_CSV, content: pointsCsv(sweep, replicationMetrics, level) },
    { file: REPLICATIONS_CSV, content: replicationsCsv(replications) },
  ];
  const outDirectory = options.outDirectory ?? join(directory, ANALYSIS_DIRECTORY);
  if (prim !== undefined) outputs.push({ file: PRIM_JSON, content: jsonText(prim) }, { file: PRIM_CSV, content: primCsv(prim) });
  else {
    // A report draws prim.json when it is there: one left from an earlier analysis would describe another condition.
    await rm(join(outDirectory, PRIM_JSON), { force: true });
    await rm(join(outDirectory, PRIM_CSV), { force: true });
  }
  const written = await writeOutputSet(outDirectory, outputs, {
    createdBy: 'dgsim analyze',
    ...options.manifest,
    sweepHash: sweep.hash,
  });
  const text = analysisText({ sensitivity, replications, prim }, { printedMetrics: options.printedMetrics ?? 6, color: options.color ?? false });
  return { sweep, sensitivity, replications, prim, written, text };
}
