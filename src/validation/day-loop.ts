/**
 * A run of the engine day by day, with a look at the state after each day.
 * It is `simulate` unrolled (same initial state, same streams, same `step`),
 * for the checks that need daily values the monthly counters do not keep.
 */
import { DAYS_PER_MONTH, type ModelConfig } from '../sim/config.js';
import { createContext, initialState, step } from '../sim/engine.js';
import type { SimContext, SimState } from '../sim/state.js';
import { compileScenario } from '../scenarios/compile.js';
import { scenarioSchema, type ScenarioInput } from '../scenarios/schema.js';

/**
 * Runs `config` with `seed` to its horizon, calling `afterDay` after each
 * day's step. Returns the final state. Cost: that of the run.
 */
export function runDays(config: ModelConfig, seed: number, afterDay: (state: SimState, ctx: SimContext) => void): SimState {
  const ctx = createContext(config, seed);
  const state = initialState(config, ctx);
  for (let day = 0; day < config.horizonDays; day++) {
    state.day = day;
    state.month = Math.floor(day / DAYS_PER_MONTH);
    step(state, ctx);
    afterDay(state, ctx);
  }
  return state;
}

/**
 * A purpose-built scenario, validated by the scenario schema (defaults
 * applied) and compiled.
 * @throws ZodError when `input` is not a valid scenario (a bug in a check).
 */
export function buildScenario(input: ScenarioInput): { scenario: ReturnType<typeof scenarioSchema.parse>; config: ModelConfig } {
  const scenario = scenarioSchema.parse(input);
  return { scenario, config: compileScenario(scenario) };
}

/** Everything that could move a purpose-built setting off its analytic case, switched off. */
export const QUIET_POLICY = {
  adoption: { learningRate: 0, bassP: 0, bassQ: 0 },
  automation: { share: 0, humanErrorRate: 0 },
  data: { breachRatePerBillionRecordsYear: 0 },
} as const;
