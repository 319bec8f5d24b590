/** Every example sweep in examples/sweeps loads, plans, and runs its first point. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineMetricNames } from '../../../src/scenarios/sweep/load-sweep.js';
import { buildPlan } from '../../../src/scenarios/sweep/plan.js';
import { executeRun } from '../../../src/scenarios/sweep/run-task.js';
import { mustLoad, REPO } from './helpers.js';

const EXAMPLES = join(REPO, 'examples', 'sweeps');
const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.yaml')).sort();

const expectedRuns: Readonly<Record<string, number>> = {
  'csv-points.yaml': 9,
  'grid.yaml': 1000,
  'lhs.yaml': 200,
  'list.yaml': 20,
  'morris.yaml': 100,
  'saltelli.yaml': 192,
};

describe('example sweeps', () => {
  it('include a grid, an LHS, a Morris and a Saltelli design', () => {
    expect(files).toEqual(Object.keys(expectedRuns));
  });

  it.each(files)('%s loads, plans and runs its first point', (name) => {
    const sweep = mustLoad(join(EXAMPLES, name));
    const plan = buildPlan(sweep, undefined);
    expect(plan.plannedRuns).toBe(expectedRuns[name]);
    expect(sweep.scenario.population.size).toBe(2000);
    const outcome = executeRun(
      { scenario: { ...sweep.scenario, horizonMonths: 1 }, parameterPaths: sweep.parameters.map((p) => p.documentPath), metrics: plan.metrics },
      { runId: 0, pointId: 0, replicate: 0, seed: 1, values: sweep.points[0]!.values },
    );
    expect(outcome.status === 'failed' ? outcome.error : 'ok').toBe('ok');
  });

  it('know every headline metric name a run reports (for checking metrics: and --target-ci)', () => {
    const sweep = mustLoad(join(EXAMPLES, 'grid.yaml'));
    const outcome = executeRun(
      { scenario: { ...sweep.scenario, horizonMonths: 1 }, parameterPaths: [], metrics: null },
      { runId: 0, pointId: 0, replicate: 0, seed: 1, values: [] },
    );
    expect(outcome.status === 'ok' && Object.keys(outcome.metrics)).toEqual(headlineMetricNames(sweep.scenario));
  });
});
