/**
 * Small, fast inputs for report tests: a 2,000-citizen, 6-month city
 * (extending the repository's city.yaml), its run, and a paired comparison
 * with a digital-only variant.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareScenarios, type Comparison } from '../../src/scenarios/compare.js';
import { loadScenarioFile, type Scenario } from '../../src/scenarios/index.js';
import { runValidated, type RunResult } from '../../src/scenarios/run.js';

const CITY_YAML = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios/city.yaml');

/** Loads a tiny city with `extra` YAML appended; throws on issues. */
export function tinyScenario(name: string, extra = ''): Scenario {
  const directory = mkdtempSync(join(tmpdir(), 'dgsim-report-'));
  try {
    const file = join(directory, 'tiny.yaml');
    writeFileSync(file, `name: ${name}\nextends: ${JSON.stringify(CITY_YAML)}\npopulation: { size: 2000 }\nhorizonMonths: 6\n${extra}`);
    const loaded = loadScenarioFile(file);
    if (!loaded.ok) throw new Error(`tiny scenario does not load: ${JSON.stringify(loaded.issues)}`);
    return loaded.scenario;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const DIGITAL_ONLY = 'schedule:\n  - month: 2\n    set:\n      channels.counter.open: false\n      channels.phone.open: false\n';

let cachedRun: RunResult | undefined;
/** One run of the tiny city, seed 1 (cached). */
export function tinyRun(): RunResult {
  cachedRun ??= runValidated(tinyScenario('Tiny city'), 1);
  return cachedRun;
}

/** A paired comparison of the tiny city (A) with its digital-only variant (B). */
export function tinyComparison(replications: number): Comparison {
  return compareScenarios(tinyScenario('Tiny city'), tinyScenario('Tiny digital-only', DIGITAL_ONLY), { replications, seed: 1 });
}
