/**
 * Calibration: fit chosen scenario parameters to target figures.
 *
 *   θ ──► applyParameters ──► validate (schema, cross-field and schedule checks)
 *     ──► R runs, replicate k with seed + k at every θ (common random numbers)
 *     ──► mean simulated figure per target ──► objective Σ wᵢ·(meanᵢ − targetᵢ)²
 *   Nelder–Mead over θ scaled to [0, 1] per parameter, within the bounds
 *     ──► best θ, rounded to 6 significant digits and evaluated again
 *     ──► calibrated scenario (extends the original, fitted fields only) + residuals table
 *
 * With common random numbers the objective is a deterministic function of θ,
 * so the optimiser compares parameter points, not noise; the price is that
 * the fit is to R particular replications, which the residuals' standard
 * deviations over replications make visible.
 */
import { stringify } from 'yaml';
import { formatIssues } from '../scenarios/issues.js';
import { parseScenarioText } from '../scenarios/parse.js';
import { replicateSeed, runValidated } from '../scenarios/run.js';
import type { Scenario } from '../scenarios/schema.js';
import { csvText, type CsvValue } from '../report/csv.js';
import { describeMetric, lastMonthRead, readMetric } from './metric.js';
import { nelderMead } from './nelder-mead.js';
import { applyParameters, overrideDocument, parameterPaths, type CalibrationParameter } from './parameters.js';
import type { Target } from './spec.js';

/** Everything a calibration needs. */
export interface CalibrationProblem {
  readonly scenario: Scenario;
  readonly parameters: readonly CalibrationParameter[];
  readonly targets: readonly Target[];
  readonly replications: number;
  readonly seed: number;
  readonly maxEvaluations: number;
  /** Months simulated while fitting (default: the scenario's). */
  readonly horizonMonths?: number;
  /** Population sample while fitting (default: the scenario's). */
  readonly sample?: number;
}

/** A target's simulated figure over the replications. */
export interface TargetResult {
  readonly target: Target;
  /** Mean over replications. */
  readonly simulated: number;
  /** Standard deviation over replications (0 with one). */
  readonly sd: number;
  /** simulated − target. */
  readonly residual: number;
  /** Whether |residual| ≤ tolerance (undefined without a tolerance). */
  readonly withinTolerance: boolean | undefined;
}

/** The result of evaluating one parameter point. */
export interface Evaluation {
  readonly thetas: readonly number[];
  /** Σ wᵢ·residualᵢ²; Infinity for a point that makes an invalid scenario. */
  readonly objective: number;
  readonly results: readonly TargetResult[];
  /** Why the point is invalid, if it is. */
  readonly invalid?: string;
}

export interface CalibrationResult {
  readonly start: Evaluation;
  readonly best: Evaluation;
  readonly evaluations: number;
  readonly converged: boolean;
  /** Objective of each evaluation, in order. */
  readonly trace: readonly number[];
}

/** The seeds of the replications: the same at every evaluation. */
export function replicationSeeds(seed: number, replications: number): number[] {
  return Array.from({ length: replications }, (_, k) => replicateSeed(seed, k));
}

/**
 * The simulated figure of every target for a scenario, over the given seeds.
 * Cost: one run per seed.
 * @throws Error when a target cannot be read off the run (bad path, month outside the run, empty group).
 */
export function simulateTargets(scenario: Scenario, targets: readonly Target[], seeds: readonly number[]): TargetResult[] {
  const values = targets.map(() => [] as number[]);
  for (const seed of seeds) {
    const run = runValidated(scenario, seed);
    targets.forEach((target, i) => {
      try {
        values[i]!.push(readMetric(run, target.metric));
      } catch (error) {
        throw new Error(`target ${target.id}: ${(error as Error).message}`);
      }
    });
  }
  return targets.map((target, i) => {
    const sample = values[i]!;
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    const sd = sample.length > 1 ? Math.sqrt(sample.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (sample.length - 1)) : 0;
    const residual = mean - target.value;
    return { target, simulated: mean, sd, residual, withinTolerance: target.tolerance === undefined ? undefined : Math.abs(residual) <= target.tolerance };
  });
}

/** Σ wᵢ·residualᵢ². */
export function objectiveOf(results: readonly TargetResult[]): number {
  return results.reduce((sum, result) => sum + result.target.weight * result.residual ** 2, 0);
}

/**
 * The scenario as simulated while fitting: the fitting horizon and sample
 * applied, schedule changes beyond the horizon dropped (they cannot touch
 * the months fitted).
 */
export function fittingScenario(scenario: Scenario, problem: Pick<CalibrationProblem, 'horizonMonths' | 'sample'>): Scenario {
  const horizonMonths = problem.horizonMonths ?? scenario.horizonMonths;
  return {
    ...scenario,
    horizonMonths,
    population: { ...scenario.population, sample: problem.sample ?? scenario.population.sample },
    schedule: scenario.schedule.filter((entry) => entry.month < horizonMonths),
  };
}

/**
 * Checks that the targets fit the simulated horizon; returns the problems.
 */
export function targetProblems(problem: CalibrationProblem): string[] {
  const horizon = problem.horizonMonths ?? problem.scenario.horizonMonths;
  const problems: string[] = [];
  for (const target of problem.targets) {
    const last = lastMonthRead(target.metric);
    if (last !== undefined && last >= horizon) problems.push(`target ${target.id} reads month ${last}, beyond the ${horizon} months simulated`);
  }
  return problems;
}

/**
 * Evaluates the parameter values `thetas`: builds and validates the
 * scenario, runs the replications, compares with the targets.
 * Cost: R runs (none when the scenario is invalid).
 */
export function evaluateParameters(problem: CalibrationProblem, thetas: readonly number[]): Evaluation {
  const document = applyParameters(problem.scenario, problem.parameters, thetas);
  const parsed = parseScenarioText(JSON.stringify(document), 'calibrated scenario');
  if (!parsed.ok) return { thetas, objective: Infinity, results: [], invalid: formatIssues(parsed.issues) };
  const scenario = fittingScenario(parsed.scenario, problem);
  const results = simulateTargets(scenario, problem.targets, replicationSeeds(problem.seed, problem.replications));
  return { thetas, objective: objectiveOf(results), results };
}

/** x rounded to `digits` significant digits. */
export function roundSignificant(x: number, digits = 6): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

/**
 * Fits the parameters: Nelder–Mead from their start values, on θ scaled to
 * [0, 1] per parameter, at most `maxEvaluations` points (each R runs).
 * `onEvaluation` sees every evaluation as it happens (for progress).
 * @throws Error when the start point is an invalid scenario or a target cannot be read.
 */
export function calibrate(problem: CalibrationProblem, onEvaluation?: (evaluation: Evaluation, index: number) => void): CalibrationResult {
  const { parameters } = problem;
  const toTheta = (u: readonly number[]): number[] => parameters.map((p, i) => roundSignificant(p.min + u[i]! * (p.max - p.min), 12));
  const cache = new Map<string, Evaluation>();
  const trace: number[] = [];
  const evaluate = (thetas: readonly number[]): Evaluation => {
    const key = JSON.stringify(thetas);
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    const evaluation = evaluateParameters(problem, thetas);
    cache.set(key, evaluation);
    trace.push(evaluation.objective);
    onEvaluation?.(evaluation, trace.length);
    return evaluation;
  };
  const startThetas = parameters.map((p) => p.start);
  const start = evaluate(startThetas);
  if (start.invalid !== undefined) throw new Error(`the start values make an invalid scenario:\n${start.invalid}`);
  const result = nelderMead(
    (u) => evaluate(toTheta(u)).objective,
    parameters.map((p) => (p.start - p.min) / (p.max - p.min)),
    {
      step: parameters.map((p) => p.step / (p.max - p.min)),
      lower: parameters.map(() => 0),
      upper: parameters.map(() => 1),
      maxEvaluations: problem.maxEvaluations,
      fTolerance: 1e-12,
      xTolerance: 1e-4,
    },
  );
  const bestThetas = toTheta(result.x).map((theta, i) => Math.min(parameters[i]!.max, Math.max(parameters[i]!.min, roundSignificant(theta))));
  let best = evaluate(bestThetas);
  if (best.objective > start.objective) best = start; // never hand back a point worse than the start
  return { start, best, evaluations: trace.length, converged: result.converged, trace };
}

/** Options of the calibrated scenario file. */
export interface CalibratedFileOptions {
  /** The `extends:` reference: the original scenario, relative to the calibrated file. */
  readonly extendsPath: string;
  /** The calibration file, as the header names it. */
  readonly calibrationFile: string;
  readonly command?: string;
}

/**
 * The calibrated scenario file: a header of comments (what was fitted, to
 * what, how well), then a document that extends the original and overrides
 * only the fitted fields.
 */
export function calibratedScenarioYaml(problem: CalibrationProblem, result: CalibrationResult, options: CalibratedFileOptions): string {
  const { best, start } = result;
  const header = [
    `Calibrated by dgsim calibrate from ${options.calibrationFile}${options.command === undefined ? '' : ` (${options.command})`}.`,
    `Objective Σ w·(simulated − target)²: ${formatValue(start.objective)} at the start, ${formatValue(best.objective)} fitted;`,
    `${result.evaluations} evaluations of ${problem.replications} replication(s), seeds ${replicationSeeds(problem.seed, problem.replications).join(', ')} (common random numbers)` +
      `${problem.horizonMonths === undefined ? '' : `, ${problem.horizonMonths} month${problem.horizonMonths === 1 ? '' : 's'} simulated`}${problem.sample === undefined ? '' : `, sample ${problem.sample}`}.`,
    'Fitted parameters (start → fitted):',
    ...problem.parameters.map((p, i) => `  ${p.name} [${p.mode}, ${p.min} to ${p.max}]: ${formatValue(start.thetas[i]!)} → ${formatValue(best.thetas[i]!)}`),
    'Residuals: see residuals.csv beside this file.',
  ];
  const document = {
    extends: options.extendsPath,
    name: `${problem.scenario.name} (calibrated)`,
    ...overrideDocument(problem.scenario, problem.parameters, best.thetas),
  };
  return `${header.map((line) => `# ${line}`).join('\n')}\n${stringify(document, { lineWidth: 0 })}`;
}

function formatValue(x: number): string {
  return Number.isFinite(x) ? String(roundSignificant(x, 6)) : String(x);
}

export const RESIDUALS_CSV_HEADER = ['target', 'metric', 'value', 'tolerance', 'weight', 'simulated', 'simulated_sd', 'residual', 'within_tolerance', 'start_simulated', 'source'] as const;

/** The residuals table: one row per target, at the fitted point (and the start for reference). Full precision. */
export function residualsCsv(result: CalibrationResult): string {
  const rows: CsvValue[][] = result.best.results.map((r, i) => [
    r.target.id,
    describeMetric(r.target.metric),
    r.target.value,
    r.target.tolerance ?? '',
    r.target.weight,
    r.simulated,
    r.sd,
    r.residual,
    r.withinTolerance === undefined ? '' : r.withinTolerance,
    result.start.results[i]?.simulated ?? '',
    r.target.source,
  ]);
  return csvText(RESIDUALS_CSV_HEADER, rows);
}

/** The parameters table: one row per parameter. */
export function parametersCsv(problem: CalibrationProblem, result: CalibrationResult): string {
  return csvText(
    ['parameter', 'paths', 'mode', 'min', 'max', 'start', 'fitted'],
    problem.parameters.map((p, i) => [p.name, parameterPaths(p), p.mode, p.min, p.max, result.start.thetas[i]!, result.best.thetas[i]!]),
  );
}
