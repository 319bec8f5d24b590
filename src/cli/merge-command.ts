/**
 * `dgsim merge <dir>... --out DIR`: combine the output directories of a
 * sharded sweep (`dgsim sweep … --shard i/N`) into one directory whose
 * runs.csv, runs.jsonl and plan.json are byte-identical to a single-machine
 * sweep, then manifest.json (last) listing them with the merged journal.
 * Refuses directories of different sweeps, a shard given twice, and
 * missing runs (exit code 2); exit code 3 when some merged runs had failed.
 */
import type { Argv, CommandModule } from 'yargs';
import { MANIFEST_FILE } from '../report/manifest.js';
import { mergeManifest, mergeOutputNames } from '../report/sweep-manifest.js';
import { dgsimVersion } from '../version.js';
import { mergeSweepDirs } from '../scenarios/sweep/merge-shards.js';
import { sweepMessage } from '../scenarios/sweep/messages.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { parseOutDirectory } from './options.js';
import { commandLine, portablePath } from './paths.js';
import { RunsFailedError } from './sweep-command.js';
import { writeOutputs } from './write-outputs.js';

/** The options of `dgsim merge` as yargs hands them over. */
export interface MergeArguments {
  readonly dirs: readonly string[];
  readonly out: unknown;
}

/**
 * Runs `dgsim merge`. `args` is the whole command line as given (recorded in the manifest).
 * @throws UserError (different sweeps, missing runs, unwritable output), RunsFailedError (merged runs include failures).
 */
export async function mergeHandler(options: MergeArguments, io: CliIo, args: readonly string[] = ['merge', ...options.dirs]): Promise<void> {
  const outDir = parseOutDirectory(options.out);
  const shown = portablePath(outDir, io.cwd);
  let result;
  try {
    result = await mergeSweepDirs(options.dirs, outDir, { removeBeforeWriting: [MANIFEST_FILE] });
  } catch (error) {
    const code = systemErrorCode(error);
    if (code !== undefined && ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR'].includes(code)) throw outputError(shown, error);
    throw error;
  }
  if (!result.ok) throw new UserError(result.message);
  const { outcome } = result;
  io.err(`${sweepMessage.mergeSummary(options.dirs.length, outcome.runs, outcome.failed, shown)}\n`);
  await writeOutputs(
    {
      directory: outDir,
      shown,
      data: async (set) => {
        for (const file of mergeOutputNames()) await set.include(file);
      },
      manifest: mergeManifest({ dgsimVersion: dgsimVersion(), command: commandLine(args), shardDirectories: options.dirs.map((dir) => portablePath(dir, io.cwd)), planHash: outcome.plan.hash }),
      // A merge draws no report: `dgsim report` on the merged directory does.
      fonts: undefined,
    },
    io,
  );
  if (outcome.failed > 0) throw new RunsFailedError(`merge: ${sweepMessage.failedRunsHint(outcome.failed)}`);
}

/** The yargs module of `dgsim merge`, writing through `io`; `recordedArgs` is the command line its manifest records. */
export function mergeCommand(io: CliIo, recordedArgs: readonly string[]): CommandModule<object, MergeArguments> {
  return {
    command: 'merge <dirs..>',
    describe: 'Merge the output directories of a sharded sweep into one, identical to a single-machine sweep',
    builder: (command: Argv<object>): Argv<MergeArguments> =>
      command
        .positional('dirs', { type: 'string', array: true, describe: 'sweep output directories (e.g. shards/0 shards/1 …)', demandOption: true })
        .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'output directory of the merged sweep' })
        .example('$0 merge shards/* --out out/my-sweep', 'combine every shard')
        .epilogue('Checks that every directory holds the same sweep (plan hash) and that every run is present, then writes plan.json, runs.csv, runs.jsonl, a run-id-ordered journal and manifest.json (last: each with its sha256; dgsim verify re-runs the merge from the same directories and compares).'),
    handler: async (argv) => {
      await mergeHandler(argv, io, recordedArgs);
    },
  };
}
