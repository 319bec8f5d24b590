/**
 * `dgsim check <file...>`: validates scenario and sweep files without
 * running anything, and says for each valid one what a run would take.
 *
 *   file ──► sweep or scenario? (a top-level `base:`, `design:` or `parameters:` key makes a sweep)
 *        ──► loadSweepFile | loadScenarioFile ──► issues | "ok" line on stdout
 *        ──► memory estimate against the limit (as `dgsim run` or `dgsim sweep` on every core, with its report, would refuse)
 *
 * Exit code 0 when every file is valid (and fits in memory), 2 otherwise,
 * with every issue of every file printed as the loader formats them.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Argv, CommandModule } from 'yargs';
import { estimateRunMemory, formatBytes, type MemoryEstimate } from '../scenarios/memory-estimate.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { readInputFile } from '../scenarios/read-input.js';
import { loadSweepFile } from '../scenarios/sweep/load-sweep.js';
import { defaultWorkers } from '../scenarios/sweep/pool.js';
import type { ScenarioIssue } from '../scenarios/issues.js';
import { ScenarioFileError, UserError } from './errors.js';
import type { CliIo } from './io.js';
import { memoryLimit, memoryRefusal, MAX_MEMORY_OPTION, sweepMemoryRefusal } from './memory-check.js';

/** The options of `dgsim check` as yargs hands them over. */
export interface CheckArguments {
  readonly files: readonly string[];
  readonly 'max-memory'?: unknown;
}

/** A sweep refused for memory while loading: stops the loader before it builds the design. */
class MemoryRefused extends Error {}

/** Top-level keys only a sweep file has. */
const SWEEP_KEYS: ReadonlySet<string> = new Set(['base', 'design', 'parameters']);

/**
 * Whether `file` looks like a sweep file: a mapping with a `base`, `design`
 * or `parameters` key. Anything unreadable, unparsable or not a regular file
 * is taken for a scenario, whose loader then reports the problem. Never throws.
 */
export function looksLikeSweep(file: string): boolean {
  // Only regular files are peeked at: a pipe (`/dev/stdin`) can be read once, by the loader.
  const read = readInputFile(file, { regularOnly: true });
  if (!read.ok) return false;
  try {
    const doc = parseDocument(read.content.toString('utf8'));
    return isMap(doc.contents) && doc.contents.items.some((pair) => isScalar(pair.key) && SWEEP_KEYS.has(String(pair.key.value)));
  } catch {
    return false;
  }
}

/** The "ok" line of a valid file, or its issues (and the memory refusal of a scenario too big for the machine). */
function checkFile(file: string, maxMemory: unknown): { ok: true; line: string } | { ok: false; issues: ScenarioIssue[] } | { ok: false; refusal: string } {
  if (looksLikeSweep(file)) {
    const workers = defaultWorkers();
    let estimate: MemoryEstimate | undefined;
    let loaded;
    try {
      loaded = loadSweepFile(file, {
        beforePoints: (outline) => {
          const memory = sweepMemoryRefusal(outline, { workers, runs: outline.pointCount * outline.replications, report: true }, memoryLimit(maxMemory));
          // Stop before a design too big for memory is built.
          if (memory.refusal !== undefined) throw new MemoryRefused(`${file}: ${memory.refusal}`);
          estimate = memory.estimate;
        },
      });
    } catch (error) {
      if (error instanceof MemoryRefused) return { ok: false, refusal: error.message };
      throw error;
    }
    if (!loaded.ok) return { ok: false, issues: loaded.issues };
    const { sweep } = loaded;
    const runs = sweep.points.length * sweep.replications;
    return {
      ok: true,
      line:
        `ok ${file}: sweep "${sweep.name}", ${sweep.points.length.toLocaleString('en-GB')} points × ${sweep.replications} replicate${sweep.replications === 1 ? '' : 's'} = ${runs.toLocaleString('en-GB')} runs of ${sweep.baseFile}` +
        (estimate === undefined ? '' : `, about ${formatBytes(estimate.totalBytes)} of memory on ${workers} worker${workers === 1 ? '' : 's'}`),
    };
  }
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  const { scenario } = loaded;
  const refusal = memoryRefusal(`a run of ${file}`, [scenario], memoryLimit(maxMemory), (options) => estimateRunMemory(scenario, options));
  if (refusal !== undefined) return { ok: false, refusal };
  const estimate = estimateRunMemory(scenario);
  return {
    ok: true,
    line: `ok ${file}: scenario "${scenario.name}", ${estimate.simulatedCitizens.toLocaleString('en-GB')} citizens simulated for ${scenario.horizonMonths} months, about ${formatBytes(estimate.totalBytes)} of memory`,
  };
}

/**
 * Runs `dgsim check`: one "ok" line per valid file on stdout.
 * @throws ScenarioFileError with the issues of every invalid file; UserError when a valid scenario is too big for memory.
 */
export async function checkHandler(options: CheckArguments, io: CliIo): Promise<void> {
  const issues: ScenarioIssue[] = [];
  const refusals: string[] = [];
  for (const file of options.files) {
    const result = checkFile(String(file), options['max-memory']);
    if (result.ok) io.out(`${result.line}\n`);
    else if ('issues' in result) issues.push(...result.issues);
    else refusals.push(result.refusal);
  }
  if (issues.length > 0) {
    for (const refusal of refusals) io.err(`dgsim: ${refusal}\n`);
    throw new ScenarioFileError(issues);
  }
  if (refusals.length > 0) throw new UserError(refusals.join('\ndgsim: '));
}

/** The yargs module of `dgsim check`, writing through `io`. */
export function checkCommand(io: CliIo): CommandModule<object, CheckArguments> {
  return {
    command: 'check <files..>',
    describe: 'Check scenario and sweep files without running them: every problem with its file, line and path',
    builder: (command: Argv<object>): Argv<CheckArguments> =>
      command
        .positional('files', { type: 'string', array: true, describe: 'scenario or sweep files (YAML or JSON); a file with a top-level base:, design: or parameters: is a sweep', demandOption: true })
        .option('max-memory', MAX_MEMORY_OPTION)
        .example('$0 check scenarios/*.yaml', 'check every scenario, printing "ok" for each valid one')
        .example('$0 check examples/sweeps/grid.yaml', 'check a sweep file, its base scenario and every parameter value')
        .epilogue('Exit code 0 when every file is valid, 2 otherwise. Nothing is run and nothing is written.') as unknown as Argv<CheckArguments>,
    handler: async (argv) => {
      await checkHandler(argv, io);
    },
  };
}
