/**
 * Morris elementary-effects trajectories (Morris 1991, in the form of
 * Campolongo, Cariboni & Saltelli 2007) on a p-level grid of the unit cube.
 */
import { shuffleInPlace } from 'simple-statistics';

/** One point of a trajectory and how it was reached from the previous one. */
export interface MorrisStep {
  /** The point, each coordinate one of the grid levels i/(levels − 1). */
  readonly point: number[];
  readonly trajectory: number;
  /** 0 for the starting point, then 1..dimensions. */
  readonly step: number;
  /** The factor this step changed (undefined for the starting point). */
  readonly factor?: number;
  /** +Δ or −Δ for the factor changed (undefined for the starting point). */
  readonly delta?: number;
}

/** The jump Δ = levels / (2 (levels − 1)) of a Morris design, e.g. 2/3 for 4 levels. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * `trajectories` random Morris trajectories of `dimensions` + 1 points each.
 * A trajectory starts at a random grid point and changes one factor at a
 * time, each factor once, in a random order, by +Δ or −Δ, staying in [0, 1].
 * Randomness comes from `random` only; per trajectory, in this order: one
 * draw per factor for the base level, one per factor for the direction, then
 * a Fisher–Yates shuffle of the factor order.
 * Cost O(trajectories · dimensions²) time and memory.
 * @throws RangeError unless trajectories ≥ 1, dimensions ≥ 1, and levels is an even integer ≥ 2.
 * @example morrisTrajectories(10, 3, 4, random) // 40 steps, 10 trajectories of 4 points
 */
export function morrisTrajectories(trajectories: number, dimensions: number, levels: number, random: () => number): MorrisStep[] {
  if (!Number.isInteger(trajectories) || trajectories < 1) throw new RangeError(`trajectories must be a positive integer, got ${trajectories}`);
  if (!Number.isInteger(dimensions) || dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${dimensions}`);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`levels must be an even integer ≥ 2, got ${levels}`);
  const half = levels / 2; // Δ in grid steps
  const delta = morrisDelta(levels);
  const toUnit = (level: number): number => level / (levels - 1);
  const steps: MorrisStep[] = [];
  for (let t = 0; t < trajectories; t++) {
    // Levels 0..half−1 are the bases from which +Δ stays on the grid.
    const base = Array.from({ length: dimensions }, () => Math.floor(random() * half));
    const up = Array.from({ length: dimensions }, () => random() < 0.5);
    const order = shuffleInPlace(Array.from({ length: dimensions }, (_, d) => d), random);
    const current = base.map((level, d) => (up[d] ? level : level + half));
    steps.push({ point: current.map(toUnit), trajectory: t, step: 0 });
    order.forEach((factor, index) => {
      const direction = up[factor] ? 1 : -1;
      current[factor] = current[factor]! + direction * half;
      steps.push({ point: current.map(toUnit), trajectory: t, step: index + 1, factor, delta: direction * delta });
    });
  }
  return steps;
}
