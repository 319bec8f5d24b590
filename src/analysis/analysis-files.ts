/**
 * The files `dgsim analyze` writes into `<sweep dir>/analysis/`, and their
 * formats. These types are the contract with readers (the sweep report's
 * charts): numbers that could not be estimated are null (JSON has no NaN).
 *
 *   sensitivity.json   every sensitivity measure, long format, with CIs
 *   sensitivity.csv    the same rows: metric,parameter,method,measure,value,low,high
 *   points.csv         per design point and metric: replicate mean, 95% CI, n
 *   replications.csv   per metric: replicates, spread, CI half-width now, and needed for a target
 *   prim.json          (with --prim) the boxes, their trajectories and limits in words
 *   prim.csv           (with --prim) the trajectories as a table
 *   manifest.json      sha256 and size of each of the above (written last)
 */

export const SENSITIVITY_FORMAT = 'dgsim-sensitivity/1';
export const PRIM_FORMAT = 'dgsim-prim/1';
export const ANALYSIS_DIRECTORY = 'analysis';
export const SENSITIVITY_JSON = 'sensitivity.json';
export const SENSITIVITY_CSV = 'sensitivity.csv';
export const POINTS_CSV = 'points.csv';
export const REPLICATIONS_CSV = 'replications.csv';
export const PRIM_JSON = 'prim.json';
export const PRIM_CSV = 'prim.csv';

/** The sensitivity methods. */
export type SensitivityMethod = 'morris' | 'sobol' | 'prcc' | 'src';

/**
 * The measures, by method:
 *   morris  mu, muStar, sigma (y's unit per parameter unit);
 *           muScaled, muStarScaled, sigmaScaled (y's change across the parameter's whole range; muStarScaled has a CI)
 *   sobol   S1 (first order), ST (total order), both with bootstrap CIs
 *   prcc    prcc (partial rank correlation, −1..1, Fisher-z CI)
 *   src     src (standardised regression coefficient, t CI)
 */
export type SensitivityMeasure = 'mu' | 'muStar' | 'sigma' | 'muScaled' | 'muStarScaled' | 'sigmaScaled' | 'S1' | 'ST' | 'prcc' | 'src';

/** Which sweep the analysis is of. */
export interface SweepIdentity {
  readonly name: string;
  /** plan.json's hash. */
  readonly hash: string;
  /** Design type: grid, list, csv, lhs, morris or saltelli. */
  readonly design: string;
  readonly points: number;
  readonly runs: number;
  readonly failedRuns: number;
  /** Fewest and most successful replicates at a point. */
  readonly replicatesMin: number;
  readonly replicatesMax: number;
}

/** A parameter as the analysis encoded it. */
export interface ParameterEntry {
  /** Column name in runs.csv. */
  readonly name: string;
  readonly path: string;
  /** Words for charts and sentences, e.g. "counter capacity per day per 1000". */
  readonly label: string;
  /** number: as is; boolean: false 0, true 1; category: codes 0, 1, 2 … */
  readonly encoding: 'number' | 'boolean' | 'category';
  /** Text of each code (boolean and category), else null. */
  readonly categories: readonly string[] | null;
  /** Range of the encoded values. */
  readonly low: number;
  readonly high: number;
}

/** One sensitivity number. Rows are long format: filter by metric and measure, one bar per parameter. */
export interface SensitivityRow {
  readonly metric: string;
  readonly parameter: string;
  readonly method: SensitivityMethod;
  readonly measure: SensitivityMeasure;
  readonly value: number | null;
  /** Bounds of the 95% (`level`) interval; null when the method gives none. */
  readonly low: number | null;
  readonly high: number | null;
}

/** What was analysed of one metric. */
export interface MetricEntry {
  readonly metric: string;
  /** Short words for the metric; its unit ('share', 'GBP', …) and direction when dgsim knows them. */
  readonly label: string;
  readonly unit: string | null;
  readonly higherIsBetter: boolean | null;
  /** Design points with a finite mean. */
  readonly points: number;
  /** Mean and standard deviation of the point means (a description of the design, not an estimate). */
  readonly meanOverPoints: number | null;
  readonly sdOverPoints: number | null;
  /** Share of the variance of the point means that is replication noise (pooled within-point variance / replicates ÷ variance of point means). */
  readonly noiseShare: number | null;
  /** R² of the linear model behind SRC. */
  readonly rSquared: number | null;
  /** Methods that produced rows for this metric. */
  readonly methods: readonly SensitivityMethod[];
  /** Why something is missing or needs care, in plain words. */
  readonly notes: readonly string[];
}

/** sensitivity.json */
export interface SensitivityFile {
  readonly format: typeof SENSITIVITY_FORMAT;
  readonly sweep: SweepIdentity;
  /** Confidence level of every interval. */
  readonly level: number;
  /** Bootstrap resamples behind the Sobol intervals (0 when no Sobol). */
  readonly bootstrapResamples: number;
  /** Seed of the bootstrap streams. */
  readonly seed: number;
  /** The measures to draw as bars, most telling first: morris [muStarScaled, sigmaScaled], saltelli [ST, S1], else [prcc]. */
  readonly barMeasures: readonly SensitivityMeasure[];
  readonly parameters: readonly ParameterEntry[];
  readonly metrics: readonly MetricEntry[];
  readonly rows: readonly SensitivityRow[];
}

/** A box's limit on one parameter it restricts. */
export interface PrimLimitEntry {
  readonly parameter: string;
  /** The box holds points with low ≤ value ≤ high (encoded values). */
  readonly low: number;
  readonly high: number;
  /** Whether the low (high) limit cuts into the parameter's range. */
  readonly restrictsLow: boolean;
  readonly restrictsHigh: boolean;
  /** For boolean and category parameters: the values the box keeps; else null. */
  readonly keeps: readonly string[] | null;
}

/** One box on a peeling and pasting trajectory. */
export interface PrimStepEntry {
  /** 0 is the whole space. */
  readonly step: number;
  readonly phase: 'start' | 'peel' | 'paste';
  /** Share of all the points where the condition holds that lie in the box. */
  readonly coverage: number | null;
  /** Share of the box's points where the condition holds. */
  readonly density: number | null;
  /** Share of all points in the box (support). */
  readonly mass: number;
  readonly count: number;
  readonly cases: number;
  /** Restricted parameters only. */
  readonly limits: readonly PrimLimitEntry[];
  readonly description: string;
}

/** One box found, with the trajectory to choose from. */
export interface PrimBoxEntry {
  /** 1-based; box 2 was found among the points outside box 1, and so on. */
  readonly box: number;
  /** The suggested step: most coverage with density ≥ threshold (else the densest). */
  readonly chosen: number;
  /** The chosen step's limits in plain words (boxes after the first end with "outside box 1", …). */
  readonly description: string;
  readonly coverage: number | null;
  readonly density: number | null;
  readonly mass: number;
  /** The chosen step's limits (restricted parameters only). */
  readonly limits: readonly PrimLimitEntry[];
  readonly trajectory: readonly PrimStepEntry[];
}

/** prim.json */
export interface PrimFile {
  readonly format: typeof PRIM_FORMAT;
  readonly sweep: SweepIdentity;
  /** The condition in canonical form, and as the user typed it. */
  readonly condition: string;
  readonly conditionAsGiven: string;
  /** The condition is evaluated on each point's mean over its replicates. */
  readonly evaluatedOn: 'point means';
  readonly points: number;
  /** Points left out because a metric of the condition was not measurable there. */
  readonly pointsExcluded: number;
  /** Points where the condition holds, and their share. */
  readonly cases: number;
  readonly baseDensity: number | null;
  readonly options: { readonly peelAlpha: number; readonly pasteAlpha: number; readonly minMass: number; readonly threshold: number; readonly maxBoxes: number };
  readonly parameters: readonly ParameterEntry[];
  readonly boxes: readonly PrimBoxEntry[];
  readonly notes: readonly string[];
}
