/**
 * Data for the report tests: a small city (scenarios/city.yaml read with the
 * yaml package, shrunk to 2,000 citizens over 6 months) and a digital-only
 * variant of it, run with the library; output directories written with the
 * run and compare writers; and a small synthetic sweep with sensitivity and
 * PRIM files in the analysis module's formats.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ParameterEntry, PrimFile, SensitivityFile, SweepIdentity } from '../../src/analysis/analysis-files.js';
import { compareScenarios, type Comparison } from '../../src/scenarios/compare.js';
import { runValidated, type RunResult } from '../../src/scenarios/run.js';
import { scenarioSchema, type Scenario } from '../../src/scenarios/schema.js';
import { describeMetric, monthlyRows } from '../../src/sim/metrics/index.js';
import type { CompareChartData } from '../../src/report/charts/compare-charts.js';
import type { SweepChartData } from '../../src/report/charts/sweep-charts.js';
import { writeRunOutputs, monthlyCsv } from '../../src/report/run-outputs.js';
import { writeCompareOutputs } from '../../src/report/compare-outputs.js';

const SCENARIOS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** scenarios/city.yaml, `extends` dropped, shrunk and validated; `digitalOnly` closes counters and phone at month 2. */
export function smallCity(options: { digitalOnly?: boolean; size?: number; horizonMonths?: number } = {}): Scenario {
  const document = parse(readFileSync(join(SCENARIOS, 'city.yaml'), 'utf8')) as Record<string, unknown>;
  delete document['extends'];
  const population = { ...(document['population'] as Record<string, unknown>), size: options.size ?? 2000 };
  const schedule = options.digitalOnly === true ? [{ month: 2, note: 'counters and phone close', set: { 'channels.counter.open': false, 'channels.phone.open': false } }] : [];
  return scenarioSchema.parse({
    ...document,
    name: options.digitalOnly === true ? 'Digital-only' : 'Status quo',
    population,
    horizonMonths: options.horizonMonths ?? 6,
    schedule,
  });
}

let cachedRun: RunResult | undefined;
/** One run of the small digital-only city, seed 3 (cached: the tests only read it). */
export function smallRun(): RunResult {
  cachedRun ??= runValidated(smallCity({ digitalOnly: true }), 3);
  return cachedRun;
}

let cachedComparison: Comparison | undefined;
/** Digital-only against the status quo, 3 paired replications (cached). */
export function smallComparison(): Comparison {
  cachedComparison ??= compareScenarios(smallCity({ digitalOnly: true, size: 1000 }), smallCity({ size: 1000 }), { replications: 3, seed: 1 });
  return cachedComparison;
}

/** The comparison as the compare charts take it. */
export function compareChartData(comparison: Comparison): CompareChartData {
  return {
    nameA: comparison.nameA,
    nameB: comparison.nameB,
    replications: comparison.replications,
    metrics: comparison.metrics.map((metric) => {
      const described = describeMetric(metric.metric);
      return { metric: metric.metric, unit: described?.unit, higherIsBetter: described?.higherIsBetter, a: metric.a, b: metric.b, difference: metric.difference };
    }),
    scorecardA: comparison.firstA.summary.scorecard,
    scorecardB: comparison.firstB.summary.scorecard,
    monthlyA: monthlyRows(comparison.firstA.config, comparison.firstA.output),
    monthlyB: monthlyRows(comparison.firstB.config, comparison.firstB.output),
  };
}

/** Writes the small run's output directory (summary.json, monthly.csv, manifest.json) into `directory`. */
export async function writeSmallRunDirectory(directory: string): Promise<void> {
  const run = smallRun();
  await writeRunOutputs(directory, run, {
    dgsimVersion: '0.0.0-test',
    command: 'dgsim run scenarios/city.yaml --seed 3',
    scenarioFiles: ['scenarios/city.yaml'],
    scenarioHash: 'test-hash',
    seed: run.seed,
  });
}

/** Writes the small comparison's directory, with the first replicate's monthly tables as monthly-a.csv and monthly-b.csv. */
export async function writeSmallCompareDirectory(directory: string): Promise<void> {
  const comparison = smallComparison();
  const source = (name: string): { name: string; files: string[]; hash: string } => ({ name, files: [`scenarios/${name}.yaml`], hash: `hash-${name}` });
  await writeCompareOutputs(directory, comparison, {
    dgsimVersion: '0.0.0-test',
    command: 'dgsim compare a.yaml b.yaml --reps 3',
    a: source(comparison.nameA),
    b: source(comparison.nameB),
    seed: comparison.seed,
    replications: comparison.replications,
  });
  await writeFile(join(directory, 'monthly-a.csv'), monthlyCsv(monthlyRows(comparison.firstA.config, comparison.firstA.output)));
  await writeFile(join(directory, 'monthly-b.csv'), monthlyCsv(monthlyRows(comparison.firstB.config, comparison.firstB.output)));
}

const PARAMETERS: readonly ParameterEntry[] = [
  { name: 'usability', path: 'policy.channels.online.usability', label: 'online usability', encoding: 'number', categories: null, low: 0.3, high: 0.9 },
  { name: 'assisted', path: 'policy.channels.assisted.open', label: 'assisted digital open', encoding: 'boolean', categories: ['false', 'true'], low: 0, high: 1 },
];

const IDENTITY: SweepIdentity = { name: 'synthetic', hash: 'abc', design: 'lhs', points: 12, runs: 12, failedRuns: 0, replicatesMin: 1, replicatesMax: 1 };

/** A synthetic 12-point sweep: unmet rates fall with usability and with assisted digital open. */
export function syntheticSweep(): { runs: SweepChartData['runs']; sensitivity: SensitivityFile; prim: PrimFile } {
  const runs = Array.from({ length: 12 }, (_, k) => {
    const usability = 0.3 + (0.6 * k) / 11;
    const assisted = k % 2 === 0;
    const unmetRate = 0.2 - 0.15 * usability - (assisted ? 0.03 : 0);
    return {
      pointId: k,
      parameters: { usability: String(usability), assisted: String(assisted) },
      metrics: { unmetRate, 'unmetRate[age=75+]': unmetRate * 2, costPerMetNeedGbp: 3 + usability, meanTrustEnd: 0.4 + 0.05 * usability },
    };
  });
  const sensitivity: SensitivityFile = {
    format: 'dgsim-sensitivity/1',
    sweep: IDENTITY,
    level: 0.95,
    bootstrapResamples: 0,
    seed: 1,
    barMeasures: ['prcc'],
    parameters: PARAMETERS,
    metrics: [],
    rows: ['unmetRate', 'unmetRate[age=75+]'].flatMap((metric) => [
      { metric, parameter: 'usability', method: 'prcc' as const, measure: 'prcc' as const, value: -0.9, low: -0.95, high: -0.8 },
      { metric, parameter: 'assisted', method: 'prcc' as const, measure: 'prcc' as const, value: -0.5, low: -0.7, high: -0.2 },
    ]),
  };
  const limits = [
    { parameter: 'usability', low: 0.3, high: 0.5, restrictsLow: false, restrictsHigh: true, keeps: null },
    { parameter: 'assisted', low: 0, high: 0, restrictsLow: false, restrictsHigh: true, keeps: ['false'] },
  ];
  const prim: PrimFile = {
    format: 'dgsim-prim/1',
    sweep: IDENTITY,
    condition: 'unmetRate > 0.1',
    conditionAsGiven: 'unmetRate > 0.1',
    evaluatedOn: 'point means',
    points: 12,
    pointsExcluded: 0,
    cases: 3,
    baseDensity: 0.25,
    options: { peelAlpha: 0.05, pasteAlpha: 0.05, minMass: 0.05, threshold: 0.8, maxBoxes: 3 },
    parameters: PARAMETERS,
    boxes: [
      {
        box: 1,
        chosen: 2,
        description: 'online usability ≤ 0.5 and assisted digital open is false',
        coverage: 1,
        density: 1,
        mass: 0.25,
        limits,
        trajectory: [
          { step: 0, phase: 'start', coverage: 1, density: 0.25, mass: 1, count: 12, cases: 3, limits: [], description: 'everything' },
          { step: 1, phase: 'peel', coverage: 1, density: 0.5, mass: 0.5, count: 6, cases: 3, limits: limits.slice(1), description: 'assisted digital open is false' },
          { step: 2, phase: 'peel', coverage: 1, density: 1, mass: 0.25, count: 3, cases: 3, limits, description: 'online usability ≤ 0.5 and assisted digital open is false' },
        ],
      },
    ],
    notes: [],
  };
  return { runs, sensitivity, prim };
}

/** Writes the synthetic sweep as a sweep directory: runs.csv, plan.json, analysis/sensitivity.json and analysis/prim.json. */
export async function writeSyntheticSweepDirectory(directory: string): Promise<void> {
  const { runs, sensitivity, prim } = syntheticSweep();
  const metrics = Object.keys(runs[0]!.metrics);
  const lines = [['run_id', 'point_id', 'replicate', 'seed', 'usability', 'assisted', 'status', 'error', ...metrics].join(',')];
  for (const run of runs) {
    lines.push([run.pointId, run.pointId, 0, 1, run.parameters['usability'], run.parameters['assisted'], 'ok', '', ...metrics.map((metric) => String(run.metrics[metric]))].join(','));
  }
  await mkdir(join(directory, 'analysis'), { recursive: true });
  await writeFile(join(directory, 'runs.csv'), `${lines.join('\n')}\n`);
  await writeFile(join(directory, 'plan.json'), JSON.stringify({ format: 'dgsim-sweep-plan/1', hash: 'abc', name: 'synthetic', description: 'a test sweep', scenario: { name: 'Status quo' }, design: { type: 'lhs', samples: 12 }, replications: 1, runSeed: 1 }));
  await writeFile(join(directory, 'analysis', 'sensitivity.json'), JSON.stringify(sensitivity));
  await writeFile(join(directory, 'analysis', 'prim.json'), JSON.stringify(prim));
}
