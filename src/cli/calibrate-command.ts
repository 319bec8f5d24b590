/**
 * `dgsim calibrate <calibration.yaml>`: fit chosen scenario parameters to
 * target figures.
 *
 *   calibration file ──► schema ──► scenario (loaded, extends followed) ──► parameters and targets resolved
 *     ──► calibrate (Nelder–Mead, R replications with common random numbers; progress on stderr)
 *     ──► <out>/calibrated.yaml (extends the scenario, fitted fields only), residuals.csv, parameters.csv
 *     ──► the fitted table on stdout
 *
 * The calibrated file is loaded back before the command ends, so a file
 * that would not load is a bug caught here, not by the next user.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Argv, CommandModule } from 'yargs';
import { calibrate, calibratedScenarioYaml, parametersCsv, residualsCsv, targetProblems, type CalibrationProblem, type CalibrationResult } from '../calibration/calibrate.js';
import { describeMetric, selectSegments } from '../calibration/metric.js';
import { resolveParameters } from '../calibration/parameters.js';
import { calibrationSchema, targetFromSpec } from '../calibration/spec.js';
import { writeFileAtomic } from '../report/atomic-write.js';
import { compileScenario } from '../scenarios/compile.js';
import { formatIssues, loadScenarioFile } from '../scenarios/index.js';
import { outputError, systemErrorCode, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { loadScenarioOrFail } from './load-scenario.js';
import { parseOutDirectory, parseReplications, parseSeed } from './options.js';
import { commandLine, portablePath, scenarioStem } from './paths.js';

/** The options of `dgsim calibrate` as yargs hands them over (values as typed). */
export interface CalibrateArguments {
  readonly calibration: string;
  readonly out?: unknown;
  readonly reps?: unknown;
  readonly seed?: unknown;
  readonly maxEvaluations?: unknown;
}

/** The files `dgsim calibrate` writes into its output directory. */
export const CALIBRATE_OUTPUTS = ['calibrated.yaml', 'residuals.csv', 'parameters.csv'] as const;

/** The default output directory: `out/calibrate-<calibration file stem>`. */
export function defaultCalibrateDirectory(file: string): string {
  return join('out', `calibrate-${scenarioStem(file)}`);
}

function parseEvaluations(value: unknown): number {
  return parseReplications(value, 'max-evaluations');
}

/** Reads and validates the calibration file; problems become one UserError listing them. */
function readCalibrationFile(file: string, cwd: string): ReturnType<typeof calibrationSchema.parse> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = systemErrorCode(error);
    throw new UserError(code === 'ENOENT' ? `calibration file ${file} not found` : `cannot read calibration file ${file}: ${(error as Error).message}`);
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new UserError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const parsed = calibrationSchema.safeParse(document);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.length === 0 ? '(top level)' : issue.path.join('.')}: ${issue.message}`);
    throw new UserError(`${file} is not a valid calibration file:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

function pad(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((value, i) => value.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** The fitted parameters and the residuals as text for stdout. */
export function calibrationText(problem: CalibrationProblem, result: CalibrationResult): string {
  const g = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x));
  const parameters = pad([
    ['parameter', 'mode', 'bounds', 'start', 'fitted'],
    ...problem.parameters.map((p, i) => [p.name, p.mode, `[${g(p.min)}, ${g(p.max)}]`, g(result.start.thetas[i]!), g(result.best.thetas[i]!)]),
  ]);
  const targets = pad([
    ['target', 'figure', 'value', 'start', 'fitted', 'residual', 'tolerance', ''],
    ...result.best.results.map((r, i) => [
      r.target.id,
      describeMetric(r.target.metric),
      g(r.target.value),
      g(result.start.results[i]?.simulated ?? Number.NaN),
      g(r.simulated),
      g(r.residual),
      r.target.tolerance === undefined ? '-' : `± ${g(r.target.tolerance)}`,
      r.withinTolerance === undefined ? '' : r.withinTolerance ? 'within' : 'outside',
    ]),
  ]);
  return `${parameters}\n\n${targets}\n\nobjective ${g(result.start.objective)} → ${g(result.best.objective)} in ${result.evaluations} evaluations${result.converged ? '' : ' (stopped by --max-evaluations)'}\n`;
}

/**
 * Runs `dgsim calibrate`. `args` is the whole command line as given (recorded in the calibrated file).
 * @throws UserError (bad option, invalid calibration file or scenario, unwritable output).
 */
export async function calibrateCommand(options: CalibrateArguments, args: readonly string[], io: CliIo): Promise<void> {
  const spec = readCalibrationFile(options.calibration, io.cwd);
  const replications = options.reps === undefined ? spec.replications : parseReplications(options.reps);
  const seed = options.seed === undefined ? spec.seed : parseSeed(options.seed);
  const maxEvaluations = options.maxEvaluations === undefined ? spec.maxEvaluations : parseEvaluations(options.maxEvaluations);
  const directory = options.out === undefined ? defaultCalibrateDirectory(options.calibration) : parseOutDirectory(options.out);
  const scenarioFile = join(dirname(options.calibration), spec.scenario);
  const { scenario, source } = loadScenarioOrFail(resolve(io.cwd, scenarioFile), io.cwd);
  const resolved = resolveParameters(scenario, spec.parameters);
  if (!resolved.ok) throw new UserError(`${options.calibration}: ${resolved.problems.join('\n  ')}`);
  const targets = spec.targets.map(targetFromSpec);
  const problem: CalibrationProblem = {
    scenario,
    parameters: resolved.parameters,
    targets,
    replications,
    seed,
    maxEvaluations,
    ...(spec.horizonMonths === undefined ? {} : { horizonMonths: spec.horizonMonths }),
    ...(spec.sample === undefined ? {} : { sample: spec.sample }),
  };
  const problems = targetProblems(problem);
  const config = compileScenario(scenario);
  for (const target of targets) {
    if (target.metric.kind === 'summary') continue;
    try {
      selectSegments(config, target.metric.group);
    } catch (error) {
      problems.push(`target ${target.id}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new UserError(`${options.calibration}: ${problems.join('\n  ')}`);

  io.err(
    `dgsim: calibrating ${problem.parameters.length} parameter(s) of ${scenario.name} (${source.files[0] ?? scenarioFile}) to ${targets.length} target(s): ` +
      `${replications} replication(s) per evaluation, seeds from ${seed}, at most ${maxEvaluations} evaluations\n`,
  );
  const started = io.nowMs();
  let best = Infinity;
  let result: CalibrationResult;
  try {
    result = calibrate(problem, (evaluation, index) => {
      best = Math.min(best, evaluation.objective);
      const line = `dgsim: evaluation ${index}: objective ${evaluation.objective.toPrecision(4)} (best ${best.toPrecision(4)}, ${((io.nowMs() - started) / 1000).toFixed(1)} s)`;
      io.err(io.stderrIsTty ? `\r${line}` : `${line}\n`);
    });
  } catch (error) {
    // A summary path that is not a number, or start values outside a field's range, are the user's to fix.
    if (error instanceof Error && (error.message.startsWith('target ') || error.message.startsWith('the start values'))) throw new UserError(error.message);
    throw error;
  } finally {
    if (io.stderrIsTty) io.err('\n');
  }
  io.out(calibrationText(problem, result));

  const outputDirectory = resolve(io.cwd, directory);
  const extendsPath = portablePath(relative(outputDirectory, resolve(io.cwd, scenarioFile)), io.cwd);
  const files: Record<(typeof CALIBRATE_OUTPUTS)[number], string> = {
    'calibrated.yaml': calibratedScenarioYaml(problem, result, { extendsPath, calibrationFile: portablePath(options.calibration, io.cwd), command: commandLine(args) }),
    'residuals.csv': residualsCsv(result),
    'parameters.csv': parametersCsv(problem, result),
  };
  try {
    await mkdir(outputDirectory, { recursive: true });
    for (const name of CALIBRATE_OUTPUTS) await writeFileAtomic(join(outputDirectory, name), files[name]);
  } catch (error) {
    throw systemErrorCode(error) === undefined ? error : outputError(directory, error);
  }
  const check = loadScenarioFile(join(outputDirectory, 'calibrated.yaml'));
  if (!check.ok) throw new Error(`the calibrated scenario does not load:\n${formatIssues(check.issues)}`);
  io.err(`dgsim: wrote ${CALIBRATE_OUTPUTS.join(', ')} to ${directory}\n`);
}

/**
 * The yargs command module of `dgsim calibrate`, for `.command(...)` in the CLI.
 * `args` is the whole command line (recorded in the calibrated file).
 */
export function calibrateCommandModule(args: readonly string[], io: CliIo): CommandModule<object, CalibrateArguments> {
  return {
    command: 'calibrate <calibration>',
    describe: 'Fit scenario parameters to target figures (Nelder–Mead over replications with common random numbers)',
    builder: (command: Argv<object>) =>
      command
        .positional('calibration', { type: 'string', describe: 'calibration file (YAML): the scenario, the parameters with bounds, the targets', demandOption: true })
        .option('reps', { type: 'string', requiresArg: true, describe: 'replications per evaluation [default: the file\'s, else 2]; replicate k uses seed + k at every evaluation' })
        .option('seed', { type: 'string', requiresArg: true, describe: 'master seed: a whole number [default: the file\'s, else 1]' })
        .option('max-evaluations', { type: 'string', requiresArg: true, describe: 'largest number of parameter points evaluated [default: the file\'s, else 150]' })
        .option('out', { type: 'string', requiresArg: true, describe: 'output directory [default: out/calibrate-<calibration file name>]' })
        .example('$0 calibrate examples/calibration/city-internet-access.yaml', 'fit the default city\'s internet access by age, writing out/calibrate-city-internet-access/')
        .epilogue(
          'Writes calibrated.yaml (a scenario that extends the original and overrides only the fitted fields), residuals.csv (target, simulated, residual, tolerance) ' +
            'and parameters.csv (start and fitted values), and prints both tables to stdout. Progress goes to stderr.',
        ) as unknown as Argv<CalibrateArguments>,
    handler: async (argv) => {
      await calibrateCommand(
        {
          calibration: argv.calibration,
          ...(argv.reps === undefined ? {} : { reps: argv.reps }),
          ...(argv.seed === undefined ? {} : { seed: argv.seed }),
          ...(argv.maxEvaluations === undefined ? {} : { maxEvaluations: argv.maxEvaluations }),
          ...(argv.out === undefined ? {} : { out: argv.out }),
        },
        args,
        io,
      );
    },
  };
}
