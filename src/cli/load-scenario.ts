/**
 * Loading a scenario file for a command: the loader's result, or a
 * ScenarioFileError carrying its issues (printed by the CLI, exit 2).
 */
import { loadScenarioFile, type Scenario } from '../scenarios/index.js';
import type { ScenarioSource } from '../report/provenance.js';
import { ScenarioFileError } from './errors.js';
import { portablePath } from './paths.js';

/** A loaded scenario with where it came from, as outputs record it. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly source: ScenarioSource;
}

/**
 * Loads and validates `file`; the files it read are recorded relative to `cwd`.
 * @throws ScenarioFileError with the issues when the file is missing, unreadable or invalid.
 */
export function loadScenarioOrFail(file: string, cwd: string): LoadedScenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.ok) throw new ScenarioFileError(loaded.issues);
  return {
    scenario: loaded.scenario,
    source: { name: loaded.scenario.name, files: loaded.files.map((read) => portablePath(read, cwd)), hash: loaded.hash },
  };
}
