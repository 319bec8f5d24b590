/**
 * Experimental designs: the points of a sweep, each a value per parameter.
 *
 *   grid      every combination of each parameter's values (ranges: `levels`
 *             evenly spaced values); the first parameter varies slowest
 *   list      the points written in the sweep file
 *   csv       the points in a CSV file, one column per parameter
 *   lhs       Latin hypercube on the unit cube, mapped to each parameter
 *   morris    Morris trajectories on a `levels` grid (one factor at a time by ±Δ)
 *   saltelli  Saltelli's A, A_B^(i), B rows from an unscrambled Sobol' sequence
 *             (Joe–Kuo direction numbers); the design seed is not used
 *
 * Sampling designs draw in [0, 1) per parameter and map: a range to
 * min + u·(max − min) (integer ranges: the u-quantile of the whole numbers
 * min..max, each equally likely), `values` to values[⌊u·n⌋]. Grid-level
 * designs (Morris) map u ∈ {0, 1/(p−1), …, 1}: ranges linearly (integers
 * rounded), values to values[round(u·(n − 1))].
 */
import { latinHypercube } from '../../stats/latin-hypercube.js';
import { morrisTrajectories } from '../../stats/morris-trajectories.js';
import { saltelliRows } from '../../stats/saltelli-sample.js';
import { createStream } from '../../sim/random/streams.js';
import type { DocumentPath } from '../issues.js';
import { csvValue, parseCsv } from './csv.js';
import { sweepMessage } from './messages.js';

/** The values a parameter takes. `free` parameters take their values from list or CSV points. */
export type ParameterDomain =
  | { readonly kind: 'values'; readonly values: readonly unknown[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly integer: boolean; readonly levels?: number }
  | { readonly kind: 'free' };

/** A parameter of a sweep, its path resolved in the base scenario. */
export interface SweepParameter {
  /** Column name in the results. */
  readonly name: string;
  /** The path as written in the sweep file. */
  readonly path: string;
  /** The path in the scenario document (ids resolved to indexes). */
  readonly documentPath: DocumentPath;
  readonly domain: ParameterDomain;
}

/** A design, as the sweep file gives it (validated). */
export type DesignSpec =
  | { readonly type: 'grid'; readonly levels?: number }
  | { readonly type: 'list'; readonly points: readonly Readonly<Record<string, unknown>>[] }
  | { readonly type: 'csv'; readonly file: string }
  | { readonly type: 'lhs'; readonly samples: number }
  | { readonly type: 'morris'; readonly trajectories: number; readonly levels: number }
  | { readonly type: 'saltelli'; readonly samples: number; readonly skip: number };

/** Where a point of a structured design comes from, for the analysis of its results. */
export type PointTag =
  | { readonly trajectory: number; readonly step: number; readonly factor?: string; readonly delta?: number }
  | { readonly sample: number; readonly matrix: 'A' | 'AB' | 'B'; readonly factor?: string };

/** A design point: one value per parameter, in parameter order. */
export interface DesignPoint {
  readonly id: number;
  readonly values: readonly unknown[];
  readonly tag?: PointTag;
}

/** A problem with a design: at a path of the sweep document, or at a line of the points file. */
export interface DesignProblem {
  readonly path: DocumentPath;
  readonly message: string;
  readonly hint?: string;
  readonly file?: string;
  readonly line?: number;
}

/** Reads the CSV points file named in the sweep file: its text, or why it cannot be read. */
export type ReadPointsFile = (reference: string) => { ok: true; file: string; text: string } | { ok: false; file: string; message: string };

/** The most points a design may have. */
export const MAX_POINTS = 10_000_000;

/** A parameter's value at u ∈ [0, 1) for sampling designs (LHS, Saltelli). */
export function sampleValue(domain: ParameterDomain, u: number): unknown {
  switch (domain.kind) {
    case 'values':
      return domain.values[Math.min(domain.values.length - 1, Math.floor(u * domain.values.length))];
    case 'range':
      if (domain.integer) {
        const low = Math.ceil(domain.min);
        const count = Math.floor(domain.max) - low + 1;
        return low + Math.min(count - 1, Math.floor(u * count));
      }
      return domain.min + u * (domain.max - domain.min);
    case 'free':
      throw new Error('a free parameter has no sampled values');
  }
}

/** A parameter's value at a grid level u ∈ [0, 1] (Morris). */
export function levelValue(domain: ParameterDomain, u: number): unknown {
  switch (domain.kind) {
    case 'values':
      return domain.values[Math.round(u * (domain.values.length - 1))];
    case 'range': {
      const value = u === 1 ? domain.max : domain.min + u * (domain.max - domain.min);
      return domain.integer ? Math.round(value) : value;
    }
    case 'free':
      throw new Error('a free parameter has no grid levels');
  }
}

/** The values a grid takes for a parameter. */
export function gridAxis(domain: ParameterDomain, designLevels: number | undefined): readonly unknown[] {
  if (domain.kind === 'values') return domain.values;
  if (domain.kind === 'free') throw new Error('a free parameter has no grid axis');
  const levels = domain.levels ?? designLevels ?? 2;
  return Array.from({ length: levels }, (_, i) => levelValue(domain, i / (levels - 1)));
}

function gridPoints(parameters: readonly SweepParameter[], levels: number | undefined): DesignPoint[] | DesignProblem {
  const axes = parameters.map((p) => gridAxis(p.domain, levels));
  const count = axes.reduce((product, axis) => product * axis.length, 1);
  if (count > MAX_POINTS) return { path: ['design'], message: sweepMessage.tooManyPoints(count, MAX_POINTS) };
  const points: DesignPoint[] = [];
  for (let id = 0; id < count; id++) {
    const values = new Array<unknown>(axes.length);
    let rest = id;
    for (let d = axes.length - 1; d >= 0; d--) {
      const axis = axes[d]!;
      values[d] = axis[rest % axis.length];
      rest = Math.floor(rest / axis.length);
    }
    points.push({ id, values });
  }
  return points;
}

function namedPoints(
  rows: readonly { readonly values: ReadonlyMap<string, unknown>; readonly path: DocumentPath; readonly line?: number }[],
  parameters: readonly SweepParameter[],
  file: string | undefined,
): DesignPoint[] | DesignProblem {
  const names = parameters.map((p) => p.name);
  const points: DesignPoint[] = [];
  for (const row of rows) {
    const where = { path: row.path, ...(file === undefined ? {} : { file }), ...(row.line === undefined ? {} : { line: row.line }) };
    for (const key of row.values.keys()) {
      if (!names.includes(key)) return { ...where, message: sweepMessage.pointUnknown(key), hint: sweepMessage.knownNames('parameters', names) };
    }
    const missing = names.find((name) => !row.values.has(name));
    if (missing !== undefined) return { ...where, message: sweepMessage.pointMissing(missing) };
    points.push({ id: points.length, values: names.map((name) => row.values.get(name)) });
  }
  return points;
}

function csvPoints(file: string, text: string, parameters: readonly SweepParameter[]): { points: DesignPoint[]; lines: number[] } | DesignProblem {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { path: ['design', 'file'], file, line: parsed.line, message: sweepMessage.csvSyntax(parsed.detail) };
  const [header, ...body] = parsed.rows;
  if (header === undefined) return { path: ['design', 'file'], file, message: sweepMessage.csvEmpty() };
  if (body.length === 0) return { path: ['design', 'file'], file, line: header.line, message: sweepMessage.csvNoRows() };
  const names = parameters.map((p) => p.name);
  const columns = header.cells.map((cell) => cell.trim());
  for (const [index, column] of columns.entries()) {
    if (columns.indexOf(column) !== index) return { path: ['design', 'file'], file, line: header.line, message: sweepMessage.csvDuplicateColumn(column) };
    if (!names.includes(column)) {
      return { path: ['design', 'file'], file, line: header.line, message: sweepMessage.csvUnknownColumn(column), hint: sweepMessage.knownNames('parameters', names) };
    }
  }
  const missing = names.find((name) => !columns.includes(name));
  if (missing !== undefined) return { path: ['design', 'file'], file, line: header.line, message: sweepMessage.csvMissingColumn(missing) };
  const rows: { values: Map<string, unknown>; path: DocumentPath; line: number }[] = [];
  for (const row of body) {
    if (row.cells.length !== columns.length) return { path: ['design', 'file'], file, line: row.line, message: sweepMessage.csvWidth(row.cells.length, columns.length) };
    rows.push({ values: new Map(columns.map((column, i) => [column, csvValue(row.cells[i]!)])), path: ['design', 'file'], line: row.line });
  }
  const points = namedPoints(rows, parameters, file);
  return Array.isArray(points) ? { points, lines: rows.map((row) => row.line) } : points;
}

/**
 * How many points a generated design (grid, LHS, Morris, Saltelli) will
 * have, before any is built; undefined for points written by hand (list,
 * CSV), which are counted as they are read.
 * Cost O(parameters).
 * @example designPointCount({ type: 'lhs', samples: 24 }, parameters) === 24
 */
export function designPointCount(spec: DesignSpec, parameters: readonly SweepParameter[]): number | undefined {
  const dimensions = parameters.length;
  switch (spec.type) {
    case 'grid':
      if (parameters.some((p) => p.domain.kind === 'free')) return undefined;
      return parameters.reduce((product, p) => product * gridAxis(p.domain, spec.levels).length, 1);
    case 'lhs':
      return spec.samples;
    case 'morris':
      return spec.trajectories * (dimensions + 1);
    case 'saltelli':
      return spec.samples * (dimensions + 2);
    case 'list':
    case 'csv':
      return undefined;
  }
}

/**
 * The points of a design over `parameters`, or the first problem found
 * (CSV points come with the file and line of each point).
 * `seed` drives the random designs (LHS, Morris) through their own stream;
 * the same inputs always give the same points.
 * Cost O(points · parameters), Morris and Saltelli O(points · parameters).
 */
export function buildDesignPoints(
  spec: DesignSpec,
  parameters: readonly SweepParameter[],
  seed: number,
  readPointsFile: ReadPointsFile,
): { ok: true; points: DesignPoint[]; source?: { file: string; lines: number[] } } | { ok: false; problem: DesignProblem } {
  const done = (result: DesignPoint[] | DesignProblem): { ok: true; points: DesignPoint[] } | { ok: false; problem: DesignProblem } =>
    Array.isArray(result) ? { ok: true, points: result } : { ok: false, problem: result };
  const dimensions = parameters.length;
  const random = createStream(seed, 'sweep-design');
  const tooMany = (count: number): { ok: false; problem: DesignProblem } | undefined =>
    count > MAX_POINTS ? { ok: false, problem: { path: ['design'], message: sweepMessage.tooManyPoints(count, MAX_POINTS) } } : undefined;
  switch (spec.type) {
    case 'grid':
      return done(gridPoints(parameters, spec.levels));
    case 'list':
      return done(namedPoints(spec.points.map((point, index) => ({ values: new Map(Object.entries(point)), path: ['design', 'points', index] })), parameters, undefined));
    case 'csv': {
      const read = readPointsFile(spec.file);
      if (!read.ok) return { ok: false, problem: { path: ['design', 'file'], message: read.message } };
      const parsed = csvPoints(read.file, read.text, parameters);
      if (!('points' in parsed)) return { ok: false, problem: parsed };
      return { ok: true, points: parsed.points, source: { file: read.file, lines: parsed.lines } };
    }
    case 'lhs': {
      const tooLarge = tooMany(spec.samples);
      if (tooLarge !== undefined) return tooLarge;
      const unit = latinHypercube(spec.samples, dimensions, random);
      return done(unit.map((row, id) => ({ id, values: row.map((u, d) => sampleValue(parameters[d]!.domain, u)) })));
    }
    case 'morris': {
      const tooLarge = tooMany(spec.trajectories * (dimensions + 1));
      if (tooLarge !== undefined) return tooLarge;
      const steps = morrisTrajectories(spec.trajectories, dimensions, spec.levels, random);
      return done(
        steps.map((step, id) => ({
          id,
          values: step.point.map((u, d) => levelValue(parameters[d]!.domain, u)),
          tag: {
            trajectory: step.trajectory,
            step: step.step,
            ...(step.factor === undefined ? {} : { factor: parameters[step.factor]!.name }),
            ...(step.delta === undefined ? {} : { delta: step.delta }),
          },
        })),
      );
    }
    case 'saltelli': {
      const tooLarge = tooMany(spec.samples * (dimensions + 2));
      if (tooLarge !== undefined) return tooLarge;
      const rows = saltelliRows(spec.samples, dimensions, spec.skip);
      return done(
        rows.map((row, id) => ({
          id,
          values: row.point.map((u, d) => sampleValue(parameters[d]!.domain, u)),
          tag: { sample: row.sample, matrix: row.matrix, ...(row.factor === undefined ? {} : { factor: parameters[row.factor]!.name }) },
        })),
      );
    }
  }
}
