/**
 * One run of a sweep, as a worker does it: the base scenario with the point's
 * values set at the parameter paths, validated, run with the replicate's
 * seed, reduced to its headline metrics. Errors never escape: a run that
 * throws comes back failed, with the error's message.
 */
import type { DocumentPath } from '../issues.js';
import { runCompiled } from '../run.js';
import { compileScenario } from '../compile.js';
import type { ModelConfig } from '../../sim/config.js';
import type { Workspace } from '../../sim/state.js';
import { scenarioSchema, type Scenario } from '../schema.js';
import { formatPath } from '../issues.js';
import { setAtPath } from './parameter-path.js';

/** What every run of a sweep shares: sent to each worker once. */
export interface RunSetup {
  /** The base scenario with the overrides applied. */
  readonly scenario: Scenario;
  /** Each parameter's path in the scenario, in parameter order. */
  readonly parameterPaths: readonly DocumentPath[];
  /** The metrics to return, or null for all. */
  readonly metrics: readonly string[] | null;
}

/** One run to do. */
export interface RunTask {
  readonly runId: number;
  readonly pointId: number;
  readonly replicate: number;
  readonly seed: number;
  /** The point's value for each parameter. */
  readonly values: readonly unknown[];
  /** Test hook: make this run throw (set only by the CLI's DGSIM_SWEEP_FAIL_RUN_IDS). */
  readonly injectFailure?: boolean;
}

/** What a run gives back. */
export type RunOutcome =
  | { readonly runId: number; readonly status: 'ok'; readonly metrics: Record<string, number> }
  | { readonly runId: number; readonly status: 'failed'; readonly error: string };

/** The message of an injected failure. */
export const INJECTED_FAILURE = 'injected failure (test hook DGSIM_SWEEP_FAIL_RUN_IDS)';

/**
 * A worker's scenarios of the points it ran last, validated and compiled:
 * the replicates of a point differ only in their seed, so each point is
 * set up once per worker rather than once per run (a point's runs go out
 * one after another). Keyed by the point's values; holds a few points.
 */
export class PointCache {
  private readonly entries = new Map<string, { readonly scenario: Scenario; readonly config: ModelConfig }>();
  constructor(private readonly capacity = 8) {}

  get(key: string): { readonly scenario: Scenario; readonly config: ModelConfig } | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: { readonly scenario: Scenario; readonly config: ModelConfig }): void {
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, entry);
  }
}

/**
 * Runs one task. Never throws. Cost: one simulation, and for a point not in
 * `points` one validation and one compilation. A worker passes the same
 * workspace and point cache to all its runs (sim/state.ts).
 */
export function executeRun(setup: RunSetup, task: RunTask, workspace?: Workspace, points?: PointCache): RunOutcome {
  try {
    const key = JSON.stringify(task.values);
    let point = points?.get(key);
    if (point === undefined) {
      const candidate: unknown = structuredClone(setup.scenario);
      setup.parameterPaths.forEach((path, index) => setAtPath(candidate, path, task.values[index]));
      const parsed = scenarioSchema.safeParse(candidate);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((issue) => `${formatPath(issue.path.map((key) => (typeof key === 'number' ? key : String(key))))}: ${issue.message}`).join('; ');
        return { runId: task.runId, status: 'failed', error: `point ${task.pointId} is not a valid scenario: ${detail}` };
      }
      point = { scenario: parsed.data, config: compileScenario(parsed.data) };
      points?.set(key, point);
    }
    if (task.injectFailure === true) throw new Error(INJECTED_FAILURE);
    const { headline } = runCompiled(point.scenario, point.config, task.seed, workspace);
    if (setup.metrics === null) return { runId: task.runId, status: 'ok', metrics: headline };
    const metrics: Record<string, number> = {};
    for (const name of setup.metrics) metrics[name] = headline[name] ?? Number.NaN;
    return { runId: task.runId, status: 'ok', metrics };
  } catch (error) {
    return { runId: task.runId, status: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}
