/**
 * Loading a sweep file: everything a sweep needs is checked here, before any
 * run starts.
 *
 *   sweep.yaml ──► YAML (located) ──► zod sweepSchema ──► cross-field rules
 *     ──► base scenario (loadScenarioFile, relative to the sweep file)
 *     ──► overrides set by path, re-validated ──► parameter paths resolved
 *     ──► each parameter value checked on the base ──► metrics checked
 *     ──► design points ──► Sweep | issues (file, line, path, message, hint)
 *
 * Issues use the scenario loader's shape and wording, so `formatIssues`
 * prints both alike.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, extname, isAbsolute, join, normalize } from 'node:path';
import type { z } from 'zod';
import { GROUP_REPORTERS, RUN_REPORTERS } from '../../sim/metrics/headline.js';
import { canonicalJson } from '../canonical-json.js';
import { crossFieldIssues } from '../cross-checks.js';
import { scheduleIssues } from '../schedule-issues.js';
import { didYouMean } from '../did-you-mean.js';
import { formatPath, sortIssues, type DocumentPath, type ScenarioIssue } from '../issues.js';
import { loadScenarioFile } from '../load.js';
import { describeExpected, describeValue, message } from '../messages.js';
import { decodeUtf8, readMappingText } from '../parse.js';
import { readInputFile } from '../read-input.js';
import { knownKeys, schemaAt } from '../schema-walk.js';
import { scenarioSchema, type Scenario } from '../schema.js';
import { toPlain, type Located } from '../source-map.js';
import { fromZodIssues, issueAt } from '../zod-issues.js';
import { buildDesignPoints, designPointCount, MAX_POINTS, type DesignPoint, type DesignSpec, type ParameterDomain, type ReadPointsFile, type SweepParameter } from './design.js';
import { sweepMessage } from './messages.js';
import { parseParameterPath, resolveParameterPath, setAtPath } from './parameter-path.js';
import { RESERVED_COLUMNS } from './row.js';
import { sweepSchema, type SweepDesignInput, type SweepFile, type SweepParameterInput } from './sweep-schema.js';

/** A sweep, checked and ready to plan. */
export interface Sweep {
  /** The sweep's name: `name:` or the file name without its extension. */
  readonly name: string;
  readonly description: string;
  /** The sweep file as given. */
  readonly file: string;
  /**
   * sha256 of the sweep file's canonical JSON (defaults applied): comments
   * and layout do not count. The files it names (base scenario, points CSV)
   * are covered by the plan's hash instead.
   */
  readonly fileHash: string;
  /** The base scenario file, as resolved from the sweep file. */
  readonly baseFile: string;
  /** The base scenario with the overrides applied, validated. */
  readonly scenario: Scenario;
  readonly parameters: readonly SweepParameter[];
  readonly design: DesignSpec;
  /** Seed of the design's random numbers. */
  readonly designSeed: number;
  readonly points: readonly DesignPoint[];
  readonly replications: number;
  /** Master seed of the runs. */
  readonly runSeed: number;
  /** The headline metrics to record, in column order; undefined records all. */
  readonly metrics: readonly string[] | undefined;
  /** Every headline metric name the base scenario's runs report (for checking names). */
  readonly knownMetrics: readonly string[];
}

/**
 * A checked sweep once the size of its design is known, before a generated
 * design's points are built: what a memory estimate needs.
 */
export interface SweepOutline {
  /** The base scenario with the overrides applied. */
  readonly scenario: Scenario;
  readonly parameters: readonly SweepParameter[];
  readonly pointCount: number;
  /** The points of list and CSV designs; empty for generated designs (their values come from the parameters' domains). */
  readonly points: readonly DesignPoint[];
  readonly replications: number;
  readonly metrics: readonly string[] | undefined;
  readonly knownMetrics: readonly string[];
}

/** Options of `loadSweepFile`. */
export interface LoadSweepOptions {
  /**
   * Called once the sweep is checked and the size of its design known:
   * before a generated design's points are built (a design may have ten
   * million, which take GBs), after a hand-written design's are read. The
   * CLI refuses a sweep too big for memory here; what it throws propagates.
   */
  readonly beforePoints?: (outline: SweepOutline) => void;
}

export type LoadSweepResult = { readonly ok: true; readonly sweep: Sweep } | { readonly ok: false; readonly issues: ScenarioIssue[] };

/** The headline metric names of runs of `scenario`: overall and run metrics, then each group metric by age, income and district. */
export function headlineMetricNames(scenario: Scenario): string[] {
  const names = [...GROUP_REPORTERS.map((r) => r.name), ...RUN_REPORTERS.map((r) => r.name)];
  const groups: [string, string[]][] = [
    ['age', [...new Set(scenario.segments.map((s) => s.age))]],
    ['income', [...new Set(scenario.segments.map((s) => s.income))]],
    ['district', scenario.districts.map((d) => d.id)],
  ];
  for (const [dimension, labels] of groups) for (const label of labels) for (const r of GROUP_REPORTERS) names.push(`${r.name}[${dimension}=${label}]`);
  return names;
}

/** The sweep file's document, located, or the issues that stop it being read. */
function readSweepDocument(file: string): { ok: true; root: Located } | { ok: false; issues: ScenarioIssue[] } {
  const read = readInputFile(file, { regularOnly: false });
  if (!read.ok) {
    const missing = read.reason === 'not-found';
    return { ok: false, issues: [{ file, path: [], code: missing ? 'file_not_found' : 'file_unreadable', message: missing ? sweepMessage.sweepNotFound(file) : sweepMessage.sweepUnreadable(file, read.detail) }] };
  }
  const decoded = decodeUtf8(read.content, file);
  if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  return readMappingText(text, file, { empty: sweepMessage.sweepEmpty, notMapping: () => sweepMessage.sweepNotMapping() });
}

/** sha256 of a sweep file's canonical JSON (of its JSON text, should a value have no canonical form). */
function sweepFileHash(sweepFile: SweepFile): string {
  let text: string;
  try {
    text = canonicalJson(sweepFile);
  } catch {
    text = JSON.stringify(sweepFile);
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let node = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** A located tree with nothing in it: cross-field checks of a scenario built in memory locate their issues by path only. */
const UNLOCATED: Located = { kind: 'map', at: { file: '', line: 1, column: 1 }, entries: new Map() };

/**
 * What is wrong with a scenario document, one line per issue: `path: expected …, got …`.
 * Beyond the schema, the checks across fields (shares that sum to 1, references,
 * schedule months within the horizon) run too, as the scenario loader runs them.
 */
function scenarioProblems(candidate: unknown): { path: DocumentPath; text: string }[] | undefined {
  const parsed = scenarioSchema.safeParse(candidate);
  if (parsed.success) {
    const issues = [...crossFieldIssues(parsed.data, UNLOCATED), ...scheduleIssues(parsed.data, UNLOCATED, false)];
    return issues.length === 0 ? undefined : issues.map((issue) => ({ path: issue.path, text: `${formatPath(issue.path)}: ${issue.message}` }));
  }
  return parsed.error.issues.map((issue: z.core.$ZodIssue) => {
    const path: DocumentPath = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    const schema = schemaAt(scenarioSchema, path);
    const where = formatPath(path);
    switch (issue.code) {
      case 'invalid_type':
      case 'too_big':
      case 'too_small':
      case 'invalid_value':
        return { path, text: `${where}: ${message.expectedGot(describeExpected(schema), describeValue(valueAt(candidate, issue.path)))}` };
      case 'unrecognized_keys': {
        const known = schema === undefined ? [] : (knownKeys(schema) ?? []);
        return {
          path,
          text: issue.keys
            .map((key) => {
              const suggestion = didYouMean(key, known);
              return `${where}: ${message.unknownField(key)}${suggestion === undefined ? '' : ` (${message.didYouMean(suggestion)})`}`;
            })
            .join('; '),
        };
      }
      default:
        return { path, text: `${where}: ${issue.message}` };
    }
  });
}

function startsWith(path: DocumentPath, prefix: DocumentPath): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

/** The cross-field rules of a sweep file that the schema cannot express. */
function sweepRuleIssues(sweep: SweepFile, root: Located): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const push = (path: DocumentPath, text: string, hint?: string): void => {
    issues.push(issueAt(root, path, 'sweep_rule', text, hint));
  };
  const design = sweep.design;
  const usedFields: Record<SweepDesignInput['type'], readonly (keyof SweepDesignInput)[]> = {
    grid: ['levels'],
    list: ['points'],
    csv: ['file'],
    lhs: ['samples'],
    morris: ['trajectories', 'levels'],
    saltelli: ['samples', 'skip'],
  };
  const required: Record<SweepDesignInput['type'], readonly (keyof SweepDesignInput)[]> = {
    grid: [],
    list: ['points'],
    csv: ['file'],
    lhs: ['samples'],
    morris: ['trajectories'],
    saltelli: ['samples'],
  };
  for (const field of ['levels', 'samples', 'trajectories', 'points', 'file', 'skip'] as const) {
    if (design[field] !== undefined && !usedFields[design.type].includes(field)) push(['design', field], sweepMessage.designFieldUnused(design.type, field, usedFields[design.type]));
  }
  for (const field of required[design.type]) if (design[field] === undefined) push(['design'], sweepMessage.designFieldMissing(design.type, field));
  if (design.type === 'morris' && design.levels !== undefined && design.levels % 2 !== 0) push(['design', 'levels'], sweepMessage.morrisLevelsOdd(design.levels));
  if (design.type === 'saltelli' && sweep.parameters.length > 20) push(['parameters'], sweepMessage.saltelliTooMany(sweep.parameters.length, 20));

  const free = design.type === 'list' || design.type === 'csv';
  const names = new Map<string, number>();
  sweep.parameters.forEach((parameter, index) => {
    const at = (key: string): DocumentPath => ['parameters', index, key];
    const name = parameter.name ?? parameter.path;
    const nameKey = parameter.name === undefined ? 'path' : 'name';
    if (names.has(name)) push(at(nameKey), sweepMessage.duplicateName(name));
    names.set(name, index);
    if ((RESERVED_COLUMNS as readonly string[]).includes(name)) push(at(nameKey), sweepMessage.reservedName(name));
    else if (GROUP_REPORTERS.some((r) => r.name === name.replace(/\[.*\]$/, '')) || RUN_REPORTERS.some((r) => r.name === name)) push(at(nameKey), sweepMessage.metricName(name));
    const hasRange = parameter.min !== undefined || parameter.max !== undefined;
    if (free) {
      if (parameter.values !== undefined || hasRange || parameter.levels !== undefined) push(['parameters', index], sweepMessage.domainUnused(design.type));
      return;
    }
    if (parameter.values !== undefined && hasRange) push(['parameters', index], sweepMessage.domainBoth());
    else if (parameter.values === undefined && !hasRange) push(['parameters', index], sweepMessage.domainMissing(design.type));
    else if (hasRange && parameter.min === undefined) push(['parameters', index], sweepMessage.rangeIncomplete('min'));
    else if (hasRange && parameter.max === undefined) push(['parameters', index], sweepMessage.rangeIncomplete('max'));
    else if (parameter.min !== undefined && parameter.max !== undefined && parameter.min > parameter.max) push(at('min'), sweepMessage.rangeReversed(parameter.min, parameter.max));
    if (parameter.values !== undefined && parameter.integer) push(at('integer'), sweepMessage.integerWithValues());
    if (parameter.levels !== undefined && design.type !== 'grid') push(at('levels'), sweepMessage.levelsOnlyGrid());
    if (design.type === 'grid' && hasRange && parameter.levels === undefined && design.levels === undefined) push(['parameters', index], sweepMessage.levelsNeeded());
  });
  return issues;
}

function domainOf(parameter: SweepParameterInput, free: boolean): ParameterDomain {
  if (free) return { kind: 'free' };
  if (parameter.values !== undefined) return { kind: 'values', values: parameter.values };
  return { kind: 'range', min: parameter.min ?? 0, max: parameter.max ?? 0, integer: parameter.integer, ...(parameter.levels === undefined ? {} : { levels: parameter.levels }) };
}

function designSpecOf(design: SweepDesignInput): DesignSpec {
  switch (design.type) {
    case 'grid':
      return design.levels === undefined ? { type: 'grid' } : { type: 'grid', levels: design.levels };
    case 'list':
      return { type: 'list', points: design.points ?? [] };
    case 'csv':
      return { type: 'csv', file: design.file ?? '' };
    case 'lhs':
      return { type: 'lhs', samples: design.samples ?? 1 };
    case 'morris':
      return { type: 'morris', trajectories: design.trajectories ?? 1, levels: design.levels ?? 4 };
    case 'saltelli':
      return { type: 'saltelli', samples: design.samples ?? 1, skip: design.skip ?? 0 };
  }
}

/** The distinct values of a list, in first-seen order. */
function distinct(values: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = canonicalJson(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Loads and checks the sweep file at `path`: its base scenario, overrides,
 * parameter paths and values, metrics and design. Every problem is an issue
 * with the file, line and path; nothing runs. Never throws, except what
 * `options.beforePoints` throws.
 *
 * @example
 * const result = loadSweepFile('examples/sweeps/grid.yaml');
 * if (!result.ok) process.stderr.write(formatIssues(result.issues) + '\n');
 */
export function loadSweepFile(path: string, options: LoadSweepOptions = {}): LoadSweepResult {
  const file = normalize(path);
  const document = readSweepDocument(file);
  if (!document.ok) return document;
  const { root } = document;
  const parsed = sweepSchema.safeParse(toPlain(root), { reportInput: true });
  if (!parsed.success) {
    return { ok: false, issues: sortIssues(fromZodIssues(parsed.error.issues, { schema: sweepSchema, prefix: [], root, documentSchema: sweepSchema, extended: false }), [file]) };
  }
  const sweepFile = parsed.data;
  const ruleIssues = sweepRuleIssues(sweepFile, root);
  if (ruleIssues.length > 0) return { ok: false, issues: sortIssues(ruleIssues, [file]) };

  const relative = (reference: string): string => (isAbsolute(reference) ? normalize(reference) : join(dirname(file), reference));
  const baseFile = relative(sweepFile.base);
  const base = loadScenarioFile(baseFile, { namedByFile: true });
  if (!base.ok) return { ok: false, issues: [...base.issues, issueAt(root, ['base'], 'base_invalid', sweepMessage.baseNotLoaded())] };

  // Overrides, in the order written; a mapping merges into a mapping.
  const issues: ScenarioIssue[] = [];
  const candidate: unknown = structuredClone(base.scenario);
  const overridePaths: { key: string; path: DocumentPath }[] = [];
  for (const [key, value] of Object.entries(sweepFile.overrides)) {
    const steps = parseParameterPath(key);
    const resolved = steps.ok ? resolveParameterPath(candidate, steps.steps, scenarioSchema) : steps;
    if (!resolved.ok) {
      issues.push(issueAt(root, ['overrides', key], 'unknown_path', resolved.problem.message, resolved.problem.hint));
      continue;
    }
    setAtPath(candidate, resolved.path, value);
    overridePaths.push({ key, path: resolved.path });
  }
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues, [file]) };
  const overrideProblems = scenarioProblems(candidate);
  const overridden = scenarioSchema.safeParse(candidate);
  if (overrideProblems !== undefined || !overridden.success) {
    for (const problem of overrideProblems ?? []) {
      const owner = overridePaths.find((o) => startsWith(problem.path, o.path) || startsWith(o.path, problem.path));
      issues.push(issueAt(root, owner === undefined ? ['overrides'] : ['overrides', owner.key], 'override_invalid', sweepMessage.overrideInvalid(problem.text)));
    }
    return { ok: false, issues: sortIssues(issues, [file]) };
  }
  const { $schema: _schema, extends: _extends, ...scenario } = overridden.data;

  // Parameters: paths resolved on the overridden base, values checked one at a time.
  const free = sweepFile.design.type === 'list' || sweepFile.design.type === 'csv';
  const parameters: SweepParameter[] = [];
  const checkValue = (documentPath: DocumentPath, value: unknown, at: DocumentPath | { file: string; line: number }, point?: number): void => {
    const trial: unknown = structuredClone(scenario);
    setAtPath(trial, documentPath, value);
    const problems = scenarioProblems(trial);
    if (problems === undefined) return;
    const text = sweepMessage.valueInvalid(problems.map((p) => p.text).join('; '), point);
    issues.push(Array.isArray(at) ? issueAt(root, at, 'value_invalid', text) : { file: at.file, line: at.line, path: [], message: text, code: 'value_invalid' });
  };
  sweepFile.parameters.forEach((parameter, index) => {
    const steps = parseParameterPath(parameter.path);
    const resolved = steps.ok ? resolveParameterPath(scenario, steps.steps, scenarioSchema) : steps;
    if (!resolved.ok) {
      issues.push(issueAt(root, ['parameters', index, 'path'], 'unknown_path', resolved.problem.message, resolved.problem.hint));
      return;
    }
    const earlier = parameters.find((p) => canonicalJson(p.documentPath) === canonicalJson(resolved.path));
    if (earlier !== undefined) issues.push(issueAt(root, ['parameters', index, 'path'], 'duplicate_path', sweepMessage.duplicatePath(parameter.path, earlier.path)));
    const domain = domainOf(parameter, free);
    if (domain.kind === 'values') distinct(domain.values).forEach((value) => checkValue(resolved.path, value, ['parameters', index, 'values', domain.values.indexOf(value)]));
    if (domain.kind === 'range') {
      const low = domain.integer ? Math.ceil(domain.min) : domain.min;
      const high = domain.integer ? Math.floor(domain.max) : domain.max;
      checkValue(resolved.path, low, ['parameters', index, 'min']);
      if (high !== low) checkValue(resolved.path, high, ['parameters', index, 'max']);
    }
    parameters.push({ name: parameter.name ?? parameter.path, path: parameter.path, documentPath: resolved.path, domain });
  });

  const knownMetrics = headlineMetricNames(scenario);
  const seenMetrics = new Set<string>();
  (sweepFile.metrics ?? []).forEach((name, index) => {
    if (seenMetrics.has(name)) issues.push(issueAt(root, ['metrics', index], 'duplicate_metric', sweepMessage.duplicateMetric(name)));
    seenMetrics.add(name);
    if (!knownMetrics.includes(name)) {
      const suggestion = didYouMean(name, knownMetrics);
      issues.push(issueAt(root, ['metrics', index], 'unknown_metric', sweepMessage.unknownMetric(name), suggestion === undefined ? sweepMessage.knownNames('metrics', knownMetrics) : sweepMessage.didYouMean(suggestion)));
    }
  });
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues, [file]) };

  const design = designSpecOf(sweepFile.design);
  const readPointsFile: ReadPointsFile = (reference) => {
    const pointsFile = relative(reference);
    const points = readInputFile(pointsFile, { regularOnly: true });
    if (!points.ok) return { ok: false, file: pointsFile, message: points.reason === 'not-found' ? sweepMessage.csvNotFound(pointsFile) : sweepMessage.csvUnreadable(pointsFile, points.detail) };
    const text = decodeUtf8(points.content, pointsFile);
    if (!text.ok) return { ok: false, file: pointsFile, message: sweepMessage.csvUnreadable(pointsFile, `${text.issue.message} (line ${text.issue.line ?? 1})`) };
    return { ok: true, file: pointsFile, text: text.text.startsWith('\uFEFF') ? text.text.slice(1) : text.text };
  };
  const outline = (pointCount: number, points: readonly DesignPoint[]): SweepOutline => ({ scenario, parameters, pointCount, points, replications: sweepFile.replications, metrics: sweepFile.metrics, knownMetrics });
  const expected = designPointCount(design, parameters);
  if (expected !== undefined && expected <= MAX_POINTS) options.beforePoints?.(outline(expected, []));
  const built = buildDesignPoints(design, parameters, sweepFile.seed, readPointsFile);
  if (!built.ok) {
    const { problem } = built;
    const issue =
      problem.file === undefined
        ? issueAt(root, problem.path, 'design_invalid', problem.message, problem.hint)
        : { file: problem.file, ...(problem.line === undefined ? {} : { line: problem.line }), path: [], message: problem.message, code: 'design_invalid', ...(problem.hint === undefined ? {} : { hint: problem.hint }) };
    return { ok: false, issues: [issue] };
  }
  if (free) {
    // Points written by hand: check each parameter's distinct values on the base.
    parameters.forEach((parameter, index) => {
      const values = distinct(built.points.map((point) => point.values[index]));
      for (const value of values) {
        const pointIndex = built.points.findIndex((point) => canonicalJson(point.values[index]) === canonicalJson(value));
        const line = built.source?.lines[pointIndex];
        const at = built.source === undefined || line === undefined ? ['design', 'points', pointIndex, parameter.name] : { file: built.source.file, line };
        checkValue(parameter.documentPath, value, at, pointIndex);
      }
    });
    if (issues.length > 0) return { ok: false, issues: sortIssues(issues, [file]) };
  }
  if (expected === undefined) options.beforePoints?.(outline(built.points.length, built.points));

  return {
    ok: true,
    sweep: {
      name: sweepFile.name ?? basename(file, extname(file)),
      description: sweepFile.description,
      file,
      fileHash: sweepFileHash(sweepFile),
      baseFile,
      scenario,
      parameters,
      design,
      designSeed: sweepFile.seed,
      points: built.points,
      replications: sweepFile.replications,
      runSeed: sweepFile.runSeed,
      metrics: sweepFile.metrics,
      knownMetrics,
    },
  };
}
