/**
 * The sweep and merge commands as a user runs them: the compiled CLI in a
 * child process (bin/dgsim.js), killed with SIGKILL mid-sweep and started
 * again, failing runs, bad sweep files.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runDgsim, STACK_LINE } from '../../cli/harness.js';
import { lineCount, outputs, removeTempDirs, tempDir, tinySweepText, writeSweep } from './helpers.js';

/** 20 points × 4 replicates = 80 runs of 1,000 citizens over 4 months: long enough to be killed mid-way. */
const KILL_SWEEP = tinySweepText(
  `
parameters:
  - { path: policy.channels.counter.capacityPerDayPer1000, name: counter, min: 2, max: 8 }
  - { path: trust.lossBad, name: lossBad, min: 0.02, max: 0.08 }
design: { type: lhs, samples: 20 }
seed: 3
`,
  { population: 1000, months: 4, replications: 4 },
);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('dgsim sweep (command line)', () => {
  let bin: string;
  let dir: string;

  beforeAll(() => {
    bin = buildCli();
    dir = tempDir();
  });
  afterAll(removeTempDirs);

  it('resumes after kill -9 and ends with files identical to an uninterrupted sweep', async () => {
    const file = writeSweep(dir, 'kill.yaml', KILL_SWEEP);
    const reference = runDgsim(bin, ['sweep', file, '--out', join(dir, 'reference'), '--workers', '1'], dir);
    expect(reference.code, reference.stderr).toBe(0);
    expect(reference.stderr).toContain('sweep: 80/80 runs (0 failed)');

    const out = join(dir, 'killed');
    const journal = join(out, 'runs.journal.jsonl');
    const child = spawn(process.execPath, [bin, 'sweep', file, '--out', out, '--workers', '2', '--no-report'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const deadline = Date.now() + 120_000;
    while (lineCount(journal) < 4 && Date.now() < deadline) await sleep(5);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const finishedBeforeKill = lineCount(journal);
    expect(finishedBeforeKill).toBeGreaterThanOrEqual(4);
    expect(finishedBeforeKill, 'the sweep finished before it could be killed').toBeLessThan(80);

    const resumed = runDgsim(bin, ['sweep', file, '--out', out, '--workers', '2'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: \d+ of 80 runs already finished/);
    expect(lineCount(journal)).toBe(80);
    expect(outputs(out)).toEqual(outputs(join(dir, 'reference')));
  });

  it('records failing runs, finishes the sweep and exits with code 3', () => {
    const file = writeSweep(dir, 'fail.yaml', tinySweepText('parameters:\n  - { path: policy.channels.online.usability, values: [0.5, 0.7] }\ndesign: { type: grid }', { population: 300 }));
    const result = spawnWith({ DGSIM_SWEEP_FAIL_RUN_IDS: '0,3' }, ['sweep', file, '--out', join(dir, 'fail'), '--workers', '2']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('sweep: 4 runs, 2 failed');
    expect(result.stderr).toContain('dgsim: sweep: 2 runs failed: see the status and error columns');
    expect(result.stderr).not.toMatch(STACK_LINE);
    const rows = outputs(join(dir, 'fail')).csv.trimEnd().split('\n').slice(1);
    expect(rows.map((row) => row.split(',')[5])).toEqual(['failed', 'ok', 'ok', 'failed']);
  });

  it('reports a bad sweep file with its line and path, exit code 2 and no stack trace', () => {
    const file = writeSweep(
      dir,
      'bad.yaml',
      tinySweepText('parameters:\n  - { path: policy.chanels.counter.open, values: [true, false] }\ndesign: { type: grid }'),
    );
    const result = runDgsim(bin, ['sweep', file, '--out', join(dir, 'bad')], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:6:7: parameters[0].path: policy has no field "chanels"\n  did you mean "channels"?`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses bad options with exit code 2', () => {
    const file = writeSweep(dir, 'opts.yaml', tinySweepText('parameters:\n  - { path: policy.channels.online.usability, values: [0.5] }\ndesign: { type: grid }'));
    for (const [option, value, text] of [
      ['--shard', '2/2', 'cannot read --shard "2/2"'],
      ['--workers', '0', '--workers must be a whole number ≥ 1'],
      ['--target-ci', 'unmetRate', 'cannot read --target-ci "unmetRate"'],
    ] as const) {
      const result = runDgsim(bin, ['sweep', file, option, value], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(text);
    }
  });

  it('dgsim merge refuses a directory that is not a sweep, with exit code 2', () => {
    const result = runDgsim(bin, ['merge', join(dir, 'nowhere'), '--out', join(dir, 'merged')], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`dgsim: ${join(dir, 'nowhere')} has no plan.json: it is not a sweep output directory`);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  /** Runs the CLI with extra environment variables (the failure test hook). */
  function spawnWith(env: Record<string, string>, args: string[]): { code: number | null; stderr: string } {
    const full = args[0] === 'sweep' ? [...args, '--no-report'] : args;
    const result = spawnSync(process.execPath, [bin, ...full], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DGSIM_DEBUG: '', ...env }, timeout: 240_000 });
    return { code: result.status, stderr: result.stderr };
  }
});
