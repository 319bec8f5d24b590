/**
 * `dgsim run <scenario>`: load, run once, print the run text to stdout,
 * write summary.json, monthly.csv and manifest.json, say where on stderr.
 */
import { formatRunText } from '../report/run-text.js';
import { writeRunOutputs } from '../report/run-outputs.js';
import { writeReport } from './report-command.js';
import { dgsimVersion } from '../report/version.js';
import type { WrittenOutputs } from '../report/manifest.js';
import { runValidated } from '../scenarios/run.js';
import { outputError, systemErrorCode } from './errors.js';
import type { CliIo } from './io.js';
import { loadScenarioOrFail } from './load-scenario.js';
import { checkRunMemory } from './memory-check.js';
import { parseOutDirectory, parseSeed } from './options.js';
import { commandLine, defaultRunDirectory } from './paths.js';
import { withSampleOption } from './sample-option.js';

/** The options of `dgsim run` as yargs hands them over (values as typed). */
export interface RunArguments {
  readonly scenario: string;
  readonly seed: unknown;
  readonly out?: unknown;
  /** `--max-memory`: refuse above this estimate (memory-check.ts). */
  readonly maxMemory?: unknown;
  /** `--sample`: overrides population.sample (sample-option.ts). */
  readonly sample?: unknown;
  /** `--no-report` gives false: skip report.html, summary.md and charts. */
  readonly report?: boolean;
}

/** Lists what was written, e.g. `wrote summary.json, monthly.csv, manifest.json to out/city` (the directory as the user gave it). */
export function wroteMessage(written: WrittenOutputs): string {
  const files = [...written.outputs.map((output) => output.file), 'manifest.json'].join(', ');
  return `dgsim: wrote ${files} to ${written.directory}\n`;
}

/**
 * Runs `dgsim run`. `args` is the whole command line as given (recorded in the outputs).
 * @throws UserError (bad option, invalid scenario, too big for memory, unwritable output); InvariantError (a bug).
 */
export async function runCommand(options: RunArguments, args: readonly string[], io: CliIo): Promise<void> {
  const seed = parseSeed(options.seed);
  const directory = options.out === undefined ? defaultRunDirectory(options.scenario) : parseOutDirectory(options.out);
  const loaded = loadScenarioOrFail(options.scenario, io.cwd);
  const source = loaded.source;
  const scenario = withSampleOption(loaded.scenario, options.sample);
  checkRunMemory(scenario, options.maxMemory);
  io.err(`dgsim: running ${scenario.name} (${source.files[0] ?? options.scenario}), seed ${seed}\n`);
  const startedMs = io.nowMs();
  const result = runValidated(scenario, seed);
  io.err(`dgsim: ran in ${((io.nowMs() - startedMs) / 1000).toFixed(1)} s\n`);
  io.out(formatRunText(result, { color: io.color }));
  let written: WrittenOutputs;
  try {
    written = await writeRunOutputs(directory, result, {
      dgsimVersion: dgsimVersion(),
      command: commandLine(args),
      scenarioFiles: source.files,
      scenarioHash: source.hash,
      seed,
    });
  } catch (error) {
    // Only file-system failures are the user's to fix; anything else is a bug and propagates.
    throw systemErrorCode(error) === undefined ? error : outputError(directory, error);
  }
  io.err(wroteMessage(written));
  if (options.report !== false) await writeReport(directory, io);
}
