/**
 * One run of the model: a pure function of (compiled scenario, seed).
 *
 * Each simulated day runs these phases, in this order:
 *
 *   applySchedule        policy phase changes, one-off build costs
 *   drawShocks           outages start/end (waiting needs re-routed), records age, breaches
 *   chargeRunningCosts   fixed running costs, security, extra apps
 *   runPrograms          (first day of a month) training and device programs
 *   spreadAccess         Bass peer effect on material access
 *   arriveNeeds          Poisson needs per segment, a service each
 *   routeNeeds           logit channel choice, online attempts and fallback, queueing
 *   serveQueues          staffed queues serve FIFO up to capacity; expected waits posted
 *   resolveAppeals       due appeals correct wrongful denials
 *   expireNeeds          needs out of patience are unmet
 *   recordStocks         (last day of a month) trust, skill, access, registrations, backlog
 *   adjustOffices        (last day of a month) KPI reports and gaming
 *   reallocateCapacity   (end of an allocation period) counter capacity between districts
 *   improveUsability     (last day of a month) feedback from failed attempts
 *
 * Every random draw comes from the stream of its purpose, derived from the
 * seed; nothing reads a clock or a global random source.
 */
import { DAYS_PER_MONTH, type ModelConfig } from './config.js';
import { CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT, SEGMENT_COUNTER_COUNT } from './counters.js';
import { generatePopulation } from './population.js';
import { createStreams } from './random/streams.js';
import { stableObject } from './stable-object.js';
import { createState, type SimContext, type SimEvent, type SimState, type Workspace } from './state.js';
import { applySchedule } from './phases/apply-schedule.js';
import { drawShocks } from './phases/draw-shocks.js';
import { chargeRunningCosts } from './phases/charge-running-costs.js';
import { runPrograms } from './phases/run-programs.js';
import { spreadAccess } from './phases/spread-access.js';
import { arriveNeeds } from './phases/arrive-needs.js';
import { routeNeeds } from './phases/route-needs.js';
import { serveQueues } from './phases/serve-queues.js';
import { resolveAppeals } from './phases/resolve-appeals.js';
import { expireNeeds } from './phases/expire-needs.js';
import { recordStocks } from './phases/record-stocks.js';
import { adjustOffices } from './phases/adjust-offices.js';
import { reallocateCapacity } from './phases/reallocate-capacity.js';
import { improveUsability } from './phases/improve-usability.js';

/** The raw result of a run: monthly counters and events, unscaled. */
export interface RunOutput {
  readonly seed: number;
  readonly months: number;
  readonly segmentCount: number;
  readonly districtCount: number;
  /** Represented citizens per simulated citizen. */
  readonly scale: number;
  readonly simulatedCitizens: number;
  /** [month][segment][SegmentCounter] */
  readonly segmentMonthly: Float64Array;
  /** [month][CityCounter] */
  readonly cityMonthly: Float64Array;
  /** [month][district][DistrictCounter] */
  readonly districtMonthly: Float64Array;
  /** Sum of trust over each segment's citizens on day 0, before any experience. */
  readonly initialTrustSum: Float64Array;
  /** [segment][days to service], last bin open-ended. */
  readonly daysToService: Uint32Array;
  readonly daysToServiceBins: number;
  readonly events: readonly SimEvent[];
}

/**
 * Builds the state of day 0: citizens generated from the population stream.
 * With a workspace, reuses its memory (see `Workspace` in state.ts).
 */
export function initialState(config: ModelConfig, ctx: SimContext, workspace?: Workspace): SimState {
  // Population generation writes every attribute of every record: no need to clear them first.
  const state = createState(config, workspace, false);
  generatePopulation(state, config, ctx.streams.population, state.policy.refusalThreshold, workspace?.betaTables);
  return state;
}

/** Advances the state by one day. */
export function step(state: SimState, ctx: SimContext): void {
  const firstOfMonth = state.day % DAYS_PER_MONTH === 0;
  const lastOfMonth = state.day % DAYS_PER_MONTH === DAYS_PER_MONTH - 1;
  applySchedule(state, ctx);
  drawShocks(state, ctx);
  chargeRunningCosts(state, ctx);
  if (firstOfMonth) runPrograms(state, ctx);
  spreadAccess(state, ctx);
  arriveNeeds(state, ctx);
  routeNeeds(state, ctx);
  serveQueues(state, ctx);
  resolveAppeals(state, ctx);
  expireNeeds(state, ctx);
  if (lastOfMonth) {
    recordStocks(state, ctx);
    adjustOffices(state, ctx);
    reallocateCapacity(state, ctx);
    improveUsability(state, ctx);
  }
}

/** How to run (never what: results do not depend on these). */
export interface SimulateOptions {
  /** Route and serve needs through the reference functions (`SimContext.referencePath`). */
  readonly referencePath?: boolean;
}

/**
 * The context of a run: its config and the seed's streams. Every run builds
 * it here, so that all contexts have one layout, and built twice
 * (stable-object.ts) so that the next run's keeps this one's compiled code.
 */
export function createContext(config: ModelConfig, seed: number, options: SimulateOptions = {}): SimContext {
  const streams = createStreams(seed);
  const referencePath = options.referencePath === true;
  return stableObject(() => ({ config, streams, referencePath }));
}

/**
 * Runs a compiled scenario with a seed to the end of its horizon.
 * Cost O(citizens + needs); memory O(citizens + waiting needs + months × segments).
 * A worker doing many runs passes one `Workspace` to all of them (state.ts).
 * @example const output = simulate(compileScenario(scenario), 1);
 */
export function simulate(config: ModelConfig, seed: number, workspace?: Workspace, options: SimulateOptions = {}): RunOutput {
  const ctx = createContext(config, seed, options);
  const state = initialState(config, ctx, workspace);
  for (let day = 0; day < config.horizonDays; day++) {
    state.day = day;
    state.month = Math.floor(day / DAYS_PER_MONTH);
    step(state, ctx);
  }
  return runOutput(config, state, seed, config.months);
}

/**
 * The raw output of a run's first `months` months: views on the recorder's
 * tables (no copy). With every month done it is what `simulate` returns;
 * the explorer uses it for runs in progress.
 */
export function runOutput(config: ModelConfig, state: SimState, seed: number, months: number): RunOutput {
  const recorder = state.recorder;
  const segmentCount = config.segments.ids.length;
  const districtCount = config.districts.ids.length;
  return {
    seed,
    months,
    segmentCount,
    districtCount,
    scale: config.scale,
    simulatedCitizens: state.citizens.count,
    segmentMonthly: recorder.segmentMonthly.subarray(0, months * segmentCount * SEGMENT_COUNTER_COUNT),
    cityMonthly: recorder.cityMonthly.subarray(0, months * CITY_COUNTER_COUNT),
    districtMonthly: recorder.districtMonthly.subarray(0, months * districtCount * DISTRICT_COUNTER_COUNT),
    initialTrustSum: recorder.initialTrustSum,
    daysToService: recorder.daysToService,
    daysToServiceBins: recorder.daysToServiceBins,
    events: recorder.events,
  };
}
