/**
 * Two builds of dgsim timed against each other in one process, their work
 * interleaved finely, so that the host's drift (wall times of the same
 * command move by ±10–20% over minutes on a shared virtual machine, more
 * than most changes) falls on both alike.
 *
 *   npx tsx bench/ab.ts --base <checkout> [--new <checkout>] [--mode days|runs] [--size N] [--runs N] [--scenario file]
 *
 * Each checkout must hold a build (`npm run build`: dist/); --new defaults to
 * this one. A base is typically a git worktree of an earlier commit:
 * `git worktree add /tmp/base <rev> && ln -s "$PWD/node_modules" /tmp/base/ && (cd /tmp/base && npm run build)`.
 *
 *   --mode days (default): a city of --size citizens (bench/all-mechanisms.yaml), both builds stepping their own
 *     run one simulated day at a time, alternately; --runs warm runs each after one to warm up. Prints each
 *     build's time per run (days only, and population generation apart) and new/base.
 *   --mode runs: the grid example's sweep runs (2,000 citizens, or --size) through each build's `executeRun`,
 *     alternated run by run, as a sweep worker does them; --runs runs each after 500 to warm up.
 *
 * It measures warm code only (a fresh process's compilation is what `npm run bench` times). A result
 * within about 2% of 1 is within what this method resolves here.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    new: { type: 'string', default: process.cwd() },
    mode: { type: 'string', default: 'days' },
    size: { type: 'string' },
    runs: { type: 'string' },
    scenario: { type: 'string', default: 'bench/all-mechanisms.yaml' },
    sweep: { type: 'string', default: 'examples/sweeps/grid.yaml' },
  },
});
const fail = (message: string): never => {
  process.stderr.write(`bench/ab: ${message}\n`);
  process.exit(2);
};
if (values.base === undefined) fail('--base <checkout with a build> is required');
const roots = { base: resolve(values.base!), new: resolve(values.new) };
for (const [name, root] of Object.entries(roots)) if (!existsSync(join(root, 'dist', 'src', 'sim', 'engine.js'))) fail(`${name} checkout ${root} has no build: run "npm run build" there`);
if (values.mode !== 'days' && values.mode !== 'runs') fail(`--mode must be days or runs, got ${values.mode}`);
const here = process.cwd();
const load = async <T>(root: string, path: string): Promise<T> => (await import(pathToFileURL(join(root, 'dist', 'src', path)).href)) as T;
type Build = 'base' | 'new';
const BUILDS: readonly Build[] = ['base', 'new'];

/** Alternates which build goes first, so neither always runs on a cache the other warmed. */
const order = (k: number): readonly Build[] => (k % 2 === 0 ? BUILDS : ['new', 'base']);

interface Sim {
  readonly start: (seed: number) => { readonly state: { day: number; month: number }; readonly ctx: unknown; readonly days: number };
  readonly step: (state: unknown, ctx: unknown) => void;
}

async function simOf(root: string, size: number): Promise<Sim> {
  const { loadScenarioFile } = await load<typeof import('../src/scenarios/load.js')>(root, 'scenarios/load.js');
  const { compileScenario } = await load<typeof import('../src/scenarios/compile.js')>(root, 'scenarios/compile.js');
  const engine = await load<typeof import('../src/sim/engine.js')>(root, 'sim/engine.js');
  const { createWorkspace } = await load<typeof import('../src/sim/state.js')>(root, 'sim/state.js');
  const loaded = loadScenarioFile(join(here, values.scenario));
  if (!loaded.ok) return fail(`cannot load ${values.scenario}`);
  const scenario = { ...loaded.scenario, population: { size, sample: 1 } };
  const workspace = createWorkspace();
  return {
    start: (seed) => {
      const config = compileScenario(scenario);
      const ctx = engine.createContext(config, seed);
      return { state: engine.initialState(config, ctx, workspace), ctx, days: config.horizonDays };
    },
    step: (state, ctx) => engine.step(state as Parameters<typeof engine.step>[0], ctx as Parameters<typeof engine.step>[1]),
  };
}

async function days(size: number, runs: number): Promise<void> {
  const sims = { base: await simOf(roots.base, size), new: await simOf(roots.new, size) };
  const stepping = { base: 0, new: 0 };
  const population = { base: 0, new: 0 };
  for (let run = 0; run <= runs; run++) {
    const started = {} as Record<Build, ReturnType<Sim['start']>>;
    for (const build of order(run)) {
      const t = performance.now();
      started[build] = sims[build].start(run + 1);
      if (run > 0) population[build] += performance.now() - t;
    }
    for (let day = 0; day < started.base.days; day++) {
      for (const build of order(day + run)) {
        const { state, ctx } = started[build];
        state.day = day;
        state.month = Math.floor(day / 30);
        const t = performance.now();
        sims[build].step(state, ctx);
        if (run > 0) stepping[build] += performance.now() - t;
      }
    }
  }
  process.stdout.write(
    `${size.toLocaleString('en-GB')} citizens, ${runs} warm runs each, days interleaved: base ${(stepping.base / runs).toFixed(0)} ms a run, new ${(stepping.new / runs).toFixed(0)} ms, ` +
      `new/base ${(stepping.new / stepping.base).toFixed(3)}; population generation base ${(population.base / runs).toFixed(0)} ms, new ${(population.new / runs).toFixed(0)} ms\n`,
  );
}

async function sweepRuns(size: number | undefined, runs: number): Promise<void> {
  const WARM_UP = 500;
  const builds = {} as Record<Build, (i: number) => void>;
  for (const build of BUILDS) {
    const root = roots[build];
    const { loadSweepFile } = await load<typeof import('../src/scenarios/sweep/load-sweep.js')>(root, 'scenarios/sweep/load-sweep.js');
    const { executeRun, PointCache } = await load<typeof import('../src/scenarios/sweep/run-task.js')>(root, 'scenarios/sweep/run-task.js');
    const { createWorkspace } = await load<typeof import('../src/sim/state.js')>(root, 'sim/state.js');
    const { replicateSeed } = await load<typeof import('../src/scenarios/run.js')>(root, 'scenarios/run.js');
    const loaded = loadSweepFile(join(here, values.sweep));
    if (!loaded.ok) return fail(`cannot load ${values.sweep}`);
    const base = loaded.sweep;
    const sweep = size === undefined ? base : { ...base, scenario: { ...base.scenario, population: { ...base.scenario.population, size } } };
    const setup = { scenario: sweep.scenario, parameterPaths: sweep.parameters.map((p) => p.documentPath), metrics: sweep.metrics ?? null };
    const tasks = sweep.points.flatMap((point) =>
      Array.from({ length: sweep.replications }, (_, replicate) => ({ pointId: point.id, replicate, seed: replicateSeed(sweep.runSeed, replicate), values: point.values })),
    );
    const workspace = createWorkspace();
    const points = new PointCache();
    builds[build] = (i) => {
      const outcome = executeRun(setup, { runId: i, ...tasks[i % tasks.length]! }, workspace, points);
      if (outcome.status !== 'ok') fail(`${build}: run ${i} failed: ${outcome.error}`);
    };
  }
  const total = { base: 0, new: 0 };
  for (let i = 0; i < WARM_UP + runs; i++) {
    for (const build of order(i)) {
      const t = performance.now();
      builds[build](i);
      if (i >= WARM_UP) total[build] += performance.now() - t;
    }
  }
  process.stdout.write(
    `${values.sweep} runs${size === undefined ? '' : ` of ${size.toLocaleString('en-GB')} citizens`}, ${runs} each after ${WARM_UP}, interleaved: ` +
      `base ${(total.base / runs).toFixed(3)} ms a run, new ${(total.new / runs).toFixed(3)} ms, new/base ${(total.new / total.base).toFixed(3)}\n`,
  );
}

const size = values.size === undefined ? undefined : Number(values.size);
if (values.mode === 'days') await days(size ?? 1_000_000, Number(values.runs ?? 3));
else await sweepRuns(size, Number(values.runs ?? 2500));
