/**
 * Test helper: paired replications of two scenarios for statistics that are
 * not headline metrics (trajectories, differences between groups). Replicate
 * k runs both scenarios with the same seed, as `compareScenarios` does, so
 * each paired difference cancels the noise the two runs share.
 */
import { replicateSeed, runValidated, type RunResult } from '../../src/scenarios/run.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { meanInterval, type MeanInterval } from '../../src/stats/mean-ci.js';

export interface PairedStatistic {
  readonly a: MeanInterval;
  readonly b: MeanInterval;
  /** b − a, paired by replicate. */
  readonly difference: MeanInterval;
}

/**
 * For each named statistic: its mean with a 95% CI under scenario a and under
 * b, and the mean paired difference b − a with its CI. Runs are not kept, so
 * memory stays O(replications × statistics). Cost: 2 × replications runs.
 */
export function pairedStatistics<Name extends string>(
  a: Scenario,
  b: Scenario,
  options: { readonly replications: number; readonly seed: number },
  statistics: Readonly<Record<Name, (run: RunResult) => number>>,
): Record<Name, PairedStatistic> {
  const names = Object.keys(statistics) as Name[];
  const valuesA = new Map<Name, number[]>(names.map((name) => [name, []]));
  const valuesB = new Map<Name, number[]>(names.map((name) => [name, []]));
  for (let k = 0; k < options.replications; k++) {
    const seed = replicateSeed(options.seed, k);
    const runA = runValidated(a, seed);
    const runB = runValidated(b, seed);
    for (const name of names) {
      valuesA.get(name)!.push(statistics[name](runA));
      valuesB.get(name)!.push(statistics[name](runB));
    }
  }
  const result = {} as Record<Name, PairedStatistic>;
  for (const name of names) {
    const listA = valuesA.get(name)!;
    const listB = valuesB.get(name)!;
    result[name] = {
      a: meanInterval(listA),
      b: meanInterval(listB),
      difference: meanInterval(listB.map((value, k) => value - listA[k]!)),
    };
  }
  return result;
}
