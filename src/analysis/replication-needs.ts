/**
 * How many replications each metric needs: from the spread between
 * replicates at the design points (the sweep is the pilot sample), the
 * number n per point for a 95% CI of the target half-width.
 *
 * The pooled standard deviation (√(Σ squared deviations / Σ (n_i − 1)))
 * gives the typical need; the largest point standard deviation gives the
 * need at the noisiest point, which is what an adaptive sweep would face.
 */
import { max, mean, median, min } from 'simple-statistics';
import { analysisMessage } from './messages.js';
import { replicationsNeeded } from './replications-needed.js';
import type { RunningMoments } from './running-moments.js';
import type { TargetHalfWidth } from './target-half-width.js';

/** The default target: a half-width of 5% of the metric's mean over the points. */
export const DEFAULT_RELATIVE_TARGET = 0.05;

/** One metric's replication needs (a row of replications.csv). */
export interface ReplicationNeed {
  readonly metric: string;
  /** Points with at least one finite value. */
  readonly points: number;
  readonly replicatesMin: number;
  readonly replicatesMax: number;
  readonly meanOverPoints: number;
  readonly pooledSd: number;
  readonly maxSd: number;
  /** 95% CI half-width at the points now: median and largest. */
  readonly halfWidthMedian: number;
  readonly halfWidthMax: number;
  /** The absolute half-width aimed at, and where it came from. */
  readonly targetHalfWidth: number;
  readonly targetFrom: 'option' | 'default 5% of mean';
  /** Replicates per point for the target with the pooled sd, and at the noisiest point. */
  readonly needed: number;
  readonly neededWorstPoint: number;
  readonly note: string;
}

/**
 * The replication needs of `metric` from its per-point moments.
 * `target` is the user's target for this metric, if any.
 * Cost O(points).
 * @throws RangeError when level is outside (0, 1).
 * @example replicationNeed('unmetRate', sweep.moments.get('unmetRate')!, { metric: 'unmetRate', halfWidth: 0.002, relative: false })
 */
export function replicationNeed(metric: string, moments: RunningMoments, target: TargetHalfWidth | undefined, level = 0.95): ReplicationNeed {
  const counts: number[] = [];
  const means: number[] = [];
  const sds: number[] = [];
  const halfWidths: number[] = [];
  let squares = 0;
  let df = 0;
  for (let position = 0; position < moments.size; position++) {
    const summary = moments.summary(position, level);
    if (summary.n === 0) continue;
    counts.push(summary.n);
    means.push(summary.mean);
    if (summary.n >= 2) {
      sds.push(summary.sd);
      halfWidths.push(summary.halfWidth);
      squares += moments.sumOfSquares(position);
      df += summary.n - 1;
    }
  }
  const meanOverPoints = means.length === 0 ? Number.NaN : mean(means);
  const pooledSd = df > 0 ? Math.sqrt(squares / df) : Number.NaN;
  const maxSd = sds.length === 0 ? Number.NaN : max(sds);
  const targetHalfWidth = target === undefined ? DEFAULT_RELATIVE_TARGET * Math.abs(meanOverPoints) : target.relative ? target.halfWidth * Math.abs(meanOverPoints) : target.halfWidth;
  let note = '';
  const need = (sd: number): number => {
    if (!Number.isFinite(sd)) {
      note = analysisMessage.noteOneReplicate();
      return Number.NaN;
    }
    if (!(targetHalfWidth > 0)) {
      note = 'the target half-width is 0 (the metric\'s mean is 0): give one with --target-ci';
      return Number.NaN;
    }
    return replicationsNeeded(sd, targetHalfWidth, level);
  };
  return {
    metric,
    points: counts.length,
    replicatesMin: counts.length === 0 ? 0 : min(counts),
    replicatesMax: counts.length === 0 ? 0 : max(counts),
    meanOverPoints,
    pooledSd,
    maxSd,
    halfWidthMedian: halfWidths.length === 0 ? Number.NaN : median(halfWidths),
    halfWidthMax: halfWidths.length === 0 ? Number.NaN : max(halfWidths),
    targetHalfWidth,
    targetFrom: target === undefined ? 'default 5% of mean' : 'option',
    needed: need(pooledSd),
    neededWorstPoint: need(maxSd),
    note,
  };
}
