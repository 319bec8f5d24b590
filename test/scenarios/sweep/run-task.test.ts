/** A worker's point cache: runs of a cached point give what runs set up afresh give. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeRun, PointCache, type RunSetup } from '../../../src/scenarios/sweep/run-task.js';
import { createWorkspace } from '../../../src/sim/state.js';
import { mustLoad, REPO } from './helpers.js';

const sweep = mustLoad(join(REPO, 'examples', 'sweeps', 'grid.yaml'));
const setup: RunSetup = {
  scenario: { ...sweep.scenario, population: { ...sweep.scenario.population, size: 600 }, horizonMonths: 3 },
  parameterPaths: sweep.parameters.map((p) => p.documentPath),
  metrics: null,
};
const task = (runId: number, point: number, seed: number) => ({ runId, pointId: point, replicate: seed - 1, seed, values: sweep.points[point]!.values });

describe('executeRun with a point cache', () => {
  it('gives every run the outcome of a run set up afresh, whatever ran before it', () => {
    // Points 0 and 7 differ in counter capacity and assisted digital; their runs interleave, and point 0 comes back after others.
    const order = [task(0, 0, 1), task(1, 0, 2), task(2, 7, 1), task(3, 0, 3), task(4, 7, 2), task(5, 0, 1)];
    const cache = new PointCache(2);
    const workspace = createWorkspace();
    const cached = order.map((t) => executeRun(setup, t, workspace, cache));
    const fresh = order.map((t) => executeRun(setup, t));
    expect(cached).toEqual(fresh);
    // The runs differ where they should: a cached config is not stuck on one seed or one point.
    expect(cached[0]).toEqual({ ...cached[5], runId: 0 });
    expect(cached[0]).not.toEqual({ ...cached[1], runId: 0 });
    expect(cached[0]).not.toEqual({ ...cached[2], runId: 0 });
  });

  it('keeps at most its capacity of points, and still fails invalid points and injected failures', () => {
    const cache = new PointCache(1);
    const first = executeRun(setup, task(0, 0, 1), undefined, cache);
    executeRun(setup, task(1, 7, 1), undefined, cache);
    expect(cache.get(JSON.stringify(sweep.points[0]!.values))).toBeUndefined();
    expect(executeRun(setup, task(2, 0, 1), undefined, cache)).toEqual({ ...first, runId: 2 });
    expect(executeRun(setup, { ...task(3, 0, 1), injectFailure: true }, undefined, cache).status).toBe('failed');
    const invalid = executeRun(setup, { ...task(4, 0, 1), values: [-5, 0.5, true, 1] }, undefined, cache);
    expect(invalid.status === 'failed' && invalid.error).toMatch(/point 0 is not a valid scenario: policy\.channels\.counter\.capacityPerDayPer1000/);
  });
});
