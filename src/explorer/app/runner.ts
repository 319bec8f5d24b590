/// <reference lib="dom" />
/**
 * The page's side of one simulation worker: starts a run, asks for months
 * one at a time, and keeps the snapshots that came back. Stale replies (of a
 * run since replaced) are dropped by run id.
 */
import type { Scenario } from '../../scenarios/schema.js';
import type { GroupLabels, MonthSnapshot } from '../snapshot.js';
import type { FromWorker, ToWorker } from '../worker-protocol.js';

export interface RunView {
  /** Months in the horizon (0 until the worker has started the run). */
  readonly months: number;
  readonly labels: GroupLabels | null;
  readonly segments: readonly string[];
  readonly snapshots: readonly MonthSnapshot[];
  /** Headline metrics of the finished run, or null. */
  readonly headline: Record<string, number> | null;
  readonly error: string | null;
  /** Milliseconds the worker spent simulating so far. */
  readonly computeMs: number;
}

export interface Runner {
  view(): RunView;
  /** Whether a month has been asked for and not yet answered. */
  busy(): boolean;
  ready(): boolean;
  finished(): boolean;
  start(scenario: Scenario, seed: number): void;
  /** Asks for the next month; `onUpdate` is called when it arrives. */
  advance(): void;
  /** Stops the run (the worker keeps no run for the page). */
  clear(): void;
}

/** A worker on the bundled `worker.js`, next to the page's script. */
export function createSimulationWorker(): Worker {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'dgsim-simulation' });
}

/**
 * A runner over `worker`; `onUpdate` is called after every reply (started,
 * a month, an error), so the page can redraw and schedule the next month.
 */
export function createRunner(worker: Worker, onUpdate: () => void): Runner {
  let runId = 0;
  let pending = false;
  let view: RunView = { months: 0, labels: null, segments: [], snapshots: [], headline: null, error: null, computeMs: 0 };
  let started = false;
  const post = (message: ToWorker): void => worker.postMessage(message);
  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    const data = event.data;
    if (data.runId !== runId) return;
    if (data.type === 'started') {
      started = true;
      view = { ...view, months: data.months, labels: data.labels, segments: data.segments };
    } else if (data.type === 'month') {
      pending = false;
      view = { ...view, snapshots: [...view.snapshots, data.snapshot], headline: data.headline, computeMs: view.computeMs + data.elapsedMs };
    } else if (data.type === 'error') {
      pending = false;
      view = { ...view, error: data.message };
    }
    onUpdate();
  });
  worker.addEventListener('error', (event: ErrorEvent) => {
    pending = false;
    view = { ...view, error: `the simulation worker failed: ${event.message}` };
    onUpdate();
  });
  return {
    view: () => view,
    busy: () => pending,
    ready: () => started && view.error === null,
    finished: () => started && view.months > 0 && view.snapshots.length >= view.months,
    start: (scenario, seed) => {
      runId++;
      pending = false;
      started = false;
      view = { months: 0, labels: null, segments: [], snapshots: [], headline: null, error: null, computeMs: 0 };
      post({ type: 'start', runId, scenario, seed });
    },
    advance: () => {
      if (pending || !started || view.error !== null || view.snapshots.length >= view.months) return;
      pending = true;
      post({ type: 'advance', runId });
    },
    clear: () => {
      runId++;
      pending = false;
      started = false;
      view = { months: 0, labels: null, segments: [], snapshots: [], headline: null, error: null, computeMs: 0 };
    },
  };
}

/**
 * Runs a scenario to the end in a fresh worker, month by month as the page
 * does, and resolves with its headline metrics (the test hook behind
 * `window.dgsimRun`).
 */
export function runToEnd(scenario: Scenario, seed: number): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const worker = createSimulationWorker();
    const runner = createRunner(worker, () => {
      const view = runner.view();
      if (view.error !== null) {
        worker.terminate();
        reject(new Error(view.error));
      } else if (view.headline !== null) {
        worker.terminate();
        resolve(view.headline);
      } else {
        runner.advance();
      }
    });
    runner.start(scenario, seed);
  });
}
