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

/** Who writes dgsim's manifests. */
export const CREATED_BY = 'dgsim';
