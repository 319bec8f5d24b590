/**
 * How much memory a run of a scenario needs, estimated before anything is
 * allocated, so that a run too big for the machine is refused with a way out
 * instead of dying half-way with "JavaScript heap out of memory".
 *
 *   scenario ──► simulated citizens × bytes per citizen (the engine's columns, state.ts)
 *            ──► needs alive at once × bytes per need record (queues.ts), doubling slack
 *            ──► months × (segments, districts, city) × counters × 8 bytes (state.ts recorder)
 *            ──► output rows and text (monthly.csv, summary.json), on the JS heap
 *            ──► + Node and dgsim themselves ──► MemoryEstimate
 *
 * Pure (no Node, no clock): the browser explorer may use it too. The engine
 * test `test/reliability/memory-estimate.test.ts` pins the byte counts to
 * the arrays `createState` really allocates.
 */
import { CHANNEL_COUNT, DAYS_PER_MONTH, DAYS_PER_YEAR } from '../sim/config.js';
import { CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT, SEGMENT_COUNTER_COUNT } from '../sim/counters.js';
import { policyPhases } from './schedule.js';
import type { Scenario } from './schema.js';

/** Bytes of each citizen column of `createState` (src/sim/state.ts), by column. */
export const CITIZEN_COLUMN_BYTES = {
  segment: 1,
  access: 1,
  helper: 1,
  skill: 4,
  motivation: 4,
  privacy: 4,
  trust: 4,
  trustDay: 2,
  lastChannel: 1,
  flags: 1,
} as const;

/** Bytes of one record of the need pool (src/sim/queues.ts), by column. */
export const NEED_RECORD_BYTES = {
  citizen: 4,
  service: 1,
  arrivalDay: 4,
  joinDay: 4,
  deadline: 4,
  tried: 1,
  transactions: 1,
  queueKey: 1,
  status: 1,
  links: 1,
  nextInQueue: 4,
  nextByDeadline: 4,
} as const;

const sum = (values: Readonly<Record<string, number>>): number => Object.values(values).reduce((a, b) => a + b, 0);

/** Bytes per simulated citizen: 23. */
export const BYTES_PER_CITIZEN = sum(CITIZEN_COLUMN_BYTES);
/** Bytes per need record: 30. */
export const BYTES_PER_NEED_RECORD = sum(NEED_RECORD_BYTES);
/** Days-to-service histogram bins per segment (state.ts). */
export const DAYS_TO_SERVICE_BINS = 366;
/** A pending appeal: a JS object of four numbers and its slot in the array. */
const BYTES_PER_APPEAL = 64;
/** One row of the tidy monthly table on the heap: the row object, its CSV cells and line, and its share of the text. */
const BYTES_PER_MONTHLY_ROW = 320;
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

/** Changes to a scenario to estimate instead of the scenario itself: another sample or horizon. */
export interface EstimateOptions {
  readonly sample?: number;
  readonly horizonMonths?: number;
  /** Whether the run's monthly table is written (run: yes; compare: the first replicate's of each scenario). Default true. */
  readonly monthlyTable?: boolean;
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
  const poolBytes = records * BYTES_PER_NEED_RECORD * 1.5;
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
