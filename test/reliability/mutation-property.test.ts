/**
 * Point 1, as properties: take every valid file in scenarios/ and
 * examples/sweeps/, damage it at random (mutations.ts), and show that dgsim
 * never fails in any way but a clear list of issues.
 *
 * - library: loading never throws; it succeeds, or returns issues that each
 *   name a file, a path (and a line, in the damaged file); a scenario that
 *   still loads runs (at a tiny size) without breaking an invariant;
 * - command line: `dgsim check` exits 0 or 2, names a file when it says no,
 *   and never prints a stack trace.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues, loadScenarioFile, type ScenarioIssue } from '../../src/scenarios/index.js';
import { estimateRunMemory } from '../../src/scenarios/memory-estimate.js';
import { monthlyCsv, runSummaryJson } from '../../src/report/run-outputs.js';
import { runValidated } from '../../src/scenarios/run.js';
import { monthlyRows } from '../../src/sim/metrics/index.js';
import { loadSweepFile } from '../../src/scenarios/sweep/load-sweep.js';
import { buildCli, copyOfInputs, inParallel, runDgsimAsync, STACK_LINE } from './harness.js';
import { applyMutations, mutations, type Mutation } from './mutations.js';

const PROVENANCE = { dgsimVersion: 'test', command: 'dgsim run mutated.yaml', scenarioFiles: ['mutated.yaml'], scenarioHash: 'h', seed: 1 };

/** A valid input file to damage. */
interface Source {
  readonly kind: 'scenario' | 'sweep';
  /** Folder inside the copy of the inputs (the damaged file goes there, so relative references still resolve). */
  readonly folder: string;
  readonly name: string;
  readonly bytes: Buffer;
}

let root = '';
let sources: Source[] = [];

beforeAll(() => {
  root = copyOfInputs();
  const read = (kind: Source['kind'], folder: string): Source[] =>
    readdirSync(join(root, folder))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ kind, folder, name, bytes: readFileSync(join(root, folder, name)) }));
  sources = [...read('scenario', 'scenarios'), ...read('sweep', 'examples/sweeps')];
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** What a damaged file is called: next to the originals, so `extends:` and `base:` still resolve. */
function damagedPath(source: Source, tag: string): string {
  return join(root, source.folder, `mutated-${tag}.yaml`);
}

/** The checks every issue must pass. */
function expectWellFormedIssues(issues: readonly ScenarioIssue[], damaged: string): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.file === 'string' && issue.file.length > 0, JSON.stringify(issue)).toBe(true);
    expect(Array.isArray(issue.path), JSON.stringify(issue)).toBe(true);
    expect(issue.message.length, JSON.stringify(issue)).toBeGreaterThan(0);
    if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1, JSON.stringify(issue)).toBe(true);
    // The damaged file exists, so every issue in it can say where.
    if (issue.file === damaged) expect(issue.line, JSON.stringify(issue)).toBeGreaterThanOrEqual(1);
  }
  expect(() => formatIssues(issues)).not.toThrow();
}

describe('damaged input files (property)', () => {
  it('every valid scenario and sweep file is among the sources', () => {
    expect(sources.filter((s) => s.kind === 'scenario').length).toBeGreaterThanOrEqual(20);
    expect(sources.filter((s) => s.kind === 'sweep').length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      const path = join(root, source.folder, source.name);
      const result = source.kind === 'sweep' ? loadSweepFile(path) : loadScenarioFile(path);
      expect(result.ok, `${source.name}: ${result.ok ? '' : formatIssues(result.issues)}`).toBe(true);
    }
  });

  it('loading never throws: it succeeds, or every issue names a file, a line and a path; what loads, runs', () => {
    const outcomes = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(fc.nat(), mutations, (pick, changes: Mutation[]) => {
        const source = sources[pick % sources.length]!;
        const damaged = damagedPath(source, 'lib');
        writeFileSync(damaged, applyMutations(source.bytes, changes));
        const result = source.kind === 'sweep' ? loadSweepFile(damaged) : loadScenarioFile(damaged);
        if (!result.ok) {
          outcomes.invalid++;
          expectWellFormedIssues(result.issues, damaged);
          return;
        }
        outcomes.valid++;
        const scenario = 'sweep' in result ? result.sweep.scenario : result.scenario;
        expect(Number.isFinite(estimateRunMemory(scenario).totalBytes)).toBe(true);
        // Whatever validates must run without breaking an invariant (a tiny population keeps it quick),
        // and its outputs must pass the guard against stray NaN and Infinity.
        expect(() => {
          const run = runValidated({ ...scenario, population: { size: 150, sample: 1 } }, 1);
          runSummaryJson(run, PROVENANCE);
          monthlyCsv(monthlyRows(run.config, run.output));
        }).not.toThrow();
      }),
      // DGSIM_PROPERTY_RUNS and DGSIM_PROPERTY_SEED search further (e.g. 5000 runs, a random seed); the default is fixed and quick.
      { numRuns: Number(process.env.DGSIM_PROPERTY_RUNS ?? 300), seed: Number(process.env.DGSIM_PROPERTY_SEED ?? 20_251_129) },
    );
    // The damage must be neither always fatal nor always harmless, or the property proves little.
    expect(outcomes.valid).toBeGreaterThan(10);
    expect(outcomes.invalid).toBeGreaterThan(outcomes.valid);
  });

  it('dgsim check exits 0 or 2, names a file when it refuses, and never prints a stack trace', async () => {
    const bin = buildCli();
    const cases = fc.sample(fc.tuple(fc.nat(), mutations), { numRuns: 20, seed: 42 });
    const runs = await inParallel(
      cases.map(([pick, changes], index) => async () => {
        const source = sources[pick % sources.length]!;
        const damaged = damagedPath(source, `cli-${index}`);
        writeFileSync(damaged, applyMutations(source.bytes, changes));
        return { source, changes, run: await runDgsimAsync(bin, ['check', damaged], root) };
      }),
      3,
    );
    for (const { source, changes, run } of runs) {
      const context = `${source.name} with ${JSON.stringify(changes)}\nexit ${run.code}\nstderr: ${run.stderr}`;
      expect([0, 2], context).toContain(run.code);
      expect(run.stderr, context).not.toMatch(STACK_LINE);
      expect(run.stderr, context).not.toMatch(/internal error/);
      if (run.code === 0) expect(run.stdout, context).toMatch(/^ok /);
      else expect(run.stderr, context).toMatch(/\.(yaml|csv)\b/);
    }
  });
});
