/**
 * How much memory a run of a scenario needs, estimated before anything is
 * allocated, so that a run too big for the machine is refused with a way out
 * instead of dying half-way with "JavaScript heap out of memory".
 *
 *   scenario ──► simulated citizens × bytes per citizen record (sim/citizens.ts)
 *            ──► needs alive at once × bytes per need record (queues.ts), doubling slack
 *            ──► months × (segments, districts, city) × counters × 8 bytes (state.ts recorder)
 *            ──► output rows and text (monthly.csv, summary.json), on the JS heap
 *            ──► + Node and dgsim themselves ──► MemoryEstimate
 *
 *   sweep    ──► workers × (a worker thread + one run of its largest scenario)
 *            ──► + the plan in the main thread (design points as objects and as JSON text)
 *            ──► or, after the runs, the report reading every run, if larger ──► SweepMemoryEstimate
 *
 * Pure (no Node, no clock): the browser explorer may use it too. The engine
 * test `test/reliability/memory-estimate.test.ts` pins the byte counts to
 * the arrays `createState` really allocates.
 */
import { CITIZEN_RECORD_BYTES } from '../sim/citizens.js';
import { NEED_RECORD_BYTES } from '../sim/queues.js';
import { CHANNEL_COUNT, DAYS_PER_MONTH, DAYS_PER_YEAR } from '../sim/config.js';
import { CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT, SEGMENT_COUNTER_COUNT } from '../sim/counters.js';
import { policyPhases } from './schedule.js';
import type { Scenario } from './schema.js';




/** Bytes per simulated citizen: one record of sim/citizens.ts, 32. */
export const BYTES_PER_CITIZEN = CITIZEN_RECORD_BYTES;
/** Bytes per need record of the pool (sim/queues.ts): 32. */
export const BYTES_PER_NEED_RECORD = NEED_RECORD_BYTES;
/**
 * Bytes per record of the pool with what holds it: the record, its index on
 * the free stack (4), its place in a queue's ring, twice over while a ring
 * doubles (8): 44.
 */
export const BYTES_PER_POOL_SLOT = BYTES_PER_NEED_RECORD + 4 + 8;
/** Days-to-service histogram bins per segment (state.ts). */
export const DAYS_TO_SERVICE_BINS = 366;
/** A pending appeal: a JS object of four numbers and its slot in the array. */
const BYTES_PER_APPEAL = 64;
/**
 * One row of the tidy monthly table on the heap, as the report holds it: the
 * row object (84 bytes measured, group and metric names shared) and its entry
 * in the charts' lookup (46), rounded up. Writing monthly.csv holds one
 * month's rows at a time, not the table.
 */
const BYTES_PER_MONTHLY_ROW = 160;
/** Metrics per group and month in the monthly table (metrics/monthly.ts), city metrics, district metrics. */
const MONTHLY_GROUP_METRICS = 18;
const MONTHLY_CITY_METRICS = 25;
const MONTHLY_DISTRICT_METRICS = 3;
/** One group's metrics in the summary (objects, then JSON text). */
const BYTES_PER_SUMMARY_GROUP = 8 * 1024;
/** Node, V8, dgsim's modules and their data, before a scenario is loaded. */
export const BASELINE_BYTES = 128 * 1024 * 1024;
/** Of which on the JS heap. */
const BASELINE_HEAP_BYTES = 64 * 1024 * 1024;

/** What a run needs, in bytes, by part. */
export interface MemoryEstimate {
  readonly simulatedCitizens: number;
  readonly months: number;
  /** The citizen columns. */
  readonly citizensBytes: number;
  /** Needs alive at once: the need pool (with its doubling slack), arrival buffers, pending appeals. */
  readonly needsBytes: number;
  /** Monthly counter tables, days-to-service histograms, per-day tables. */
  readonly tablesBytes: number;
  /** The outputs as objects and text (monthly rows, summary), on the JS heap. */
  readonly outputsBytes: number;
  readonly baselineBytes: number;
  /** Everything. */
  readonly totalBytes: number;
  /** The part on the JS heap (the rest is typed arrays, outside it). */
  readonly heapBytes: number;
}

/** Changes to estimate instead of the command as given: another sample, horizon, number of workers or no report. */
export interface EstimateOptions {
  readonly sample?: number;
  readonly horizonMonths?: number;
  /** Whether the run's monthly table is written (run: yes; compare: the first replicate's of each scenario). Default true. */
  readonly monthlyTable?: boolean;
  /** Sweeps: worker threads (default: the sweep's). */
  readonly workers?: number;
  /** Sweeps: whether the report is drawn after the runs (default: the sweep's). */
  readonly report?: boolean;
}

/** Simulated citizens: the sampled population, as `segmentSizes` (compile.ts) makes it. */
function simulatedCitizens(scenario: Scenario, sample: number): number {
  return Math.max(1, Math.round(scenario.population.size * sample));
}

/** The largest share of needs wrongly denied (automated or human decision) in any policy phase: an upper bound on appeals. */
function worstWrongfulDenialShare(scenario: Scenario): number {
  const phases = policyPhases(scenario).phases;
  const policies = phases.length > 0 ? phases.map((phase) => phase.policy) : [scenario.policy];
  let worst = 0;
  for (const policy of policies) {
    const automation = policy.automation;
    const multiplier = (record: Readonly<Record<string, number>>): number => Math.max(1, ...Object.values(record));
    const error = Math.min(1, automation.errorRate * multiplier(automation.errorMultiplierByAge) * multiplier(automation.errorMultiplierByIncome));
    worst = Math.max(worst, automation.share * error + automation.humanErrorRate);
  }
  return Math.min(1, worst);
}

/** The smallest power of two ≥ n (the need pool and arrival buffers grow by doubling). */
function powerOfTwoAtLeast(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/**
 * The memory a run of `scenario` needs (with `options` applied), by part.
 * Needs alive at once are bounded by the expected daily arrivals times the
 * days a need can stay in the pool (the longest patience, at most the
 * horizon), with the pool's doubling slack; that is an estimate, not a
 * guarantee: a run far from its expected arrivals may need more.
 * Cost O(segments + services + schedule).
 * @example estimateRunMemory(scenario).totalBytes
 */
export function estimateRunMemory(scenario: Scenario, options: EstimateOptions = {}): MemoryEstimate {
  const sample = options.sample ?? scenario.population.sample;
  const months = options.horizonMonths ?? scenario.horizonMonths;
  const horizonDays = months * DAYS_PER_MONTH;
  const citizens = simulatedCitizens(scenario, sample);
  const segments = scenario.segments.length;
  const districts = scenario.districts.length;

  const citizensBytes = citizens * BYTES_PER_CITIZEN;

  const shareSum = scenario.segments.reduce((total, segment) => total + segment.share, 0) || 1;
  const needsPerDay = scenario.segments.reduce((total, segment) => total + (citizens * segment.share * segment.needsPerYear) / shareSum / DAYS_PER_YEAR, 0);
  const patienceFactor = Math.max(1, ...scenario.services.map((service) => service.patienceFactor));
  const longestPatienceDays = Math.ceil(Math.max(1, ...scenario.segments.map((segment) => segment.patienceDays)) * patienceFactor) + 1;
  const aliveDays = Math.min(horizonDays, longestPatienceDays);
  // Poisson days: a busy day may bring more than the mean; three standard deviations cover it.
  const busiestDay = needsPerDay + 3 * Math.sqrt(needsPerDay) + 16;
  const records = powerOfTwoAtLeast(Math.max(1024, needsPerDay * aliveDays + busiestDay));
  // While the pool grows the old arrays and the new ones (twice as long) are both alive.
  const poolBytes = records * BYTES_PER_POOL_SLOT * 1.5;
  const arrivalBytes = powerOfTwoAtLeast(Math.max(1024, busiestDay)) * 5 * 1.5;
  const appealDays = Math.min(horizonDays, 1 + Math.max(0, ...scheduleAppealDelays(scenario)));
  // The appeals array keeps up to 4,096 resolved entries before it drops them (resolve-appeals.ts).
  const appealsBytes = (needsPerDay * worstWrongfulDenialShare(scenario) * appealDays * 2 + 8192) * BYTES_PER_APPEAL;
  const needsBytes = poolBytes + arrivalBytes + appealsBytes;

  const monthlyCounters = months * (segments * SEGMENT_COUNTER_COUNT + CITY_COUNTER_COUNT + districts * DISTRICT_COUNTER_COUNT);
  const perDay = (horizonDays + 2) * 8 + (horizonDays + 1) * 4;
  const queues = CHANNEL_COUNT * districts * (4 * 3 + 8 * 3);
  const tablesBytes = monthlyCounters * 8 + segments * (DAYS_TO_SERVICE_BINS * 4 + 8 + 8) + perDay + queues;

  const groups = 1 + segments + new Set(scenario.segments.map((s) => s.age)).size + new Set(scenario.segments.map((s) => s.income)).size + districts;
  const monthlyRows = options.monthlyTable === false ? 0 : months * (groups * MONTHLY_GROUP_METRICS + MONTHLY_CITY_METRICS + districts * MONTHLY_DISTRICT_METRICS);
  const outputsBytes = monthlyRows * BYTES_PER_MONTHLY_ROW + groups * BYTES_PER_SUMMARY_GROUP;

  const totalBytes = BASELINE_BYTES + citizensBytes + needsBytes + tablesBytes + outputsBytes;
  return {
    simulatedCitizens: citizens,
    months,
    citizensBytes,
    needsBytes,
    tablesBytes,
    outputsBytes,
    baselineBytes: BASELINE_BYTES,
    totalBytes,
    heapBytes: BASELINE_HEAP_BYTES + appealsBytes + outputsBytes,
  };
}

/** The appeal delays of the policy and of every schedule entry that sets one. */
function scheduleAppealDelays(scenario: Scenario): number[] {
  const phases = policyPhases(scenario).phases;
  return [scenario.policy.automation.appeal.delayDays, ...phases.map((phase) => phase.policy.automation.appeal.delayDays)];
}

/**
 * The memory a paired comparison of `a` and `b` needs: the runs go one at a
 * time, but the first replicate's tables of both are kept, and their monthly
 * tables written, for the outputs.
 */
export function estimateCompareMemory(a: Scenario, b: Scenario, options: EstimateOptions = {}): MemoryEstimate {
  const runA = estimateRunMemory(a, options);
  const runB = estimateRunMemory(b, options);
  const bigger = runA.citizensBytes + runA.needsBytes >= runB.citizensBytes + runB.needsBytes ? runA : runB;
  const tablesBytes = runA.tablesBytes + runB.tablesBytes;
  const outputsBytes = runA.outputsBytes + runB.outputsBytes;
  const totalBytes = BASELINE_BYTES + bigger.citizensBytes + bigger.needsBytes + tablesBytes + outputsBytes;
  return {
    simulatedCitizens: Math.max(runA.simulatedCitizens, runB.simulatedCitizens),
    months: Math.max(runA.months, runB.months),
    citizensBytes: bigger.citizensBytes,
    needsBytes: bigger.needsBytes,
    tablesBytes,
    outputsBytes,
    baselineBytes: BASELINE_BYTES,
    totalBytes,
    heapBytes: BASELINE_HEAP_BYTES + (bigger.heapBytes - BASELINE_HEAP_BYTES - bigger.outputsBytes) + outputsBytes,
  };
}

/** A worker thread of a sweep before its first run: its own V8 isolate, dgsim's modules and the run setup (measured about 50 MB under tsx). */
export const WORKER_BASELINE_BYTES = 48 * 1024 * 1024;
/** Of which on the worker's JS heap. */
const WORKER_BASELINE_HEAP_BYTES = 24 * 1024 * 1024;
/**
 * One design point in the main thread, per copy (the loaded sweep, and the
 * plan built from it): the point object and its values array, plus each
 * value. Measured: about 110 + 8 bytes per parameter for plain numbers;
 * rounded up for Morris and Saltelli tags and values that are not numbers.
 */
const BYTES_PER_POINT = 160;
const BYTES_PER_POINT_VALUE = 12;
/** One design point as JSON text (plan.json, and the canonical text its hash is taken of); measured about 45 + 24 bytes per parameter. */
const TEXT_BYTES_PER_POINT = 64;
const TEXT_BYTES_PER_POINT_VALUE = 26;
/** A run id in the sweep's set of finished runs (measured about 25 bytes). */
const BYTES_PER_RUN_ID = 32;
/** A row of runs.csv: its fixed columns, and each parameter or metric as text. */
const CSV_BYTES_PER_ROW = 48;
const CSV_BYTES_PER_VALUE = 20;
/** The report of a sweep holds every run of runs.csv as text, cells and objects while it draws: measured about 17 bytes per byte of CSV. */
const REPORT_BYTES_PER_CSV_BYTE = 18;
/** Rows the results writer sorts in memory at a time (ordered-rows.ts, DEFAULT_CHUNK_ROWS), with their lines and entries. */
const SORT_CHUNK_ROWS = 20_000;
const SORT_BYTES_PER_CSV_BYTE = 4;

/** What a sweep is, for its memory estimate. */
export interface SweepShape {
  /** Worker threads asked for. */
  readonly workers: number;
  readonly pointCount: number;
  readonly parameterCount: number;
  /** Runs at most, in this process (a shard's share; an adaptive sweep's most replicates per point). */
  readonly runs: number;
  /** Metric columns of the results. */
  readonly metricCount: number;
  /** Whether the report is drawn after the runs (it reads every run). */
  readonly report: boolean;
}

/** What a sweep needs: the parts of a MemoryEstimate are those of its largest run, in one worker. */
export interface SweepMemoryEstimate extends MemoryEstimate {
  /** Worker threads running at once (no more than the runs). */
  readonly workers: number;
  /** One worker: its thread and one run of the largest scenario. */
  readonly perWorkerBytes: number;
  /** The design points and run bookkeeping in the main thread. */
  readonly planBytes: number;
  /** The report's reading of every run (after the workers have stopped); 0 without a report. */
  readonly reportBytes: number;
  readonly pointCount: number;
  readonly runs: number;
}

/** Whether an estimate is a sweep's. */
export function isSweepEstimate(estimate: MemoryEstimate): estimate is SweepMemoryEstimate {
  return 'perWorkerBytes' in estimate;
}

/**
 * The memory a sweep needs: while it runs, `workers` threads each doing a
 * run of `largest` (see largestRunScenario) next to the plan in the main
 * thread (its points held twice and written as text; a plan of the 10
 * million points a sweep accepts takes several GB); after the runs, the
 * plan and the report reading every run, or the results being sorted,
 * whichever is larger. The JS heap part is the larger of the main thread's
 * and one worker's (each thread has its own heap).
 * Cost O(segments + services + schedule).
 * @example estimateSweepMemory(largestRunScenario(sweep), { workers: 8, pointCount: 1000, parameterCount: 4, runs: 10000, metricCount: 79, report: true }).totalBytes
 */
export function estimateSweepMemory(largest: Scenario, shape: SweepShape, options: EstimateOptions = {}): SweepMemoryEstimate {
  const run = estimateRunMemory(largest, { ...options, monthlyTable: false });
  const workers = Math.max(1, Math.min(options.workers ?? shape.workers, shape.runs));
  const report = options.report ?? shape.report;
  const perWorkerBytes = WORKER_BASELINE_BYTES + run.totalBytes - run.baselineBytes;
  const values = shape.parameterCount;
  const pointBytes = 2 * (BYTES_PER_POINT + BYTES_PER_POINT_VALUE * values) + 2 * (TEXT_BYTES_PER_POINT + TEXT_BYTES_PER_POINT_VALUE * values);
  const planBytes = shape.pointCount * pointBytes + shape.runs * BYTES_PER_RUN_ID;
  const csvRowBytes = CSV_BYTES_PER_ROW + CSV_BYTES_PER_VALUE * (values + shape.metricCount);
  const reportBytes = report ? shape.runs * csvRowBytes * REPORT_BYTES_PER_CSV_BYTE : 0;
  const sortBytes = Math.min(shape.runs, SORT_CHUNK_ROWS) * csvRowBytes * SORT_BYTES_PER_CSV_BYTE;
  const afterRunsBytes = Math.max(reportBytes, sortBytes);
  const totalBytes = BASELINE_BYTES + planBytes + Math.max(workers * perWorkerBytes, afterRunsBytes);
  const mainHeapBytes = BASELINE_HEAP_BYTES + planBytes + afterRunsBytes;
  const workerHeapBytes = WORKER_BASELINE_HEAP_BYTES + run.heapBytes - BASELINE_HEAP_BYTES;
  return {
    ...run,
    totalBytes,
    heapBytes: Math.max(mainHeapBytes, workerHeapBytes),
    workers,
    perWorkerBytes,
    planBytes,
    reportBytes,
    pointCount: shape.pointCount,
    runs: shape.runs,
  };
}

/**
 * The most workers, fewer than `currentWorkers`, for which `fits` holds; undefined when not even one fits.
 * @example workersThatFit(8, (options) => estimateSweepMemory(largest, shape, options).totalBytes <= limit)
 */
export function workersThatFit(currentWorkers: number, fits: (options: EstimateOptions) => boolean): number | undefined {
  if (currentWorkers <= 1 || !fits({ workers: 1 })) return undefined;
  let good = 1;
  let bad = currentWorkers;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fits({ workers: middle })) good = middle;
    else bad = middle;
  }
  return good;
}

/** Samples worth suggesting, largest first. */
const NICE_SAMPLES = [0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4, 1e-5, 1e-6] as const;

/**
 * The largest round sample (0.5, 0.2, 0.1, 0.05 …) below `currentSample`
 * for which `fits` holds; undefined when none does.
 * @example sampleThatFits(1, (options) => estimateRunMemory(scenario, options).totalBytes <= limit)
 */
export function sampleThatFits(currentSample: number, fits: (options: EstimateOptions) => boolean): number | undefined {
  return NICE_SAMPLES.find((sample) => sample < currentSample && fits({ sample }));
}

/** The longest horizon shorter than `currentMonths` for which `fits` holds (by bisection); undefined when none does. */
export function horizonThatFits(currentMonths: number, fits: (options: EstimateOptions) => boolean): number | undefined {
  const fitsMonths = (months: number): boolean => fits({ horizonMonths: months });
  if (currentMonths <= 1 || !fitsMonths(1)) return undefined;
  let good = 1;
  let bad = currentMonths;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (fitsMonths(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * Bytes as a person reads them, in powers of 1024: `512 B`, `3.4 MB`, `12.0 GB`.
 * @example formatBytes(3 * 1024 ** 3) === '3.0 GB'
 */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`;
}
