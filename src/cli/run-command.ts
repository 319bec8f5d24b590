/**
 * `dgsim run <scenario>`: load, run once, print the run text to stdout,
 * write summary.json, monthly.csv, the report and manifest.json (last,
 * listing them all), say where on stderr.
 */
import { formatRunText } from '../report/run-text.js';
import { runManifest, runOutputFiles } from '../report/run-outputs.js';
import { dgsimVersion } from '../version.js';
import { runValidated } from '../scenarios/run.js';
import type { CliIo } from './io.js';
import { loadScenarioOrFail } from './load-scenario.js';
import { checkRunMemory } from './memory-check.js';
import { parseOutDirectory, parseSeed } from './options.js';
import { commandLine, defaultRunDirectory } from './paths.js';
import { withSampleOption } from './sample-option.js';
import { reportFontsOrFail, writeOutputs } from './write-outputs.js';

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
  const fonts = reportFontsOrFail(options.report !== false);
  io.err(`dgsim: running ${scenario.name} (${source.files[0] ?? options.scenario}), seed ${seed}\n`);
  const startedMs = io.nowMs();
  const result = runValidated(scenario, seed);
  io.err(`dgsim: ran in ${((io.nowMs() - startedMs) / 1000).toFixed(1)} s\n`);
  io.out(formatRunText(result, { color: io.color }));
  const provenance = { dgsimVersion: dgsimVersion(), command: commandLine(args), scenarioFiles: source.files, scenarioHash: source.hash, seed };
  await writeOutputs(
    {
      directory,
      shown: directory,
      data: async (set) => {
        for (const output of runOutputFiles(result, provenance)) await set.write(output.file, output.content);
      },
      manifest: runManifest(provenance),
      fonts,
    },
    io,
  );
}
