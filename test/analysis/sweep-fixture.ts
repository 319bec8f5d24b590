/**
 * Synthetic sweep directories for the analysis tests: the design points come
 * from the sweep engine's own generators (so their tags are the real ones),
 * plan.json has the engine's format, and runs.csv is written with the
 * engine's row functions; only the model is replaced by a formula, so the
 * right answers are known.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDesignPoints, type DesignPoint, type DesignSpec, type ParameterDomain, type SweepParameter } from '../../src/scenarios/sweep/design.js';
import { PLAN_FORMAT } from '../../src/scenarios/sweep/plan.js';
import { csvHeader, csvRow, type ResultColumns } from '../../src/scenarios/sweep/row.js';

/** A parameter of a synthetic sweep. */
export interface FixtureParameter {
  readonly name: string;
  readonly domain: ParameterDomain;
}

/** A synthetic model: metric values from a point's values and the replicate (NaN allowed), or 'fail' for a failed run. */
export type FixtureModel = (values: readonly unknown[], replicate: number) => Record<string, number> | 'fail';

export interface FixtureSweep {
  readonly name: string;
  readonly design: DesignSpec;
  readonly parameters: readonly FixtureParameter[];
  readonly replications: number;
  readonly metrics: readonly string[];
  readonly model: FixtureModel;
  readonly seed?: number;
}

const made: string[] = [];

/** A fresh temporary directory, removed by `removeFixtures`. */
export function fixtureDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dgsim-analysis-'));
  made.push(directory);
  return directory;
}

export function removeFixtures(): void {
  for (const directory of made.splice(0)) rmSync(directory, { recursive: true, force: true });
}

/** Writes plan.json and runs.csv of the sweep into a new directory and returns it, with the design points. */
export function writeFixtureSweep(sweep: FixtureSweep): { directory: string; points: readonly DesignPoint[] } {
  const directory = join(fixtureDirectory(), sweep.name);
  mkdirSync(directory);
  const parameters: SweepParameter[] = sweep.parameters.map((p) => ({ name: p.name, path: `params.${p.name}`, documentPath: ['params', p.name], domain: p.domain }));
  const built = buildDesignPoints(sweep.design, parameters, sweep.seed ?? 1, () => ({ ok: false, file: '', message: 'no files' }));
  if (!built.ok) throw new Error(built.problem.message);
  const points = built.points;
  const plan = {
    format: PLAN_FORMAT,
    name: sweep.name,
    description: '',
    scenario: {},
    parameters: parameters.map(({ name, path, documentPath, domain }) => ({ name, path, documentPath, domain })),
    design: sweep.design,
    designSeed: sweep.seed ?? 1,
    replications: sweep.replications,
    runSeed: 1,
    metrics: sweep.metrics,
    adaptive: null,
    pointCount: points.length,
    plannedRuns: points.length * sweep.replications,
    points,
    hash: `fixture-${sweep.name}`,
  };
  writeFileSync(join(directory, 'plan.json'), `${JSON.stringify(plan, null, 1)}\n`);
  const columns: ResultColumns = { parameters: parameters.map((p) => p.name), metrics: sweep.metrics };
  const lines = [csvHeader(columns)];
  for (const point of points) {
    for (let replicate = 0; replicate < sweep.replications; replicate++) {
      const runId = point.id * sweep.replications + replicate;
      const outcome = sweep.model(point.values, replicate);
      const row =
        outcome === 'fail'
          ? { runId, pointId: point.id, replicate, seed: replicate + 1, status: 'failed' as const, error: 'model failed, "on purpose", here', metrics: {} }
          : { runId, pointId: point.id, replicate, seed: replicate + 1, status: 'ok' as const, metrics: outcome };
      lines.push(csvRow(row, point.values, columns));
    }
  }
  writeFileSync(join(directory, 'runs.csv'), lines.join(''));
  return { directory, points };
}
