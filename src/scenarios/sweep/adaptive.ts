/**
 * Adaptive replications: after the planned replicates, a point whose metric's
 * 95% confidence interval is still wider than the target gets more
 * replicates, round by round, until its half-width is at most the target or
 * it reaches the cap.
 *
 * Rounds are barriers: a round's allocation depends only on the results of
 * the rounds before it, which are the same in any number of workers (runs are
 * pure), so the run ids of added replicates — given in point order, then
 * replicate order, after every id used so far — are deterministic too, and a
 * resumed sweep assigns the same ones.
 *
 * How many to add: with m finite values and half-width h, the half-width
 * shrinks about as 1/√m, so about m·(h/target)² values are needed; a round
 * adds that many minus m, at least 1 and at most m (a noisy estimate of the
 * spread never more than doubles a point at once), within the cap.
 */
import { meanInterval } from '../../stats/mean-ci.js';

/** Where a point stands. */
export interface PointStatus {
  readonly pointId: number;
  /** Replicates run (failed ones included). */
  readonly replications: number;
  /** Mean of the metric over the finite values (NaN with none). */
  readonly mean: number;
  /** 95% CI half-width (NaN with fewer than 2 finite values). */
  readonly halfWidth: number;
  readonly met: boolean;
}

/** The status of a point from its metric values in replicate order (NaN for failed runs or non-finite metrics). */
export function pointStatus(pointId: number, values: readonly number[], target: number): PointStatus {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return { pointId, replications: values.length, mean: Number.NaN, halfWidth: Number.NaN, met: false };
  const interval = meanInterval(finite);
  return { pointId, replications: values.length, mean: interval.mean, halfWidth: interval.halfWidth, met: interval.halfWidth <= target };
}

/** How many replicates a point gets in the next round (0 when it is done). */
export function replicatesToAdd(status: PointStatus, values: readonly number[], target: number, maxReplications: number): number {
  const room = maxReplications - status.replications;
  if (status.met || room <= 0) return 0;
  const finite = values.filter((value) => Number.isFinite(value)).length;
  if (finite < 2 || !Number.isFinite(status.halfWidth)) return Math.min(room, Math.max(1, 2 - finite));
  const needed = Math.ceil(finite * (status.halfWidth / target) ** 2);
  return Math.min(room, status.replications, Math.max(1, needed - finite));
}
