/**
 * The dgsim command line:
 *
 *   args ──► yargs (commands, options, --help, strict, did-you-mean)
 *        ──► command handler (run | compare) ──► exit code
 *
 * Every failure ends here: user errors print one clear message (the issues
 * of an invalid scenario, or a single line) and give exit code 2; anything
 * else is a bug in dgsim: one line asking for a report, exit code 70, and a
 * stack trace only with DGSIM_DEBUG=1.
 */
import yargs from 'yargs';
import { dgsimVersion } from '../version.js';
import { compareCommand } from './compare-command.js';
import { EXIT, messageOf, ScenarioFileError, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { SAMPLE_OPTION } from './sample-option.js';
import { runCommand } from './run-command.js';
import { mergeCommand } from './merge-command.js';
import { exploreCommand } from './explore-command.js';
import { RunsFailedError, sweepCommand } from './sweep-command.js';
import { checkCommand } from './check-command.js';
import { MAX_MEMORY_OPTION } from './memory-check.js';
import { VerifyFailedError, verifyCommand } from './verify-command.js';
import { calibrateCommandModule } from './calibrate-command.js';
import { analyzeCommandModule } from './analyze-command.js';
import { REPORT_OPTION, reportCommand } from './report-command.js';
import { initCommand } from './init-command.js';
import { listCommand } from './list-command.js';
import { knownOptionNames, unknownArgumentsMessage } from './unknown-option.js';

/** A mistake in the command line itself (unknown option or command, missing argument), as yargs reports it. */
class UsageError extends UserError {}

/** The commands, for pointing at their help after a usage error. */
const COMMANDS = ['run', 'compare', 'sweep', 'merge', 'explore', 'calibrate', 'analyze', 'report', 'init', 'list', 'check', 'verify'] as const;

/** The hint after a usage error: where to read how the command is used. */
function helpHint(args: readonly string[]): string {
  const command = COMMANDS.find((name) => name === args[0]);
  return command === undefined ? 'see "dgsim --help"' : `see "dgsim ${command} --help"`;
}

/** Rewrites yargs' terse messages into one sentence a user can act on; `knownOptions` are the failing command's, for did-you-mean. */
function usageMessage(message: string, args: readonly string[], knownOptions: readonly string[]): string {
  if (message.startsWith('Did you mean')) return `unknown command "${args[0] ?? ''}". ${message}`;
  const unknown = unknownArgumentsMessage(message, args, knownOptions);
  if (unknown !== undefined) return unknown;
  if (message.startsWith('Not enough non-option arguments')) {
    if (args[0] === 'run') return 'missing the scenario file to run';
    if (args[0] === 'compare') return 'compare needs two scenario files';
  }
  const missingValue = /^Not enough arguments following: (.+)$/.exec(message);
  if (missingValue !== null) return `--${missingValue[1]} needs a value`;
  return message.replace(/^Unknown arguments?: /, (prefix) => (prefix.includes('arguments') ? 'unknown arguments: ' : 'unknown argument: '));
}

/** Prints what went wrong and returns the exit code. */
function reportFailure(error: unknown, args: readonly string[], io: CliIo): number {
  if (error instanceof ScenarioFileError) {
    io.err(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof VerifyFailedError) {
    io.err(`dgsim: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof RunsFailedError) {
    io.err(`dgsim: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof UsageError) {
    io.err(`dgsim: ${error.message} (${helpHint(args)})\n`);
    return EXIT.usage;
  }
  if (error instanceof UserError) {
    io.err(`dgsim: ${error.message}\n`);
    return EXIT.usage;
  }
  const name = error instanceof Error ? error.name : 'Error';
  io.err(`dgsim: internal error, please report it with the command you ran: ${name}: ${messageOf(error).split('\n')[0] ?? ''}\n`);
  if (io.debug && error instanceof Error && error.stack !== undefined) io.err(`${error.stack}\n`);
  return EXIT.internal;
}

/** Options of `runCli` for callers inside dgsim. */
export interface RunCliOptions {
  /** The command line run, compare, sweep and merge record in their outputs instead of `args` (for `dgsim verify`). */
  readonly recordedArgs?: readonly string[];
}

/**
 * Runs the dgsim command line on `args` (the arguments after the program
 * name) and returns the exit code: 0 success, 2 user error, 70 internal error.
 * Never throws and never exits the process; --help and --version print to stdout.
 * @example process.exitCode = await runCli(['run', 'scenarios/city.yaml', '--seed', '2'], nodeIo());
 */
export async function runCli(args: readonly string[], io: CliIo, options: RunCliOptions = {}): Promise<number> {
  // What run, compare, sweep and merge record as their command line: `dgsim verify` re-runs into another directory but records the original.
  const recorded = options.recordedArgs ?? args;
  const parser = yargs([...args])
    .scriptName('dgsim')
    .usage('$0 <command> [options]\n\nSimulate how a city\'s digital-governance strategy serves its citizens: who is left behind, what it costs, what happens to trust.')
    .command(
      'run <scenario>',
      'Run a scenario once and write its summary, monthly table and manifest',
      (command) =>
        command
          .positional('scenario', { type: 'string', describe: 'scenario file (YAML or JSON)', demandOption: true })
          .option('seed', { type: 'string', default: '1', requiresArg: true, describe: 'random seed: a whole number; the same seed gives byte-identical outputs' })
          .option('out', { type: 'string', requiresArg: true, describe: 'output directory [default: out/<scenario file name>]' })
          .option('max-memory', MAX_MEMORY_OPTION)
          .option('sample', SAMPLE_OPTION)
          .option(REPORT_OPTION.name, REPORT_OPTION.settings)
          .example('$0 run scenarios/hybrid.yaml', 'run once with seed 1, writing out/hybrid/')
          .example('$0 run scenarios/digital-only.yaml --seed 7 --out results/do-7', 'another seed, another directory')
          .epilogue('Writes summary.json (every outcome, full precision), monthly.csv (month,segment,metric,value), the report (report.html, summary.md, charts/; --no-report skips it), then manifest.json (the sha256 of each of those files; dgsim verify re-runs and compares), and prints a summary to stdout.'),
      async (argv) => {
        await runCommand({ scenario: argv.scenario, seed: argv.seed, out: argv.out, maxMemory: argv['max-memory'], sample: argv.sample, report: argv.report }, recorded, io);
      },
    )
    .command(
      'compare <a> <b>',
      'Compare two scenarios over paired replications (common random numbers), with 95% confidence intervals',
      (command) =>
        command
          .positional('a', { type: 'string', describe: 'scenario file A (the reference)', demandOption: true })
          .positional('b', { type: 'string', describe: 'scenario file B (differences are B - A)', demandOption: true })
          .option('reps', { type: 'string', default: '10', requiresArg: true, describe: 'replications: a whole number of at least 1; replicate k uses seed + k for both scenarios' })
          .option('seed', { type: 'string', default: '1', requiresArg: true, describe: 'master seed: a whole number' })
          .option('out', { type: 'string', requiresArg: true, describe: 'output directory [default: out/compare-<a>-vs-<b>]' })
          .option('max-memory', MAX_MEMORY_OPTION)
          .option('sample', SAMPLE_OPTION)
          .option(REPORT_OPTION.name, REPORT_OPTION.settings)
          .example('$0 compare scenarios/digital-only.yaml scenarios/hybrid.yaml --reps 5', 'five paired replications, writing out/compare-digital-only-vs-hybrid/')
          .epilogue('Writes compare.json (means, CIs and paired differences of every headline metric, both scorecards), compare.csv (one row per metric), the first replicate\'s monthly tables, the report (--no-report skips it), then manifest.json (the sha256 of each of those files), and prints the comparison to stdout. Progress goes to stderr.'),
      async (argv) => {
        await compareCommand({ a: argv.a, b: argv.b, reps: argv.reps, seed: argv.seed, out: argv.out, maxMemory: argv['max-memory'], sample: argv.sample, report: argv.report }, recorded, io);
      },
    )
    .command(sweepCommand(io, recorded))
    .command(mergeCommand(io, recorded))
    .command(exploreCommand(io))
    .command(calibrateCommandModule(args, io))
    .command(analyzeCommandModule(args, io))
    .command(reportCommand(io))
    .command(checkCommand(io))
    .command(verifyCommand(io, (rerunArgs, recordedArgs, rerunIo) => runCli(rerunArgs, rerunIo, { recordedArgs })))
    .command(initCommand(io))
    .command(listCommand(io))
    .example('$0 list', 'the built-in scenarios, one line each')
    .example('$0 compare scenarios/digital-only.yaml scenarios/hybrid.yaml --reps 10', 'digital-only against hybrid, ten paired replications')
    .example('$0 init my-city.yaml && $0 run my-city.yaml', 'start a scenario of your own from the default city, and run it')
    .example('$0 <command> --help', 'what a command takes, with examples')
    .demandCommand(1, 'say which command to run: run, compare, …')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(dgsimVersion())
    .wrap(100)
    .exitProcess(false)
    .fail((message: string | null | undefined, error: Error | undefined) => {
      // yargs reports most of its own checks with a message, some (a missing option value) as a YError,
      // and failures of handlers with their error.
      if (error === undefined || error.name === 'YError') throw new UsageError(usageMessage(message ?? error?.message ?? 'invalid command line', args, knownOptionNames(parser)));
      throw error;
    });
  try {
    await parser.parseAsync();
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error, args, io);
  }
}
