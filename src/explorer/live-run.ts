/**
 * A run played month by month, for live charts: the engine's own
 * `initialState` and `step`, driven day by day exactly as `simulate` drives
 * them, with the months recorded so far summarized after each month.
 *
 *   scenario ──► compileScenario ──► initialState
 *            ──► advanceMonth × months (30 × step, then a MonthSnapshot)
 *            ──► finalResult (= runValidated's summary and headline metrics)
 *
 * When every month has run, the summary is computed from the very arrays
 * `simulate` would return, so the numbers equal `dgsim run`'s.
 * Browser-safe: no Node or DOM imports.
 */
import { compileScenario } from '../scenarios/compile.js';
import type { Scenario } from '../scenarios/schema.js';
import { DAYS_PER_MONTH, type ModelConfig } from '../sim/config.js';
import { createContext, initialState, runOutput, step, type RunOutput } from '../sim/engine.js';
import { checkInvariants, headlineMetrics, summarize, type RunSummary } from '../sim/metrics/index.js';
import type { SimState } from '../sim/state.js';
import { groupLabels, monthSnapshot, type GroupLabels, type MonthSnapshot } from './snapshot.js';

/** The outcome of a finished run. */
export interface FinalResult {
  readonly headline: Record<string, number>;
  readonly summary: RunSummary;
}

export interface LiveRun {
  readonly config: ModelConfig;
  readonly months: number;
  readonly labels: GroupLabels;
  /** Months simulated so far. */
  monthsDone(): number;
  finished(): boolean;
  /** Simulates the next month and describes it (with the run to date summarized). @throws RangeError when finished. */
  advanceMonth(): MonthSnapshot;
  /** The summary and headline metrics of the whole run. @throws RangeError before the last month; InvariantError-like Error on a broken invariant. */
  finalResult(): FinalResult;
}

/**
 * The raw output of the first `months` months: views on the recorder's
 * tables (no copy). With every month done it is what `simulate` returns.
 */
export function outputSoFar(config: ModelConfig, state: SimState, seed: number, months: number): RunOutput {
  return runOutput(config, state, seed, months);
}

/**
 * Starts a run of a validated scenario with a seed, at day 0.
 * Cost of each month O(citizens + needs of the month + segments × counters).
 * @example const run = createLiveRun(scenario, 1); while (!run.finished()) draw(run.advanceMonth());
 */
export function createLiveRun(scenario: Scenario, seed: number): LiveRun {
  const config = compileScenario(scenario);
  const ctx = createContext(config, seed);
  const state = initialState(config, ctx);
  const labels = groupLabels(config);
  let done = 0;
  const advanceMonth = (): MonthSnapshot => {
    if (done >= config.months) throw new RangeError('the run has finished');
    const end = Math.min(config.horizonDays, (done + 1) * DAYS_PER_MONTH);
    for (let day = done * DAYS_PER_MONTH; day < end; day++) {
      state.day = day;
      state.month = Math.floor(day / DAYS_PER_MONTH);
      step(state, ctx);
    }
    done++;
    const output = outputSoFar(config, state, seed, done);
    return monthSnapshot(config, output, labels, summarize(config, output));
  };
  return {
    config,
    months: config.months,
    labels,
    monthsDone: () => done,
    finished: () => done >= config.months,
    advanceMonth,
    finalResult: () => {
      if (done < config.months) throw new RangeError(`the run has ${config.months - done} month(s) to go`);
      const output = outputSoFar(config, state, seed, done);
      const violations = checkInvariants(output);
      if (violations.length > 0) throw new Error(`model invariant violated: ${violations.map((v) => `${v.invariant} (${v.detail})`).join('; ')}`);
      const summary = summarize(config, output);
      return { summary, headline: headlineMetrics(summary) };
    },
  };
}
