/**
 * One benchmark run in its own process, so that its peak RSS is its own:
 * the benchmark city (bench/all-mechanisms.yaml) at `--size` citizens for
 * one simulated year, timed from compiling the scenario to the last day
 * (population generation included). Prints one JSON line.
 *
 *   node city-run.mjs --size 1000000 [--seed 1] [--engine typed|objects]
 *
 * `--engine objects` runs the object-per-citizen baseline
 * (bench/baseline-objects.ts) on the same city instead.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileScenario } from '../src/scenarios/compile.js';
import { formatIssues } from '../src/scenarios/issues.js';
import { loadScenarioFile } from '../src/scenarios/load.js';
import { CityCounter as C, CITY_COUNTER_COUNT, SegmentCounter as S, SEGMENT_COUNTER_COUNT } from '../src/sim/counters.js';
import { simulate } from '../src/sim/engine.js';
import { runObjectBaseline } from './baseline-objects.js';

/** Bytes each citizen takes in the engine's columns (see src/sim/state.ts `Citizens`). */
export const COLUMN_BYTES_PER_CITIZEN = 1 + 1 + 1 + 4 + 4 + 4 + 4 + 2 + 1 + 1;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    engine: { type: 'string', default: 'typed' },
    scenario: { type: 'string' },
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

const cpuBefore = process.cpuUsage();
const started = performance.now();
let needs = 0;
let served = 0;
let breaches = 0;
let simulatedCitizens = 0;
if (values.engine === 'objects') {
  const result = runObjectBaseline(compileScenario(scenario), seed);
  needs = result.needs;
  served = result.served;
  simulatedCitizens = result.citizens;
} else {
  const output = simulate(compileScenario(scenario), seed);
  for (let i = 0; i < output.segmentMonthly.length; i += SEGMENT_COUNTER_COUNT) needs += output.segmentMonthly[i + S.arrived]!;
  for (let i = 0; i < output.cityMonthly.length; i += CITY_COUNTER_COUNT) {
    served += output.cityMonthly[i + C.needsServed]!;
    breaches += output.cityMonthly[i + C.breaches]!;
  }
  simulatedCitizens = output.simulatedCitizens;
}
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  `${JSON.stringify({
    engine: values.engine,
    citizens: simulatedCitizens,
    months: scenario.horizonMonths,
    seed,
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    needs,
    served,
    breaches,
    nsPerNeed: (wallMs * 1e6) / needs,
    cpuNsPerNeed: ((cpu.user + cpu.system) * 1000) / needs,
    peakRssBytes,
    bytesPerCitizen: peakRssBytes / simulatedCitizens,
    columnBytesPerCitizen: values.engine === 'objects' ? null : COLUMN_BYTES_PER_CITIZEN,
  })}\n`,
);
