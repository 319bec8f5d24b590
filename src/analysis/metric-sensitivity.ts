/**
 * The sensitivity analyses of one metric over a sweep, chosen by the design:
 *
 *   morris design    ──► Morris μ, μ*, σ from the trajectories
 *   saltelli design  ──► Sobol S1, ST with bootstrap CIs from the A, B, A_B blocks
 *   any design       ──► PRCC (Fisher-z CIs) and SRC with R² (t CIs)
 *
 * all on the points' replicate means, with notes in plain words where a
 * method could not run or needs care.
 */
import { mean, sampleStandardDeviation, sampleVariance } from 'simple-statistics';
import { createStream } from '../sim/random/streams.js';
import { describeMetric } from '../sim/metrics/headline.js';
import type { MetricEntry, SensitivityMeasure, SensitivityMethod, SensitivityRow } from './analysis-files.js';
import type { Estimate } from './estimate.js';
import { finiteOrNull } from './finite-or-null.js';
import { analysisMessage } from './messages.js';
import { metricWords } from './metric-words.js';
import { morrisEffects } from './morris.js';
import { pointMeans } from './point-means.js';
import { partialRankCorrelation } from './prcc.js';
import type { SweepResults } from './read-sweep.js';
import { sobolIndices } from './sobol-indices.js';
import { standardisedRegression } from './src-coefficients.js';

export interface MetricSensitivityOptions {
  readonly level: number;
  /** Bootstrap resamples for Sobol intervals. */
  readonly resamples: number;
  /** Seed of the bootstrap stream (one stream per metric, so adding a metric changes no other). */
  readonly seed: number;
}

/** Morris trajectories from the points' tags: point positions by trajectory, in step order. */
function morrisTrajectoriesOf(sweep: SweepResults): number[][] {
  const byTrajectory = new Map<number, { step: number; position: number }[]>();
  sweep.points.forEach((point, position) => {
    const tag = point.tag;
    if (tag === undefined || !('trajectory' in tag)) return;
    const list = byTrajectory.get(tag.trajectory) ?? [];
    list.push({ step: tag.step, position });
    byTrajectory.set(tag.trajectory, list);
  });
  return [...byTrajectory.keys()].sort((a, b) => a - b).map((t) => byTrajectory.get(t)!.sort((a, b) => a.step - b.step).map((entry) => entry.position));
}

/** The A, B and A_B^i outputs of a Saltelli design from the points' tags, or why they cannot be formed. */
function saltelliBlocks(sweep: SweepResults, means: readonly number[]): { a: number[]; b: number[]; ab: number[][] } | string {
  let samples = 0;
  for (const point of sweep.points) if (point.tag !== undefined && 'sample' in point.tag) samples = Math.max(samples, point.tag.sample + 1);
  if (samples === 0) return 'the points carry no Saltelli tags (sample, matrix)';
  const a = new Array<number>(samples).fill(Number.NaN);
  const b = new Array<number>(samples).fill(Number.NaN);
  const ab = sweep.parameters.map(() => new Array<number>(samples).fill(Number.NaN));
  const index = new Map(sweep.parameters.map((parameter, i) => [parameter.name, i]));
  for (const [position, point] of sweep.points.entries()) {
    const tag = point.tag;
    if (tag === undefined || !('sample' in tag)) continue;
    const value = means[position]!;
    if (tag.matrix === 'A') a[tag.sample] = value;
    else if (tag.matrix === 'B') b[tag.sample] = value;
    else {
      const i = tag.factor === undefined ? undefined : index.get(tag.factor);
      if (i === undefined) return `an A_B point names the factor ${JSON.stringify(tag.factor)}, which is not a parameter`;
      ab[i]![tag.sample] = value;
    }
  }
  return { a, b, ab };
}

/**
 * The sensitivity rows and summary entry of `metric`.
 * Cost: Sobol O(k · N · resamples); PRCC O(n · k³); Morris O(points · k).
 * @throws Error when the metric is not one of the sweep's.
 */
export function metricSensitivity(sweep: SweepResults, metric: string, options: MetricSensitivityOptions): { entry: MetricEntry; rows: SensitivityRow[] } {
  const moments = sweep.moments.get(metric);
  if (moments === undefined) throw new Error(`metricSensitivity: the sweep has no metric ${metric}`);
  const means = pointMeans(moments);
  const finitePositions = means.flatMap((value, position) => (Number.isFinite(value) ? [position] : []));
  const finiteMeans = finitePositions.map((position) => means[position]!);
  const notes: string[] = [];
  const rows: SensitivityRow[] = [];
  const methods: SensitivityMethod[] = [];
  const names = sweep.parameters.map((parameter) => parameter.name);
  const push = (method: SensitivityMethod, measure: SensitivityMeasure, j: number, estimate: Estimate | number): void => {
    const { value, low, high } = typeof estimate === 'number' ? { value: estimate, low: Number.NaN, high: Number.NaN } : estimate;
    rows.push({ metric, parameter: names[j]!, method, measure, value: finiteOrNull(value), low: finiteOrNull(low), high: finiteOrNull(high) });
  };
  const nonFinite = sweep.nonFinite.get(metric) ?? 0;
  if (nonFinite > 0) notes.push(analysisMessage.noteNonFinite(nonFinite));

  // Replication noise against the spread between points.
  let pooledSquares = 0;
  let pooledDf = 0;
  let inverseCounts = 0;
  for (const position of finitePositions) {
    const n = moments.count(position);
    pooledSquares += moments.sumOfSquares(position);
    pooledDf += n - 1;
    inverseCounts += 1 / n;
  }
  const varianceOfMeans = finiteMeans.length >= 2 ? sampleVariance(finiteMeans) : Number.NaN;
  const noiseShare = pooledDf > 0 && varianceOfMeans > 0 ? Math.min(1, ((pooledSquares / pooledDf) * (inverseCounts / finitePositions.length)) / varianceOfMeans) : Number.NaN;
  if (pooledDf === 0 && finitePositions.length > 0) notes.push(analysisMessage.noteOneReplicate());
  if (noiseShare >= 0.2) notes.push(analysisMessage.noteNoise(noiseShare));

  const varies = finiteMeans.some((value) => value !== finiteMeans[0]);
  let rSquared = Number.NaN;
  if (!varies) notes.push(analysisMessage.noteConstant());
  else {
    if (sweep.design === 'morris') {
      try {
        const effects = morrisEffects(
          {
            points: sweep.points.map((point) => point.values),
            outputs: means,
            trajectories: morrisTrajectoriesOf(sweep),
            ranges: sweep.parameters.map((parameter) => (parameter.high > parameter.low ? parameter : { low: 0, high: 1 })),
          },
          options.level,
        );
        methods.push('morris');
        effects.forEach((effect, j) => {
          push('morris', 'mu', j, effect.mu);
          push('morris', 'muStar', j, effect.muStar);
          push('morris', 'sigma', j, effect.sigma);
          push('morris', 'muScaled', j, effect.muScaled);
          push('morris', 'muStarScaled', j, effect.muStarScaled);
          push('morris', 'sigmaScaled', j, effect.sigmaScaled);
        });
      } catch (error) {
        notes.push(analysisMessage.noteMorrisSkipped(error instanceof Error ? error.message : String(error)));
      }
    }
    if (sweep.design === 'saltelli') {
      const blocks = saltelliBlocks(sweep, means);
      if (typeof blocks === 'string') notes.push(analysisMessage.noteSobolSkipped(blocks));
      else {
        try {
          const result = sobolIndices(blocks, { random: createStream(options.seed, `analyze-bootstrap:${metric}`), resamples: options.resamples, level: options.level });
          methods.push('sobol');
          result.indices.forEach((pair, j) => {
            push('sobol', 'S1', j, pair.firstOrder);
            push('sobol', 'ST', j, pair.totalOrder);
          });
          if (result.indices.some((pair) => pair.totalOrder.high - pair.totalOrder.low > 0.3 || pair.firstOrder.high - pair.firstOrder.low > 0.3)) {
            notes.push(analysisMessage.noteWideSobol(result.baseRows));
          }
        } catch (error) {
          notes.push(analysisMessage.noteSobolSkipped(error instanceof Error ? error.message : String(error)));
        }
      }
    }
    // Model-free measures: on independent points (Saltelli: the A and B rows only).
    const independent = finitePositions.filter((position) => {
      const tag = sweep.points[position]!.tag;
      return sweep.design !== 'saltelli' || tag === undefined || !('matrix' in tag) || tag.matrix !== 'AB';
    });
    const inputs = independent.map((position) => sweep.points[position]!.values);
    const output = independent.map((position) => means[position]!);
    const needed = sweep.parameters.length + 3;
    if (independent.length < needed) notes.push(analysisMessage.noteTooFewPoints(independent.length, needed));
    else {
      methods.push('prcc', 'src');
      partialRankCorrelation(inputs, output, options.level).forEach((estimate, j) => push('prcc', 'prcc', j, estimate));
      const regression = standardisedRegression(inputs, output, options.level);
      rSquared = regression.rSquared;
      regression.coefficients.forEach((estimate, j) => push('src', 'src', j, estimate));
      if (rSquared < 0.7) notes.push(analysisMessage.noteLowRSquared(rSquared));
    }
  }
  const known = describeMetric(metric);
  const entry: MetricEntry = {
    metric,
    label: metricWords(metric),
    unit: known?.unit ?? null,
    higherIsBetter: known?.higherIsBetter ?? null,
    points: finitePositions.length,
    meanOverPoints: finiteMeans.length === 0 ? null : finiteOrNull(mean(finiteMeans)),
    sdOverPoints: finiteMeans.length < 2 ? null : finiteOrNull(sampleStandardDeviation(finiteMeans)),
    noiseShare: finiteOrNull(noiseShare),
    rSquared: finiteOrNull(rSquared),
    methods,
    notes,
  };
  return { entry, rows };
}
