/**
 * The manifest of a sweep directory (or of one shard's, or of a merge of
 * shards). The sweep writes its files as it goes (plan.json first, then the
 * journal, then the results rebuilt from it); once it has finished, the
 * command lists them, with the report, in manifest.json:
 *
 *   plan.json        the design, every point and run id (its hash identifies the sweep)
 *   runs.csv, runs.jsonl   one row per run, in run-id order
 *   replications.csv       adaptive sweeps (--target-ci): where each point ended
 *   runs.journal.jsonl     a merge only: the merged journal, in run-id order
 *
 * A sweep's own journal is not listed: it holds the runs in the order they
 * finished, which differs from one run of the sweep to the next (it is a
 * working file for resuming and merging; the results are rebuilt from it).
 */
import { JOURNAL_FILE } from '../scenarios/sweep/journal.js';
import { PLAN_FILE } from '../scenarios/sweep/plan.js';
import { RUNS_CSV, RUNS_JSONL } from '../scenarios/sweep/results.js';
import { REPLICATIONS_CSV } from '../scenarios/sweep/run-sweep.js';
import { CREATED_BY, type MergeProvenance, type SweepProvenance } from './provenance.js';

/** The files a finished sweep lists in its manifest, in order (before its report). */
export function sweepOutputNames(adaptive: boolean): string[] {
  return [PLAN_FILE, RUNS_CSV, RUNS_JSONL, ...(adaptive ? [REPLICATIONS_CSV] : [])];
}

/** The files a merge lists in its manifest, in order. */
export function mergeOutputNames(): string[] {
  return [PLAN_FILE, RUNS_CSV, RUNS_JSONL, JOURNAL_FILE];
}

/** The manifest fields of a sweep (before the list of outputs). */
export function sweepManifest(provenance: SweepProvenance): Record<string, unknown> {
  return {
    dgsimVersion: provenance.dgsimVersion,
    createdBy: CREATED_BY,
    command: provenance.command,
    sweepFile: provenance.sweepFile,
    sweepFileHash: provenance.sweepFileHash,
    planHash: provenance.planHash,
    ...(provenance.shard === undefined ? {} : { shard: provenance.shard }),
  };
}

/** The manifest fields of a merge (before the list of outputs). */
export function mergeManifest(provenance: MergeProvenance): Record<string, unknown> {
  return {
    dgsimVersion: provenance.dgsimVersion,
    createdBy: CREATED_BY,
    command: provenance.command,
    shardDirectories: provenance.shardDirectories,
    planHash: provenance.planHash,
  };
}
