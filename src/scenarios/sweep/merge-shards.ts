/**
 * Merging shard outputs: the directories of `dgsim sweep --shard i/N` runs
 * (or any directories holding parts of the same sweep) into one directory
 * whose runs.csv, runs.jsonl and plan.json are byte-identical to those of the
 * same sweep run on one machine.
 *
 *   dirs ──► plan.json each: same dgsim version, same hash? shards of the same N, none twice?
 *        ──► journals: every planned run present?
 *        ──► out/plan.json, runs.csv, runs.jsonl, runs.journal.jsonl (in run-id order)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { removeStaleTemporaries } from './atomic-file.js';
import { JOURNAL_FILE, journalRows } from './journal.js';
import { sweepMessage } from './messages.js';
import { readPlan, writePlan, type SweepPlan } from './plan.js';
import { writeResults } from './results.js';
import { formatShard } from './shard.js';

/** A finished merge. */
export interface MergeOutcome {
  readonly plan: SweepPlan;
  readonly runs: number;
  readonly failed: number;
}

/**
 * Merges the sweep output directories `dirs` into `outDir`. Returns a message
 * (nothing written) when they hold different sweeps, a shard is given twice,
 * or runs are missing. `options.removeBeforeWriting` names files of `outDir`
 * removed once the merge can go ahead, before anything is written (the
 * CLI's manifest.json, which must not vouch for the files being rewritten).
 * @throws Error on file-system failures and damaged journals.
 */
export async function mergeSweepDirs(dirs: readonly string[], outDir: string, options: { readonly removeBeforeWriting?: readonly string[] } = {}): Promise<{ ok: true; outcome: MergeOutcome } | { ok: false; message: string }> {
  const plans: { dir: string; plan: SweepPlan }[] = [];
  for (const dir of dirs) {
    if (resolve(dir) === resolve(outDir)) return { ok: false, message: sweepMessage.mergeIntoInput(dir) };
    const read = readPlan(dir);
    if (!read.ok) return { ok: false, message: sweepMessage.mergeBadPlan(dir) };
    if (read.plan === undefined) return { ok: false, message: sweepMessage.mergeNoPlan(dir) };
    plans.push({ dir, plan: read.plan });
  }
  const first = plans[0];
  if (first === undefined) return { ok: false, message: sweepMessage.mergeNoPlan('(no directory given)') };
  if (first.plan.adaptive !== null) return { ok: false, message: sweepMessage.mergeAdaptive() };
  const seenShards = new Set<number>();
  let shardCount: number | undefined;
  for (const { dir, plan } of plans) {
    if (plan.dgsimVersion !== first.plan.dgsimVersion) return { ok: false, message: sweepMessage.mergeVersions(dir, plan.dgsimVersion, first.dir, first.plan.dgsimVersion) };
    if (plan.hash !== first.plan.hash) return { ok: false, message: sweepMessage.mergeHashes(dir, first.dir) };
    if (plan.shard === undefined) continue;
    shardCount ??= plan.shard.count;
    if (plan.shard.count !== shardCount) return { ok: false, message: sweepMessage.mergeShardCount(dir, plan.shard.count, shardCount) };
    if (seenShards.has(plan.shard.index)) return { ok: false, message: sweepMessage.mergeDuplicateShard(plan.shard.index, plan.shard.count) };
    seenShards.add(plan.shard.index);
  }

  // Every planned run must be in some journal.
  const total = first.plan.plannedRuns;
  const present = new Uint8Array(total);
  const journals = plans.map(({ dir }) => join(dir, JOURNAL_FILE)).filter((file) => existsSync(file));
  for (const journal of journals) {
    for await (const { row } of journalRows(journal)) if (row.runId < total) present[row.runId] = 1;
  }
  const missing: number[] = [];
  for (let runId = 0; runId < total; runId++) if (present[runId] === 0) missing.push(runId);
  if (missing.length > 0) {
    let shards = '';
    if (shardCount !== undefined) {
      const count = shardCount;
      const absent = Array.from({ length: count }, (_, i) => i).filter((i) => !seenShards.has(i));
      const incomplete = [...new Set(missing.map((runId) => runId % count))].filter((i) => seenShards.has(i));
      const parts = [];
      if (absent.length > 0) parts.push(sweepMessage.mergeMissingShards(absent.map((i) => formatShard({ index: i, count }))));
      if (incomplete.length > 0) parts.push(`shard ${incomplete.map((i) => formatShard({ index: i, count })).join(', ')} did not finish`);
      shards = parts.join('; ');
    }
    return { ok: false, message: sweepMessage.mergeMissing(missing.length, total, missing.slice(0, 5), shards) };
  }

  mkdirSync(outDir, { recursive: true });
  removeStaleTemporaries(outDir);
  for (const file of options.removeBeforeWriting ?? []) rmSync(join(outDir, file), { force: true });
  const { shard: _shard, ...plan } = first.plan;
  writePlan(outDir, plan);
  const summary = await writeResults(outDir, plan, journals, join(outDir, JOURNAL_FILE));
  return { ok: true, outcome: { plan, runs: summary.runs, failed: summary.failed } };
}
