/**
 * Test helper: reads a scenario file from `scenarios/`, follows its
 * `extends:` chain and validates the merged document with the scenario
 * schema. Deliberately independent of `src/scenarios/load.ts`, so these tests
 * pin the scenario files' meaning rather than the loader's.
 *
 * Merge rule: a child's mapping fields override the parent's recursively;
 * arrays (segments, services, schedule, …) and scalars from the child
 * replace the parent's wholesale.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { scenarioSchema, type Scenario } from '../../src/scenarios/schema.js';

/** The repository's `scenarios/` directory. */
export const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

type Tree = Record<string, unknown>;

function isMapping(value: unknown): value is Tree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `child` laid over `parent`: mappings merge recursively, everything else replaces. */
export function mergeOver(parent: Tree, child: Tree): Tree {
  const merged: Tree = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const base = merged[key];
    merged[key] = isMapping(base) && isMapping(value) ? mergeOver(base, value) : value;
  }
  return merged;
}

/** The raw document of a scenario file with its `extends:` chain merged (the key itself removed). */
export function readScenarioTree(file: string, seen: readonly string[] = []): Tree {
  const path = resolve(SCENARIO_DIR, file);
  if (seen.includes(path)) throw new Error(`extends cycle: ${[...seen, path].join(' → ')}`);
  const document: unknown = parse(readFileSync(path, 'utf8'));
  if (!isMapping(document)) throw new Error(`${file}: a scenario must be a mapping`);
  const { extends: parentFile, ...own } = document;
  if (parentFile === undefined) return own;
  if (typeof parentFile !== 'string') throw new Error(`${file}: extends must be a file name`);
  const parent = readScenarioTree(resolve(dirname(path), parentFile), [...seen, path]);
  return mergeOver(parent, own);
}

/** A scenario file, merged and validated (defaults applied). Throws with zod's issues when invalid. */
export function loadScenarioFile(file: string, overrides: Tree = {}): Scenario {
  const tree = mergeOver(readScenarioTree(file), overrides);
  const parsed = scenarioSchema.safeParse(tree);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${file}: invalid scenario: ${issues}`);
  }
  return parsed.data;
}
