/**
 * `dgsim sweep <sweep.yaml>`: load and check the sweep file, refuse it if it
 * will not fit in memory, run every (point, replicate) on a worker pool with
 * a progress display on stderr, write plan.json, the journal, runs.csv and
 * runs.jsonl, then the report and manifest.json (last, listing them all),
 * and say where. Started again with the same command, it resumes.
 *
 *   sweep file ──► --sample ──► memory estimate (workers, plan, report) ──► runSweep
 *     ──► report (not for a shard) ──► manifest.json
 *
 * Exit codes: 0 every run succeeded; 2 bad sweep file, bad option, too big
 * for memory, or an output directory holding another sweep; 3 some runs
 * failed (recorded in the results with their error).
 *
 * Test hook: DGSIM_SWEEP_FAIL_RUN_IDS=3,7 makes those run ids throw inside
 * the worker (read here only, never by the model), to test failure isolation.
 */
import type { Argv, CommandModule } from 'yargs';
import { defaultWorkers } from '../scenarios/sweep/pool.js';
import { loadSweepFile } from '../scenarios/sweep/load-sweep.js';
import { sweepMessage } from '../scenarios/sweep/messages.js';
import type { AdaptiveTarget } from '../scenarios/sweep/plan.js';
import { createProgressReporter, type ProgressMode } from '../scenarios/sweep/progress.js';
import { runSweep } from '../scenarios/sweep/run-sweep.js';
import { parseShard, type Shard } from '../scenarios/sweep/shard.js';
import { formatShard } from '../scenarios/sweep/shard.js';
import { sweepManifest, sweepOutputNames } from '../report/sweep-manifest.js';
import { dgsimVersion } from '../version.js';
import { outputError, ScenarioFileError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { checkSweepMemory, MAX_MEMORY_OPTION } from './memory-check.js';
import { MANIFEST_FILE } from '../report/manifest.js';
import { parseOutDirectory, parseReplications, parseSample, singleValue } from './options.js';
import { commandLine, portablePath, scenarioStem } from './paths.js';
import { REPORT_OPTION } from './report-command.js';
import { SAMPLE_OPTION, withSampleOption } from './sample-option.js';
import { reportFontsOrFail, writeOutputs } from './write-outputs.js';
import { join } from 'node:path';

/** Exit code of a sweep or merge in which some runs failed. */
export const EXIT_RUNS_FAILED = 3;

/** Some runs of a sweep failed: the results are written; the message says how many. Exit code 3. */
export class RunsFailedError extends UserError {
  readonly exitCode = EXIT_RUNS_FAILED;
  constructor(message: string) {
    super(message);
    this.name = 'RunsFailedError';
  }
}

/** The environment variable of the failure test hook. */
export const FAIL_RUN_IDS_VARIABLE = 'DGSIM_SWEEP_FAIL_RUN_IDS';

/** The options of `dgsim sweep` as yargs hands them over (values as typed). */
export interface SweepArguments {
  readonly sweep: string;
  readonly workers?: unknown;
  readonly out?: unknown;
  readonly shard?: unknown;
  readonly 'target-ci'?: unknown;
  readonly 'max-replications'?: unknown;
  readonly progress?: unknown;
  /** `--max-memory`: refuse above this estimate (memory-check.ts). */
  readonly 'max-memory'?: unknown;
  /** `--sample`: overrides population.sample of the base scenario (sample-option.ts). */
  readonly sample?: unknown;
  /** `--no-report` gives false: skip report.html, summary.md and charts. */
  readonly report?: boolean;
}

/** `--target-ci unmetRate=0.005`. */
function parseTargetCi(value: unknown, maxReplications: number): AdaptiveTarget {
  const text = singleValue('target-ci', value);
  const match = /^([^=]+)=(.+)$/.exec(text);
  const halfWidth = match === null ? Number.NaN : Number(match[2]);
  if (match === null || !(halfWidth > 0 && Number.isFinite(halfWidth))) throw new UserError(sweepMessage.targetCiSyntax(text));
  return { metric: match[1]!.trim(), halfWidth, maxReplications };
}

/**
 * A number of workers: a whole number ≥ 1.
 * @throws UserError naming the option otherwise.
 */
export function parseWorkers(value: unknown): number {
  const text = singleValue('workers', value);
  const workers = /^\+?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(workers) || workers < 1) throw new UserError(sweepMessage.workersInvalid(text));
  return workers;
}

function parseProgress(value: unknown): ProgressMode {
  const text = singleValue('progress', value);
  if (text === 'auto' || text === 'bar' || text === 'plain' || text === 'none') return text;
  throw new UserError(sweepMessage.progressInvalid(text));
}

/** Run ids from the test hook's variable, e.g. "3,7". */
function failRunIds(): ReadonlySet<number> | undefined {
  const text = process.env[FAIL_RUN_IDS_VARIABLE];
  if (text === undefined || text.trim() === '') return undefined;
  return new Set(text.split(',').map((id) => Number(id.trim())).filter((id) => Number.isSafeInteger(id)));
}

/**
 * Runs `dgsim sweep`. `args` is the whole command line as given (recorded in the manifest).
 * @throws ScenarioFileError (invalid sweep file or base scenario), UserError (bad option, too big for memory, another sweep in the directory, unwritable output), RunsFailedError (some runs failed).
 */
export async function sweepHandler(options: SweepArguments, io: CliIo, args: readonly string[] = ['sweep', options.sweep]): Promise<void> {
  const workers = options.workers === undefined ? defaultWorkers() : parseWorkers(options.workers);
  let shard: Shard | undefined;
  if (options.shard !== undefined) {
    const parsed = parseShard(singleValue('shard', options.shard));
    if (!parsed.ok) throw new UserError(parsed.message);
    shard = parsed.shard;
  }
  const maxReplications = options['max-replications'] === undefined ? 50 : parseReplications(options['max-replications'], 'max-replications');
  const adaptive = options['target-ci'] === undefined ? undefined : parseTargetCi(options['target-ci'], maxReplications);
  const mode = options.progress === undefined ? 'auto' : parseProgress(options.progress);
  if (options.sample !== undefined) parseSample(options.sample);
  // A shard is a slice: its report would mislead; `dgsim report` on the merged directory draws the whole sweep.
  const drawsReport = options.report !== false && shard === undefined;
  const loaded = loadSweepFile(options.sweep, {
    // Before a design of up to ten million points is built: refuse what will not fit, with the ways out.
    beforePoints: (outline) => {
      const replicatesPerPoint = adaptive === undefined ? outline.replications : Math.max(outline.replications, adaptive.maxReplications);
      const runs = Math.ceil((outline.pointCount * replicatesPerPoint) / (shard?.count ?? 1));
      checkSweepMemory({ ...outline, scenario: withSampleOption(outline.scenario, options.sample) }, { workers, runs, report: drawsReport }, options['max-memory']);
    },
  });
  if (!loaded.ok) throw new ScenarioFileError(loaded.issues);
  const sweep = { ...loaded.sweep, scenario: withSampleOption(loaded.sweep.scenario, options.sample) };
  const fonts = reportFontsOrFail(drawsReport);
  // Shards default to their own directories, so that shards on one file system never share one.
  const defaultOut = shard === undefined ? join('out', scenarioStem(options.sweep)) : join('out', scenarioStem(options.sweep), `shard-${shard.index}-of-${shard.count}`);
  const outDir = options.out === undefined ? defaultOut : parseOutDirectory(options.out);
  const shown = portablePath(outDir, io.cwd);

  const reporter = createProgressReporter({ write: (text: string) => io.err(text), isTTY: io.stderrIsTty }, mode);
  const fail = failRunIds();
  let result;
  try {
    result = await runSweep(
      {
        sweep,
        outDir,
        workers,
        ...(shard === undefined ? {} : { shard }),
        ...(adaptive === undefined ? {} : { adaptive }),
        ...(fail === undefined ? {} : { failRunIds: fail }),
        // The manifest of an earlier sweep here goes before anything is rewritten; it is written again last.
        removeBeforeWriting: [MANIFEST_FILE],
      },
      { progress: (progress) => reporter.update(progress), message: (text) => io.err(`${text}\n`) },
    );
  } catch (error) {
    reporter.finish();
    const code = systemErrorCode(error);
    if (code !== undefined && ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(code)) throw outputError(shown, error);
    throw error;
  }
  reporter.finish();
  if (!result.ok) throw new UserError(result.message);
  const { outcome } = result;
  io.err(`${sweepMessage.summary(outcome.runs, outcome.failed, outcome.seconds, shown)}\n`);
  if (outcome.replications !== undefined && adaptive !== undefined) {
    const counts = outcome.replications.map((s) => s.replications);
    io.err(`${sweepMessage.adaptiveSummary(counts.length, outcome.replications.filter((s) => s.met).length, Math.min(...counts), Math.max(...counts), adaptive.metric, adaptive.halfWidth)}\n`);
  }
  await writeOutputs(
    {
      directory: outDir,
      shown,
      data: async (set) => {
        for (const file of sweepOutputNames(outcome.replications !== undefined)) await set.include(file);
      },
      manifest: sweepManifest({
        dgsimVersion: dgsimVersion(),
        command: commandLine(args),
        sweepFile: portablePath(sweep.file, io.cwd),
        sweepFileHash: sweep.fileHash,
        planHash: outcome.plan.hash,
        ...(shard === undefined ? {} : { shard: formatShard(shard) }),
      }),
      fonts,
    },
    io,
  );
  if (outcome.failed > 0) throw new RunsFailedError(`sweep: ${sweepMessage.failedRunsHint(outcome.failed)}`);
}

/** The yargs module of `dgsim sweep`, writing through `io`; `recordedArgs` is the command line its manifest records. */
export function sweepCommand(io: CliIo, recordedArgs: readonly string[]): CommandModule<object, SweepArguments> {
  return {
    command: 'sweep <sweep>',
    describe: 'Run a scenario sweep (grid, list, CSV, Latin hypercube, Morris or Saltelli design) in parallel, resumably',
    builder: (command: Argv<object>): Argv<SweepArguments> =>
      command
        .positional('sweep', { type: 'string', describe: 'sweep file (YAML or JSON)', demandOption: true })
        .option('workers', { type: 'string', requiresArg: true, describe: 'worker threads [default: every core]' })
        .option('out', { type: 'string', requiresArg: true, describe: 'output directory [default: out/<sweep file name>, with --shard out/<sweep file name>/shard-<i>-of-<N>]' })
        .option('shard', { type: 'string', requiresArg: true, describe: 'run only shard i of N (run ids with id mod N = i), e.g. 0/4; combine shards with dgsim merge' })
        .option('target-ci', { type: 'string', requiresArg: true, describe: 'add replicates per point until the 95% CI half-width of a metric is at most a target, e.g. unmetRate=0.005' })
        .option('max-replications', { type: 'string', requiresArg: true, describe: 'with --target-ci: most replicates per point [default: 50]' })
        .option('progress', { type: 'string', requiresArg: true, describe: 'progress on stderr: auto (a bar on a terminal, a line every 5 s otherwise), bar, plain or none [default: auto]' })
        .option('max-memory', MAX_MEMORY_OPTION)
        .option('sample', SAMPLE_OPTION)
        .option(REPORT_OPTION.name, REPORT_OPTION.settings)
        .example('$0 sweep examples/sweeps/grid.yaml', 'run the grid on every core, writing out/grid/')
        .example('$0 sweep sweep.yaml --shard 0/4 --out shards/0', 'one of four shards (e.g. a Slurm array task)')
        .example('$0 sweep sweep.yaml --target-ci unmetRate=0.005', 'replicate until the CI of unmetRate is narrow enough')
        .epilogue(
          'Writes plan.json (the design and run ids), runs.journal.jsonl (one line per finished run, as it finishes), then runs.csv and runs.jsonl in run-id order, the report, and manifest.json (last: every output with its sha256; dgsim verify re-runs the sweep and compares). Run the same command again to resume after an interruption. Before starting, the memory of the workers, the plan and the report is estimated: beyond 80% of the machine (or --max-memory) the sweep is refused with ways out. Exit code 3 when some runs failed (see the status and error columns).',
        ),
    handler: async (argv) => {
      await sweepHandler(argv, io, recordedArgs);
    },
  };
}
