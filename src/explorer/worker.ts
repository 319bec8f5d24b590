/**
 * The simulation worker: holds one live run and advances it when the page
 * asks (see `worker-protocol.ts`). Runs in a Web Worker so the page stays
 * responsive while a month is simulated.
 */
// First: before any module builds a zod schema.
import './zod-jitless.js';
import { createLiveRun, type LiveRun } from './live-run.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** The worker's side of a message port. */
export interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { readonly data: ToWorker }) => void): void;
}

/** Serves the protocol on `scope` (the worker's global scope in the browser; a stand-in in tests). */
export function serveSimulation(scope: WorkerScope, now: () => number): void {
  let run: LiveRun | undefined;
  let runId = -1;
  const fail = (id: number, error: unknown): void => {
    run = undefined;
    scope.postMessage({ type: 'error', runId: id, message: error instanceof Error ? error.message : String(error) });
  };
  scope.addEventListener('message', ({ data }) => {
    try {
      if (data.type === 'start') {
        run = undefined;
        runId = data.runId;
        run = createLiveRun(data.scenario, data.seed);
        scope.postMessage({ type: 'started', runId, months: run.months, labels: run.labels, segments: run.config.segments.ids });
        return;
      }
      if (run === undefined || data.runId !== runId) return;
      const started = now();
      if (data.type === 'advance') {
        if (run.finished()) return;
        const snapshot = run.advanceMonth();
        const headline = run.finished() ? run.finalResult().headline : null;
        scope.postMessage({ type: 'month', runId, snapshot, headline, elapsedMs: now() - started });
        return;
      }
      while (!run.finished()) run.advanceMonth();
      scope.postMessage({ type: 'finished', runId, headline: run.finalResult().headline, elapsedMs: now() - started });
    } catch (error) {
      fail(data.runId, error);
    }
  });
}

// In a browser worker, `self` is the worker's global scope; Node (tests) imports serveSimulation only.
declare const self: unknown;
if (typeof self === 'object' && self !== null && typeof (self as { importScripts?: unknown }).importScripts === 'function') {
  serveSimulation(self as WorkerScope, () => performance.now());
}
