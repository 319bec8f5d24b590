/**
 * Point 2 of the reliability issue: dgsim estimates a run's memory from
 * population × horizon before allocating anything, and refuses a run the
 * machine cannot give, printing the estimate and the ways out.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryRefusal, parseMaxMemory, type MemoryLimit } from '../../src/cli/memory-check.js';
import { loadScenarioFile, type Scenario } from '../../src/scenarios/index.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import {
  BYTES_PER_CITIZEN,
  BYTES_PER_NEED_RECORD,
  DAYS_TO_SERVICE_BINS,
  estimateCompareMemory,
  estimateRunMemory,
  formatBytes,
} from '../../src/scenarios/memory-estimate.js';
import { DAYS_PER_MONTH } from '../../src/sim/config.js';
import { createContext, initialState, step } from '../../src/sim/engine.js';
import { allocateNeed, createNeedPool, type NeedPool } from '../../src/sim/queues.js';
import { createState } from '../../src/sim/state.js';
import { buildCli, expectUserError, REPO, runDgsimAsync, scratchDirectory, inParallel } from './harness.js';

function scenarioFile(name: string, changes: Partial<Pick<Scenario, 'population' | 'horizonMonths'>> = {}): Scenario {
  const loaded = loadScenarioFile(join(REPO, 'scenarios', name));
  if (!loaded.ok) throw new Error(`${name} does not load`);
  return { ...loaded.scenario, ...changes };
}

/** Bytes of the distinct buffers behind some typed-array views (views sharing a buffer count it once). */
const bufferBytes = (views: readonly ArrayBufferView[]): number => [...new Set(views.map((view) => view.buffer))].reduce((total, buffer) => total + buffer.byteLength, 0);

/** The pool's typed arrays by name: its record views and its free stack. */
const poolArrays = (pool: NeedPool): [string, ArrayBufferView][] => Object.entries(pool).filter((entry): entry is [string, ArrayBufferView] => ArrayBuffer.isView(entry[1]));

describe('the memory estimate counts what the engine allocates', () => {
  it('counts the bytes the citizen records of createState take: 32 bytes a citizen', () => {
    const config = compileScenario(scenarioFile('city.yaml', { population: { size: 1234, sample: 1 }, horizonMonths: 2 }));
    const citizens = createState(config).citizens;
    const views = Object.values(citizens).filter((value) => ArrayBuffer.isView(value));
    const buffers = new Set(views.map((view) => (view as Uint8Array).buffer));
    const allocated = [...buffers].reduce((total, buffer) => total + buffer.byteLength, 0);
    expect(views.length).toBeGreaterThan(0);
    expect(allocated).toBe(citizens.count * BYTES_PER_CITIZEN);
    expect(BYTES_PER_CITIZEN).toBe(32);
    expect(estimateRunMemory(scenarioFile('city.yaml', { population: { size: 1234, sample: 1 } })).citizensBytes).toBe(1234 * 32);
  });

  it('counts the bytes the need records of the pool take: 32 bytes a record', () => {
    const pool = createNeedPool(64);
    // The pool holds its records (views of one buffer) and the free stack of their indices, nothing else:
    // a new typed array in the pool must be counted here (and in the estimate) before this passes.
    expect(poolArrays(pool).map(([name]) => name).sort()).toEqual(['bytes', 'free', 'ints']);
    const records = poolArrays(pool).filter(([name]) => name !== 'free').map(([, view]) => view);
    expect(new Set(records.map((view) => view.buffer)).size).toBe(1);
    expect(bufferBytes(records)).toBe(pool.capacity * BYTES_PER_NEED_RECORD);
    expect(BYTES_PER_NEED_RECORD).toBe(32);
    // Still so once the pool has grown (the records move to a buffer twice as large).
    const capacity = pool.capacity;
    for (let i = 0; i <= capacity; i++) allocateNeed(pool);
    expect(pool.capacity).toBe(2 * capacity);
    expect(bufferBytes(poolArrays(pool).filter(([name]) => name !== 'free').map(([, view]) => view))).toBe(pool.capacity * BYTES_PER_NEED_RECORD);
    // The free stack: one int32 index per record, outside the records (counted in BYTES_PER_POOL_SLOT, with a ring place).
    expect(pool.free.byteLength).toBe(pool.capacity * Int32Array.BYTES_PER_ELEMENT);
  });

  it('covers the monthly tables and histograms of the recorder', () => {
    const scenario = scenarioFile('f5-two-speed-city.yaml', { population: { size: 500, sample: 1 } });
    const config = compileScenario(scenario);
    const recorder = createState(config).recorder;
    const allocated = [recorder.segmentMonthly, recorder.cityMonthly, recorder.districtMonthly, recorder.initialTrustSum, recorder.daysToService].reduce((sum, array) => sum + array.byteLength, 0);
    const estimate = estimateRunMemory(scenario);
    expect(recorder.daysToServiceBins).toBe(DAYS_TO_SERVICE_BINS);
    expect(estimate.tablesBytes).toBeGreaterThanOrEqual(allocated);
    expect(estimate.tablesBytes).toBeLessThan(allocated * 1.5 + 64 * 1024);
  });

  it.each(['city.yaml', 'digital-only.yaml', 'h7-outage-digital-only.yaml', 'h4-automation-with-appeal.yaml'])(
    'bounds the need pool a run of %s really grows to',
    (name) => {
      const scenario = scenarioFile(name, { population: { size: 20_000, sample: 1 }, horizonMonths: 12 });
      const config = compileScenario(scenario);
      const ctx = createContext(config, 1);
      const state = initialState(config, ctx);
      for (let day = 0; day < config.horizonDays; day++) {
        state.day = day;
        state.month = Math.floor(day / DAYS_PER_MONTH);
        step(state, ctx);
      }
      // The pool never shrinks: its buffers at the end (records and free stack) are its peak.
      const poolBytes = bufferBytes(poolArrays(state.pool).map(([, view]) => view));
      expect(poolBytes).toBeGreaterThanOrEqual(state.pool.capacity * BYTES_PER_NEED_RECORD);
      expect(estimateRunMemory(scenario).needsBytes).toBeGreaterThanOrEqual(poolBytes * 1.5);
    },
  );

  it('grows with population × horizon, and a comparison keeps two runs of tables', () => {
    const small = estimateRunMemory(scenarioFile('city.yaml', { population: { size: 10_000, sample: 1 }, horizonMonths: 12 }));
    const people = estimateRunMemory(scenarioFile('city.yaml', { population: { size: 1_000_000, sample: 1 }, horizonMonths: 12 }));
    const months = estimateRunMemory(scenarioFile('city.yaml', { population: { size: 10_000, sample: 1 }, horizonMonths: 120 }));
    expect(people.citizensBytes).toBe(100 * small.citizensBytes);
    expect(people.totalBytes).toBeGreaterThan(small.totalBytes);
    expect(months.tablesBytes).toBeGreaterThan(5 * small.tablesBytes);
    const sampled = estimateRunMemory(scenarioFile('city.yaml'), { sample: 0.1 });
    expect(sampled.simulatedCitizens).toBe(10_000);
    const a = scenarioFile('city.yaml');
    const both = estimateCompareMemory(a, a);
    expect(both.tablesBytes).toBe(2 * estimateRunMemory(a).tablesBytes);
    expect(both.citizensBytes).toBe(estimateRunMemory(a).citizensBytes);
  });

  it('prints bytes in powers of 1024 and reads --max-memory the same way', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(parseMaxMemory('512MB')).toBe(512 * 1024 ** 2);
    expect(parseMaxMemory('1.5GB')).toBe(1.5 * 1024 ** 3);
    expect(parseMaxMemory('2 GiB')).toBe(2 * 1024 ** 3);
    expect(parseMaxMemory('4g')).toBe(4 * 1024 ** 3);
    for (const bad of ['lots', '512', '-1GB', '0MB', 'NaNGB', '1e3MB', 'InfinityGB', '12 parsecs']) expect(() => parseMaxMemory(bad), bad).toThrow(/--max-memory must be an amount of memory with a unit/);
  });
});

describe('a run too big for the limit is refused with the ways out', () => {
  const scenario = scenarioFile('city.yaml', { population: { size: 5_000_000, sample: 1 }, horizonMonths: 60 });
  const estimate = (options = {}) => estimateRunMemory(scenario, options);
  const limitOf = (totalBytes: number, heapBytes = 64 * 1024 ** 3): MemoryLimit => ({ totalBytes, heapBytes, source: 'test' });

  it('passes a run within the limit', () => {
    expect(memoryRefusal('this run', [scenario], limitOf(estimate().totalBytes), estimate)).toBeUndefined();
  });

  it('suggests a sample and a horizon that really fit', () => {
    const limit = limitOf(Math.floor(estimate().totalBytes * 0.6));
    const refusal = memoryRefusal('this run', [scenario], limit, estimate)!;
    expect(refusal).toMatch(/^this run needs about \d+\.\d [MG]B of memory, more than the \d+\.\d [MG]B allowed \(test\)/);
    expect(refusal).toContain('5,000,000 simulated citizens');
    const sample = Number(/--sample ([\d.e-]+), or population\.sample: \1/.exec(refusal)?.[1]);
    expect(sample).toBeGreaterThan(0);
    expect(sample).toBeLessThan(1);
    expect(estimate({ sample }).totalBytes).toBeLessThanOrEqual(limit.totalBytes);
    expect(refusal).toContain('--max-memory');
  });

  it('suggests a shorter horizon when the horizon is what does not fit', () => {
    const long = scenarioFile('city.yaml', { population: { size: 2000, sample: 1 }, horizonMonths: 120 });
    const byHorizon = (options = {}) => estimateRunMemory(long, options);
    const limit = limitOf(byHorizon({ horizonMonths: 40 }).totalBytes);
    const refusal = memoryRefusal('this run', [long], limit, byHorizon)!;
    const months = Number(/horizonMonths: (\d+) or less/.exec(refusal)?.[1]);
    expect(months).toBeGreaterThanOrEqual(40);
    expect(months).toBeLessThan(120);
    expect(byHorizon({ horizonMonths: months }).totalBytes).toBeLessThanOrEqual(limit.totalBytes);
  });

  it('refuses a run whose heap part exceeds what Node allows, and says how to give it more', () => {
    const refusal = memoryRefusal('this run', [scenario], limitOf(1024 ** 4, 32 * 1024 ** 2), estimate)!;
    expect(refusal).toMatch(/JavaScript heap/);
    expect(refusal).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+/);
  });
});

describe('dgsim run and compare refuse before allocating', () => {
  let bin = '';
  let cwd = '';
  beforeAll(() => {
    bin = buildCli();
    cwd = scratchDirectory();
    mkdirSync(join(cwd, 'in'));
    // 100 million citizens for ten years: hours of work and gigabytes, if it ever started.
    writeFileSync(join(cwd, 'in', 'huge.yaml'), `name: huge\nextends: ${JSON.stringify(join(REPO, 'scenarios', 'city.yaml'))}\npopulation: { size: 100000000 }\nhorizonMonths: 120\n`);
    writeFileSync(join(cwd, 'in', 'tiny.yaml'), `name: tiny\nextends: ${JSON.stringify(join(REPO, 'scenarios', 'city.yaml'))}\npopulation: { size: 2000 }\nhorizonMonths: 3\n`);
  });
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('refuses in a moment, with the estimate and the ways out, exit 2, nothing written', async () => {
    const [run, compare, check] = await inParallel([
      () => runDgsimAsync(bin, ['run', 'in/huge.yaml', '--max-memory', '1GB', '--out', 'out/huge'], cwd, 60_000),
      () => runDgsimAsync(bin, ['compare', 'in/tiny.yaml', 'in/huge.yaml', '--reps', '2', '--max-memory', '1GB', '--out', 'out/cmp'], cwd, 60_000),
      () => runDgsimAsync(bin, ['check', 'in/huge.yaml', '--max-memory', '1GB'], cwd, 60_000),
    ]);
    for (const [result, what] of [[run!, 'this run'], [compare!, 'this comparison'], [check!, 'a run of in/huge.yaml']] as const) {
      expectUserError(result, what);
      expect(result.stderr).toMatch(new RegExp(`${what} needs about \\d+\\.\\d GB of memory, more than the 1\\.0 GB allowed \\(--max-memory 1GB\\)`));
      expect(result.stderr).toContain('100,000,000 simulated citizens');
      expect(result.stderr).toMatch(/--sample 0\.\d+, or population\.sample: 0\.\d+ in the scenario/);
      expect(result.stderr).toContain('--max-memory');
    }
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('runs what fits, and rejects a --max-memory it cannot read', async () => {
    const [ok, bad] = await inParallel([
      () => runDgsimAsync(bin, ['run', 'in/tiny.yaml', '--max-memory', '4GB', '--no-report', '--out', 'out/tiny'], cwd),
      () => runDgsimAsync(bin, ['run', 'in/tiny.yaml', '--max-memory', 'plenty'], cwd),
    ]);
    expect(ok!.code, ok!.stderr).toBe(0);
    expectUserError(bad!);
    expect(bad!.stderr).toContain('--max-memory must be an amount of memory with a unit, e.g. 512MB or 4GB, got "plenty"');
  });
});
