/**
 * Refusing a run the machine cannot hold, before anything is allocated:
 *
 *   scenario(s) ──► estimateRunMemory / estimateCompareMemory / estimateSweepMemory (scenarios/memory-estimate.ts)
 *               ──► limit: --max-memory, else 80% of the machine's memory
 *               ──► JS-heap part within V8's heap headroom
 *               ──► ok | UserError (exit 2) with the estimate and the ways out
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import {
  estimateCompareMemory,
  estimateRunMemory,
  estimateSweepMemory,
  formatBytes,
  horizonThatFits,
  isSweepEstimate,
  sampleThatFits,
  workersThatFit,
  type EstimateOptions,
  type MemoryEstimate,
  type SweepShape,
} from '../scenarios/memory-estimate.js';
import type { Scenario } from '../scenarios/schema.js';
import { largestRunScenario } from '../scenarios/sweep/largest-run.js';
import type { SweepOutline } from '../scenarios/sweep/load-sweep.js';
import { UserError } from './errors.js';
import { singleValue } from './options.js';

/** Share of the machine's memory a run may take by default. */
export const MACHINE_SHARE = 0.8;

/** What a run may use: in all, and on the JS heap. */
export interface MemoryLimit {
  readonly totalBytes: number;
  readonly heapBytes: number;
  /** How the total limit was set, for messages: `--max-memory 4GB`, `80% of this machine's 16.0 GB`. */
  readonly source: string;
}

const UNITS: Readonly<Record<string, number>> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4 };

/**
 * A `--max-memory` value: a number and a unit (B, KB, MB, GB, TB, powers of 1024; `GiB` etc. too), e.g. `512MB`, `1.5GB`.
 * @throws UserError naming the option otherwise.
 * @example parseMaxMemory('2GB') === 2 * 1024 ** 3
 */
export function parseMaxMemory(value: unknown, option = 'max-memory'): number {
  const text = singleValue(option, value);
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([A-Za-z]+)$/.exec(text);
  const unit = match === null ? undefined : UNITS[match[2]!.toLowerCase()];
  const bytes = match === null || unit === undefined ? Number.NaN : Number(match[1]) * unit;
  if (!(bytes > 0) || !Number.isFinite(bytes)) throw new UserError(`--${option} must be an amount of memory with a unit, e.g. 512MB or 4GB, got "${text}"`);
  return Math.floor(bytes);
}

/** The limit: `--max-memory` when given (as typed, unchecked against the machine: the user may know better), else 80% of the machine; the heap part is bounded by V8's heap headroom either way. */
export function memoryLimit(maxMemory: unknown): MemoryLimit {
  const heap = getHeapStatistics();
  const heapBytes = heap.heap_size_limit - heap.used_heap_size;
  if (maxMemory !== undefined) {
    const bytes = parseMaxMemory(maxMemory);
    return { totalBytes: bytes, heapBytes, source: `--max-memory ${singleValue('max-memory', maxMemory)}` };
  }
  const machine = totalmem();
  return { totalBytes: Math.floor(machine * MACHINE_SHARE), heapBytes, source: `${Math.round(MACHINE_SHARE * 100)}% of this machine's ${formatBytes(machine)}` };
}

/** The estimate's parts, as a reader checks them. */
function breakdown(estimate: MemoryEstimate): string {
  if (isSweepEstimate(estimate)) {
    return (
      `${estimate.workers} worker${estimate.workers === 1 ? '' : 's'} × ${formatBytes(estimate.perWorkerBytes)} ` +
      `(a thread and a run of up to ${estimate.simulatedCitizens.toLocaleString('en-GB')} simulated citizens over ${estimate.months} months); ` +
      `the plan of ${estimate.pointCount.toLocaleString('en-GB')} points and ${estimate.runs.toLocaleString('en-GB')} runs: ${formatBytes(estimate.planBytes)}; ` +
      (estimate.reportBytes > 0 ? `the report, reading every run after them: ${formatBytes(estimate.reportBytes)}; ` : '') +
      `dgsim itself: ${formatBytes(estimate.baselineBytes)}`
    );
  }
  return (
    `${estimate.simulatedCitizens.toLocaleString('en-GB')} simulated citizens: ${formatBytes(estimate.citizensBytes)}; ` +
    `needs waiting in queues: ${formatBytes(estimate.needsBytes)}; ` +
    `${estimate.months} months of tables and outputs: ${formatBytes(estimate.tablesBytes + estimate.outputsBytes)}; ` +
    `dgsim itself: ${formatBytes(estimate.baselineBytes)}`
  );
}

/**
 * The refusal of a run that needs more than `limit`, or undefined when it
 * fits. `estimate` gives the estimate for changed options (another sample
 * or horizon), to suggest the ways out; `what` names the run ("this run",
 * "this comparison").
 */
export function memoryRefusal(what: string, scenarios: readonly Scenario[], limit: MemoryLimit, estimate: (options: EstimateOptions) => MemoryEstimate): string | undefined {
  const now = estimate({});
  const fits = (options: EstimateOptions): boolean => {
    const changed = estimate(options);
    return changed.totalBytes <= limit.totalBytes && changed.heapBytes <= limit.heapBytes;
  };
  if (fits({})) return undefined;
  const overHeap = now.heapBytes > limit.heapBytes;
  const lines = [
    overHeap && now.totalBytes <= limit.totalBytes
      ? `${what} needs about ${formatBytes(now.heapBytes)} of JavaScript heap, more than the ${formatBytes(limit.heapBytes)} Node allows (${breakdown(now)})`
      : `${what} needs about ${formatBytes(now.totalBytes)} of memory, more than the ${formatBytes(limit.totalBytes)} allowed (${limit.source}) (${breakdown(now)})`,
    'ways out:',
  ];
  const sweep = isSweepEstimate(now) ? now : undefined;
  if (sweep !== undefined && sweep.workers > 1) {
    const workers = workersThatFit(sweep.workers, fits);
    if (workers !== undefined) lines.push(`  fewer workers: --workers ${workers} (about ${formatBytes(estimate({ workers }).totalBytes)}; the results are the same whatever the number)`);
  }
  const inScenario = sweep === undefined ? 'in the scenario' : 'in the sweep file\'s overrides';
  const currentSample = Math.min(...scenarios.map((scenario) => scenario.population.sample));
  const sample = sampleThatFits(currentSample, fits);
  if (sample !== undefined) {
    lines.push(`  simulate a sample of the population: --sample ${sample}, or population.sample: ${sample} ${inScenario} (about ${formatBytes(estimate({ sample }).totalBytes)}; counts are scaled back)`);
  } else {
    lines.push(`  simulate a smaller sample of the population: --sample, or population.sample ${inScenario}`);
  }
  const months = horizonThatFits(Math.max(...scenarios.map((scenario) => scenario.horizonMonths)), fits);
  if (months !== undefined) lines.push(`  shorten the horizon: horizonMonths: ${months} or less${sweep === undefined ? '' : ' in the overrides'} (about ${formatBytes(estimate({ horizonMonths: months }).totalBytes)})`);
  // A plan worth shrinking: a tenth of the limit or more.
  if (sweep !== undefined && (sweep.planBytes + sweep.reportBytes) * 10 >= limit.totalBytes) {
    lines.push(`  a smaller plan: fewer design points or replicates (${sweep.pointCount.toLocaleString('en-GB')} points and ${sweep.runs.toLocaleString('en-GB')} runs take about ${formatBytes(sweep.planBytes)} in the main thread${sweep.reportBytes > 0 ? `, and ${formatBytes(sweep.reportBytes)} when the report reads them` : ''})`);
  }
  if (sweep !== undefined && sweep.reportBytes > 0 && fits({ report: false })) {
    lines.push(`  skip the report: --no-report (about ${formatBytes(estimate({ report: false }).totalBytes)}; draw it later with dgsim report on a machine with more memory)`);
  }
  if (overHeap) lines.push(`  give Node a larger heap: NODE_OPTIONS=--max-old-space-size=${Math.ceil((now.heapBytes * 1.25) / 1024 ** 2)}`);
  else lines.push('  or allow more with --max-memory (e.g. --max-memory 16GB), if the machine has it');
  return lines.join('\n');
}

/**
 * Refuses `dgsim run` of a scenario that does not fit in memory.
 * @throws UserError (exit 2) with the estimate and the ways out; UserError for a bad --max-memory.
 */
export function checkRunMemory(scenario: Scenario, maxMemory: unknown): void {
  const refusal = memoryRefusal('this run', [scenario], memoryLimit(maxMemory), (options) => estimateRunMemory(scenario, options));
  if (refusal !== undefined) throw new UserError(refusal);
}

/**
 * Refuses `dgsim compare` of two scenarios that do not fit in memory.
 * @throws UserError (exit 2) with the estimate and the ways out; UserError for a bad --max-memory.
 */
export function checkCompareMemory(a: Scenario, b: Scenario, maxMemory: unknown): void {
  const refusal = memoryRefusal('this comparison', [a, b], memoryLimit(maxMemory), (options) => estimateCompareMemory(a, b, options));
  if (refusal !== undefined) throw new UserError(refusal);
}

/** What a sweep will do, beyond its outline, for its memory estimate. */
export interface SweepPlanShape {
  readonly workers: number;
  /** Runs this process will do at most (a shard's share; adaptive sweeps at the most replicates). */
  readonly runs: number;
  /** Whether the report is drawn after the runs. */
  readonly report: boolean;
}

/**
 * The refusal of a sweep that needs more memory than `limit` (see
 * memoryRefusal), or undefined when it fits, with its estimate. Its workers
 * each run the sweep's largest scenario (largestRunScenario).
 */
export function sweepMemoryRefusal(outline: SweepOutline, shape: SweepPlanShape, limit: MemoryLimit): { refusal: string | undefined; estimate: MemoryEstimate } {
  const largest = largestRunScenario(outline);
  const full: SweepShape = { ...shape, pointCount: outline.pointCount, parameterCount: outline.parameters.length, metricCount: (outline.metrics ?? outline.knownMetrics).length };
  const estimate = (options: EstimateOptions): MemoryEstimate => estimateSweepMemory(largest, full, options);
  return { refusal: memoryRefusal('this sweep', [largest], limit, estimate), estimate: estimate({}) };
}

/**
 * Refuses `dgsim sweep` when its workers, its plan and its report do not
 * fit in memory; called before the design's points are built.
 * @throws UserError (exit 2) with the estimate and the ways out (fewer workers, --sample, a shorter horizon, a smaller plan, --no-report); UserError for a bad --max-memory.
 */
export function checkSweepMemory(outline: SweepOutline, shape: SweepPlanShape, maxMemory: unknown): void {
  const { refusal } = sweepMemoryRefusal(outline, shape, memoryLimit(maxMemory));
  if (refusal !== undefined) throw new UserError(refusal);
}

/** The `--max-memory` option as run, compare and sweep declare it. */
export const MAX_MEMORY_OPTION = {
  type: 'string',
  requiresArg: true,
  describe: 'refuse to start when the estimated memory is above this, e.g. 4GB [default: 80% of the machine]',
} as const;
