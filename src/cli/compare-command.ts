/**
 * `dgsim compare <a> <b>`: load both, run the paired replications (progress
 * on stderr), print the comparison to stdout, write compare.json,
 * compare.csv, the monthly tables, the report and manifest.json (last,
 * listing them all), say where on stderr.
 */
import { formatCompareText } from '../report/compare-text.js';
import { compareManifest, compareOutputFiles } from '../report/compare-outputs.js';
import { dgsimVersion } from '../version.js';
import { compareScenarios } from '../scenarios/compare.js';
import { UserError } from './errors.js';
import type { CliIo } from './io.js';
import { loadScenarioOrFail } from './load-scenario.js';
import { checkCompareMemory } from './memory-check.js';
import { parseOutDirectory, parseReplications, parseSeed } from './options.js';
import { commandLine, defaultCompareDirectory } from './paths.js';
import { withSampleOption } from './sample-option.js';
import { reportFontsOrFail, writeOutputs } from './write-outputs.js';

/** The options of `dgsim compare` as yargs hands them over (values as typed). */
export interface CompareArguments {
  readonly a: string;
  readonly b: string;
  readonly reps: unknown;
  readonly seed: unknown;
  readonly out?: unknown;
  /** `--max-memory`: refuse above this estimate (memory-check.ts). */
  readonly maxMemory?: unknown;
  /** `--sample`: overrides population.sample of both scenarios (sample-option.ts). */
  readonly sample?: unknown;
  /** `--no-report` gives false: skip report.html, summary.md and charts. */
  readonly report?: boolean;
}

/**
 * A progress reporter for replications: on a terminal one line redrawn in
 * place, otherwise one line per replicate (readable in a log).
 */
function progressReporter(io: CliIo): { onReplicate: (done: number, total: number) => void; finish: () => void } {
  const startedMs = io.nowMs();
  let drawn = false;
  return {
    onReplicate: (done, total) => {
      const line = `dgsim: replicate ${done}/${total} done (${((io.nowMs() - startedMs) / 1000).toFixed(1)} s)`;
      if (io.stderrIsTty) {
        io.err(`\r${line}`);
        drawn = true;
      } else {
        io.err(`${line}\n`);
      }
    },
    finish: () => {
      if (drawn) io.err('\n');
    },
  };
}

/**
 * Runs `dgsim compare`. `args` is the whole command line as given (recorded in the outputs).
 * @throws UserError (bad option, invalid scenario, too big for memory, unwritable output); InvariantError (a bug).
 */
export async function compareCommand(options: CompareArguments, args: readonly string[], io: CliIo): Promise<void> {
  const replications = parseReplications(options.reps);
  const seed = parseSeed(options.seed);
  if (!Number.isSafeInteger(seed + replications - 1)) {
    throw new UserError(`--seed ${seed} with --reps ${replications} runs past the largest safe seed (${Number.MAX_SAFE_INTEGER}); use a smaller seed`);
  }
  const directory = options.out === undefined ? defaultCompareDirectory(options.a, options.b) : parseOutDirectory(options.out);
  const loadedA = loadScenarioOrFail(options.a, io.cwd);
  const loadedB = loadScenarioOrFail(options.b, io.cwd);
  const a = { ...loadedA, scenario: withSampleOption(loadedA.scenario, options.sample) };
  const b = { ...loadedB, scenario: withSampleOption(loadedB.scenario, options.sample) };
  checkCompareMemory(a.scenario, b.scenario, options.maxMemory);
  const fonts = reportFontsOrFail(options.report !== false);
  const lastSeed = seed + replications - 1;
  io.err(
    `dgsim: comparing A = ${a.scenario.name} with B = ${b.scenario.name}: ${replications} paired replication${replications === 1 ? '' : 's'} ` +
      `(seed${replications === 1 ? ` ${seed}` : `s ${seed}-${lastSeed}`})\n`,
  );
  const progress = progressReporter(io);
  let comparison;
  try {
    comparison = compareScenarios(a.scenario, b.scenario, { replications, seed, onReplicate: progress.onReplicate });
  } finally {
    progress.finish();
  }
  io.out(formatCompareText(comparison, { color: io.color }));
  const provenance = { dgsimVersion: dgsimVersion(), command: commandLine(args), a: a.source, b: b.source, seed, replications };
  await writeOutputs(
    {
      directory,
      shown: directory,
      data: async (set) => {
        for (const output of compareOutputFiles(comparison, provenance)) await set.write(output.file, output.content);
      },
      manifest: compareManifest(provenance),
      fonts,
    },
    io,
  );
}
