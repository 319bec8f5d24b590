import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointStatus, replicatesToAdd } from '../../../src/scenarios/sweep/adaptive.js';
import { JOURNAL_FILE } from '../../../src/scenarios/sweep/journal.js';
import { runSweep, type SweepOutcome } from '../../../src/scenarios/sweep/run-sweep.js';
import { meanInterval } from '../../../src/stats/mean-ci.js';
import { mustLoad, outputs, removeTempDirs, tempDir, TINY_GRID, tinySweepText, writeSweep } from './helpers.js';

describe('replicatesToAdd', () => {
  it('adds nothing once the half-width is at most the target', () => {
    const values = [1, 1.01, 0.99, 1];
    const status = pointStatus(0, values, 0.05);
    expect(status.met).toBe(true);
    expect(replicatesToAdd(status, values, 0.05, 50)).toBe(0);
  });

  it('adds about what the spread says, at least 1, at most doubling, within the cap', () => {
    const wide = [0, 1, 0, 1];
    const status = pointStatus(0, wide, 0.1);
    expect(status.met).toBe(false);
    expect(replicatesToAdd(status, wide, 0.1, 50)).toBe(4); // doubling cap
    expect(replicatesToAdd(status, wide, 0.1, 6)).toBe(2); // replication cap
    const nearly = [0.5, 0.6, 0.55, 0.52, 0.58, 0.51, 0.57, 0.54];
    const close = pointStatus(0, nearly, meanInterval(nearly).halfWidth * 0.99);
    expect(replicatesToAdd(close, nearly, meanInterval(nearly).halfWidth * 0.99, 50)).toBe(1);
  });

  it('needs two finite values before it can judge, and stops at the cap', () => {
    expect(replicatesToAdd(pointStatus(0, [0.3], 0.1), [0.3], 0.1, 50)).toBe(1);
    expect(replicatesToAdd(pointStatus(0, [Number.NaN, Number.NaN], 0.1), [Number.NaN, Number.NaN], 0.1, 50)).toBe(2);
    expect(replicatesToAdd(pointStatus(0, [0, 1, 0, 1], 0.01), [0, 1, 0, 1], 0.01, 4)).toBe(0);
  });
});

describe('adaptive replications', () => {
  let dir: string;
  let outcome: SweepOutcome;
  const target = 0.01;
  const cap = 12;

  beforeAll(async () => {
    dir = tempDir();
    const sweep = mustLoad(writeSweep(dir, 'adaptive.yaml', tinySweepText(TINY_GRID, { replications: 2 })));
    const result = await runSweep({ sweep, outDir: join(dir, 'adaptive'), workers: 2, adaptive: { metric: 'unmetRate', halfWidth: target, maxReplications: cap } });
    if (!result.ok) throw new Error(result.message);
    outcome = result.outcome;
  });
  afterAll(removeTempDirs);

  it('adds replicates until each point meets the target or reaches the cap, and reports how many', () => {
    const statuses = outcome.replications ?? [];
    expect(statuses).toHaveLength(4);
    const rows = outputs(join(dir, 'adaptive'))
      .jsonl.trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { run_id: number; point_id: number; replicate: number; seed: number; unmetRate: number });
    expect(rows.map((r) => r.run_id)).toEqual(rows.map((_, i) => i));
    for (const status of statuses) {
      const mine = rows.filter((r) => r.point_id === status.pointId);
      expect(mine.map((r) => r.replicate).sort((a, b) => a - b)).toEqual(Array.from({ length: status.replications }, (_, k) => k));
      for (const row of mine) expect(row.seed).toBe(1 + row.replicate);
      const interval = meanInterval(mine.sort((a, b) => a.replicate - b.replicate).map((r) => r.unmetRate));
      expect(status.halfWidth).toBe(interval.halfWidth);
      if (status.met) expect(status.halfWidth).toBeLessThanOrEqual(target);
      else expect(status.replications).toBe(cap);
      expect(status.replications).toBeLessThanOrEqual(cap);
    }
    // The sweep needed more than the planned 2 replicates somewhere, not everywhere the cap.
    expect(Math.max(...statuses.map((s) => s.replications))).toBeGreaterThan(2);
    // Added runs come after the 8 planned ones.
    expect(rows.slice(0, 8).map((r) => [r.point_id, r.replicate])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1], [3, 0], [3, 1]]);
    const csv = readFileSync(join(dir, 'adaptive', 'replications.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('point_id,replications,mean,half_width,target_met');
    expect(csv).toHaveLength(4 + 2);
  });

  it('resumes an adaptive sweep to the same files', async () => {
    const sweep = mustLoad(join(dir, 'adaptive.yaml'));
    const out = join(dir, 'resumed');
    mkdirSync(out);
    copyFileSync(join(dir, 'adaptive', 'plan.json'), join(out, 'plan.json'));
    const lines = readFileSync(join(dir, 'adaptive', JOURNAL_FILE), 'utf8').trimEnd().split('\n');
    // The planned runs but one, and the first added run.
    writeFileSync(join(out, JOURNAL_FILE), `${[...lines.slice(0, 7), ...lines.slice(8, 9)].join('\n')}\n`);
    const result = await runSweep({ sweep, outDir: out, workers: 1, adaptive: { metric: 'unmetRate', halfWidth: target, maxReplications: cap } });
    expect(result.ok).toBe(true);
    expect(outputs(out)).toEqual(outputs(join(dir, 'adaptive')));
    expect(readFileSync(join(out, 'replications.csv'), 'utf8')).toBe(readFileSync(join(dir, 'adaptive', 'replications.csv'), 'utf8'));
  });

  it('refuses --target-ci with --shard, and an unknown metric', async () => {
    const sweep = mustLoad(join(dir, 'adaptive.yaml'));
    const sharded = await runSweep({ sweep, outDir: join(dir, 'x'), workers: 1, shard: { index: 0, count: 2 }, adaptive: { metric: 'unmetRate', halfWidth: 0.1, maxReplications: 5 } });
    expect(!sharded.ok && sharded.message).toMatch(/cannot be combined with --shard/);
    const unknown = await runSweep({ sweep, outDir: join(dir, 'x'), workers: 1, adaptive: { metric: 'unmetRat', halfWidth: 0.1, maxReplications: 5 } });
    expect(!unknown.ok && unknown.message).toMatch(/not a recorded headline metric/);
  });
});
