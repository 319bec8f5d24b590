/**
 * `npm run bench`: how fast and how lean the engine is, in figures.
 *
 *   npm run bench [-- --sizes 100000,1000000,10000000] [--repeat 3] [--no-megacity] [--no-sweep] [--no-baseline] [--no-core-loop] [--no-horizon]
 *
 *   bench/city-run.ts ×size ──► wall, CPU, needs, ns per need, peak RSS, bytes per citizen
 *   (each size in a fresh child process, so the RSS is that size's alone)
 *   25M megacity        ──► the same, one core
 *   bench/sweep.ts      ──► sweep runs per second with 1 and 2 workers (1,000 runs of 2,000 and of 20,000 citizens,
 *                           5,000 runs of 2,000)
 *   bench/baseline-objects.ts at the baseline size ──► ratio typed / objects
 *   bench/core-loop.ts at the baseline size ──► the core loop alone on typed arrays, for scale
 *   bench/horizon-run.ts: `dgsim run` with its report, one year and ten ──► peak RSS of each (outputs stream)
 *   ──► a table on stdout, bench/results.json
 *
 * The city is bench/all-mechanisms.yaml (the default city with every
 * mechanism of docs/model.md switched on) over one simulated year. The
 * child scripts are bundled once with esbuild and run with plain node.
 * Figures, not assertions: nothing here fails on a slow machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

interface CityFigures {
  readonly engine: string;
  readonly citizens: number;
  readonly months: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly needs: number;
  readonly served: number;
  readonly breaches: number;
  readonly nsPerNeed: number;
  readonly cpuNsPerNeed: number;
  readonly peakRssBytes: number;
  readonly bytesPerCitizen: number;
  readonly columnBytesPerCitizen: number | null;
  /** The fresh processes behind these figures (the median by wall time): every one's ns per need, in order. */
  readonly repeats?: { readonly count: number; readonly nsPerNeed: readonly number[]; readonly warmNsPerNeed: readonly number[] };
  /** A second replication in the same process (sizes up to WARM_MAX_SIZE). */
  readonly warm: { readonly wallMs: number; readonly cpuMs: number; readonly needs: number; readonly nsPerNeed: number; readonly cpuNsPerNeed: number } | null;
}

/** Sizes up to this one also time a warm run (a second replication in the same process). */
const WARM_MAX_SIZE = 1_000_000;
/** Sizes up to this one run `--repeat` times (wall times vary by about ±10% from one process to the next). */
const REPEAT_MAX_SIZE = 1_000_000;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000,10000000' },
    megacity: { type: 'string', default: '25000000' },
    'no-megacity': { type: 'boolean', default: false },
    'no-sweep': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    'no-core-loop': { type: 'boolean', default: false },
    'no-horizon': { type: 'boolean', default: false },
    'horizon-size': { type: 'string', default: '100000' },
    'baseline-size': { type: 'string', default: '1000000' },
    // Fresh processes per size up to REPEAT_MAX_SIZE: the table shows the one of median wall time.
    repeat: { type: 'string', default: '3' },
    // Long enough that the pool's start-up and the compiler's warm-up weigh little, as in a real sweep.
    'sweep-runs': { type: 'string', default: '1000' },
    'sweep-city-runs': { type: 'string', default: '1000' },
    // The small runs again in a sweep five times as long (50 replicates per point): each worker's compiler warm-up
    // (about its first 750 runs) then weighs a fifth as much.
    'sweep-long-runs': { type: 'string', default: '5000' },
    out: { type: 'string' },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const sizes = values.sizes.split(',').map(Number);
const megacitySize = Number(values.megacity);
const baselineSize = Number(values['baseline-size']);
const say = (text: string): void => void process.stdout.write(`${text}\n`);

const machine = {
  node: process.version,
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGb: totalmem() / 2 ** 30,
  loadAverageAtStart: loadavg()[0] ?? 0,
};
say(`dgsim bench: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb.toFixed(0)} GB, node ${machine.node}, load average ${machine.loadAverageAtStart.toFixed(1)}`);
say('city: bench/all-mechanisms.yaml (default city, every mechanism on), one simulated year, seed 1; each size in a fresh process');

const work = mkdtempSync(join(tmpdir(), 'dgsim-bench-'));
/**
 * Bundles a bench script into one file that plain node runs (no tsx in the timed processes). With
 * `packagesOutside`, the packages stay imports (the report's renderer is a native module, which a bundle
 * cannot hold) and the bundle goes in node_modules/.cache so that node finds them.
 */
async function bundled(script: string, packagesOutside = false): Promise<string> {
  const outfile = packagesOutside ? join(root, 'node_modules', '.cache', 'dgsim-bench', script.replace(/\.ts$/, '.mjs')) : join(work, script.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(here, script)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    ...(packagesOutside ? { packages: 'external' as const } : {}),
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}
const bundle = await bundled('city-run.ts');
const sweepBundle = await bundled('sweep.ts');
const horizonBundle = await bundled('horizon-run.ts', true);

/** The engine, the object baseline, or the core loop alone on typed arrays (bench/city-run.ts `--engine`). */
type Engine = 'typed' | 'objects' | 'core';

/**
 * Runs one city in fresh node processes (`--repeat` of them up to
 * REPEAT_MAX_SIZE citizens, for the engine and the core loop; the baseline
 * once) and returns the figures of the run of median wall time, with every
 * run's ns per need.
 */
function runCity(size: number, engine: Engine): CityFigures {
  const count = engine !== 'objects' && size <= REPEAT_MAX_SIZE ? Math.max(1, Math.floor(Number(values.repeat))) : 1;
  const runs = Array.from({ length: count }, () => runCityOnce(size, engine)).sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[Math.floor((runs.length - 1) / 2)]!;
  return {
    ...median,
    repeats: {
      count,
      nsPerNeed: runs.map((r) => r.nsPerNeed),
      warmNsPerNeed: runs.map((r) => r.warm?.nsPerNeed ?? null).filter((v): v is number => v !== null),
    },
  };
}

/** Runs one city in a fresh node process and returns its figures. */
function runCityOnce(size: number, engine: Engine): CityFigures {
  const warm = engine !== 'objects' && size <= WARM_MAX_SIZE ? ['--warm'] : [];
  const result = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', bundle, '--size', String(size), '--engine', engine, '--scenario', join(here, 'all-mechanisms.yaml'), ...warm],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (result.status !== 0) throw new Error(`city-run ${engine} ${size} failed (${result.status ?? result.signal}): ${result.stderr}`);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as CityFigures;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-GB');
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
function row(figures: CityFigures): string {
  return [
    int(figures.citizens).padStart(12),
    `${(figures.wallMs / 1000).toFixed(1)} s`.padStart(9),
    `${(figures.cpuMs / 1000).toFixed(1)} s`.padStart(9),
    int(figures.needs).padStart(12),
    int(figures.nsPerNeed).padStart(8),
    int(figures.cpuNsPerNeed).padStart(8),
    mb(figures.peakRssBytes).padStart(9),
    figures.bytesPerCitizen.toFixed(0).padStart(8),
    (figures.warm ? int(figures.warm.nsPerNeed) : '–').padStart(8),
    (figures.warm ? int(figures.warm.cpuNsPerNeed) : '–').padStart(8),
  ].join('  ');
}
/** "   (median of 3: ns/need 411–429, warm 332–344)" for figures from several fresh processes, else "". */
function repeatsNote(figures: CityFigures): string {
  const spread = (list: readonly number[]): string => (list.length > 1 ? ` ${int(Math.min(...list))}–${int(Math.max(...list))}` : '');
  return figures.repeats && figures.repeats.count > 1 ? `   (median of ${figures.repeats.count}: ns/need${spread(figures.repeats.nsPerNeed)}, warm${spread(figures.repeats.warmNsPerNeed)})` : '';
}
const header = ['citizens', 'wall', 'CPU', 'needs', 'ns/need', 'CPU ns', 'peak RSS', 'B/cit.', 'warm ns', 'warm CPU'];
const widths = [12, 9, 9, 12, 8, 8, 9, 8, 8, 8];
const headerLine = header.map((h, i) => h.padStart(widths[i]!)).join('  ');

say('');
say('Typed-array engine');
say(headerLine);
const cities: CityFigures[] = [];
for (const size of sizes) {
  const figures = runCity(size, 'typed');
  cities.push(figures);
  say(`${row(figures)}${repeatsNote(figures)}`);
}
let megacity: CityFigures | null = null;
if (!values['no-megacity']) {
  megacity = runCity(megacitySize, 'typed');
  say(`${row(megacity)}   (megacity)`);
}
say(
  `(ns/need = wall time / needs arrived, from compiling the scenario to the last day, population generation included, in a fresh process; ` +
    `CPU ns = the same with CPU time; B/cit. = peak RSS / citizens, of which the citizen records take ${cities[0]?.columnBytesPerCitizen ?? 32} B; ` +
    `warm = a second replication in the same process, as each run of a sweep or comparison after the first; ` +
    `sizes up to ${int(REPEAT_MAX_SIZE)}: the fresh process of median wall time among --repeat ${values.repeat})`,
);

/**
 * The ratio at the baseline size, two ways. Fresh process to fresh process (`ratioWall`, `ratioCpu`): the
 * engine's run then carries its compiler's warm-up and fresh memory (about a quarter of its time at 1M),
 * the baseline's 25-odd seconds carry theirs too but it weighs little. Like for like (`ratioWarm`): the
 * baseline's per-need time against the engine's once warm, as in a sweep or a comparison after its first run.
 */
let baseline: { objects: CityFigures; typed: CityFigures; ratioWall: number; ratioCpu: number; ratioWarm: number | null } | null = null;
if (!values['no-baseline']) {
  const typed = cities.find((c) => c.citizens === baselineSize) ?? runCity(baselineSize, 'typed');
  const objects = runCity(baselineSize, 'objects');
  baseline = {
    objects,
    typed,
    ratioWall: objects.nsPerNeed / typed.nsPerNeed,
    ratioCpu: objects.cpuNsPerNeed / typed.cpuNsPerNeed,
    ratioWarm: typed.warm ? objects.nsPerNeed / typed.warm.nsPerNeed : null,
  };
  say('');
  say('Object-per-citizen baseline (bench/baseline-objects.ts: arrivals, logit choice, queues, trust only)');
  say(headerLine);
  say(row(objects));
  say(
    `typed engine (every mechanism) vs baseline (core loop) at ${int(baselineSize)} citizens: ${baseline.ratioWall.toFixed(1)}× faster by wall time, ${baseline.ratioCpu.toFixed(1)}× by CPU time` +
      (baseline.ratioWarm === null ? '' : `; ${baseline.ratioWarm.toFixed(1)}× against the engine's warm run`),
  );
}

/**
 * The core loop alone (bench/core-loop.ts: the baseline's model on typed arrays, with the engine's
 * techniques), at the baseline size: what this machine takes per need for arrivals, the logit choice,
 * queues and trust and nothing else. Against it, the baseline shows the gain of the layout and the
 * algorithm for the same work, and the engine the cost of every other mechanism.
 */
let coreLoop: { figures: CityFigures; baselineOverCore: number | null; engineOverCore: number | null; engineWarmOverCoreWarm: number | null } | null = null;
if (!values['no-core-loop']) {
  const figures = runCity(baselineSize, 'core');
  const typed = cities.find((c) => c.citizens === baselineSize) ?? baseline?.typed ?? null;
  coreLoop = {
    figures,
    baselineOverCore: baseline ? baseline.objects.nsPerNeed / figures.nsPerNeed : null,
    engineOverCore: typed ? typed.nsPerNeed / figures.nsPerNeed : null,
    engineWarmOverCoreWarm: typed?.warm && figures.warm ? typed.warm.nsPerNeed / figures.warm.nsPerNeed : null,
  };
  say('');
  say('Core loop alone on typed arrays (bench/core-loop.ts: the baseline\'s model with the engine\'s techniques, no other mechanism)');
  say(headerLine);
  say(`${row(figures)}${repeatsNote(figures)}`);
  const times = (ratio: number | null): string => (ratio === null ? '– (not run)' : `${ratio.toFixed(1)}×`);
  say(
    `at ${int(baselineSize)} citizens, per need, as multiples of the core loop's time: the object baseline (the same model) ${times(coreLoop.baselineOverCore)}; ` +
      `the engine with every mechanism ${times(coreLoop.engineOverCore)} (warm: ${times(coreLoop.engineWarmOverCoreWarm)})`,
  );
}

interface SweepFigures {
  readonly citizens: number;
  readonly text: string;
  readonly rate1: number | null;
  readonly rate2: number | null;
  readonly speedUp: number | null;
  /** The same over the second half of the runs (bench/sweep.ts): what a long sweep settles at. */
  readonly settledRate1: number | null;
  readonly settledRate2: number | null;
  readonly settledSpeedUp: number | null;
}

/** Runs bench/sweep.ts on the grid example with runs of `citizens` citizens (and `replications` per point). */
function runSweepBench(citizens: number, runs: string, replications?: number): SweepFigures {
  const args = [sweepBundle, '--runs', runs, '--size', String(citizens), '--root', root, ...(replications === undefined ? [] : ['--replications', String(replications)])];
  const text = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  for (const line of text.trim().split('\n')) say(line);
  const rate = (workers: number): number | null => {
    const match = new RegExp(`${workers} workers? ?: .*?= ([0-9.]+) runs/s`).exec(text);
    return match ? Number(match[1]) : null;
  };
  const settledRate = (workers: number): number | null => {
    const match = new RegExp(`${workers} workers? ?: .*?second half: ([0-9.]+) runs/s`).exec(text);
    return match ? Number(match[1]) : null;
  };
  const rate1 = rate(1);
  const rate2 = rate(2);
  const settledRate1 = settledRate(1);
  const settledRate2 = settledRate(2);
  return {
    citizens,
    text,
    rate1,
    rate2,
    speedUp: rate1 !== null && rate2 !== null ? rate2 / rate1 : null,
    settledRate1,
    settledRate2,
    settledSpeedUp: settledRate1 !== null && settledRate2 !== null ? settledRate2 / settledRate1 : null,
  };
}

// Three sweeps: small runs (the grid example's 2,000 citizens, where each run's fixed costs and the
// compiler's and garbage collector's threads weigh most), city-sized runs (20,000 citizens), and the small
// runs in a sweep five times as long.
let sweeps: { small: SweepFigures; city: SweepFigures; smallLong: SweepFigures } | null = null;
if (!values['no-sweep']) {
  say('');
  say('Sweep throughput (bench/sweep.ts)');
  const small = runSweepBench(2_000, values['sweep-runs']);
  const city = runSweepBench(20_000, values['sweep-city-runs']);
  const smallLong = runSweepBench(2_000, values['sweep-long-runs'], 50);
  sweeps = { small, city, smallLong };
}
const sweep = sweeps?.city ?? null;

interface HorizonFigures {
  readonly months: number;
  readonly citizens: number;
  readonly wallMs: number;
  readonly peakRssBytes: number;
  readonly monthlyCsvBytes: number;
}

/** `dgsim run` (with its report) over `months`, in a fresh process (bench/horizon-run.ts). */
function runHorizonOnce(months: number): HorizonFigures {
  const args = [horizonBundle, '--scenario', join(here, 'all-mechanisms.yaml'), '--size', values['horizon-size'], '--months', String(months), '--work', work];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`horizon-run ${months} months failed (${result.status ?? result.signal}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '') as HorizonFigures;
}

/** The same `--repeat` times: the run of median peak RSS, and every run's peak (the garbage collector's timing moves it by a few MB). */
function runHorizon(months: number): HorizonFigures & { readonly peakRssBytesEach: readonly number[] } {
  const count = Math.max(1, Math.floor(Number(values.repeat)));
  const runs = Array.from({ length: count }, () => runHorizonOnce(months)).sort((a, b) => a.peakRssBytes - b.peakRssBytes);
  return { ...runs[Math.floor((runs.length - 1) / 2)]!, peakRssBytesEach: runs.map((run) => run.peakRssBytes) };
}

// Point 5 of the issue: a long horizon does not grow memory. The whole command, report included, at one
// year and at ten (the longest horizon a scenario may have): monthly.csv is ten times as large, the peak should not be.
let horizon: { short: ReturnType<typeof runHorizon>; long: ReturnType<typeof runHorizon>; growthBytes: number } | null = null;
if (!values['no-horizon']) {
  const short = runHorizon(12);
  const long = runHorizon(120);
  horizon = { short, long, growthBytes: long.peakRssBytes - short.peakRssBytes };
  say('');
  say(`Long horizon: dgsim run with its report (bench/horizon-run.ts), bench city at ${int(short.citizens)} citizens`);
  for (const figures of [short, long]) {
    const each = figures.peakRssBytesEach.map((bytes) => (bytes / 2 ** 20).toFixed(0)).join(', ');
    say(`  ${String(figures.months).padStart(3)} months: ${(figures.wallMs / 1000).toFixed(1)} s, peak RSS ${mb(figures.peakRssBytes)} (median of ${figures.peakRssBytesEach.length}: ${each} MB), monthly.csv ${(figures.monthlyCsvBytes / 2 ** 20).toFixed(1)} MB`);
  }
  say(`  ten times the horizon moves the median peak by ${(horizon.growthBytes / 2 ** 20).toFixed(0)} MB (monthly.csv grows by ${((long.monthlyCsvBytes - short.monthlyCsvBytes) / 2 ** 20).toFixed(1)} MB)`);
}

// Targets of the issue, as measured here.
const at1M = cities.find((c) => c.citizens === 1_000_000);
const targets = {
  nsPerNeedAt1M: {
    target: 150,
    measured: at1M?.nsPerNeed ?? null,
    measuredCpu: at1M?.cpuNsPerNeed ?? null,
    measuredWarm: at1M?.warm?.nsPerNeed ?? null,
    measuredWarmCpu: at1M?.warm?.cpuNsPerNeed ?? null,
  },
  megacitySeconds: { target: 60, measured: megacity ? megacity.wallMs / 1000 : null, measuredCpu: megacity ? megacity.cpuMs / 1000 : null },
  megacityRssGb: { target: 3, measured: megacity ? megacity.peakRssBytes / 2 ** 30 : null },
  megacityBytesPerCitizen: { target: 100, measured: megacity?.bytesPerCitizen ?? null },
  sweepSpeedUp: {
    target: 1.7,
    measured: sweep?.speedUp ?? null,
    measuredSmallRuns: sweeps?.small.speedUp ?? null,
    measuredSmallRunsLongSweep: sweeps?.smallLong.speedUp ?? null,
    measuredSmallRunsLongSweepSecondHalf: sweeps?.smallLong.settledSpeedUp ?? null,
  },
  baselineRatio: { target: 30, measured: baseline?.ratioWall ?? null, measuredCpu: baseline?.ratioCpu ?? null, measuredWarm: baseline?.ratioWarm ?? null },
  /** Not a target: the core loop alone, per need at the baseline size (the issue's premise: under 100 ns on typed arrays). */
  coreLoopNsPerNeed: { measured: coreLoop?.figures.nsPerNeed ?? null, measuredWarm: coreLoop?.figures.warm?.nsPerNeed ?? null },
};
const verdict = (measured: number | null, target: number, lowerIsBetter: boolean): string =>
  measured === null ? 'not run' : (lowerIsBetter ? measured <= target : measured >= target) ? 'met' : 'NOT met';
say('');
say('Targets');
say(
  `  ns per need at 1M ≤ 150: ${at1M ? `${int(at1M.nsPerNeed)} wall, ${int(at1M.cpuNsPerNeed)} CPU (warm: ${at1M.warm ? `${int(at1M.warm.nsPerNeed)} wall, ${int(at1M.warm.cpuNsPerNeed)} CPU` : 'not run'})` : 'not run'} — ${verdict(at1M?.nsPerNeed ?? null, 150, true)}`,
);
say(`  megacity one year ≤ 60 s: ${megacity ? `${(megacity.wallMs / 1000).toFixed(1)} s wall, ${(megacity.cpuMs / 1000).toFixed(1)} s CPU` : 'not run'} — ${verdict(targets.megacitySeconds.measured, 60, true)}`);
say(`  megacity RSS ≤ 3 GB (≤ 100 B/citizen): ${megacity ? `${(megacity.peakRssBytes / 2 ** 30).toFixed(2)} GB, ${megacity.bytesPerCitizen.toFixed(0)} B/citizen` : 'not run'} — ${verdict(targets.megacityBytesPerCitizen.measured, 100, true)}`);
say(
  `  sweep speed-up with 2 workers ≥ 1.7×: ${sweep?.speedUp?.toFixed(2) ?? 'not run'} with runs of 20,000 citizens — ${verdict(sweep?.speedUp ?? null, 1.7, false)}` +
    ` (with runs of 2,000: ${sweeps?.small.speedUp?.toFixed(2) ?? 'not run'} — ${verdict(sweeps?.small.speedUp ?? null, 1.7, false)};` +
    ` ${int(Number(values['sweep-long-runs']))} of them: ${sweeps?.smallLong.speedUp?.toFixed(2) ?? 'not run'} — ${verdict(sweeps?.smallLong.speedUp ?? null, 1.7, false)},` +
    ` their second half ${sweeps?.smallLong.settledSpeedUp?.toFixed(2) ?? 'not run'})`,
);
say(
  `  ≥ 30× the object-per-citizen baseline: ${baseline ? `${baseline.ratioWall.toFixed(1)}× wall, ${baseline.ratioCpu.toFixed(1)}× CPU` : 'not run'} from fresh processes — ${verdict(baseline?.ratioWall ?? null, 30, false)}` +
    ` (against the engine's warm run: ${baseline?.ratioWarm === undefined || baseline.ratioWarm === null ? 'not run' : `${baseline.ratioWarm.toFixed(1)}×`} — ${verdict(baseline?.ratioWarm ?? null, 30, false)})`,
);
say(
  `  (for scale, not a target: the core loop alone on typed arrays takes ${coreLoop ? `${int(coreLoop.figures.nsPerNeed)} ns per need (warm ${coreLoop.figures.warm ? int(coreLoop.figures.warm.nsPerNeed) : '–'})` : 'not run'} at ${int(baselineSize)} citizens)`,
);
say(`load average at the end: ${(loadavg()[0] ?? 0).toFixed(1)} (other work on this machine inflates wall times; CPU times less so)`);

/** A sweep's figures as results.json keeps them. */
function sweepResult(figures: SweepFigures): Omit<SweepFigures, 'text'> & { readonly output: string } {
  const { text, ...rates } = figures;
  return { ...rates, output: text };
}

const results = {
  generatedAt: new Date().toISOString(),
  machine: { ...machine, loadAverageAtEnd: loadavg()[0] ?? 0 },
  scenario: 'bench/all-mechanisms.yaml',
  cities,
  megacity,
  baseline,
  coreLoop,
  horizon,
  sweeps: sweeps && {
    small: sweepResult(sweeps.small),
    city: sweepResult(sweeps.city),
    smallLong: sweepResult(sweeps.smallLong),
  },
  targets,
};
const outFile = values.out ?? join(here, 'results.json');
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
say(`written: ${outFile}`);
rmSync(work, { recursive: true, force: true });
rmSync(horizonBundle, { force: true });
