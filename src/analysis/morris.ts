/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo, Cariboni &
 * Saltelli 2007). Along a trajectory consecutive points differ in one
 * parameter; each step gives that parameter one elementary effect
 *
 *   EE = (y(x + Δ·e_i) − y(x)) / Δ
 *
 * in y's unit per the parameter's unit, and scaled to the range as
 * EE·(high − low): the change in y for a move across the whole range, which
 * compares parameters of different units. Per parameter: μ (mean effect, signs
 * can cancel), μ* (mean absolute effect: importance) and σ (standard deviation:
 * non-linearity or interaction).
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { meanInterval } from '../stats/mean-ci.js';
import { DEFAULT_LEVEL, type Estimate } from './estimate.js';

/** A parameter's range, for effects scaled to it. */
export interface ParameterRange {
  readonly low: number;
  readonly high: number;
}

/** A Morris design with its outputs. */
export interface MorrisInput {
  /** Design points, row-major: points[p][j] is parameter j at point p. */
  readonly points: readonly (readonly number[])[];
  /** The output at each point (for a stochastic model, the mean over replicates). */
  readonly outputs: readonly number[];
  /** Each trajectory's point indexes in visiting order; consecutive points differ in exactly one parameter. */
  readonly trajectories: readonly (readonly number[])[];
  /** One range per parameter (column of the points). */
  readonly ranges: readonly ParameterRange[];
}

/** The Morris measures of one parameter. */
export interface MorrisEffects {
  /** Number of elementary effects (usually one per trajectory). */
  readonly effects: number;
  /** Mean elementary effect, in y's unit per the parameter's unit. */
  readonly mu: number;
  /** Mean absolute elementary effect, in y's unit per the parameter's unit. */
  readonly muStar: number;
  /** Standard deviation of the elementary effects (NaN with fewer than two). */
  readonly sigma: number;
  /** μ scaled to the range: y's change for a move across the parameter's whole range. */
  readonly muScaled: number;
  /** μ* scaled to the range, with a t interval over the effects. */
  readonly muStarScaled: Estimate;
  /** σ scaled to the range. */
  readonly sigmaScaled: number;
}

/**
 * μ, μ* and σ for each parameter, from the steps of every trajectory. Steps
 * whose outputs are not finite are skipped, so a run that could not measure
 * y does not poison the estimate; so are steps that change nothing (an
 * integer parameter whose grid levels round to the same number).
 * Cost O(trajectories · k · steps) time, O(steps) memory.
 * @throws RangeError when a step changes more than one parameter, when
 * a point index is out of range, or when a range is empty.
 * @example
 * morrisEffects({ points: [[0, 0], [0.5, 0], [0.5, 0.5]], outputs: [0, 1, -1], trajectories: [[0, 1, 2]], ranges: [{ low: 0, high: 1 }, { low: 0, high: 1 }] })
 * // [{ mu: 2, muStar: 2, … }, { mu: -4, muStar: 4, … }]
 */
export function morrisEffects(input: MorrisInput, level = DEFAULT_LEVEL): MorrisEffects[] {
  const { points, outputs, trajectories, ranges } = input;
  if (points.length !== outputs.length) throw new RangeError(`morrisEffects: ${points.length} points but ${outputs.length} outputs`);
  for (const [j, range] of ranges.entries()) {
    if (!(range.high > range.low)) throw new RangeError(`morrisEffects: parameter ${j} has an empty range [${range.low}, ${range.high}]`);
  }
  const effects: number[][] = ranges.map(() => []);
  for (const [t, trajectory] of trajectories.entries()) {
    for (let step = 1; step < trajectory.length; step++) {
      const fromIndex = trajectory[step - 1]!;
      const toIndex = trajectory[step]!;
      const from = points[fromIndex];
      const to = points[toIndex];
      if (from === undefined || to === undefined) throw new RangeError(`morrisEffects: trajectory ${t} refers to point ${from === undefined ? fromIndex : toIndex}, which does not exist`);
      const changed = ranges.flatMap((_, j) => (from[j] === to[j] ? [] : [j]));
      // A step can change nothing when a grid level rounds to the same whole number: it tells nothing.
      if (changed.length === 0) continue;
      if (changed.length !== 1) {
        throw new RangeError(`morrisEffects: step ${step} of trajectory ${t} changes ${changed.length} parameters; a Morris step changes exactly one`);
      }
      const j = changed[0]!;
      const change = to[j]! - from[j]!;
      const effect = (outputs[toIndex]! - outputs[fromIndex]!) / change;
      if (Number.isFinite(effect)) effects[j]!.push(effect);
    }
  }
  return effects.map((list, j) => {
    const width = ranges[j]!.high - ranges[j]!.low;
    if (list.length === 0) {
      const none = { value: Number.NaN, low: Number.NaN, high: Number.NaN };
      return { effects: 0, mu: Number.NaN, muStar: Number.NaN, sigma: Number.NaN, muScaled: Number.NaN, muStarScaled: none, sigmaScaled: Number.NaN };
    }
    const absolute = list.map(Math.abs);
    const mu = mean(list);
    const muStar = mean(absolute);
    const sigma = list.length >= 2 ? sampleStandardDeviation(list) : Number.NaN;
    const interval = meanInterval(absolute.map((value) => value * width), level);
    return {
      effects: list.length,
      mu,
      muStar,
      sigma,
      muScaled: mu * width,
      muStarScaled: { value: interval.mean, low: interval.low, high: interval.high },
      sigmaScaled: sigma * width,
    };
  });
}
