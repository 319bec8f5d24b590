import { describe, expect, it } from 'vitest';
import { applyLevers } from '../../src/explorer/levers.js';
import { createLiveRun } from '../../src/explorer/live-run.js';
import { serveSimulation, type WorkerScope } from '../../src/explorer/worker.js';
import type { FromWorker, ToWorker } from '../../src/explorer/worker-protocol.js';
import { runValidated } from '../../src/scenarios/run.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { builtin } from './library.js';

function small(name: string, population = 2_000): Scenario {
  const result = applyLevers(builtin(name), {}, population);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.scenario;
}

describe('a live run, month by month', () => {
  it('ends with the very summary and headline metrics of runValidated (dgsim run)', () => {
    for (const [name, seed] of [['city', 1], ['h7-outage-digital-only', 4], ['f4-kpi-gaming-no-audit', 2]] as const) {
      const scenario = small(name);
      const run = createLiveRun(scenario, seed);
      const months: number[] = [];
      while (!run.finished()) months.push(run.advanceMonth().month);
      expect(months).toEqual(Array.from({ length: scenario.horizonMonths }, (_, i) => i + 1));
      const reference = runValidated(scenario, seed);
      const final = run.finalResult();
      expect(final.headline).toEqual(reference.headline);
      expect(final.summary).toEqual(reference.summary);
    }
  });

  it('describes each month: shares in [0, 1], a group per age band, the scorecard to date', () => {
    const run = createLiveRun(small('digital-only'), 3);
    const snapshots = Array.from({ length: run.months }, () => run.advanceMonth());
    expect(run.labels.age.labels).toEqual(['16-34', '35-59', '60-74', '75+']);
    for (const snapshot of snapshots) {
      for (const share of [...snapshot.groups.age.metShare, snapshot.city.metShare, ...snapshot.city.channelMix.filter(Number.isFinite)]) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
      expect(snapshot.scorecard.map((row) => row.id)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'F1', 'F2', 'F3', 'F4', 'F5']);
    }
    // Counters close at month 6: none of the later months' needs are met at a counter.
    expect(snapshots[2]!.city.channelMix[2]).toBeGreaterThan(0.05);
    expect(snapshots[10]!.city.channelMix[2]).toBe(0);
    expect(() => run.advanceMonth()).toThrow(RangeError);
  });

  it('refuses a final result before the last month', () => {
    const run = createLiveRun(small('city'), 1);
    run.advanceMonth();
    expect(() => run.finalResult()).toThrow(/35 month/);
  });
});

describe('the simulation worker', () => {
  /** A stand-in for a worker's global scope: messages in, replies collected. */
  function scope(): { scope: WorkerScope; send: (message: ToWorker) => void; replies: FromWorker[] } {
    const replies: FromWorker[] = [];
    let listener: ((event: { data: ToWorker }) => void) | undefined;
    return {
      scope: { postMessage: (message) => replies.push(message), addEventListener: (_, handler) => (listener = handler) },
      send: (message) => listener?.({ data: structuredClone(message) }),
      replies,
    };
  }

  it('answers start, advance and finish, and ignores stale run ids', () => {
    const worker = scope();
    serveSimulation(worker.scope, () => 0);
    const scenario = small('city');
    worker.send({ type: 'start', runId: 1, scenario, seed: 1 });
    worker.send({ type: 'advance', runId: 1 });
    worker.send({ type: 'advance', runId: 0 });
    worker.send({ type: 'finish', runId: 1 });
    expect(worker.replies.map((reply) => reply.type)).toEqual(['started', 'month', 'finished']);
    const finished = worker.replies[2];
    if (finished?.type !== 'finished') throw new Error('expected finished');
    expect(finished.headline).toEqual(runValidated(scenario, 1).headline);
    // Structured clone is how a browser posts; the replies survive it.
    expect(structuredClone(worker.replies)).toEqual(worker.replies);
  });

  it('reports a scenario it cannot compile as an error of that run', () => {
    const worker = scope();
    serveSimulation(worker.scope, () => 0);
    const broken = { ...small('city'), schedule: [{ month: 99, set: { 'channels.counter.open': false } }] };
    worker.send({ type: 'start', runId: 5, scenario: broken, seed: 1 });
    expect(worker.replies).toEqual([{ type: 'error', runId: 5, message: expect.stringMatching(/outside the horizon/) }]);
  });
});
