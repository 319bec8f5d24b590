/**
 * The simulation state: the citizens (typed-array records, citizens.ts),
 * the queues of waiting needs, the offices, the data stock and the month's
 * counters. One state is created per
 * run by `createState`; every phase reads and writes it through `SimContext`.
 */
import {
  CHANNEL_COUNT,
  type ModelConfig,
  type PolicyParams,
} from './config.js';
import {
  CITY_COUNTER_COUNT,
  DISTRICT_COUNTER_COUNT,
  SEGMENT_COUNTER_COUNT,
} from './counters.js';
import { createPhaseTables, refreshPhaseTables, type PhaseTables } from './phase-tables.js';
import { createExpiryLists, createNeedPool, createQueueSet, type ExpiryLists, type NeedPool, type QueueSet } from './queues.js';
import type { Streams } from './random/streams.js';
import { createCitizens, fillLastChannel, type Citizens } from './citizens.js';
import { createSegmentStocks, type SegmentStocks } from './stocks.js';
import { objectList, stableObject } from './stable-object.js';

export type { Citizens } from './citizens.js';

/** Bits of a citizen's `flags`. */
export const CitizenFlag = {
  hadUnmet: 1,
  registered: 2,
  refusesConsent: 4,
  breached: 8,
} as const;

export const NO_CHANNEL = 255;

/** A month's accumulators and the run's monthly tables. */
export interface Recorder {
  /** [month][segment][SegmentCounter] */
  readonly segmentMonthly: Float64Array;
  /** [month][CityCounter] */
  readonly cityMonthly: Float64Array;
  /** [month][district][DistrictCounter] */
  readonly districtMonthly: Float64Array;
  /** Sum of trust over each segment's citizens on day 0, before any experience. */
  readonly initialTrustSum: Float64Array;
  /** Days from arrival to service, [segment][day], the last bin holding everything longer. */
  readonly daysToService: Uint32Array;
  readonly daysToServiceBins: number;
  readonly events: SimEvent[];
}

/** Something that happened on a day, for timelines: policy changes, outages, breaches, audits. */
export interface SimEvent {
  readonly day: number;
  readonly kind: 'policy' | 'outage-start' | 'outage-end' | 'breach' | 'audit' | 'reallocation';
  readonly detail: string;
}

export interface Offices {
  /** Gaming level per district and KPI (processing, online share, registrations). */
  readonly gaming: Float64Array;
  /** Counter capacity share per district. */
  readonly counterShare: Float64Array;
  /** Assisted capacity share per district (population share). */
  readonly assistedShare: Float64Array;
}

export interface SimState {
  day: number;
  month: number;
  policy: PolicyParams;
  phaseIndex: number;
  readonly citizens: Citizens;
  /** First citizen of each segment; segment s holds [segmentStart[s], segmentStart[s + 1]). */
  readonly segmentStart: Int32Array;
  /** Citizens with material access, per segment. */
  readonly accessCount: Int32Array;
  readonly pool: NeedPool;
  readonly queues: QueueSet;
  readonly expiry: ExpiryLists;
  /** Scratch list of the needs expiring today (expire-needs.ts). */
  readonly dueToday: number[];
  readonly offices: Offices;
  /** Online usability gained through feedback since the start. */
  usabilityGain: number;
  outageUntilDay: number;
  /** Backlog just before the current outage, and the day it ended (−1 when not recovering). */
  backlogBeforeOutage: number;
  recoveringSinceDay: number;
  recordsHeld: number;
  trainingSpent: number;
  devicesSpent: number;
  appsBuilt: number;
  onlineBuilt: boolean;
  /** Appeals in flight: due day and need data, FIFO (delays are equal within a phase). */
  readonly appeals: { day: number; citizen: number; channel: number; arrivalDay: number }[];
  appealsHead: number;
  /** Per segment: needs a day (citizens × rate), and exp(−that) for the Poisson draw (arrive-needs.ts). */
  readonly arrivalMean: Float64Array;
  readonly arrivalMeanExp: Float64Array;
  /** Today's arrivals: citizen and service, gathered before routing. */
  arrivalCitizen: Int32Array;
  arrivalService: Uint8Array;
  arrivalCount: number;
  /** A sum over the citizens read ahead of routing (kept so the reads are not optimized away). */
  touched: number;
  readonly recorder: Recorder;
  /** Per segment: trust, skill and flag stocks as running tallies (stocks.ts). */
  readonly stocks: SegmentStocks;
  /** Lookup tables of the policy in force (see phase-tables.ts); refreshed through `phaseTables`. */
  readonly tables: PhaseTables;
  /** exp(−reversionPerDay · d) for d days. */
  readonly trustDecay: Float64Array;
}

/** What every phase receives besides the state. */
export interface SimContext {
  readonly config: ModelConfig;
  readonly streams: Streams;
  /**
   * Route and serve every need through the reference functions instead of
   * the engine's fused loops (route-needs.ts, serve-queues.ts): the same
   * results, bit for bit, more slowly. For the tests that check that.
   */
  readonly referencePath?: boolean;
}

/** Queue key of a staffed channel in a district (phone has a single citywide queue). */
export function queueKey(channel: number, district: number, districtCount: number): number {
  return channel * districtCount + district;
}

/**
 * What a worker keeps from one run to the next: a run whose city has as
 * many simulated citizens as the last one's reuses its citizen records
 * instead of allocating new ones, sparing the page faults of fresh memory
 * and the garbage; and the Beta quantile tables of population generation,
 * by (mean, sd), which cost a quarter of a millisecond each to build (most of
 * a small run's set-up: a sweep's runs share most of their segments).
 * Results never depend on it. A workspace serves one run at a time: a run
 * overwrites the records of the one before.
 */
export interface Workspace {
  citizens: Citizens | null;
  /** Beta quantile tables by "mean:sd" (random/beta-table.ts). */
  readonly betaTables: Map<string, Float64Array>;
}

export function createWorkspace(): Workspace {
  return { citizens: null, betaTables: new Map() };
}

/**
 * Citizen records for `count` citizens: the workspace's if it has the right
 * size, else new ones. `blank`: every attribute 0 (a reused workspace is
 * cleared); else the caller writes every attribute itself.
 */
function freshCitizens(count: number, workspace: Workspace | undefined, blank: boolean): Citizens {
  const kept = workspace?.citizens;
  if (kept !== null && kept !== undefined && kept.count === count) {
    if (blank) kept.bytes.fill(0);
    return kept;
  }
  const citizens = createCitizens(count);
  if (workspace !== undefined) workspace.citizens = citizens;
  return citizens;
}

/**
 * A state of day 0. With `blankCitizens` (the default) the citizens are all
 * zero but for `lastChannel` (none yet); `initialState` passes false and
 * has population generation write every attribute instead. The segment
 * stocks (stocks.ts) start at zero: population generation sets them.
 */
export function createState(config: ModelConfig, workspace?: Workspace, blankCitizens = true): SimState {
  const segments = config.segments;
  const segmentCount = segments.ids.length;
  const districtCount = config.districts.ids.length;
  const segmentStart = new Int32Array(segmentCount + 1);
  for (let s = 0; s < segmentCount; s++) segmentStart[s + 1] = segmentStart[s]! + segments.citizens[s]!;
  const count = segmentStart[segmentCount]!;
  if (config.horizonDays > 65535) throw new RangeError('horizon longer than 65,535 days');
  const citizens = freshCitizens(count, workspace, blankCitizens);
  if (blankCitizens) fillLastChannel(citizens, NO_CHANNEL);
  const populationShare = new Float64Array(districtCount);
  for (let s = 0; s < segmentCount; s++) populationShare[segments.district[s]!]! += segments.citizens[s]! / Math.max(1, count);
  const daysToServiceBins = 366;
  const decay = new Float64Array(config.horizonDays + 2);
  for (let d = 0; d < decay.length; d++) decay[d] = Math.exp(-config.trust.reversionPerDay * d);
  const first = config.phases[0];
  if (first === undefined) throw new RangeError('a model needs at least one policy phase');
  const tables = createPhaseTables(config);
  refreshPhaseTables(tables, config, first, Math.min(1, first.usability));
  const accessCount = new Int32Array(segmentCount);
  const pool = createNeedPool(1024);
  const queues = createQueueSet(CHANNEL_COUNT * districtCount);
  const expiry = createExpiryLists(config.horizonDays);
  const dueToday: number[] = [];
  const gaming = new Float64Array(districtCount * 3);
  const counterShare = populationShare.slice();
  const appeals = objectList<{ day: number; citizen: number; channel: number; arrivalDay: number }>();
  const arrivalMean = new Float64Array(segmentCount);
  const arrivalMeanExp = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    arrivalMean[s] = segments.citizens[s]! * segments.needsPerDay[s]!;
    arrivalMeanExp[s] = Math.exp(-arrivalMean[s]!);
  }
  const arrivalCitizen = new Int32Array(1024);
  const arrivalService = new Uint8Array(1024);
  const segmentMonthly = new Float64Array(config.months * segmentCount * SEGMENT_COUNTER_COUNT);
  const cityMonthly = new Float64Array(config.months * CITY_COUNTER_COUNT);
  const districtMonthly = new Float64Array(config.months * districtCount * DISTRICT_COUNTER_COUNT);
  const initialTrustSum = new Float64Array(segmentCount);
  const daysToService = new Uint32Array(segmentCount * daysToServiceBins);
  const events = objectList<SimEvent>();
  const stocks = createSegmentStocks(segmentCount);
  // Built twice (stable-object.ts): the next run's state keeps the code compiled for this one's.
  const state: SimState = stableObject(() => ({
    day: 0,
    month: 0,
    policy: first,
    phaseIndex: 0,
    citizens,
    segmentStart,
    accessCount,
    pool,
    queues,
    expiry,
    dueToday,
    offices: { gaming, counterShare, assistedShare: populationShare },
    usabilityGain: 0,
    outageUntilDay: -1,
    backlogBeforeOutage: 0,
    recoveringSinceDay: -1,
    recordsHeld: 0,
    trainingSpent: 0,
    devicesSpent: 0,
    appsBuilt: 0,
    onlineBuilt: false,
    appeals,
    appealsHead: 0,
    arrivalMean,
    arrivalMeanExp,
    arrivalCitizen,
    arrivalService,
    arrivalCount: 0,
    touched: 0,
    recorder: { segmentMonthly, cityMonthly, districtMonthly, initialTrustSum, daysToService, daysToServiceBins, events },
    stocks,
    tables,
    trustDecay: decay,
  }));
  // The fields that come to hold fractions are given one first: V8 then stores them as doubles
  // from the start, instead of changing the state's layout when the first fraction arrives
  // mid-run and throwing away every function compiled for the old one (measured: 31 such
  // deoptimizations in a first run of a million citizens become 3, and the run about a tenth
  // faster). No effect on results: each is set back to 0.
  for (const field of FRACTIONAL_FIELDS) {
    state[field] = 0.5;
    state[field] = 0;
  }
  widenPolicyFields(state, tables, config.phases[1]);
  return state;
}

/**
 * The fields a policy phase change overwrites, overwritten once before any
 * code is compiled. V8 compiles the hot loops taking a field nothing has
 * overwritten yet for a constant (and the policy's own fields with it), so
 * the first phase change, months into a run, threw away the compiled code of
 * routing, serving and every phase that reads the policy, and ran them
 * unoptimized for days while it compiled them again. Storing another phase's
 * policy (an object of the same layout) and then the first one's back, and
 * the same for the flag a phase recomputes, marks these fields as variable
 * from the start. No effect on results: each ends as it was. A scenario with
 * a single phase never changes them.
 */
function widenPolicyFields(state: SimState, tables: PhaseTables, otherPolicy: PolicyParams | undefined): void {
  if (otherPolicy === undefined) return;
  const policy = state.policy;
  state.policy = otherPolicy;
  state.policy = policy;
  const tablesPolicy = tables.policy;
  tables.policy = otherPolicy;
  tables.policy = tablesPolicy;
  const forced = tables.onlineForced;
  tables.onlineForced = !forced;
  tables.onlineForced = forced;
}

/** State fields that hold fractions during a run (see the end of `createState`). */
const FRACTIONAL_FIELDS = ['usabilityGain', 'backlogBeforeOutage', 'recordsHeld', 'trainingSpent', 'devicesSpent'] as const;

/**
 * The lookup tables of the policy and usability in force, rebuilt first if
 * either changed (or the config is another one). Cost O(1) when current.
 */
export function phaseTables(state: SimState, config: ModelConfig): PhaseTables {
  const tables = state.tables;
  const policy = state.policy;
  const usability = Math.min(1, policy.usability + state.usabilityGain);
  if (tables.policy !== policy || tables.config !== config || tables.usability !== usability) refreshPhaseTables(tables, config, policy, usability);
  return tables;
}

/** Index of the current month's row of a segment in `segmentMonthly`. */
export function segmentRow(state: SimState, segment: number, segmentCount: number): number {
  return (state.month * segmentCount + segment) * SEGMENT_COUNTER_COUNT;
}

/** Index of the current month's row of a district in `districtMonthly`. */
export function districtRow(state: SimState, district: number, districtCount: number): number {
  return (state.month * districtCount + district) * DISTRICT_COUNTER_COUNT;
}

/** Adds to a segment counter of the current month. */
export function addSegment(state: SimState, segment: number, counter: number, amount: number, segmentCount: number): void {
  state.recorder.segmentMonthly[(state.month * segmentCount + segment) * SEGMENT_COUNTER_COUNT + counter]! += amount;
}

/** Adds to a city counter of the current month. */
export function addCity(state: SimState, counter: number, amount: number): void {
  state.recorder.cityMonthly[state.month * CITY_COUNTER_COUNT + counter]! += amount;
}

/** Raises a city counter of the current month to `value` if it is lower. */
export function maxCity(state: SimState, counter: number, value: number): void {
  const index = state.month * CITY_COUNTER_COUNT + counter;
  if (value > state.recorder.cityMonthly[index]!) state.recorder.cityMonthly[index] = value;
}

/** Sets a city counter of the current month. */
export function setCity(state: SimState, counter: number, value: number): void {
  state.recorder.cityMonthly[state.month * CITY_COUNTER_COUNT + counter] = value;
}

/** Adds to a district counter of the current month. */
export function addDistrict(state: SimState, district: number, counter: number, amount: number, districtCount: number): void {
  state.recorder.districtMonthly[(state.month * districtCount + district) * DISTRICT_COUNTER_COUNT + counter]! += amount;
}
