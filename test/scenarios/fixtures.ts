/** Fixtures for the scenario-loading tests: a minimal valid scenario and a temporary directory to write files into. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The smallest valid scenario: 2 districts, 2 segments, 1 service. Line numbers are referred to by the tests. */
export const MINIMAL = `name: minimal
horizonMonths: 12
population:
  size: 1000
districts:
  - id: north
    counterTravelMinutes: 20
    assistedTravelMinutes: 15
  - id: south
    counterTravelMinutes: 40
    assistedTravelMinutes: 30
segments:
  - id: young
    age: 18-64
    income: mid
    district: north
    share: 0.6
    internetAccess: 0.95
    digitalSkill: { mean: 0.7, sd: 0.1 }
    motivation: { mean: 0.6, sd: 0.1 }
    privacyConcern: { mean: 0.4, sd: 0.1 }
    trust: { mean: 0.5, sd: 0.1 }
    needsPerYear: 4
    patienceDays: 30
    helperAvailable: 0.5
  - id: old
    age: 75+
    income: low
    district: south
    share: 0.4
    internetAccess: 0.5
    digitalSkill: { mean: 0.3, sd: 0.1 }
    motivation: { mean: 0.4, sd: 0.1 }
    privacyConcern: { mean: 0.6, sd: 0.1 }
    trust: { mean: 0.5, sd: 0.1 }
    needsPerYear: 6
    patienceDays: 20
    helperAvailable: 0.6
services:
  - id: permit
    share: 1
    complexity: 0.5
    agencies: 2
    patienceFactor: 1
    dataFields: 10
    automatable: true
`;

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`fixture has no line with ${JSON.stringify(needle)}`);
  return index + 1;
}

/** `text` with the first occurrence of `from` replaced, failing loudly when absent (so a fixture edit cannot silently do nothing). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** A temporary directory with files in it; `remove()` deletes it. */
export interface TempDir {
  readonly dir: string;
  /** Writes a file (text or bytes) and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'dgsim-scenarios-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
