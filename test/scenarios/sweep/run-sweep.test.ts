import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweep, type SweepOutcome } from '../../../src/scenarios/sweep/run-sweep.js';
import { mergeSweepDirs } from '../../../src/scenarios/sweep/merge-shards.js';
import { JOURNAL_FILE } from '../../../src/scenarios/sweep/journal.js';
import type { Sweep } from '../../../src/scenarios/sweep/load-sweep.js';
import { dgsimVersion } from '../../../src/version.js';
import { mustLoad, outputs, removeTempDirs, tempDir, TINY_GRID, tinySweepText, writeSweep } from './helpers.js';

/** A copy of sweep directory `from` at `to` whose plan.json says it was begun by dgsim `version` (no version: none recorded). */
function copyWithVersion(from: string, to: string, version: string | undefined): void {
  cpSync(from, to, { recursive: true });
  const plan = JSON.parse(readFileSync(join(to, 'plan.json'), 'utf8')) as Record<string, unknown>;
  if (version === undefined) delete plan.dgsimVersion;
  else plan.dgsimVersion = version;
  writeFileSync(join(to, 'plan.json'), JSON.stringify(plan));
}

/** Every file of a directory with its content. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['plan.json', JOURNAL_FILE, 'runs.csv', 'runs.jsonl']) if (existsSync(join(dir, name))) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

async function mustRun(options: Parameters<typeof runSweep>[0]): Promise<SweepOutcome> {
  const result = await runSweep(options);
  if (!result.ok) throw new Error(result.message);
  return result.outcome;
}

describe('runSweep', () => {
  let dir: string;
  let sweep: Sweep;
  let reference: string;

  beforeAll(async () => {
    dir = tempDir();
    sweep = mustLoad(writeSweep(dir, 'grid.yaml', tinySweepText(TINY_GRID, { replications: 3 })));
    reference = join(dir, 'one-worker');
    await mustRun({ sweep, outDir: reference, workers: 1 });
  });
  afterAll(removeTempDirs);

  it('writes one row per run in run-id order, with parameters and metrics', () => {
    const { csv, jsonl } = outputs(reference);
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 4 * 3);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 8)).toEqual(['run_id', 'point_id', 'replicate', 'seed', 'counter', 'usability', 'status', 'error']);
    expect(header).toContain('unmetRate');
    expect(header).toContain('unmetRate[age=75+]');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((r) => Number(r[0]))).toEqual(Array.from({ length: 12 }, (_, i) => i));
    // Common random numbers: replicate k has the same seed at every point.
    for (const row of rows) expect(Number(row[3])).toBe(1 + Number(row[2]));
    expect(rows.map((r) => `${r[4]}/${r[5]}`).filter((_, i) => i % 3 === 0)).toEqual(['2/0.4', '2/0.8', '5.5/0.4', '5.5/0.8']);
    const json = jsonl.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(json[4]).toMatchObject({ run_id: 4, point_id: 1, replicate: 1, seed: 2, counter: 2, usability: 0.8, status: 'ok', error: null });
    expect(Object.keys(json[0]!)).toEqual(header);
  });

  it('gives byte-identical files with 1 and 2 workers', async () => {
    const two = join(dir, 'two-workers');
    await mustRun({ sweep, outDir: two, workers: 2 });
    expect(outputs(two)).toEqual(outputs(reference));
  });

  it('records a run that throws, goes on, and counts it', async () => {
    const out = join(dir, 'failures');
    const outcome = await mustRun({ sweep, outDir: out, workers: 2, failRunIds: new Set([1, 7]) });
    expect(outcome.failed).toBe(2);
    expect(outcome.runs).toBe(12);
    const rows = outputs(out).csv.trimEnd().split('\n').slice(1);
    expect(rows[1]).toMatch(/^1,0,1,2,2,0\.4,failed,injected failure \(test hook DGSIM_SWEEP_FAIL_RUN_IDS\),+$/);
    expect(rows[7]).toContain(',failed,');
    const reference_rows = outputs(reference).csv.trimEnd().split('\n').slice(1);
    rows.forEach((row, i) => {
      if (i !== 1 && i !== 7) expect(row).toBe(reference_rows[i]);
    });
  });

  it('resumes from a partial journal and ends identical to an uninterrupted sweep', async () => {
    const out = join(dir, 'resumed');
    mkdirSync(out);
    copyFileSync(join(reference, 'plan.json'), join(out, 'plan.json'));
    // Keep 5 finished runs, out of order, plus a torn line as a kill -9 leaves it.
    const lines = readFileSync(join(reference, JOURNAL_FILE), 'utf8').trimEnd().split('\n');
    const kept = [lines[3], lines[0], lines[7], lines[1], lines[10]].join('\n');
    writeFileSync(join(out, JOURNAL_FILE), `${kept}\n${lines[5]!.slice(0, 40)}`);
    const messages: string[] = [];
    const result = await runSweep({ sweep, outDir: out, workers: 2 }, { message: (text) => messages.push(text) });
    expect(result.ok && result.outcome.ranNow).toBe(7);
    expect(messages[0]).toContain('resuming: 5 of 12 runs already finished');
    expect(outputs(out)).toEqual(outputs(reference));
  });

  it('does nothing more when the sweep is complete', async () => {
    const result = await runSweep({ sweep, outDir: reference, workers: 2 });
    expect(result.ok && result.outcome.ranNow).toBe(0);
  });

  it('refuses to resume a directory of a different sweep', async () => {
    const other = mustLoad(writeSweep(dir, 'other.yaml', tinySweepText(TINY_GRID, { replications: 4 })));
    const result = await runSweep({ sweep: other, outDir: reference, workers: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/holds results of a different sweep/);
  });

  it('refuses to resume a sweep begun by another dgsim version, naming both, and leaves it as it was', async () => {
    expect(JSON.parse(readFileSync(join(reference, 'plan.json'), 'utf8')).dgsimVersion).toBe(dgsimVersion());
    const older = join(dir, 'older-version');
    copyWithVersion(reference, older, '0.0.9');
    const before = snapshot(older);
    const result = await runSweep({ sweep, outDir: older, workers: 1 });
    expect(!result.ok && result.message).toContain(`holds a sweep begun by dgsim 0.0.9; this is dgsim ${dgsimVersion()}`);
    expect(snapshot(older)).toEqual(before);
    const unrecorded = join(dir, 'no-version');
    copyWithVersion(reference, unrecorded, undefined);
    const again = await runSweep({ sweep, outDir: unrecorded, workers: 1 });
    expect(!again.ok && again.message).toContain('begun by an earlier dgsim (its plan.json records no version)');
  });

  it('runs shards whose merge is identical to the single-machine sweep', async () => {
    const shards = [0, 1].map((index) => join(dir, `shard-${index}`));
    for (const [index, out] of shards.entries()) {
      const outcome = await mustRun({ sweep, outDir: out, workers: 1, shard: { index, count: 2 } });
      expect(outcome.runs).toBe(6);
    }
    const shardRows = outputs(shards[1]!).csv.trimEnd().split('\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(shardRows).toEqual([1, 3, 5, 7, 9, 11]);
    const merged = join(dir, 'merged');
    const result = await mergeSweepDirs([shards[1]!, shards[0]!], merged);
    expect(result.ok).toBe(true);
    expect(outputs(merged)).toEqual(outputs(reference));
    // The merged directory is a complete sweep: running it again does nothing.
    const again = await runSweep({ sweep, outDir: merged, workers: 1 });
    expect(again.ok && again.outcome.ranNow).toBe(0);
  });

  it('refuses to merge with a shard missing or given twice', async () => {
    const missing = await mergeSweepDirs([join(dir, 'shard-1')], join(dir, 'bad-merge'));
    expect(!missing.ok && missing.message).toMatch(/6 of 12 runs are missing \(e\.g\. run 0, 2, 4, 6, 8\); no directory holds shard 0\/2/);
    const twice = await mergeSweepDirs([join(dir, 'shard-0'), join(dir, 'shard-0')], join(dir, 'bad-merge'));
    expect(!twice.ok && twice.message).toMatch(/shard 0\/2 is given twice/);
    expect(existsSync(join(dir, 'bad-merge'))).toBe(false);
  });

  it('refuses to merge shards run by two dgsim versions', async () => {
    const older = join(dir, 'shard-0-older');
    copyWithVersion(join(dir, 'shard-0'), older, '0.0.9');
    const result = await mergeSweepDirs([join(dir, 'shard-1'), older], join(dir, 'mixed-merge'));
    expect(!result.ok && result.message).toContain(`${older} was run by dgsim 0.0.9, ${join(dir, 'shard-1')} by dgsim ${dgsimVersion()}`);
    expect(existsSync(join(dir, 'mixed-merge'))).toBe(false);
  });
});
