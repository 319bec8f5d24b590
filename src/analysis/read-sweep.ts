/**
 * Reading a sweep's output directory for analysis:
 *
 *   plan.json ──► parameters (encoded as numbers), design, points and their tags
 *   runs.csv  ──► streamed row by row ──► per point and metric: count, mean,
 *                 variance of the replicates (failed runs and non-numbers counted, left out)
 *
 * Only the per-point moments are kept, so memory grows with points × metrics,
 * not with runs.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PointTag } from '../scenarios/sweep/design.js';
import { PLAN_FILE, PLAN_FORMAT } from '../scenarios/sweep/plan.js';
import { RUNS_CSV } from '../scenarios/sweep/results.js';
import { LEADING_COLUMNS, STATUS_COLUMNS } from '../scenarios/sweep/row.js';
import { AnalysisInputError } from './analysis-input-error.js';
import { csvRecords } from './csv-records.js';
import { encodeParameter, type ParameterEncoding } from './encode-parameter.js';
import { analysisMessage } from './messages.js';
import { RunningMoments } from './running-moments.js';

/** A sweep parameter as the analyses see it. */
export interface AnalysisParameter {
  /** Column name in runs.csv. */
  readonly name: string;
  /** Scenario path it sets. */
  readonly path: string;
  readonly encoding: ParameterEncoding;
  /** Text of each code for boolean and category parameters; null for numbers. */
  readonly categories: readonly string[] | null;
  /** The range of the (encoded) values: the sweep's range for ranges, else the values seen. */
  readonly low: number;
  readonly high: number;
}

/** A design point with its encoded values. */
export interface AnalysisPoint {
  readonly id: number;
  /** One number per parameter, in parameter order. */
  readonly values: readonly number[];
  readonly tag: PointTag | undefined;
}

/** What the analyses need of a sweep. */
export interface SweepResults {
  readonly directory: string;
  readonly name: string;
  readonly hash: string;
  readonly design: string;
  readonly designSeed: number;
  readonly parameters: readonly AnalysisParameter[];
  readonly points: readonly AnalysisPoint[];
  /** Metric columns of runs.csv, in order. */
  readonly metrics: readonly string[];
  /** Per metric, the moments of each point's replicates (indexed by position in `points`). */
  readonly moments: ReadonlyMap<string, RunningMoments>;
  /** Per metric, the ok runs whose value was not a finite number. */
  readonly nonFinite: ReadonlyMap<string, number>;
  /** Successful runs (replicates) at each point, by position in `points`. */
  readonly okRuns: readonly number[];
  readonly runs: number;
  readonly failedRuns: number;
}

interface PlanShape {
  readonly format: string;
  readonly hash: string;
  readonly name: string;
  readonly design: { readonly type: string };
  readonly designSeed: number;
  readonly parameters: readonly { readonly name: string; readonly path: string; readonly domain: { readonly kind: string; readonly values?: readonly unknown[]; readonly min?: number; readonly max?: number } }[];
  readonly points: readonly { readonly id: number; readonly values: readonly unknown[]; readonly tag?: PointTag }[];
}

/** Checks the fields of plan.json the analyses use; a message naming the first one amiss, or the plan. */
function checkPlan(value: unknown): PlanShape | string {
  if (typeof value !== 'object' || value === null) return 'the top level is not an object';
  const plan = value as Record<string, unknown>;
  if (plan.format !== PLAN_FORMAT) return `its format is ${JSON.stringify(plan.format)}, expected ${JSON.stringify(PLAN_FORMAT)}`;
  if (!Array.isArray(plan.parameters) || plan.parameters.length === 0) return 'it lists no parameters';
  for (const [index, parameter] of (plan.parameters as unknown[]).entries()) {
    const entry = parameter as Record<string, unknown> | null;
    if (typeof entry?.name !== 'string' || typeof entry.domain !== 'object' || entry.domain === null) return `parameters[${index}] has no name or domain`;
  }
  if (!Array.isArray(plan.points)) return 'it has no points';
  const width = plan.parameters.length;
  for (const [index, point] of (plan.points as unknown[]).entries()) {
    const entry = point as Record<string, unknown> | null;
    if (typeof entry?.id !== 'number' || !Array.isArray(entry.values) || entry.values.length !== width) return `points[${index}] is not a point of ${width} values`;
  }
  if (typeof (plan.design as Record<string, unknown> | null)?.type !== 'string') return 'it has no design type';
  return {
    format: PLAN_FORMAT,
    hash: typeof plan.hash === 'string' ? plan.hash : '',
    name: typeof plan.name === 'string' ? plan.name : '',
    design: plan.design as { type: string },
    designSeed: typeof plan.designSeed === 'number' ? plan.designSeed : 1,
    parameters: plan.parameters as PlanShape['parameters'],
    points: plan.points as PlanShape['points'],
  };
}

/** The parameters and points of a plan, encoded as numbers. */
function encodePlan(plan: PlanShape): { parameters: AnalysisParameter[]; points: AnalysisPoint[] } {
  const columns = plan.parameters.map((parameter, j) => {
    const domain = parameter.domain;
    const encoded = encodeParameter(
      plan.points.map((point) => point.values[j]),
      domain.kind === 'values' ? domain.values : undefined,
    );
    let low = Infinity;
    let high = -Infinity;
    for (const code of encoded.codes) {
      low = Math.min(low, code);
      high = Math.max(high, code);
    }
    if (encoded.encoding === 'number' && domain.kind === 'range' && typeof domain.min === 'number' && typeof domain.max === 'number') {
      low = Math.min(low, domain.min);
      high = Math.max(high, domain.max);
    } else if (encoded.categories !== null) {
      low = 0;
      high = encoded.categories.length - 1;
    }
    const described: AnalysisParameter = { name: parameter.name, path: parameter.path ?? parameter.name, encoding: encoded.encoding, categories: encoded.categories, low, high };
    return { described, codes: encoded.codes };
  });
  const points = plan.points.map((point, i) => ({ id: point.id, values: columns.map((column) => column.codes[i]!), tag: point.tag }));
  return { parameters: columns.map((column) => column.described), points };
}

/**
 * Reads plan.json and streams runs.csv of the sweep in `directory`.
 * Cost O(size of runs.csv) time; O(points · metrics) memory.
 * @throws AnalysisInputError when the directory, plan or results are missing or do not fit together.
 * @example const sweep = await readSweep('out/sweeps/lhs'); sweep.moments.get('unmetRate')!.summary(0)
 */
export async function readSweep(directory: string): Promise<SweepResults> {
  const isDirectory = await stat(directory).then((found) => found.isDirectory(), () => false);
  if (!isDirectory) throw new AnalysisInputError(analysisMessage.notADirectory(directory));
  const planFile = join(directory, PLAN_FILE);
  let planText: string;
  try {
    planText = await readFile(planFile, 'utf8');
  } catch {
    throw new AnalysisInputError(analysisMessage.noPlan(directory));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(planText);
  } catch (error) {
    throw new AnalysisInputError(analysisMessage.badPlan(planFile, error instanceof Error ? error.message : String(error)));
  }
  const plan = checkPlan(parsed);
  if (typeof plan === 'string') throw new AnalysisInputError(analysisMessage.badPlan(planFile, plan));
  const { parameters, points } = encodePlan(plan);
  const positionOf = new Map(points.map((point, position) => [String(point.id), position]));

  const runsFile = join(directory, RUNS_CSV);
  const hasRuns = await stat(runsFile).then((found) => found.isFile(), () => false);
  if (!hasRuns) throw new AnalysisInputError(analysisMessage.noRuns(directory));
  const expectedLeading = [...LEADING_COLUMNS, ...parameters.map((parameter) => parameter.name), ...STATUS_COLUMNS];
  let metrics: string[] = [];
  const moments = new Map<string, RunningMoments>();
  const nonFinite = new Map<string, number>();
  const okRuns = new Array<number>(points.length).fill(0);
  let runs = 0;
  let failedRuns = 0;
  let header = true;
  const pointColumn = LEADING_COLUMNS.indexOf('point_id');
  const statusColumn = expectedLeading.indexOf('status');
  try {
    for await (const record of csvRecords(createReadStream(runsFile))) {
      const { fields, line } = record;
      if (header) {
        header = false;
        const mismatch = expectedLeading.findIndex((column, index) => fields[index] !== column);
        if (mismatch >= 0) {
          throw new AnalysisInputError(analysisMessage.headerMismatch(runsFile, `column ${mismatch + 1} is ${JSON.stringify(fields[mismatch] ?? '')}, expected ${JSON.stringify(expectedLeading[mismatch])}`));
        }
        metrics = fields.slice(expectedLeading.length);
        for (const metric of metrics) {
          moments.set(metric, new RunningMoments(points.length));
          nonFinite.set(metric, 0);
        }
        continue;
      }
      if (fields.length !== expectedLeading.length + metrics.length) {
        throw new AnalysisInputError(analysisMessage.badRuns(runsFile, `line ${line} has ${fields.length} fields, the header ${expectedLeading.length + metrics.length}`));
      }
      runs++;
      if (fields[statusColumn] !== 'ok') {
        failedRuns++;
        continue;
      }
      const pointId = fields[pointColumn]!;
      const position = positionOf.get(pointId);
      if (position === undefined) throw new AnalysisInputError(analysisMessage.unknownPoint(runsFile, line, pointId));
      okRuns[position] = okRuns[position]! + 1;
      metrics.forEach((metric, m) => {
        const text = fields[expectedLeading.length + m]!;
        const value = text === '' ? Number.NaN : Number(text);
        if (Number.isFinite(value)) moments.get(metric)!.add(position, value);
        else nonFinite.set(metric, nonFinite.get(metric)! + 1);
      });
    }
  } catch (error) {
    if (error instanceof AnalysisInputError) throw error;
    throw new AnalysisInputError(analysisMessage.badRuns(runsFile, error instanceof Error ? error.message : String(error)));
  }
  if (header) throw new AnalysisInputError(analysisMessage.badRuns(runsFile, 'the file is empty'));
  if (runs > 0 && runs === failedRuns) throw new AnalysisInputError(analysisMessage.noSuccessfulRuns(directory, failedRuns));
  return {
    directory,
    name: plan.name,
    hash: plan.hash,
    design: plan.design.type,
    designSeed: plan.designSeed,
    parameters,
    points,
    metrics,
    moments,
    nonFinite,
    okRuns,
    runs,
    failedRuns,
  };
}
