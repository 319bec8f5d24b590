/**
 * Test helper: the built-in scenarios as the explorer's bundle holds them
 * (texts of scenarios/*.yaml), and a scenario with a small population for
 * quick runs.
 */
import { join } from 'node:path';
import { readScenarioTexts } from '../../src/explorer/build.js';
import { createScenarioLibrary, type ScenarioLibrary } from '../../src/explorer/scenario-library.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { REPO } from './paths.js';

/** The texts of the repository's scenario files, by file name. */
export const SCENARIO_TEXTS = readScenarioTexts(join(REPO, 'scenarios'));

/** A library over the repository's scenario files. */
export const LIBRARY: ScenarioLibrary = createScenarioLibrary(SCENARIO_TEXTS);

/** A built-in scenario, validated. @throws Error when it does not load. */
export function builtin(name: string): Scenario {
  const parsed = LIBRARY.parseBuiltin(name);
  if (!parsed.ok) throw new Error(`${name} does not load: ${JSON.stringify(parsed.issues)}`);
  return parsed.scenario;
}
