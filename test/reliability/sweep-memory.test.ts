/**
 * Point 2 of the reliability issue, for sweeps: before its design points are
 * built, a sweep estimates its memory (each worker running the sweep's
 * largest scenario, times the workers, plus the plan, or the report reading
 * every run) and refuses what the machine cannot give, printing the
 * estimate and the ways out: fewer workers, --sample, a smaller plan,
 * --no-report.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryRefusal, type MemoryLimit } from '../../src/cli/memory-check.js';
import { estimateRunMemory, estimateSweepMemory, type EstimateOptions, type SweepShape } from '../../src/scenarios/memory-estimate.js';
import { MAX_POINTS } from '../../src/scenarios/sweep/design.js';
import { largestRunScenario } from '../../src/scenarios/sweep/largest-run.js';
import { loadSweepFile, type Sweep } from '../../src/scenarios/sweep/load-sweep.js';
import { buildCli, expectUserError, inParallel, REPO, runDgsimAsync, scratchDirectory } from './harness.js';

const CITY = JSON.stringify(join(REPO, 'scenarios', 'city.yaml'));

/** Loads a sweep written to a scratch directory. */
function sweepOf(directory: string, file: string, text: string): Sweep {
  writeFileSync(join(directory, file), text);
  const loaded = loadSweepFile(join(directory, file));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.sweep;
}

const limitOf = (totalBytes: number, heapBytes = 64 * 1024 ** 3): MemoryLimit => ({ totalBytes, heapBytes, source: 'test' });

describe('the memory of a sweep', () => {
  let directory = '';
  beforeAll(() => {
    directory = scratchDirectory();
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('sizes each worker for the largest scenario the design reaches: a range end, a listed value, a hand-written point', () => {
    const ranged = sweepOf(
      directory,
      'ranged.yaml',
      `base: ${CITY}\nparameters:\n  - { path: population.size, name: size, min: 1000, max: 50000, integer: true }\n  - { path: horizonMonths, name: months, values: [24, 3] }\n  - { path: policy.channels.counter.capacityPerDayPer1000, name: counter, min: 2, max: 8 }\ndesign: { type: lhs, samples: 5 }\n`,
    );
    const largest = largestRunScenario(ranged);
    expect(largest.population.size).toBe(50000);
    expect(largest.horizonMonths).toBe(24);
    // The points themselves lie inside the ranges, so no point needs more than the largest.
    for (const point of ranged.points) expect(point.values[0] as number).toBeLessThanOrEqual(50000);

    const listed = sweepOf(directory, 'listed.yaml', `base: ${CITY}\nparameters:\n  - { path: population.size, name: size }\ndesign: { type: list, points: [{ size: 3000 }, { size: 90000 }, { size: 1000 }] }\n`);
    const largestListed = largestRunScenario(listed);
    expect(largestListed.population.size).toBe(90000);
    expect(estimateRunMemory(largestListed).totalBytes).toBeGreaterThan(estimateRunMemory({ ...largestListed, population: { ...largestListed.population, size: 3000 } }).totalBytes);
  });

  it('grows with the workers and the plan, and a plan of the most points a sweep accepts takes GBs', () => {
    const sweep = sweepOf(directory, 'small.yaml', `base: ${CITY}\noverrides: { population: { size: 2000 }, horizonMonths: 6 }\nparameters:\n  - { path: policy.channels.online.usability, name: usability, min: 0.4, max: 0.8 }\ndesign: { type: lhs, samples: 10 }\n`);
    const largest = largestRunScenario(sweep);
    const shape: SweepShape = { workers: 4, pointCount: 10, parameterCount: 1, runs: 10, metricCount: 79, report: true };
    const four = estimateSweepMemory(largest, shape);
    const one = estimateSweepMemory(largest, shape, { workers: 1 });
    expect(four.totalBytes - one.totalBytes).toBeCloseTo(3 * four.perWorkerBytes, -3);
    // Never more workers than runs.
    expect(estimateSweepMemory(largest, { ...shape, runs: 2 }).workers).toBe(2);
    const biggest = estimateSweepMemory(largest, { ...shape, pointCount: MAX_POINTS, parameterCount: 8, runs: MAX_POINTS, report: false });
    expect(biggest.planBytes).toBeGreaterThan(4 * 1024 ** 3);
    expect(biggest.totalBytes).toBeGreaterThan(biggest.planBytes);
    // The report reads every run back: it grows with the runs and the metric columns.
    expect(estimateSweepMemory(largest, { ...shape, runs: 20 }).reportBytes).toBeCloseTo(2 * four.reportBytes, -1);
    expect(estimateSweepMemory(largest, shape, { report: false }).reportBytes).toBe(0);
  });

  it('suggests a number of workers, a sample, a smaller plan and --no-report that really fit', () => {
    const sweep = sweepOf(directory, 'big.yaml', `base: ${CITY}\noverrides: { population: { size: 4000000 } }\nparameters:\n  - { path: policy.channels.online.usability, name: usability, min: 0.4, max: 0.8 }\ndesign: { type: lhs, samples: 50 }\n`);
    const largest = largestRunScenario(sweep);
    const shape: SweepShape = { workers: 8, pointCount: 50, parameterCount: 1, runs: 50, metricCount: 79, report: true };
    const estimate = (options: EstimateOptions = {}) => estimateSweepMemory(largest, shape, options);
    const limit = limitOf(estimate({ workers: 6 }).totalBytes);
    const refusal = memoryRefusal('this sweep', [largest], limit, estimate)!;
    expect(refusal).toMatch(/^this sweep needs about \d+\.\d [MG]B of memory, more than the \d+\.\d [MG]B allowed \(test\) \(8 workers × \d+\.\d MB/);
    expect(refusal).toContain('the plan of 50 points and 50 runs');
    const workers = Number(/fewer workers: --workers (\d+)/.exec(refusal)?.[1]);
    expect(workers).toBe(6);
    const sample = Number(/--sample ([\d.e-]+), or population\.sample: \1 in the sweep file's overrides/.exec(refusal)?.[1]);
    expect(estimate({ sample }).totalBytes).toBeLessThanOrEqual(limit.totalBytes);

    // A plan of millions of runs whose report cannot be drawn here: a smaller plan, or no report.
    const many: SweepShape = { ...shape, workers: 1, pointCount: 1_000_000, runs: 10_000_000 };
    const byRuns = (options: EstimateOptions = {}) => estimateSweepMemory(largest, many, options);
    const tight = limitOf(byRuns({ report: false }).totalBytes);
    const planRefusal = memoryRefusal('this sweep', [largest], tight, byRuns)!;
    expect(planRefusal).toMatch(/a smaller plan: fewer design points or replicates \(1,000,000 points and 10,000,000 runs take about \d+\.\d [MG]B in the main thread, and \d+\.\d [GT]B when the report reads them\)/);
    expect(planRefusal).toContain('skip the report: --no-report');
  });
});

describe('dgsim sweep and dgsim check refuse a sweep too big for memory', () => {
  let bin = '';
  let cwd = '';
  beforeAll(() => {
    bin = buildCli();
    cwd = scratchDirectory();
    writeFileSync(join(cwd, 'tiny.yaml'), `base: ${CITY}\noverrides: { population: { size: 2000 }, horizonMonths: 3 }\nparameters:\n  - { path: policy.channels.online.usability, name: usability, values: [0.4, 0.8] }\ndesign: { type: grid }\nreplications: 1\n`);
    // Ten million points of eight parameters, ten replicates each: GBs of plan before any run, if it were ever built.
    const parameters = Array.from({ length: 8 }, (_, i) => `  - { path: "segments[${i}].needsPerYear", name: p${i}, min: 1, max: 9 }`).join('\n');
    writeFileSync(join(cwd, 'huge.yaml'), `base: ${CITY}\nparameters:\n${parameters}\ndesign: { type: lhs, samples: ${MAX_POINTS} }\nreplications: 10\n`);
  });
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('refuses with the estimate and the ways out, exit 2, nothing written; fewer workers then fit', async () => {
    // Two workers of a 2,000-citizen city need about 225 MB; 200 MB allows one.
    const [tooBig, fewer, check] = await inParallel([
      () => runDgsimAsync(bin, ['sweep', 'tiny.yaml', '--workers', '2', '--max-memory', '200MB', '--no-report', '--progress', 'none', '--out', 'out/too-big'], cwd),
      () => runDgsimAsync(bin, ['sweep', 'tiny.yaml', '--workers', '1', '--max-memory', '200MB', '--no-report', '--progress', 'none', '--out', 'out/fewer'], cwd),
      () => runDgsimAsync(bin, ['check', 'tiny.yaml', '--max-memory', '1GB'], cwd),
    ]);
    expectUserError(tooBig!);
    expect(tooBig!.stderr).toMatch(/this sweep needs about \d+\.\d MB of memory, more than the 200\.0 MB allowed \(--max-memory 200MB\) \(2 workers × \d+\.\d MB/);
    expect(tooBig!.stderr).toContain('fewer workers: --workers 1');
    expect(tooBig!.stderr).toContain('--sample');
    expect(existsSync(join(cwd, 'out/too-big'))).toBe(false);
    expect(fewer!.code, fewer!.stderr).toBe(0);
    expect(check!.code, check!.stderr).toBe(0);
    expect(check!.stdout).toMatch(/^ok tiny\.yaml: sweep "tiny", 2 points × 1 replicate = 2 runs of .*city\.yaml, about \d+\.\d MB of memory on \d+ workers?\n$/);
  });

  it('refuses a plan of ten million points in a moment, before building it', async () => {
    const started = Date.now();
    const [sweep, check] = await inParallel([
      () => runDgsimAsync(bin, ['sweep', 'huge.yaml', '--workers', '2', '--max-memory', '8GB', '--out', 'out/huge'], cwd, 60_000),
      () => runDgsimAsync(bin, ['check', 'huge.yaml', '--max-memory', '8GB'], cwd, 60_000),
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const result of [sweep!, check!]) {
      expectUserError(result);
      expect(result.stderr).toMatch(/this sweep needs about \d+\.\d [GT]B of memory, more than the 8\.0 GB allowed/);
      expect(result.stderr).toMatch(/the plan of 10,000,000 points and 100,000,000 runs: \d+\.\d GB/);
      expect(result.stderr).toContain('a smaller plan: fewer design points or replicates');
    }
    expect(existsSync(join(cwd, 'out/huge'))).toBe(false);
  });
});
