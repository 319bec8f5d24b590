/**
 * The replicate mean of a metric at every design point: the response the
 * sensitivity analyses and PRIM work on.
 */
import type { RunningMoments } from './running-moments.js';

/**
 * Each point's mean over its replicates, NaN at a point with no finite value.
 * Cost O(points).
 * @example pointMeans(sweep.moments.get('unmetRate')!)
 */
export function pointMeans(moments: RunningMoments): number[] {
  return Array.from({ length: moments.size }, (_, position) => moments.summary(position).mean);
}
