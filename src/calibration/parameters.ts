/**
 * Calibration parameters: scenario fields named by path (the sweep's path
 * syntax, `src/scenarios/sweep/parameter-path.ts`, reused as is), each
 * resolved once against the base scenario, then set to a trial value at
 * every evaluation, and finally written as the overrides of a scenario file
 * that `extends` the original.
 *
 *   spec (path | paths, mode, bounds) ──► parse + resolve (ids → indexes, numeric field)
 *     ──► applyParameters(θ): clone of the scenario with the fields set (set / shift / scale)
 *     ──► overrideDocument(θ): only those fields, lists by id, for `extends`
 */
import type { DocumentPath } from '../scenarios/issues.js';
import { numberBounds, schemaAt, unwrap, type AnySchema } from '../scenarios/schema-walk.js';
import { scenarioSchema, type Scenario } from '../scenarios/schema.js';
import { formatSteps, parseParameterPath, resolveParameterPath, setAtPath, type PathStep } from '../scenarios/sweep/parameter-path.js';
import type { CalibrationFile } from './spec.js';

export type ParameterMode = 'set' | 'shift' | 'scale';

/** One scenario field a parameter moves. */
export interface ParameterLocation {
  /** The path as written. */
  readonly text: string;
  readonly steps: readonly PathStep[];
  /** The resolved document path (list entries by index). */
  readonly path: DocumentPath;
  /** The field's value in the base scenario (undefined: an optional field left out, 0 to the engine). */
  readonly original: number | undefined;
}

/** A parameter ready to fit. */
export interface CalibrationParameter {
  readonly name: string;
  readonly mode: ParameterMode;
  readonly min: number;
  readonly max: number;
  readonly start: number;
  readonly step: number;
  readonly locations: readonly ParameterLocation[];
}

const SCHEMA = scenarioSchema as unknown as AnySchema;

function valueAt(document: unknown, path: DocumentPath): unknown {
  let node = document;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * Resolves the parameters of a calibration file against the base scenario.
 * Returns the parameters, or one message per problem (unknown field, a field
 * that is not a number, a shift or scale of a missing value, a start outside
 * the bounds).
 */
export function resolveParameters(scenario: Scenario, specs: CalibrationFile['parameters']): { ok: true; parameters: CalibrationParameter[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const parameters: CalibrationParameter[] = [];
  for (const spec of specs) {
    const texts = spec.paths ?? (spec.path === undefined ? [] : [spec.path]);
    const name = spec.name ?? texts.join(' + ');
    const locations: ParameterLocation[] = [];
    for (const text of texts) {
      const parsed = parseParameterPath(text);
      if (!parsed.ok) {
        problems.push(`parameter ${name}: ${parsed.problem.message}${parsed.problem.hint === undefined ? '' : ` (${parsed.problem.hint})`}`);
        continue;
      }
      const resolved = resolveParameterPath(scenario, parsed.steps, SCHEMA);
      if (!resolved.ok) {
        problems.push(`parameter ${name}: ${resolved.problem.message}${resolved.problem.hint === undefined ? '' : ` (${resolved.problem.hint})`}`);
        continue;
      }
      const fieldSchema = schemaAt(SCHEMA, resolved.path);
      if (fieldSchema === undefined || unwrap(fieldSchema)._zod.def.type !== 'number') {
        problems.push(`parameter ${name}: ${text} is not a number field, so it cannot be fitted`);
        continue;
      }
      if (resolved.path.some((key, index) => typeof key === 'number' && !hasIds(valueAt(scenario, resolved.path.slice(0, index))))) {
        problems.push(`parameter ${name}: ${text} goes through a list without ids, which a scenario file that extends another cannot override`);
        continue;
      }
      const value = valueAt(scenario, resolved.path);
      const original = typeof value === 'number' ? value : undefined;
      if (spec.mode === 'scale' && original === undefined) problems.push(`parameter ${name}: ${text} has no value in the scenario to scale`);
      locations.push({ text, steps: parsed.steps, path: resolved.path, original });
    }
    if (locations.length !== texts.length) continue;
    let { min, max } = spec;
    if (spec.mode === 'set') {
      // A set parameter cannot leave the field's own range.
      for (const location of locations) {
        const bounds = numberBounds(schemaAt(SCHEMA, location.path)!);
        if (bounds?.min !== undefined) min = Math.max(min, bounds.min);
        if (bounds?.max !== undefined) max = Math.min(max, bounds.max);
      }
      if (!(min < max)) {
        problems.push(`parameter ${name}: the bounds [${spec.min}, ${spec.max}] leave no room within the field's range`);
        continue;
      }
    }
    const defaultStart = spec.mode === 'shift' ? 0 : spec.mode === 'scale' ? 1 : (locations[0]!.original ?? 0);
    const start = Math.min(max, Math.max(min, spec.start ?? defaultStart));
    parameters.push({ name, mode: spec.mode, min, max, start, step: spec.step ?? 0.1 * (max - min), locations });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parameters };
}

function hasIds(list: unknown): boolean {
  return Array.isArray(list) && list.every((item) => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string');
}

/**
 * The value a field takes when its parameter is θ, to 12 significant digits
 * (so 0.86 − 0.08 is written 0.78, and the value simulated is the value written).
 */
export function fieldValue(parameter: CalibrationParameter, location: ParameterLocation, theta: number): number {
  const value = parameter.mode === 'set' ? theta : parameter.mode === 'shift' ? (location.original ?? 0) + theta : (location.original ?? 0) * theta;
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(12));
}

/**
 * A copy of the scenario (as a plain document) with every parameter's
 * fields set for the values θ. The caller validates it.
 * Cost O(size of the scenario).
 */
export function applyParameters(scenario: Scenario, parameters: readonly CalibrationParameter[], thetas: readonly number[]): Record<string, unknown> {
  const document = structuredClone(scenario) as Record<string, unknown>;
  parameters.forEach((parameter, index) => {
    for (const location of parameter.locations) setAtPath(document, location.path, fieldValue(parameter, location, thetas[index]!));
  });
  return document;
}

/**
 * The fields the parameters set, as a scenario document to lay over the
 * original with `extends`: mappings nest, list entries are written by id
 * (lists of districts, segments and services merge by id).
 */
export function overrideDocument(scenario: Scenario, parameters: readonly CalibrationParameter[], thetas: readonly number[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  parameters.forEach((parameter, index) => {
    for (const location of parameter.locations) {
      let node: Record<string, unknown> = root;
      const path = location.path;
      for (let i = 0; i < path.length; i++) {
        const key = path[i]!;
        const last = i === path.length - 1;
        if (typeof key === 'number') continue; // handled with the list's key below
        const next = path[i + 1];
        if (last) {
          node[key] = fieldValue(parameter, location, thetas[index]!);
        } else if (typeof next === 'number') {
          // A list by id: find or add the entry with this id.
          const id = (valueAt(scenario, path.slice(0, i + 2)) as { id: string }).id;
          const list = (node[key] ??= []) as Record<string, unknown>[];
          let entry = list.find((item) => item.id === id);
          if (entry === undefined) list.push((entry = { id }));
          node = entry;
        } else {
          node = (node[key] ??= {}) as Record<string, unknown>;
        }
      }
    }
  });
  return root;
}

/** The paths of a parameter as written, e.g. for tables. */
export function parameterPaths(parameter: CalibrationParameter): string {
  return parameter.locations.map((location) => formatSteps(location.steps)).join(' + ');
}
