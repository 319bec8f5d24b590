/**
 * Helpers of the reliability tests: the real dgsim command (built once by
 * test/cli/harness.ts), run asynchronously so that independent runs overlap,
 * copies of the repository's scenario and sweep files to mutate, and the
 * checks every user error must pass.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO, STACK_LINE, type CliRun } from '../cli/harness.js';

export { buildCli, REPO, runDgsim, STACK_LINE, fileSha256, type CliRun } from '../cli/harness.js';

/** The fixtures of the reliability tests. */
export const FIXTURES = join(REPO, 'test', 'reliability', 'fixtures');

/** Runs `node <bin> ...args` in `cwd` without colours or debug output; resolves when it exits. */
export function runDgsimAsync(bin: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', DGSIM_DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs `tasks` with at most `limit` at a time, results in task order. */
export async function inParallel<T>(tasks: readonly (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A fresh temporary directory. */
export function scratchDirectory(prefix = 'dgsim-reliability-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A temporary copy of the repository's `scenarios/` and `examples/sweeps/`
 * (sweeps refer to `../../scenarios/…`, so the layout is kept).
 */
export function copyOfInputs(): string {
  const root = scratchDirectory('dgsim-inputs-');
  cpSync(join(REPO, 'scenarios'), join(root, 'scenarios'), { recursive: true });
  cpSync(join(REPO, 'examples', 'sweeps'), join(root, 'examples', 'sweeps'), { recursive: true });
  return root;
}

/** A user error: exit 2, a message on stderr and none of a bug's signs (stack trace, "internal error"). */
export function expectUserError(run: CliRun, context = ''): void {
  const where = `${context}\nstderr: ${run.stderr}`;
  expect(run.code, where).toBe(2);
  expect(run.stderr.trim(), where).not.toBe('');
  expect(run.stderr, where).not.toMatch(STACK_LINE);
  expect(run.stderr, where).not.toMatch(/internal error|^[A-Za-z]*Error: |^    at /m);
}
