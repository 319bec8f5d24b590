import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, plannedRun } from '../../../src/scenarios/sweep/plan.js';
import { dgsimVersion } from '../../../src/version.js';
import { createProgressReporter, progressLine } from '../../../src/scenarios/sweep/progress.js';
import { inShard, parseShard } from '../../../src/scenarios/sweep/shard.js';
import { mustLoad, removeTempDirs, tempDir, TINY_GRID, tinySweepText, writeSweep } from './helpers.js';

describe('the run plan', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(removeTempDirs);

  it('assigns run ids point-major, with common random numbers, deterministically', () => {
    const sweep = mustLoad(writeSweep(dir, 'a.yaml', tinySweepText(TINY_GRID, { replications: 3, extra: 'runSeed: 10' })));
    const plan = buildPlan(sweep, undefined);
    expect(plan.plannedRuns).toBe(12);
    expect(Array.from({ length: 12 }, (_, id) => plannedRun(plan, id))).toEqual(
      Array.from({ length: 12 }, (_, id) => ({ runId: id, pointId: Math.floor(id / 3), replicate: id % 3, seed: 10 + (id % 3) })),
    );
    // The same file gives the same plan; comments and layout do not change the hash.
    const again = mustLoad(writeSweep(dir, 'b.yaml', `# a comment\n${tinySweepText(TINY_GRID, { replications: 3, extra: 'runSeed:   10' })}`));
    expect(buildPlan(again, undefined).hash).toBe(plan.hash);
    const other = mustLoad(writeSweep(dir, 'c.yaml', tinySweepText(TINY_GRID, { replications: 4, extra: 'runSeed: 10' })));
    expect(buildPlan(other, undefined).hash).not.toBe(plan.hash);
    expect(buildPlan(sweep, { metric: 'unmetRate', halfWidth: 0.01, maxReplications: 9 }).hash).not.toBe(plan.hash);
    // The version that plans it is part of the sweep: another one's results may differ.
    expect(plan.dgsimVersion).toBe(dgsimVersion());
    expect(buildPlan(sweep, undefined, `${dgsimVersion()}-next`).hash).not.toBe(plan.hash);
  });
});

describe('shards', () => {
  it('split run ids by id mod N', () => {
    expect(parseShard('1/4')).toEqual({ ok: true, shard: { index: 1, count: 4 } });
    for (const bad of ['4/4', '1', '-1/2', 'a/b', '1/0']) expect(parseShard(bad).ok, bad).toBe(false);
    const ids = Array.from({ length: 10 }, (_, i) => i);
    expect(ids.filter((id) => inShard(id, { index: 1, count: 3 }))).toEqual([1, 4, 7]);
    expect(ids.filter((id) => inShard(id, undefined))).toEqual(ids);
  });
});

describe('progress', () => {
  const at = (done: number, total: number, failed: number, sessionDone: number, elapsedSeconds: number) => ({ done, total, failed, sessionDone, elapsedSeconds });

  it('says done/total, failures, rate and ETA in one line', () => {
    expect(progressLine(at(420, 1000, 3, 400, 32.52))).toBe('sweep: 420/1000 runs (3 failed), 12.3 runs/s, ETA 47 s');
    expect(progressLine(at(10, 100, 0, 0, 0))).toBe('sweep: 10/100 runs (0 failed), 0.0 runs/s, ETA ?');
    expect(progressLine(at(100, 100, 0, 100, 10))).toBe('sweep: 100/100 runs (0 failed), 10.0 runs/s, ETA 0 s');
  });

  it('prints plain lines every interval and at the end when not on a terminal', () => {
    const lines: string[] = [];
    let clock = 0;
    const reporter = createProgressReporter({ write: (text) => lines.push(text) }, 'auto', 5, () => clock);
    for (let done = 1; done <= 20; done++) {
      clock = done;
      reporter.update(at(done, 20, 0, done, done));
    }
    reporter.finish();
    expect(lines).toEqual([
      'sweep: 5/20 runs (0 failed), 1.0 runs/s, ETA 15 s\n',
      'sweep: 10/20 runs (0 failed), 1.0 runs/s, ETA 10 s\n',
      'sweep: 15/20 runs (0 failed), 1.0 runs/s, ETA 5 s\n',
      'sweep: 20/20 runs (0 failed), 1.0 runs/s, ETA 0 s\n',
      'sweep: 20/20 runs (0 failed), 1.0 runs/s, ETA 0 s\n',
    ]);
  });

  it('draws a bar on a terminal', () => {
    const written: string[] = [];
    const reporter = createProgressReporter({ write: (text) => written.push(text), isTTY: true }, 'auto');
    reporter.update(at(0, 4, 0, 0, 0));
    reporter.update(at(4, 4, 1, 4, 2));
    reporter.finish();
    const text = written.join('');
    expect(text).toContain('4/4 runs (1 failed)');
    expect(text).toContain('2.0 runs/s');
  });
});
