/**
 * Runs every validation: the four analytic checks, then the default city
 * against its published figures.
 *
 *   logitSharesCheck ─┐
 *   bassDiffusionCheck ├─► checks (figure data, tolerance, measured value, pass/fail)
 *   queueRecursionCheck│
 *   trustClosedFormCheck┘
 *   cityCalibrationTable(default city, fixed seeds) ─► target vs simulated rows
 *
 * Everything is seeded and free of clocks, so the report (and the docs
 * rendered from it) is the same on every run of the same code.
 */
import type { Scenario } from '../scenarios/schema.js';
import { replicationSeeds } from '../calibration/calibrate.js';
import { bassDiffusionCheck } from './bass-diffusion.js';
import { cityCalibrationTable, type CalibrationRow } from './calibration-targets.js';
import { logitSharesCheck } from './logit-shares.js';
import { queueRecursionCheck } from './queue-recursion.js';
import { trustClosedFormCheck } from './trust-closed-form.js';
import type { CheckResult } from './types.js';

/** The default city's comparison with its targets. */
export interface CityCalibration {
  /** The scenario file, as the docs name it. */
  readonly file: string;
  readonly scenarioName: string;
  readonly citizens: number;
  readonly months: number;
  readonly seeds: readonly number[];
  readonly rows: readonly CalibrationRow[];
  /** Whether every target (not the reference rows) is within its tolerance. */
  readonly passed: boolean;
}

export interface ValidationReport {
  readonly checks: readonly CheckResult[];
  readonly city: CityCalibration;
  /** Whether every analytic check passed. */
  readonly checksPassed: boolean;
}

export interface ValidationOptions {
  /** The default city, loaded. */
  readonly city: Scenario;
  /** Its file, as the docs name it (e.g. scenarios/city.yaml). */
  readonly cityFile: string;
  /** Replications of the default city (seeds 1, 2, …; default 4). */
  readonly cityReplications?: number;
  /** Called before each part runs, for progress messages. */
  readonly onStart?: (part: string) => void;
}

/** Seeds of the default city's replications. */
export const CITY_SEED = 1;
export const CITY_REPLICATIONS = 4;

/**
 * Runs every check and the default city's calibration table.
 * Cost: a few seconds (the checks' purpose-built runs plus R runs of the city).
 */
export function runValidation(options: ValidationOptions): ValidationReport {
  const parts: [string, () => CheckResult][] = [
    ['logit shares', () => logitSharesCheck()],
    ['Bass diffusion', () => bassDiffusionCheck()],
    ['queue recursion', () => queueRecursionCheck()],
    ['trust closed form', () => trustClosedFormCheck()],
  ];
  const checks = parts.map(([name, run]) => {
    options.onStart?.(name);
    return run();
  });
  options.onStart?.('default city vs published figures');
  const seeds = replicationSeeds(CITY_SEED, options.cityReplications ?? CITY_REPLICATIONS);
  const rows = cityCalibrationTable(options.city, seeds);
  const city: CityCalibration = {
    file: options.cityFile,
    scenarioName: options.city.name,
    citizens: Math.round(options.city.population.size * options.city.population.sample),
    months: options.city.horizonMonths,
    seeds,
    rows,
    passed: rows.every((row) => row.target.reference || row.result.withinTolerance !== false),
  };
  return { checks, city, checksPassed: checks.every((check) => check.passed) };
}
