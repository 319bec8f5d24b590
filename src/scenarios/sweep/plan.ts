/**
 * The run plan: every (design point, replicate) pair gets its run id before
 * any work goes out, in point-major order,
 *
 *     run id = point id · replications + replicate,   seed = replicateSeed(runSeed, replicate)
 *
 * so replicate k uses the same seed at every point (common random numbers).
 * Adaptive replications append run ids after the planned ones (see adaptive.ts).
 *
 * `plan.json` holds the plan, with the base scenario (overrides applied) and
 * the design points, so it is self-contained; its `hash` (sha256 of the
 * canonical JSON of everything but the name, description, hash and shard)
 * identifies the sweep: resuming and merging refuse directories whose hash
 * differs. The dgsim version that plans it is part of it: a run's results
 * may change from one version to the next, so a sweep resumed, or shards
 * merged, across versions would mix two engines' results (refused, with a
 * message naming both versions).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../canonical-json.js';
import type { DocumentPath } from '../issues.js';
import { replicateSeed } from '../run.js';
import type { Scenario } from '../schema.js';
import { dgsimVersion } from '../../version.js';
import { writeFileAtomic } from './atomic-file.js';
import type { DesignPoint, DesignSpec, ParameterDomain } from './design.js';
import type { Sweep } from './load-sweep.js';
import type { Shard } from './shard.js';

export const PLAN_FORMAT = 'dgsim-sweep-plan/1';
export const PLAN_FILE = 'plan.json';

/** Adaptive replications: add replicates at a point until the metric's 95% CI half-width is at most `halfWidth`. */
export interface AdaptiveTarget {
  readonly metric: string;
  readonly halfWidth: number;
  /** Most replicates per point. */
  readonly maxReplications: number;
}

/** A sweep plan, as plan.json holds it. */
export interface SweepPlan {
  readonly format: typeof PLAN_FORMAT;
  readonly hash: string;
  /** The dgsim version that planned the sweep and runs it. */
  readonly dgsimVersion: string;
  readonly name: string;
  readonly description: string;
  /** The base scenario with the overrides applied. */
  readonly scenario: Scenario;
  readonly parameters: readonly { readonly name: string; readonly path: string; readonly documentPath: DocumentPath; readonly domain: ParameterDomain }[];
  readonly design: DesignSpec;
  readonly designSeed: number;
  readonly replications: number;
  readonly runSeed: number;
  /** The metrics recorded, or null for all. */
  readonly metrics: readonly string[] | null;
  readonly adaptive: AdaptiveTarget | null;
  readonly pointCount: number;
  /** Runs planned before any adaptive ones: pointCount · replications. */
  readonly plannedRuns: number;
  readonly points: readonly DesignPoint[];
  /** Present in a shard's directory only. */
  readonly shard?: Shard;
}

/** The version of a plan.json that does not record one (an earlier dgsim's). */
export const UNRECORDED_VERSION = '';

/** A run to do. */
export interface RunSpec {
  readonly runId: number;
  readonly pointId: number;
  readonly replicate: number;
  readonly seed: number;
}

/** The hash of what decides the results: not the name or description (a renamed copy of a sweep file is the same sweep). */
function hashOf(plan: Omit<SweepPlan, 'hash' | 'shard'>): string {
  const { name: _name, description: _description, ...decisive } = plan;
  return createHash('sha256').update(canonicalJson(decisive), 'utf8').digest('hex');
}

/** The plan of a sweep (with its hash) for dgsim `version` (this one's by default). Cost O(points · parameters). */
export function buildPlan(sweep: Sweep, adaptive: AdaptiveTarget | undefined, version = dgsimVersion()): SweepPlan {
  const body = {
    format: PLAN_FORMAT,
    dgsimVersion: version,
    name: sweep.name,
    description: sweep.description,
    scenario: sweep.scenario,
    parameters: sweep.parameters.map(({ name, path, documentPath, domain }) => ({ name, path, documentPath, domain })),
    design: sweep.design,
    designSeed: sweep.designSeed,
    replications: sweep.replications,
    runSeed: sweep.runSeed,
    metrics: sweep.metrics ?? null,
    adaptive: adaptive ?? null,
    pointCount: sweep.points.length,
    plannedRuns: sweep.points.length * sweep.replications,
    points: sweep.points,
  } as const;
  // Round-trip through JSON so the plan in memory is exactly the plan on disk.
  const plain = JSON.parse(JSON.stringify(body)) as Omit<SweepPlan, 'hash' | 'shard'>;
  return { ...plain, hash: hashOf(plain) };
}

/** The planned run with id `runId` (0 ≤ runId < plannedRuns). */
export function plannedRun(plan: SweepPlan, runId: number): RunSpec {
  const pointId = Math.floor(runId / plan.replications);
  const replicate = runId % plan.replications;
  return { runId, pointId, replicate, seed: replicateSeed(plan.runSeed, replicate) };
}

/** The plan as plan.json text (with the shard when given). */
export function planText(plan: SweepPlan, shard?: Shard): string {
  const { shard: _old, ...rest } = plan;
  return `${JSON.stringify(shard === undefined ? rest : { ...rest, shard }, null, 1)}\n`;
}

/** Writes plan.json in `dir` atomically. */
export function writePlan(dir: string, plan: SweepPlan, shard?: Shard): void {
  writeFileAtomic(join(dir, PLAN_FILE), planText(plan, shard));
}

/** The plan in `dir`, undefined when there is none, or an error when the file is not a plan. */
export function readPlan(dir: string): { ok: true; plan: SweepPlan | undefined } | { ok: false } {
  const file = join(dir, PLAN_FILE);
  if (!existsSync(file)) return { ok: true, plan: undefined };
  try {
    const plan = JSON.parse(readFileSync(file, 'utf8')) as Partial<SweepPlan>;
    if (plan.format !== PLAN_FORMAT || typeof plan.hash !== 'string' || !Array.isArray(plan.points) || typeof plan.replications !== 'number') return { ok: false };
    // Plans written before the version was recorded: never the same version as this one.
    const version = typeof plan.dgsimVersion === 'string' ? plan.dgsimVersion : UNRECORDED_VERSION;
    return { ok: true, plan: { ...plan, dgsimVersion: version } as SweepPlan };
  } catch {
    return { ok: false };
  }
}
