/**
 * `dgsim analyze <sweep-dir>`: what a finished sweep says.
 *
 *   sweep dir (plan.json, runs.csv) ──► analyzeSweep ──► <dir>/analysis/*.json|csv + manifest
 *     ──► the summary on stdout, where the files went on stderr
 *
 * Sensitivity (Morris or Sobol by design, PRCC and SRC always), replications
 * needed for a CI half-width, and with --prim scenario discovery.
 */
import type { Argv, CommandModule } from 'yargs';
import { AnalysisInputError } from '../analysis/analysis-input-error.js';
import { analyzeSweep } from '../analysis/analyze-sweep.js';
import type { SweepPrimOptions } from '../analysis/sweep-prim.js';
import { parseTargetHalfWidth, type TargetHalfWidth } from '../analysis/target-half-width.js';
import { analysisMessage } from '../analysis/messages.js';
import { dgsimVersion } from '../version.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { parseOutDirectory, parseSeed, singleValue } from './options.js';
import { commandLine, portablePath } from './paths.js';

/** The options of `dgsim analyze` as yargs hands them over (values as typed; repeated options as arrays). */
export interface AnalyzeArguments {
  readonly dir: string;
  readonly metric?: unknown;
  readonly prim?: unknown;
  readonly 'target-ci'?: unknown;
  readonly 'prim-alpha'?: unknown;
  readonly 'prim-min-mass'?: unknown;
  readonly 'prim-threshold'?: unknown;
  readonly 'prim-boxes'?: unknown;
  readonly bootstrap?: unknown;
  readonly seed?: unknown;
  readonly out?: unknown;
}

/** Every value of an option that may be repeated. */
function allValues(option: string, value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.map((item) => singleValue(option, item));
}

/** A number strictly between 0 and 1 (or up to 1 when `closed`). */
function parseShare(option: string, value: unknown, closed = false): number {
  const text = singleValue(option, value);
  const number = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(number > 0 && (number < 1 || (closed && number === 1)))) throw new UserError(`--${option} must be a number above 0 and ${closed ? 'at most' : 'below'} 1, got "${text}"`);
  return number;
}

/** A whole number in [min, max]. */
function parseWhole(option: string, value: unknown, min: number, max: number): number {
  const text = singleValue(option, value);
  const number = /^\+?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(Number.isSafeInteger(number) && number >= min && number <= max)) throw new UserError(`--${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  return number;
}

/**
 * Runs `dgsim analyze`. `args` is the whole command line (recorded in the manifest).
 * @throws UserError (not a sweep directory, unknown metric, bad condition or option, unwritable output).
 */
export async function analyzeCommand(options: AnalyzeArguments, args: readonly string[], io: CliIo): Promise<void> {
  const metrics = allValues('metric', options.metric);
  const targets: TargetHalfWidth[] = allValues('target-ci', options['target-ci']).map((text) => {
    const target = parseTargetHalfWidth(text);
    if (target === undefined) throw new UserError(analysisMessage.badTarget(text));
    return target;
  });
  const prim = options.prim === undefined ? undefined : singleValue('prim', options.prim);
  const primOptions: Partial<SweepPrimOptions> = {
    ...(options['prim-alpha'] === undefined ? {} : { peelAlpha: parseShare('prim-alpha', options['prim-alpha']) }),
    ...(options['prim-min-mass'] === undefined ? {} : { minMass: parseShare('prim-min-mass', options['prim-min-mass']) }),
    ...(options['prim-threshold'] === undefined ? {} : { threshold: parseShare('prim-threshold', options['prim-threshold'], true) }),
    ...(options['prim-boxes'] === undefined ? {} : { maxBoxes: parseWhole('prim-boxes', options['prim-boxes'], 1, 20) }),
  };
  const resamples = options.bootstrap === undefined ? 1000 : parseWhole('bootstrap', options.bootstrap, 0, 100_000);
  const seed = options.seed === undefined ? 1 : parseSeed(options.seed);
  const out = options.out === undefined ? undefined : parseOutDirectory(options.out);
  io.err(`dgsim: analysing the sweep in ${portablePath(options.dir, io.cwd)}\n`);
  let analysis;
  try {
    analysis = await analyzeSweep(options.dir, {
      metrics,
      ...(prim === undefined ? {} : { prim }),
      primOptions,
      targets,
      resamples,
      seed,
      ...(out === undefined ? {} : { outDirectory: out }),
      manifest: { dgsimVersion: dgsimVersion(), command: commandLine(args) },
      color: io.color,
    });
  } catch (error) {
    if (error instanceof AnalysisInputError) throw new UserError(error.message);
    // Only file-system failures are the user's to fix; anything else is a bug and propagates.
    throw systemErrorCode(error) === undefined ? error : outputError(portablePath(out ?? `${options.dir}/analysis`, io.cwd), error);
  }
  io.out(analysis.text);
  const files = [...analysis.written.outputs.map((output) => output.file), 'manifest.json'].join(', ');
  io.err(`dgsim: wrote ${files} to ${portablePath(analysis.written.directory, io.cwd)}\n`);
}

/**
 * The yargs command module of `dgsim analyze`, for `.command(...)` in the CLI.
 * `args` is the whole command line (recorded in the manifest).
 */
export function analyzeCommandModule(args: readonly string[], io: CliIo): CommandModule<object, AnalyzeArguments> {
  return {
    command: 'analyze <dir>',
    describe: 'Analyse a finished sweep: which parameters matter (Morris, Sobol, PRCC, SRC), replications needed, and where a condition holds (PRIM)',
    builder: (command: Argv<object>) =>
      command
        .positional('dir', { type: 'string', describe: 'output directory of "dgsim sweep" (holds plan.json and runs.csv)', demandOption: true })
        .option('metric', { type: 'string', requiresArg: true, describe: 'a metric to analyse; repeat for more [default: every metric that varies]' })
        .option('prim', { type: 'string', requiresArg: true, describe: 'find where a condition holds, e.g. "unmetRate[age=75+] > 0.05 and costPerMetNeedGbp < 40" (>, >=, <, <=, and)' })
        .option('target-ci', { type: 'string', requiresArg: true, describe: 'CI half-width a metric should reach, METRIC=H or METRIC=P% of its mean; repeat for more [default: 5% of the mean]' })
        .option('prim-alpha', { type: 'string', requiresArg: true, describe: 'share of the box a PRIM peel removes [default: 0.05]' })
        .option('prim-min-mass', { type: 'string', requiresArg: true, describe: 'smallest share of the points a PRIM box may hold [default: 0.05]' })
        .option('prim-threshold', { type: 'string', requiresArg: true, describe: 'density the suggested PRIM box must reach [default: 0.8]' })
        .option('prim-boxes', { type: 'string', requiresArg: true, describe: 'most PRIM boxes to find, each among the points outside the earlier ones [default: 3]' })
        .option('bootstrap', { type: 'string', requiresArg: true, describe: 'bootstrap resamples for Sobol intervals [default: 1000]' })
        .option('seed', { type: 'string', requiresArg: true, describe: 'seed of the bootstrap [default: 1]' })
        .option('out', { type: 'string', requiresArg: true, describe: 'output directory [default: <dir>/analysis]' })
        .example('$0 analyze out/sweeps/morris', 'Morris μ*, σ and PRCC for every metric, writing out/sweeps/morris/analysis/')
        .example('$0 analyze out/sweeps/lhs --prim "unmetRate[age=75+] > 0.05" --target-ci unmetRate=0.002', 'where the oldest are failed, and replications for ±0.002 on unmet need')
        .epilogue(
          'Writes sensitivity.json and sensitivity.csv (every measure with its 95% interval), points.csv (each point\'s mean over replicates with its 95% CI), ' +
            'replications.csv (replicates needed for the target CI), prim.json and prim.csv (with --prim) and manifest.json, and prints a summary to stdout.',
        ) as unknown as Argv<AnalyzeArguments>,
    handler: async (argv) => {
      await analyzeCommand(argv, args, io);
    },
  };
}
