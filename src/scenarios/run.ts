/**
 * A run as a pure function of (scenario, seed): compile, simulate, summarize.
 * No file system here, so the browser explorer runs exactly this.
 */
import type { ModelConfig } from '../sim/config.js';
import { simulate, type RunOutput } from '../sim/engine.js';
import type { Workspace } from '../sim/state.js';
import { checkInvariants, checkSummaryInvariants, headlineMetrics, summarize, type RunSummary } from '../sim/metrics/index.js';
import { compileScenario } from './compile.js';
import type { Scenario } from './schema.js';

export interface RunResult {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly config: ModelConfig;
  readonly output: RunOutput;
  readonly summary: RunSummary;
  readonly headline: Record<string, number>;
}

/** Raised when a run breaks one of the model's invariants (a bug, never bad input). */
export class InvariantError extends Error {
  constructor(readonly violations: readonly { invariant: string; detail: string }[]) {
    super(`model invariant violated: ${violations.map((v) => `${v.invariant} (${v.detail})`).join('; ')}`);
    this.name = 'InvariantError';
  }
}

/**
 * Runs a validated scenario with a seed, then checks the model's invariants
 * on its counters and on its summary (`sim/metrics/invariants.ts`).
 * A caller doing many runs may pass one workspace to all (sim/state.ts).
 * @throws InvariantError when the run breaks an invariant.
 * @example const { summary } = runValidated(scenario, 1);
 */
export function runValidated(scenario: Scenario, seed: number, workspace?: Workspace): RunResult {
  return runCompiled(scenario, compileScenario(scenario), seed, workspace);
}

/**
 * `runValidated` with the scenario already compiled: `config` must be
 * `compileScenario(scenario)`. A run never changes its config, so runs of
 * the same scenario (replicates, a sweep point's seeds) may share one.
 */
export function runCompiled(scenario: Scenario, config: ModelConfig, seed: number, workspace?: Workspace): RunResult {
  const output = simulate(config, seed, workspace);
  const violations = checkInvariants(output);
  if (violations.length > 0) throw new InvariantError(violations);
  const summary = summarize(config, output);
  const summaryViolations = checkSummaryInvariants(summary);
  if (summaryViolations.length > 0) throw new InvariantError(summaryViolations);
  return { scenario, seed, config, output, summary, headline: headlineMetrics(summary) };
}

/** The seed of replicate k of an experiment with master seed `seed` (the same at every design point: common random numbers). */
export function replicateSeed(seed: number, replicate: number): number {
  return seed + replicate;
}
