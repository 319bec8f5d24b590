/**
 * Provenance: what produced a set of outputs, recorded in them so a result
 * can be traced and reproduced. It holds no timestamp and no absolute path
 * of the machine, so the same inputs give byte-identical outputs.
 */

/** Where a scenario came from. */
export interface ScenarioSource {
  readonly name: string;
  /** The files read: the scenario file, then the files it extends (relative to the working directory). */
  readonly files: readonly string[];
  /** sha256 of the scenario's canonical JSON (defaults applied): equal hashes mean equal scenarios. */
  readonly hash: string;
}

/** The provenance of one run. */
export interface RunProvenance {
  readonly dgsimVersion: string;
  /** The command line as given, e.g. `dgsim run scenarios/city.yaml --seed 2`. */
  readonly command: string;
  readonly scenarioFiles: readonly string[];
  readonly scenarioHash: string;
  readonly seed: number;
}

/** The provenance of a paired comparison. */
export interface CompareProvenance {
  readonly dgsimVersion: string;
  readonly command: string;
  readonly a: ScenarioSource;
  readonly b: ScenarioSource;
  /** Master seed: replicate k uses seed + k for both scenarios. */
  readonly seed: number;
  readonly replications: number;
}

/** The provenance of a sweep (or one shard of it). */
export interface SweepProvenance {
  readonly dgsimVersion: string;
  readonly command: string;
  /** The sweep file, relative to the working directory. */
  readonly sweepFile: string;
  /** sha256 of the sweep file's canonical JSON (comments and layout do not count). */
  readonly sweepFileHash: string;
  /** The plan's hash (plan.json): the base scenario with its overrides, the design points, the seeds, the metrics. */
  readonly planHash: string;
  /** `i/N` for one shard of a sweep. */
  readonly shard?: string;
}

/** The provenance of a merge of a sharded sweep. */
export interface MergeProvenance {
  readonly dgsimVersion: string;
  readonly command: string;
  /** The directories merged, as given. */
  readonly shardDirectories: readonly string[];
  readonly planHash: string;
}

/** Who writes dgsim's manifests. */
export const CREATED_BY = 'dgsim';
