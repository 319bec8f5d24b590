/**
 * The engine keeps its compiled code through a run. V8 compiles a hot loop
 * assuming that a field no object has overwritten yet is a constant; when a
 * run later overwrites one (as a policy phase change did with the state's
 * policy), V8 marks every function compiled on that assumption "for
 * deoptimization, reason: code dependencies" and runs them unoptimized
 * while it compiles them again. This test runs two scheduled scenarios (a
 * policy phase at month 6) in a child process with V8's deoptimization
 * trace and requires that no function of src/sim is marked so once the
 * simulation has begun.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../cli/harness.js';

/** Every function declared in src/sim, by name. */
function engineFunctionNames(): Set<string> {
  const names = new Set<string>();
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/function\s+(\w+)\s*[(<]/g)) names.add(match[1]!);
    }
  };
  visit(join(REPO, 'src', 'sim'));
  return names;
}

/** Functions marked for deoptimization by code dependencies after the simulation's first month began. */
function markedDuringRun(scenario: string): { marked: string[]; traced: boolean; done: boolean } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--trace-deopt', 'test/sim/fixtures/run-scheduled-city.ts', scenario, '20000', '9'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(child.status, child.stderr).toBe(0);
  const engine = engineFunctionNames();
  const marked: string[] = [];
  let month = -1;
  let traced = false;
  for (const line of child.stdout.split('\n')) {
    const start = /^month (\d+)$/.exec(line);
    if (start !== null) month = Number(start[1]);
    if (line.startsWith('[bailout') || line.startsWith('[marking')) traced = true;
    const mark = /marking dependent code .*SharedFunctionInfo (\w+)>.*reason: code dependencies/.exec(line);
    if (mark !== null && month >= 0 && engine.has(mark[1]!)) marked.push(`month ${month}: ${mark[1]}`);
  }
  return { marked, traced, done: child.stdout.includes('\ndone\n') };
}

describe('compiled code through a run', () => {
  it('finds the engine functions it watches', () => {
    const names = engineFunctionNames();
    for (const name of ['routeArrivals', 'serveQueue', 'spreadAccess', 'arriveNeeds', 'step']) expect(names.has(name), name).toBe(true);
  });

  it.each(['scenarios/digital-only.yaml', 'scenarios/hybrid.yaml'])('is not thrown away when %s changes its policy', (scenario) => {
    const { marked, traced, done } = markedDuringRun(scenario);
    expect(done).toBe(true);
    // The trace is on: V8 always reports some deoptimization while modules load and the population is drawn.
    expect(traced).toBe(true);
    expect(marked).toEqual([]);
  }, 60_000);
});
