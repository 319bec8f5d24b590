/**
 * Paired comparison of two scenarios with common random numbers: replicate k
 * runs both scenarios with the same seed, so the paired difference cancels
 * the noise they share. For each headline metric: both means with 95%
 * confidence intervals, and the mean paired difference (b − a) with its CI.
 */
import { meanInterval, type MeanInterval } from '../stats/mean-ci.js';
import { replicateSeed, runValidated, type RunResult } from './run.js';
import { createWorkspace } from '../sim/state.js';
import type { Scenario } from './schema.js';

export interface MetricComparison {
  readonly metric: string;
  readonly a: MeanInterval;
  readonly b: MeanInterval;
  /** b − a, paired by replicate. */
  readonly difference: MeanInterval;
}

export interface Comparison {
  readonly nameA: string;
  readonly nameB: string;
  readonly seed: number;
  readonly replications: number;
  readonly seeds: readonly number[];
  readonly metrics: readonly MetricComparison[];
  /** The first replicate's runs, for reports (scorecards, trajectories). */
  readonly firstA: RunResult;
  readonly firstB: RunResult;
}

export interface CompareOptions {
  readonly replications: number;
  readonly seed: number;
  /** Called after each replicate (for progress). */
  readonly onReplicate?: (done: number, total: number) => void;
}

/**
 * Compares two validated scenarios over paired replications.
 * Cost: 2 × replications runs. Memory: headline metrics of every run, plus the first pair.
 */
export function compareScenarios(a: Scenario, b: Scenario, options: CompareOptions): Comparison {
  const { replications, seed } = options;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`replications must be a whole number ≥ 1, got ${replications}`);
  const valuesA = new Map<string, number[]>();
  const valuesB = new Map<string, number[]>();
  const seeds: number[] = [];
  let firstA: RunResult | undefined;
  let firstB: RunResult | undefined;
  // Both scenarios' runs reuse one workspace (the citizens' memory), one run at a time.
  const workspace = createWorkspace();
  for (let k = 0; k < replications; k++) {
    const replicate = replicateSeed(seed, k);
    seeds.push(replicate);
    const runA = runValidated(a, replicate, workspace);
    const runB = runValidated(b, replicate, workspace);
    if (k === 0) [firstA, firstB] = [runA, runB];
    for (const [metric, value] of Object.entries(runA.headline)) valuesA.set(metric, [...(valuesA.get(metric) ?? []), value]);
    for (const [metric, value] of Object.entries(runB.headline)) valuesB.set(metric, [...(valuesB.get(metric) ?? []), value]);
    options.onReplicate?.(k + 1, replications);
  }
  const metrics: MetricComparison[] = [];
  for (const [metric, listA] of valuesA) {
    const listB = valuesB.get(metric);
    if (listB === undefined || listB.length !== listA.length) continue;
    const finite = listA.every(Number.isFinite) && listB.every(Number.isFinite);
    if (!finite) continue;
    metrics.push({
      metric,
      a: meanInterval(listA),
      b: meanInterval(listB),
      difference: meanInterval(listA.map((value, k) => listB[k]! - value)),
    });
  }
  return { nameA: a.name, nameB: b.name, seed, replications, seeds, metrics, firstA: firstA!, firstB: firstB! };
}
