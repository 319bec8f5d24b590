/** Helpers for the sweep tests: tiny sweep files on the repository's default city, temporary directories, reading outputs. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSweepFile, type Sweep } from '../../../src/scenarios/sweep/load-sweep.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CITY_YAML = join(REPO, 'scenarios', 'city.yaml');

/** Temporary directories made by `tempDir`, removed by `removeTempDirs`. */
const made: string[] = [];

export function tempDir(prefix = 'dgsim-sweep-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A tiny sweep (300–500 citizens, 3 months) on the default city; `body` replaces the parameters/design part. */
export function tinySweepText(body: string, options: { population?: number; months?: number; replications?: number; extra?: string } = {}): string {
  return [
    `base: ${JSON.stringify(CITY_YAML)}`,
    'overrides:',
    `  population: { size: ${options.population ?? 400} }`,
    `  horizonMonths: ${options.months ?? 3}`,
    body.trim(),
    `replications: ${options.replications ?? 2}`,
    options.extra ?? '',
    '',
  ].join('\n');
}

/** The standard tiny grid: 2 × 2 points. */
export const TINY_GRID = `
parameters:
  - { path: policy.channels.counter.capacityPerDayPer1000, name: counter, values: [2, 5.5] }
  - { path: policy.channels.online.usability, name: usability, min: 0.4, max: 0.8 }
design: { type: grid, levels: 2 }
`;

/** Writes a sweep file into `dir` and returns its path. */
export function writeSweep(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Loads a sweep file, failing the test with its issues when it does not load. */
export function mustLoad(file: string): Sweep {
  const result = loadSweepFile(file);
  if (!result.ok) throw new Error(`sweep did not load:\n${JSON.stringify(result.issues, null, 1)}`);
  return result.sweep;
}

/** The results files of a sweep directory, as text. */
export function outputs(dir: string): { csv: string; jsonl: string; plan: string } {
  return {
    csv: readFileSync(join(dir, 'runs.csv'), 'utf8'),
    jsonl: readFileSync(join(dir, 'runs.jsonl'), 'utf8'),
    plan: readFileSync(join(dir, 'plan.json'), 'utf8'),
  };
}

/** Lines in a file (0 when it does not exist). */
export function lineCount(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').length - 1;
}
