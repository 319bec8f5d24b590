/**
 * Latin hypercube sampling (McKay, Beckman & Conover 1979) on the unit cube.
 */
import { shuffleInPlace } from 'simple-statistics';

/**
 * `samples` points in [0, 1)^dimensions such that, in every dimension, each
 * of the `samples` equal strata [i/n, (i+1)/n) holds exactly one point; the
 * point is uniform within its stratum. Randomness comes from `random` only:
 * for each dimension in turn, a Fisher–Yates shuffle of the strata, then one
 * uniform draw per sample.
 * Cost O(samples · dimensions) time and memory.
 * @throws RangeError unless samples ≥ 1 and dimensions ≥ 1 are integers.
 * @example latinHypercube(4, 2, createStream(1, 'design')) // 4 rows, one per quarter in each column
 */
export function latinHypercube(samples: number, dimensions: number, random: () => number): number[][] {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples must be a positive integer, got ${samples}`);
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  const points = Array.from({ length: samples }, () => new Array<number>(dimensions).fill(0));
  for (let d = 0; d < dimensions; d++) {
    const strata = shuffleInPlace(Array.from({ length: samples }, (_, i) => i), random);
    for (let i = 0; i < samples; i++) points[i]![d] = (strata[i]! + random()) / samples;
  }
  return points;
}
