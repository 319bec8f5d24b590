/**
 * One benchmark run in its own process, so that its peak RSS is its own:
 * the benchmark city (bench/all-mechanisms.yaml) at `--size` citizens for
 * one simulated year, timed from compiling the scenario to the last day
 * (population generation included). Prints one JSON line.
 *
 *   node city-run.mjs --size 1000000 [--seed 1] [--engine typed|objects|core] [--warm]
 *
 * `--engine objects` runs the object-per-citizen baseline
 * (bench/baseline-objects.ts) on the same city instead, `--engine core` the
 * core loop alone on typed arrays (bench/core-loop.ts). `--warm` (typed
 * engine and core loop) then times a second replication (seed + 1) in the same process,
 * the engine reusing the first run's workspace: what each run of a sweep or a
 * comparison costs once the process is warm (compiled code, memory mapped).
 * (The core loop allocates its records afresh each run: about 15 ms of first
 * touches at a million citizens, 2% of its warm run.)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileScenario } from '../src/scenarios/compile.js';
import { formatIssues } from '../src/scenarios/issues.js';
import { loadScenarioFile } from '../src/scenarios/load.js';
import { CityCounter as C, CITY_COUNTER_COUNT, SegmentCounter as S, SEGMENT_COUNTER_COUNT } from '../src/sim/counters.js';
import { CITIZEN_RECORD_BYTES } from '../src/sim/citizens.js';
import type { ModelConfig } from '../src/sim/config.js';
import { simulate } from '../src/sim/engine.js';
import { createWorkspace, type Workspace } from '../src/sim/state.js';
import { runObjectBaseline } from './baseline-objects.js';
import { CORE_RECORD_BYTES, runCoreLoop } from './core-loop.js';


const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    engine: { type: 'string', default: 'typed' },
    scenario: { type: 'string' },
    warm: { type: 'boolean', default: false },
  },
});
const here = dirname(fileURLToPath(import.meta.url));
const scenarioFile = values.scenario ?? join(here, 'all-mechanisms.yaml');
const size = Number(values.size);
const seed = Number(values.seed);
const loaded = loadScenarioFile(scenarioFile);
if (!loaded.ok) {
  process.stderr.write(`${formatIssues(loaded.issues)}\n`);
  process.exit(2);
}
const scenario = { ...loaded.scenario, population: { size, sample: 1 } };

interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly needs: number;
  readonly served: number;
  readonly breaches: number;
  readonly citizens: number;
}

/** One typed-engine run from compiling the scenario to the last day, timed. */
function timeTyped(runSeed: number, workspace: Workspace): Timed {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const config: ModelConfig = compileScenario(scenario);
  const output = simulate(config, runSeed, workspace);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  let needs = 0;
  let served = 0;
  let breaches = 0;
  for (let i = 0; i < output.segmentMonthly.length; i += SEGMENT_COUNTER_COUNT) needs += output.segmentMonthly[i + S.arrived]!;
  for (let i = 0; i < output.cityMonthly.length; i += CITY_COUNTER_COUNT) {
    served += output.cityMonthly[i + C.needsServed]!;
    breaches += output.cityMonthly[i + C.breaches]!;
  }
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, needs, served, breaches, citizens: output.simulatedCitizens };
}

/** A reference model (the object-per-citizen baseline, or the core loop on typed arrays), timed the same way. */
function timeModel(runSeed: number, run: typeof runObjectBaseline | typeof runCoreLoop): Timed {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = run(compileScenario(scenario), runSeed);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, needs: result.needs, served: result.served, breaches: 0, citizens: result.citizens };
}

const perNeed = (run: Timed): { nsPerNeed: number; cpuNsPerNeed: number } => ({
  nsPerNeed: (run.wallMs * 1e6) / run.needs,
  cpuNsPerNeed: (run.cpuMs * 1e6) / run.needs,
});

const workspace = createWorkspace();
const time = (runSeed: number): Timed =>
  values.engine === 'objects' ? timeModel(runSeed, runObjectBaseline) : values.engine === 'core' ? timeModel(runSeed, runCoreLoop) : timeTyped(runSeed, workspace);
const cold = time(seed);
// Peak RSS of the cold run alone (the warm run reuses its memory).
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
const warm = values.warm && values.engine !== 'objects' ? time(seed + 1) : null;
process.stdout.write(
  `${JSON.stringify({
    engine: values.engine,
    citizens: cold.citizens,
    months: scenario.horizonMonths,
    seed,
    wallMs: cold.wallMs,
    cpuMs: cold.cpuMs,
    needs: cold.needs,
    served: cold.served,
    breaches: cold.breaches,
    ...perNeed(cold),
    peakRssBytes,
    bytesPerCitizen: peakRssBytes / cold.citizens,
    columnBytesPerCitizen: values.engine === 'typed' ? CITIZEN_RECORD_BYTES : values.engine === 'core' ? CORE_RECORD_BYTES : null,
    warm: warm && { seed: seed + 1, wallMs: warm.wallMs, cpuMs: warm.cpuMs, needs: warm.needs, ...perNeed(warm) },
  })}\n`,
);
