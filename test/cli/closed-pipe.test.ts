import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runDgsim, tempDirectory, writeTinyScenario } from './harness.js';

/**
 * Runs dgsim with stdout and stderr piped to a reader that goes away after
 * the first bytes (`dgsim run … 2>&1 | head -c 1`). Resolves with the exit
 * code, or null when the process had to be killed after `timeoutMs`.
 */
function runWithReaderGone(bin: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', DGSIM_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const goAway = (): void => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    child.stdout.once('data', goAway);
    child.stderr.once('data', goAway);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(killed ? null : code);
    });
  });
}

describe('dgsim with a reader that goes away', () => {
  let bin = '';
  // Two directories, so that both runs are the same command (a summary records its command).
  let read = '';
  let gone = '';

  beforeAll(() => {
    bin = buildCli();
    read = tempDirectory();
    gone = tempDirectory();
    for (const cwd of [read, gone]) writeTinyScenario(cwd, 'tiny.yaml', 'Tiny city');
  });

  afterAll(() => {
    for (const cwd of [read, gone]) rmSync(cwd, { recursive: true, force: true });
  });

  it('ends, exits 0 and writes the same outputs as with a reader, when stdout and stderr both close (2>&1 | head)', async () => {
    const args = ['run', 'tiny.yaml', '--out', 'out', '--no-report'];
    expect(runDgsim(bin, args, read).code).toBe(0);
    // The run takes about a second; before the fix the process never ended (its stderr's error went to a handler that wrote to stderr again).
    expect(await runWithReaderGone(bin, args, gone, 60_000)).toBe(0);
    for (const file of ['summary.json', 'monthly.csv', 'manifest.json']) {
      expect(readFileSync(join(gone, 'out', file), 'utf8'), file).toBe(readFileSync(join(read, 'out', file), 'utf8'));
    }
  }, 120_000);
});
