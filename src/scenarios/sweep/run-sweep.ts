/**
 * Running a sweep:
 *
 *   Sweep ──► plan (run ids, seeds, hash) ──► out/plan.json (first; checked on resume;
 *             then the caller's stale files go, e.g. the CLI's manifest.json)
 *     ──► journal scan: finished runs are skipped (resume)
 *     ──► worker pool: runs go out in run-id order, at most 2 per worker in flight
 *     ──► each finished run: one journal line (fsync'd in the background), progress
 *     ──► adaptive rounds (--target-ci): more replicates where the CI is too wide
 *     ──► runs.csv + runs.jsonl rebuilt from the journal in run-id order
 *
 * Kill it at any moment and run it again: the journal keeps every finished
 * run, the plan hash proves it is the same sweep, and the outputs come out
 * byte-identical to an uninterrupted sweep.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { replicateSeed } from '../run.js';
import { pointStatus, replicatesToAdd, type PointStatus } from './adaptive.js';
import { removeStaleTemporaries, writeFileAtomic } from './atomic-file.js';
import { csvLine } from './csv.js';
import { JOURNAL_FILE, JournalWriter, journalRows } from './journal.js';
import type { Sweep } from './load-sweep.js';
import { sweepMessage } from './messages.js';
import { buildPlan, plannedRun, readPlan, writePlan, type AdaptiveTarget, type RunSpec, type SweepPlan } from './plan.js';
import { createRunPool, type RunPool } from './pool.js';
import { rowOf, writeResults } from './results.js';
import type { RunOutcome, RunTask } from './run-task.js';
import { formatShard, inShard, type Shard } from './shard.js';

export const REPLICATIONS_CSV = 'replications.csv';

/** How to run a sweep. */
export interface SweepRunOptions {
  readonly sweep: Sweep;
  readonly outDir: string;
  /** Worker threads (at most one per run to do). */
  readonly workers: number;
  readonly shard?: Shard;
  readonly adaptive?: AdaptiveTarget;
  /** Test hook: runs made to throw (the CLI reads DGSIM_SWEEP_FAIL_RUN_IDS). */
  readonly failRunIds?: ReadonlySet<number>;
  /**
   * Files of `outDir` to remove once it is known to hold this sweep (or
   * none), before anything is written: the CLI's manifest.json, which must
   * not vouch for files a new run is rewriting. A refused directory keeps them.
   */
  readonly removeBeforeWriting?: readonly string[];
}

/** Where a sweep stands. */
export interface SweepProgress {
  /** Runs finished, including those finished before a resume. */
  readonly done: number;
  /** Runs known so far (adaptive sweeps add runs as they go). */
  readonly total: number;
  readonly failed: number;
  /** Runs finished by this process. */
  readonly sessionDone: number;
  /** Seconds since this process started running. */
  readonly elapsedSeconds: number;
}

/** What a sweep reports as it goes. */
export interface SweepEvents {
  progress?(progress: SweepProgress): void;
  /** A line for the user (resuming, rounds). */
  message?(text: string): void;
}

/** A finished sweep. */
export interface SweepOutcome {
  readonly plan: SweepPlan;
  readonly outDir: string;
  /** Runs in the results files. */
  readonly runs: number;
  readonly failed: number;
  /** Runs this process did. */
  readonly ranNow: number;
  readonly seconds: number;
  /** Adaptive sweeps: where each point ended. */
  readonly replications?: readonly PointStatus[];
}

export type SweepRunResult = { readonly ok: true; readonly outcome: SweepOutcome } | { readonly ok: false; readonly message: string };

/** Runs in the shard among run ids from..to−1. */
function countInShard(from: number, to: number, shard: Shard | undefined): number {
  if (shard === undefined) return Math.max(0, to - from);
  const below = (n: number): number => Math.floor((n - shard.index + shard.count - 1) / shard.count);
  return Math.max(0, below(to) - below(from));
}

function* plannedRuns(plan: SweepPlan): Generator<RunSpec> {
  for (let runId = 0; runId < plan.plannedRuns; runId++) yield plannedRun(plan, runId);
}

/**
 * Runs `runs` on the pool, at most `window` at a time, in the order given;
 * `finished` is called as each comes back (in finishing order). The first
 * error `finished` throws (a journal that cannot be written) stops new runs
 * going out and is thrown once those in flight are back.
 */
async function dispatch(runs: Iterable<RunSpec>, pool: () => RunPool, window: number, taskOf: (run: RunSpec) => RunTask, finished: (run: RunSpec, outcome: RunOutcome) => void): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const run of runs) {
    if (failure !== undefined) break;
    const promise: Promise<void> = pool()
      .run(taskOf(run))
      .then((outcome) => finished(run, outcome))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(promise));
    inFlight.add(promise);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure.error;
}

/**
 * Makes `outDir` ready: a new directory gets plan.json; an existing one must
 * hold the same sweep (plan hash), begun by this dgsim version, and the same
 * shard. Returns why not, if not.
 */
function prepareOutDir(outDir: string, plan: SweepPlan, shard: Shard | undefined, removeBeforeWriting: readonly string[]): string | undefined {
  mkdirSync(outDir, { recursive: true });
  removeStaleTemporaries(outDir);
  const existing = readPlan(outDir);
  if (!existing.ok) return sweepMessage.planMismatch(outDir);
  const remove = (): void => {
    for (const file of removeBeforeWriting) rmSync(join(outDir, file), { force: true });
  };
  if (existing.plan === undefined) {
    if (existsSync(join(outDir, JOURNAL_FILE))) return sweepMessage.journalWithoutPlan(outDir);
    remove();
    writePlan(outDir, plan, shard);
    return undefined;
  }
  // The version first: it is part of the hash, and the message says more.
  if (existing.plan.dgsimVersion !== plan.dgsimVersion) return sweepMessage.versionMismatch(outDir, existing.plan.dgsimVersion, plan.dgsimVersion);
  if (existing.plan.hash !== plan.hash) return sweepMessage.planMismatch(outDir);
  const found = existing.plan.shard;
  const same = found === undefined || shard === undefined ? found === shard : found.index === shard.index && found.count === shard.count;
  const describe = (s: Shard | undefined): string => (s === undefined ? 'a whole sweep' : `shard ${formatShard(s)}`);
  if (!same) return sweepMessage.shardMismatch(outDir, describe(found), describe(shard));
  remove();
  return undefined;
}

/** replications.csv: where each point of an adaptive sweep ended. */
function replicationsCsv(statuses: readonly PointStatus[]): string {
  const lines = [csvLine(['point_id', 'replications', 'mean', 'half_width', 'target_met'])];
  for (const s of statuses) lines.push(csvLine([String(s.pointId), String(s.replications), String(s.mean), String(s.halfWidth), String(s.met)]));
  return lines.join('');
}

/**
 * Runs a sweep into `outDir`, resuming from its journal when it holds part of
 * the same sweep. Returns a message instead of throwing for a directory that
 * holds another sweep.
 * @throws Error on file-system failures and damaged journals.
 */
export async function runSweep(options: SweepRunOptions, events: SweepEvents = {}): Promise<SweepRunResult> {
  const { sweep, outDir, shard, adaptive } = options;
  if (adaptive !== undefined && shard !== undefined) return { ok: false, message: sweepMessage.adaptiveWithShard() };
  if (adaptive !== undefined && !(sweep.metrics ?? sweep.knownMetrics).includes(adaptive.metric)) return { ok: false, message: sweepMessage.adaptiveMetric(adaptive.metric) };
  const plan = buildPlan(sweep, adaptive);
  const refusal = prepareOutDir(outDir, plan, shard, options.removeBeforeWriting ?? []);
  if (refusal !== undefined) return { ok: false, message: refusal };
  const journalFile = join(outDir, JOURNAL_FILE);

  // What the journal already holds.
  const finished = new Set<number>();
  // Adaptive runs in the journal: counted once their round assigns them again.
  const journalled = new Map<number, { pointId: number; replicate: number; failed: boolean }>();
  const values = new Map<number, Map<number, number>>(); // adaptive: point → replicate → metric
  let done = 0;
  let failed = 0;
  const record = (run: { runId: number; pointId: number; replicate: number }, status: 'ok' | 'failed', metrics: Readonly<Record<string, number>>, counted: boolean): void => {
    finished.add(run.runId);
    if (counted) {
      done++;
      if (status === 'failed') failed++;
    }
    if (adaptive !== undefined) {
      let byReplicate = values.get(run.pointId);
      if (byReplicate === undefined) values.set(run.pointId, (byReplicate = new Map()));
      byReplicate.set(run.replicate, status === 'ok' ? (metrics[adaptive.metric] ?? Number.NaN) : Number.NaN);
    }
  };
  for await (const { row } of journalRows(journalFile)) {
    if (row.runId < plan.plannedRuns) {
      const expected = plannedRun(plan, row.runId);
      if (expected.pointId !== row.pointId || expected.replicate !== row.replicate || expected.seed !== row.seed) throw new Error(sweepMessage.journalMismatch(row.runId));
    } else if (adaptive === undefined) throw new Error(sweepMessage.journalMismatch(row.runId));
    else journalled.set(row.runId, { pointId: row.pointId, replicate: row.replicate, failed: row.status === 'failed' });
    if (!inShard(row.runId, shard)) throw new Error(sweepMessage.journalMismatch(row.runId));
    record(row, row.status, row.metrics, row.runId < plan.plannedRuns);
  }

  let total = countInShard(0, plan.plannedRuns, shard);
  if (done > 0) events.message?.(sweepMessage.resumed(done, total));
  const started = performance.now();
  let sessionDone = 0;
  const progress = (): void =>
    events.progress?.({ done, total, failed, sessionDone, elapsedSeconds: (performance.now() - started) / 1000 });
  progress();

  let pool: RunPool | undefined;
  let journal: JournalWriter | undefined;
  const window = Math.max(1, options.workers) * 2;
  const getPool = (): RunPool => {
    if (pool === undefined) {
      // No idle threads for a few runs (an adaptive sweep may add more later: no cap then).
      const workers = adaptive === undefined ? Math.min(options.workers, Math.max(1, total - done)) : options.workers;
      pool = createRunPool({ scenario: plan.scenario, parameterPaths: plan.parameters.map((p) => p.documentPath), metrics: plan.metrics }, Math.max(1, workers));
    }
    return pool;
  };
  const taskOf = (run: RunSpec): RunTask => ({
    ...run,
    values: plan.points[run.pointId]!.values,
    ...(options.failRunIds?.has(run.runId) === true ? { injectFailure: true } : {}),
  });
  const onFinished = (run: RunSpec, outcome: RunOutcome): void => {
    const row = rowOf(run, outcome);
    journal ??= new JournalWriter(journalFile);
    journal.append(row);
    record(run, row.status, row.metrics, true);
    sessionDone++;
    progress();
  };
  const toRun = function* (runs: Iterable<RunSpec>): Generator<RunSpec> {
    for (const run of runs) if (inShard(run.runId, shard) && !finished.has(run.runId)) yield run;
  };

  let statuses: PointStatus[] | undefined;
  try {
    await dispatch(toRun(plannedRuns(plan)), getPool, window, taskOf, onFinished);
    if (adaptive !== undefined) {
      const replications = new Array<number>(plan.pointCount).fill(plan.replications);
      let nextRunId = plan.plannedRuns;
      const valuesOf = (pointId: number): number[] => {
        const byReplicate = values.get(pointId);
        return Array.from({ length: replications[pointId]! }, (_, k) => byReplicate?.get(k) ?? Number.NaN);
      };
      for (;;) {
        statuses = replications.map((_, pointId) => pointStatus(pointId, valuesOf(pointId), adaptive.halfWidth));
        const round: RunSpec[] = [];
        for (const status of statuses) {
          const add = replicatesToAdd(status, valuesOf(status.pointId), adaptive.halfWidth, adaptive.maxReplications);
          for (let k = 0; k < add; k++) {
            const replicate = replications[status.pointId]! + k;
            const run = { runId: nextRunId++, pointId: status.pointId, replicate, seed: replicateSeed(plan.runSeed, replicate) };
            const earlier = journalled.get(run.runId);
            if (earlier !== undefined) {
              if (earlier.pointId !== run.pointId || earlier.replicate !== run.replicate) throw new Error(sweepMessage.journalMismatch(run.runId));
              done++;
              if (earlier.failed) failed++;
            }
            round.push(run);
          }
          replications[status.pointId] = replications[status.pointId]! + add;
        }
        if (round.length === 0) break;
        total += round.length;
        progress();
        await dispatch(toRun(round), getPool, window, taskOf, onFinished);
      }
    }
  } finally {
    try {
      await journal?.close();
    } finally {
      await pool?.close();
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const summary = await writeResults(outDir, plan, [journalFile]);
  if (statuses !== undefined) writeFileAtomic(join(outDir, REPLICATIONS_CSV), replicationsCsv(statuses));
  return {
    ok: true,
    outcome: { plan, outDir, runs: summary.runs, failed: summary.failed, ranNow: sessionDone, seconds, ...(statuses === undefined ? {} : { replications: statuses }) },
  };
}
