/**
 * Check (c): a staffed channel with a fixed daily capacity conserves needs,
 * and its backlog and waiting times follow the queueing (Lindley) recursion.
 *
 *   W_t = max(0, W_{t−1} + A_t − c) − X_t
 *
 * W_t needs waiting at the end of day t, A_t needs that joined the queue on
 * day t (arrivals less those that balked: a citizen does not join when the
 * posted wait W_{t−1}/c exceeds their patience), c the daily capacity and X_t
 * needs whose patience ran out while waiting. Served FIFO, the k-th need
 * waiting after day t's arrivals is served on day t + ⌈k/c⌉ − 1.
 *
 *   purpose-built city (one district, one segment, counter only)
 *     ──► runDays: arrivals, balks, expiries, served, waiting, after every day
 *     ──► the recursion from the realised arrivals; the FIFO waits it implies
 *     ──► equal to the engine's, need for need; conservation every day
 */
import { SegmentCounter as S, SEGMENT_COUNTER_COUNT } from '../sim/counters.js';
import { Channel } from '../sim/config.js';
import { queueKey, type SimState } from '../sim/state.js';
import { buildScenario, QUIET_POLICY, runDays } from './day-loop.js';
import { allPassed, fixed, thousands, type CheckResult, type Criterion, type Figure } from './types.js';

/**
 * The Lindley recursion on needs waiting: W_t = max(0, W_{t−1} + A_t − c) − X_t,
 * from W = 0. `expired` may be omitted (no abandonment).
 * @example lindleyBacklog([5, 0, 9], 4) // [1, 0, 5]
 */
export function lindleyBacklog(joined: ArrayLike<number>, capacity: number, expired?: ArrayLike<number>): Float64Array {
  const backlog = new Float64Array(joined.length);
  let waiting = 0;
  for (let t = 0; t < joined.length; t++) {
    waiting = Math.max(0, waiting + joined[t]! - capacity) - (expired?.[t] ?? 0);
    backlog[t] = waiting;
  }
  return backlog;
}

/**
 * Waits, in days, that FIFO service at `capacity` per day gives the needs
 * joining on days 0..days−1 and served by then, as a histogram (index = days
 * waited): the k-th need in line after day t's arrivals is served on day
 * t + ⌈k/c⌉ − 1. Valid while no need abandons.
 */
export function fifoWaits(joined: ArrayLike<number>, capacity: number, days: number): number[] {
  const histogram: number[] = [];
  let ahead = 0; // needs waiting before today's arrivals
  for (let t = 0; t < days; t++) {
    const arrivals = joined[t]!;
    for (let k = ahead + 1; k <= ahead + arrivals; k++) {
      const served = t + Math.ceil(k / capacity) - 1;
      if (served >= days) continue;
      const wait = served - t;
      histogram[wait] = (histogram[wait] ?? 0) + 1;
    }
    ahead = Math.max(0, ahead + arrivals - capacity);
  }
  return Array.from(histogram, (count) => count ?? 0);
}

/** One case of the check: load and capacity. */
export interface QueueCase {
  readonly label: string;
  /** Mean needs per day (λ). */
  readonly arrivalsPerDay: number;
  /** Transactions served per day (c). */
  readonly capacityPerDay: number;
}

export interface QueueCheckOptions {
  readonly citizens?: number;
  readonly months?: number;
  readonly patienceDays?: number;
  readonly seed?: number;
  readonly cases?: readonly QueueCase[];
}

/** The daily record of one case. */
interface QueueTrace {
  readonly joined: number[];
  readonly balked: number[];
  readonly expired: number[];
  readonly waiting: number[];
  readonly conservationGap: number;
  /** The engine's days-to-service histogram on the last day before any need balked or expired. */
  readonly waitsBeforeAbandonment: number[];
  readonly daysBeforeAbandonment: number;
  readonly served: number;
  readonly arrived: number;
}

function counterTotal(state: SimState, counter: number): number {
  let total = 0;
  const table = state.recorder.segmentMonthly;
  for (let month = 0; month <= state.month; month++) total += table[month * SEGMENT_COUNTER_COUNT + counter]!; // one segment
  return total;
}

function runCase(queueCase: QueueCase, options: QueueCheckOptions): QueueTrace {
  const citizens = options.citizens ?? 10_000;
  const patience = options.patienceDays ?? 20;
  const { config } = buildScenario({
    name: `validation: queue, ${queueCase.label}`,
    horizonMonths: options.months ?? 6,
    population: { size: citizens },
    districts: [{ id: 'town', counterTravelMinutes: 20, assistedTravelMinutes: 20 }],
    segments: [
      {
        id: 'everyone', age: 'all', income: 'all', district: 'town', share: 1, internetAccess: 0,
        digitalSkill: { mean: 0.3, sd: 0 }, motivation: { mean: 0.5, sd: 0 }, privacyConcern: { mean: 0.3, sd: 0 }, trust: { mean: 0.45, sd: 0 },
        needsPerYear: (queueCase.arrivalsPerDay * 360) / citizens, patienceDays: patience, helperAvailable: 0,
      },
    ],
    services: [{ id: 'visit', share: 1, complexity: 0.3, agencies: 1, patienceFactor: 1, dataFields: 5, automatable: false, channels: ['counter'] }],
    policy: {
      ...QUIET_POLICY,
      channels: {
        online: { open: false },
        phone: { open: false },
        counter: { open: true, capacityPerDayPer1000: (queueCase.capacityPerDay * 1000) / citizens },
        assisted: { open: false },
      },
    },
  });
  const key = queueKey(Channel.counter, 0, config.districts.ids.length);
  const joined: number[] = [];
  const balked: number[] = [];
  const expired: number[] = [];
  const waiting: number[] = [];
  let conservationGap = 0;
  let previousBalked = 0;
  let previousExpired = 0;
  let waitsBeforeAbandonment: number[] = [];
  let daysBeforeAbandonment = 0;
  let abandoned = false;
  let served = 0;
  let arrived = 0;
  runDays(config, options.seed ?? 1, (state) => {
    const balkedSoFar = counterTotal(state, S.unmetNoChannel);
    const expiredSoFar = counterTotal(state, S.unmetTimeout);
    arrived = counterTotal(state, S.arrived);
    served = counterTotal(state, S.met);
    const balkedToday = balkedSoFar - previousBalked;
    const expiredToday = expiredSoFar - previousExpired;
    previousBalked = balkedSoFar;
    previousExpired = expiredSoFar;
    joined.push(state.arrivalCount - balkedToday);
    balked.push(balkedToday);
    expired.push(expiredToday);
    waiting.push(state.queues.waiting[key]!);
    conservationGap = Math.max(conservationGap, Math.abs(arrived - (served + balkedSoFar + expiredSoFar + state.queues.waiting[key]!)));
    if (!abandoned && balkedToday + expiredToday > 0) abandoned = true;
    if (!abandoned) {
      const bins = state.recorder.daysToServiceBins;
      waitsBeforeAbandonment = Array.from(state.recorder.daysToService.subarray(0, bins));
      daysBeforeAbandonment = state.day + 1;
    }
  });
  return { joined, balked, expired, waiting, conservationGap, waitsBeforeAbandonment, daysBeforeAbandonment, served, arrived };
}

/** Mean of a histogram's index. */
function histogramMean(histogram: readonly number[]): number {
  let count = 0;
  let sum = 0;
  histogram.forEach((n, days) => {
    count += n;
    sum += n * days;
  });
  return count > 0 ? sum / count : 0;
}

/** Least-squares slope of y on 0..n−1 over the first n values. */
function slope(values: readonly number[], n: number): number {
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (let i = 0; i < n; i++) meanY += values[i]!;
  meanY /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - meanX) * (values[i]! - meanY);
    sxx += (i - meanX) ** 2;
  }
  return sxy / sxx;
}

export const DEFAULT_QUEUE_CASES: readonly QueueCase[] = [
  { label: 'under-loaded', arrivalsPerDay: 200, capacityPerDay: 250 },
  { label: 'over-loaded', arrivalsPerDay: 200, capacityPerDay: 160 },
];

/** Relative tolerance on the backlog's growth rate λ − c before abandonment. */
export const GROWTH_TOLERANCE = 0.1;
/** Relative tolerance on the over-loaded plateau against c × patience (where the posted wait reaches patience and arrivals balk). */
export const PLATEAU_TOLERANCE = 0.1;

/**
 * Runs check (c) on an under-loaded and an over-loaded counter.
 * Cost: two runs of a one-segment city, day by day.
 */
export function queueRecursionCheck(options: QueueCheckOptions = {}): CheckResult {
  const cases = options.cases ?? DEFAULT_QUEUE_CASES;
  const patience = options.patienceDays ?? 20;
  const criteria: Criterion[] = [];
  const rows: string[][] = [];
  const figures: Figure[] = [];
  for (const queueCase of cases) {
    const trace = runCase(queueCase, options);
    const c = queueCase.capacityPerDay;
    const recursion = lindleyBacklog(trace.joined, c, trace.expired);
    let backlogGap = 0;
    trace.waiting.forEach((w, t) => (backlogGap = Math.max(backlogGap, Math.abs(w - recursion[t]!))));
    const predictedWaits = fifoWaits(trace.joined, c, trace.daysBeforeAbandonment);
    const length = Math.max(predictedWaits.length, trace.waitsBeforeAbandonment.length);
    let waitGap = 0;
    for (let days = 0; days < length; days++) waitGap += Math.abs((predictedWaits[days] ?? 0) - (trace.waitsBeforeAbandonment[days] ?? 0));
    const meanWaitPredicted = histogramMean(predictedWaits);
    const meanWaitSimulated = histogramMean(trace.waitsBeforeAbandonment);
    const overloaded = queueCase.arrivalsPerDay > c;
    const label = queueCase.label;
    criteria.push(
      { measure: `${label}: largest |engine backlog − recursion| over the days`, tolerance: '= 0 needs', measured: String(backlogGap), passed: backlogGap === 0 },
      {
        measure: `${label}: needs whose wait differs from the FIFO recursion (first ${trace.daysBeforeAbandonment} days, before any abandonment)`,
        tolerance: '= 0 needs',
        measured: String(waitGap),
        passed: waitGap === 0,
      },
      { measure: `${label}: largest |arrived − (served + abandoned + waiting)| over the days`, tolerance: '= 0 needs', measured: String(trace.conservationGap), passed: trace.conservationGap === 0 },
    );
    const abandonedTotal = trace.balked.reduce((a, b) => a + b, 0) + trace.expired.reduce((a, b) => a + b, 0);
    const waitingEnd = trace.waiting[trace.waiting.length - 1] ?? 0;
    let extra = '';
    if (overloaded) {
      const growth = slope(trace.waiting, trace.daysBeforeAbandonment);
      const expectedGrowth = queueCase.arrivalsPerDay - c;
      const relative = Math.abs(growth - expectedGrowth) / expectedGrowth;
      criteria.push({
        measure: `${label}: backlog growth before abandonment vs λ − c = ${expectedGrowth}/day`,
        tolerance: `relative error ≤ ${GROWTH_TOLERANCE}`,
        measured: `${fixed(growth, 1)}/day (${fixed(relative, 3)})`,
        passed: relative <= GROWTH_TOLERANCE,
      });
      const tail = trace.waiting.slice(-60);
      const plateau = tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
      const plateauError = Math.abs(plateau - c * patience) / (c * patience);
      criteria.push({
        measure: `${label}: mean backlog over the last 60 days vs c · patience = ${c * patience}`,
        tolerance: `relative error ≤ ${PLATEAU_TOLERANCE}`,
        measured: `${fixed(plateau, 0)} (${fixed(plateauError, 3)})`,
        passed: plateauError <= PLATEAU_TOLERANCE,
      });
      extra = `${fixed(plateau, 0)} (c · patience = ${c * patience})`;
    } else {
      criteria.push({ measure: `${label}: mean wait of served needs`, tolerance: '< 0.05 days', measured: `${fixed(meanWaitSimulated, 3)} days`, passed: meanWaitSimulated < 0.05 });
    }
    rows.push([
      label,
      String(queueCase.arrivalsPerDay),
      String(c),
      String(trace.arrived),
      String(trace.served),
      String(abandonedTotal),
      String(waitingEnd),
      `${fixed(meanWaitPredicted, 2)} / ${fixed(meanWaitSimulated, 2)}`,
      extra,
    ]);
    const noAbandonment = lindleyBacklog(trace.joined.map((joinedToday, t) => joinedToday + trace.balked[t]!), c);
    figures.push({
      kind: 'line',
      title: `Counter backlog, ${label} (λ = ${queueCase.arrivalsPerDay}/day, c = ${c}/day)`,
      xLabel: 'day',
      yLabel: 'needs waiting',
      series: [
        { name: 'engine', style: 'line', points: trace.waiting.map((w, t) => [t, w] as const) },
        { name: 'recursion with abandonment', style: 'points', points: Array.from(recursion, (w, t) => [t, w] as const).filter((_, t) => t % 5 === 0) },
        ...(overloaded
          ? [
              { name: 'recursion without abandonment', style: 'dashed' as const, points: Array.from(noAbandonment, (w, t) => [t, w] as const) },
              { name: 'c · patience', style: 'dashed' as const, points: [[0, c * patience], [trace.waiting.length - 1, c * patience]] as const },
            ]
          : []),
      ],
    });
  }
  return {
    id: 'queue-recursion',
    title: '(c) A staffed queue conserves needs and follows the queueing recursion',
    claim:
      'A counter with a fixed daily capacity serves its queue first come, first served: the needs waiting each day follow the Lindley recursion from the realised arrivals, each need waits what its place in line implies, ' +
      'and every need that arrived is served, abandoned or still waiting. Under-loaded, waits are about zero; over-loaded, the backlog grows by λ − c a day until the posted wait reaches the citizens\' patience, after which arrivals balk and the backlog levels off near c × patience.',
    formula: [
      'W_t = max(0, W_{t−1} + A_t − c) − X_t      (A_t joined, X_t expired while waiting)',
      'the k-th need in line after day t\'s arrivals is served on day t + ⌈k/c⌉ − 1',
      'arrived = served + abandoned (balked + expired) + waiting, every day',
    ].join('\n'),
    setup:
      `One district, one segment of ${thousands(options.citizens ?? 10_000)} citizens, one service that only the counter offers (online, phone and assisted closed), ` +
      `Poisson arrivals of mean λ a day, capacity c a day, patience ${patience} days, no decision errors; ${(options.months ?? 6) * 30} days, seed ${options.seed ?? 1}. ` +
      'The engine is stepped day by day (`runDays`) and its counters are read after every day; the recursion is fed the realised arrivals.',
    criteria,
    passed: allPassed(criteria),
    figures,
    table: { columns: ['case', 'λ/day', 'c/day', 'arrived', 'served', 'abandoned', 'waiting at end', 'mean wait before abandonment (recursion / engine)', 'over-loaded plateau'], rows },
  };
}
