/**
 * The validation docs of a checkout: load the default city, run every
 * validation, render the files. Shared by `npm run validate`, which writes
 * them, and the docs test, which compares them with the committed ones.
 */
import { join } from 'node:path';
import { formatIssues } from '../scenarios/issues.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { generatedDocs } from './render-validation.js';
import { runValidation, type ValidationReport } from './run-validation.js';

/** The default city, as the docs name it (relative to the repository root). */
export const CITY_FILE = 'scenarios/city.yaml';

/**
 * Runs the validation of the repository at `root` and renders its docs
 * (paths relative to `root`/docs).
 * @throws Error with the scenario issues when the default city does not load.
 */
export function buildValidationDocs(root: string, onStart?: (part: string) => void): { report: ValidationReport; files: Map<string, string> } {
  const loaded = loadScenarioFile(join(root, CITY_FILE));
  if (!loaded.ok) throw new Error(`${CITY_FILE} does not load:\n${formatIssues(loaded.issues)}`);
  const report = runValidation({ city: loaded.scenario, cityFile: CITY_FILE, ...(onStart === undefined ? {} : { onStart }) });
  return { report, files: generatedDocs(report) };
}
