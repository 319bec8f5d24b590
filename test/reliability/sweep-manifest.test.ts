/**
 * Points 3 and 5 of the reliability issue, for sweeps: a finished sweep
 * directory (whole, one shard, or a merge of shards) gets a manifest.json,
 * written last, with the dgsim version, the sweep file's content hash, the
 * plan hash, the command and the sha256 of every output (the report's
 * included); `dgsim verify` re-runs the sweep (or the merge) into a
 * temporary directory and compares, and a resumed sweep verifies like an
 * uninterrupted one.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/report/atomic-write.js';
import { buildCli, expectUserError, FIXTURES, inParallel, runDgsimAsync, scratchDirectory, type CliRun } from './harness.js';

interface Manifest {
  dgsimVersion: string;
  command: string;
  sweepFile?: string;
  sweepFileHash?: string;
  planHash: string;
  shard?: string;
  shardDirectories?: string[];
  outputs: { file: string; sha256: string; bytes: number }[];
}

const SWEEP_ARGS = ['sweep', 'sweeps/good.yaml', '--workers', '1', '--progress', 'none'];

describe('sweep directories have a manifest and verify', () => {
  let bin = '';
  let cwd = '';
  const dgsim = (args: readonly string[]): Promise<CliRun> => runDgsimAsync(bin, args, cwd);
  const manifestOf = (directory: string): Manifest => JSON.parse(readFileSync(join(cwd, directory, 'manifest.json'), 'utf8')) as Manifest;

  beforeAll(async () => {
    bin = buildCli();
    cwd = scratchDirectory();
    mkdirSync(join(cwd, 'sweeps'));
    cpSync(join(FIXTURES, 'scenarios'), join(cwd, 'scenarios'), { recursive: true });
    cpSync(join(FIXTURES, 'sweeps', 'good.yaml'), join(cwd, 'sweeps', 'good.yaml'));
    const runs = await inParallel(
      [
        // One sweep draws its report (on by default); the rest skip it for speed.
        () => dgsim([...SWEEP_ARGS, '--out', 'out/sweep']),
        () => dgsim([...SWEEP_ARGS, '--no-report', '--out', 'out/resumed']),
        () => dgsim([...SWEEP_ARGS, '--shard', '0/2', '--out', 'out/shard-0']),
        () => dgsim([...SWEEP_ARGS, '--shard', '1/2', '--out', 'out/shard-1']),
      ],
      2,
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const merged = await dgsim(['merge', 'out/shard-0', 'out/shard-1', '--out', 'out/merged']);
    expect(merged.code, merged.stderr).toBe(0);
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('lists the plan, the results and the report with their sha256, and records the sweep file hash, the plan hash and the command', () => {
    const manifest = manifestOf('out/sweep');
    const plan = JSON.parse(readFileSync(join(cwd, 'out/sweep/plan.json'), 'utf8')) as { hash: string };
    expect(manifest).toMatchObject({
      dgsimVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      command: 'dgsim sweep sweeps/good.yaml --workers 1 --progress none --out out/sweep',
      sweepFile: 'sweeps/good.yaml',
      sweepFileHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      planHash: plan.hash,
    });
    const files = manifest.outputs.map((output) => output.file);
    expect(files.slice(0, 3)).toEqual(['plan.json', 'runs.csv', 'runs.jsonl']);
    expect(files.slice(-2)).toEqual(['summary.md', 'report.html']);
    for (const chart of files.slice(3, -2)) expect(chart).toMatch(/^charts\/sweep-[a-z0-9-]+\.(svg|png)$/);
    // The journal holds the runs in the order they finished: a working file, not an output.
    expect(files).not.toContain('runs.journal.jsonl');
    for (const output of manifest.outputs) expect(sha256Hex(readFileSync(join(cwd, 'out/sweep', output.file))), output.file).toBe(output.sha256);
    // The same sweep with --no-report lists only what it wrote.
    expect(manifestOf('out/resumed').outputs.map((output) => output.file)).toEqual(['plan.json', 'runs.csv', 'runs.jsonl']);
  });

  it('verifies a sweep with its report by running it again, on the workers verify is given', async () => {
    const result = await dgsim(['verify', 'out/sweep', '--workers', '2']);
    expect(result.code, result.stderr).toBe(0);
    const listed = manifestOf('out/sweep').outputs.map((output) => output.file);
    expect(result.stdout).toBe([...listed, 'manifest.json'].map((file) => `identical ${file}\n`).join(''));
    expect(result.stderr).toContain(`verified out/sweep: ${listed.length + 1} files byte-identical to a re-run of "dgsim sweep sweeps/good.yaml --workers 1 --progress none --out out/sweep"`);
  });

  it('refuses a tampered sweep directory (exit 2) and names forged results (exit 1)', async () => {
    for (const copy of ['tampered', 'forged']) cpSync(join(cwd, 'out/resumed'), join(cwd, `out/${copy}`), { recursive: true });
    appendFileSync(join(cwd, 'out/tampered/runs.csv'), '99,99,0,1,2,ok,,0\n');
    const csv = readFileSync(join(cwd, 'out/forged/runs.csv'), 'utf8').replace(/,ok,,[0-9.e-]+,/, ',ok,,0.5,');
    expect(csv).toContain(',ok,,0.5,');
    writeFileSync(join(cwd, 'out/forged/runs.csv'), csv);
    const manifest = manifestOf('out/forged');
    for (const output of manifest.outputs) if (output.file === 'runs.csv') [output.sha256, output.bytes] = [sha256Hex(Buffer.from(csv)), Buffer.byteLength(csv)];
    writeFileSync(join(cwd, 'out/forged/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    const [tampered, forged] = await inParallel([() => dgsim(['verify', 'out/tampered']), () => dgsim(['verify', 'out/forged'])], 2);
    expectUserError(tampered!);
    expect(tampered!.stdout).toBe('DIFFERS   runs.csv: changed since it was written (its sha256 does not match manifest.json)\n');
    expect(tampered!.stderr).toContain('cannot verify out/tampered: its files no longer match its manifest.json');
    expect(forged!.code, forged!.stderr).toBe(1);
    expect(forged!.stdout).toContain('DIFFERS   runs.csv: differs from the re-run');
    expect(forged!.stdout).toContain('identical runs.jsonl');
    expect(forged!.stdout).toContain('DIFFERS   manifest.json: differs from the re-run');
    expect(forged!.stderr).toMatch(/verify: out\/forged does not match a re-run of "dgsim sweep .*": runs\.csv differs from the re-run/);
  });

  it('writes the same manifest after an interrupted sweep is resumed, and it verifies', async () => {
    const before = readFileSync(join(cwd, 'out/resumed/manifest.json'), 'utf8');
    // As a kill after the first run leaves it: one line of journal, no results, no manifest.
    for (const file of ['manifest.json', 'runs.csv', 'runs.jsonl']) unlinkSync(join(cwd, 'out/resumed', file));
    const journal = join(cwd, 'out/resumed/runs.journal.jsonl');
    truncateSync(journal, readFileSync(journal, 'utf8').indexOf('\n') + 1);
    const resumed = await dgsim([...SWEEP_ARGS, '--no-report', '--out', 'out/resumed']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('resuming: 1 of 2 runs already finished');
    expect(readFileSync(join(cwd, 'out/resumed/manifest.json'), 'utf8')).toBe(before);
    const verified = await dgsim(['verify', 'out/resumed']);
    expect(verified.code, verified.stderr).toBe(0);
  });

  it('keeps the manifest of a directory holding another sweep when it refuses to mix them', async () => {
    cpSync(join(cwd, 'out/resumed'), join(cwd, 'out/other'), { recursive: true });
    const before = readFileSync(join(cwd, 'out/other/manifest.json'), 'utf8');
    writeFileSync(join(cwd, 'sweeps/other.yaml'), readFileSync(join(cwd, 'sweeps/good.yaml'), 'utf8').replace('values: [2, 4]', 'values: [2, 6]'));
    const refused = await dgsim(['sweep', 'sweeps/other.yaml', '--workers', '1', '--progress', 'none', '--no-report', '--out', 'out/other']);
    expectUserError(refused);
    expect(refused.stderr).toContain('holds results of a different sweep');
    expect(readFileSync(join(cwd, 'out/other/manifest.json'), 'utf8')).toBe(before);
  });

  it('gives each shard and the merge a manifest; both verify, and the merge equals the whole sweep', async () => {
    const shard = manifestOf('out/shard-1');
    expect(shard.shard).toBe('1/2');
    expect(shard.outputs.map((output) => output.file)).toEqual(['plan.json', 'runs.csv', 'runs.jsonl']);
    const merged = manifestOf('out/merged');
    expect(merged).toMatchObject({ command: 'dgsim merge out/shard-0 out/shard-1 --out out/merged', shardDirectories: ['out/shard-0', 'out/shard-1'], planHash: manifestOf('out/sweep').planHash });
    expect(merged.outputs.map((output) => output.file)).toEqual(['plan.json', 'runs.csv', 'runs.jsonl', 'runs.journal.jsonl']);
    const whole = manifestOf('out/sweep');
    for (const file of ['plan.json', 'runs.csv', 'runs.jsonl']) {
      expect(merged.outputs.find((output) => output.file === file)?.sha256, file).toBe(whole.outputs.find((output) => output.file === file)?.sha256);
    }
    const [shardVerified, mergeVerified] = await inParallel([() => dgsim(['verify', 'out/shard-1']), () => dgsim(['verify', 'out/merged'])], 2);
    expect(shardVerified!.code, shardVerified!.stderr).toBe(0);
    expect(mergeVerified!.code, mergeVerified!.stderr).toBe(0);
    expect(mergeVerified!.stdout).toContain('identical runs.journal.jsonl');
    expect(existsSync(join(cwd, 'out/merged/report.html'))).toBe(false);
  });
});
