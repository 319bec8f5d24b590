/**
 * Sweep throughput: runs/second of the same sweep with 1 and 2 workers.
 *
 *   npx tsx bench/sweep.ts [--runs 80] [--sweep examples/sweeps/grid.yaml] [--size 20000] [--replications 50]
 *
 * (under tsx the worker threads inherit its loader and run several times
 * slower: bench/run.ts runs a bundled copy with plain node)
 *
 * Takes the first points of the sweep (the default city with 2,000 citizens
 * over 12 months in the grid example, or `--size` citizens) up to about
 * `--runs` runs (each point with `--replications` replicates, if given, else
 * the sweep's), runs them
 * into temporary directories with 1 and then 2 worker threads, prints the
 * rates, and checks that both gave byte-identical results. The first rate
 * counts the whole sweep (pool start-up, runs, journal fsyncs, the final
 * files); the second starts when the first run is back (the pool is up); the third
 * counts the second half of the runs, when each worker's compiler has done
 * most of its work (the final files included): what a long sweep settles at.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatIssues } from '../src/scenarios/issues.js';
import type * as LoadSweep from '../src/scenarios/sweep/load-sweep.js';
import type * as RunSweep from '../src/scenarios/sweep/run-sweep.js';

// The sweep runs from the compiled JavaScript (dist/, built by `npm ci` or `npm run build`), as
// `dgsim sweep` does: worker threads started from the TypeScript sources would each compile
// them first, which is not what a user's sweep pays.
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '80' },
    sweep: { type: 'string', default: 'examples/sweeps/grid.yaml' },
    size: { type: 'string' },
    replications: { type: 'string' },
    // The project's root (bench/run.ts runs a bundled copy of this script from elsewhere).
    root: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), '..') },
  },
});
const dist = join(values.root, 'dist', 'src', 'scenarios', 'sweep');
if (!existsSync(join(dist, 'run-sweep.js'))) {
  process.stderr.write('bench/sweep: dist/ is missing; run `npm run build` first\n');
  process.exit(2);
}
const { loadSweepFile } = (await import(pathToFileURL(join(dist, 'load-sweep.js')).href)) as typeof LoadSweep;
const { runSweep } = (await import(pathToFileURL(join(dist, 'run-sweep.js')).href)) as typeof RunSweep;

const wanted = Number(values.runs);
const loaded = loadSweepFile(values.sweep);
if (!loaded.ok) {
  process.stderr.write(`${formatIssues(loaded.issues)}\n`);
  process.exit(2);
}
const sized =
  values.size === undefined
    ? loaded.sweep
    : { ...loaded.sweep, scenario: { ...loaded.sweep.scenario, population: { ...loaded.sweep.scenario.population, size: Number(values.size) } } };
const replications = values.replications === undefined ? sized.replications : Number(values.replications);
if (!Number.isSafeInteger(replications) || replications < 1) {
  process.stderr.write(`bench/sweep: --replications must be a whole number of at least 1, got ${values.replications}\n`);
  process.exit(2);
}
const full = { ...sized, replications };
const pointCount = Math.max(1, Math.min(full.points.length, Math.ceil(wanted / full.replications)));
const sweep = { ...full, points: full.points.slice(0, pointCount) };
const runs = pointCount * sweep.replications;
const root = mkdtempSync(join(tmpdir(), 'dgsim-bench-sweep-'));

process.stdout.write(
  `bench/sweep: ${values.sweep}, first ${pointCount} points × ${sweep.replications} replicates = ${runs} runs ` +
    `(${sweep.scenario.population.size} citizens, ${sweep.scenario.horizonMonths} months); ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'})\n`,
);
try {
  const rates: number[] = [];
  const settledRates: number[] = [];
  const half = Math.floor(runs / 2);
  for (const workers of [1, 2]) {
    const outDir = join(root, `workers-${workers}`);
    const started = performance.now();
    let firstDone: number | undefined;
    let halfDone: number | undefined;
    const progress = (p: { readonly sessionDone: number }): void => {
      if (p.sessionDone === 1 && firstDone === undefined) firstDone = performance.now();
      if (p.sessionDone === half && halfDone === undefined) halfDone = performance.now();
    };
    const result = await runSweep({ sweep, outDir, workers }, { progress });
    const finished = performance.now();
    const seconds = (finished - started) / 1000;
    if (!result.ok) throw new Error(result.message);
    rates.push(runs / seconds);
    // After the first run is back the pool is up: the rate without the pool's start-up.
    const steady = firstDone === undefined ? Number.NaN : (runs - 1) / ((finished - firstDone) / 1000);
    // The second half, each worker's compiler warm-up mostly behind it (the final files included): what a long sweep settles at.
    const settled = halfDone === undefined ? Number.NaN : (runs - half) / ((finished - halfDone) / 1000);
    settledRates.push(settled);
    process.stdout.write(
      `  ${workers} worker${workers === 1 ? ' ' : 's'}: ${runs} runs in ${seconds.toFixed(1)} s = ${(runs / seconds).toFixed(2)} runs/s (after start-up: ${steady.toFixed(2)} runs/s; second half: ${settled.toFixed(2)} runs/s)\n`,
    );
  }
  const same = ['runs.csv', 'runs.jsonl'].every((file) => readFileSync(join(root, 'workers-1', file), 'utf8') === readFileSync(join(root, 'workers-2', file), 'utf8'));
  process.stdout.write(
    `  speed-up with 2 workers: ${(rates[1]! / rates[0]!).toFixed(2)}× (second half: ${(settledRates[1]! / settledRates[0]!).toFixed(2)}×); results identical: ${same ? 'yes' : 'NO'}\n`,
  );
  if (!same) process.exitCode = 1;
} finally {
  rmSync(root, { recursive: true, force: true });
}
