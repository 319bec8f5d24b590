/**
 * Point 4, end to end: when a run breaks an invariant, dgsim stops with an
 * error naming the invariant (exit 70: a bug, to report) and writes nothing,
 * rather than passing a wrong number on. The summary check is made to fail
 * here by replacing it; everything else is the real command.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { scratchDirectory, STACK_LINE } from './harness.js';
import { writeTinyScenario } from '../cli/harness.js';

vi.mock('../../src/sim/metrics/invariants.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/sim/metrics/invariants.js')>();
  return { ...original, checkSummaryInvariants: () => [{ invariant: 'shares within [0, 1]', detail: 'overall.unmetRate is 1.5' }] };
});

describe('a broken invariant stops the run', () => {
  const cwd = scratchDirectory();
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('names the invariant, exits 70 without a stack trace, and writes no output', async () => {
    writeTinyScenario(cwd, 'tiny.yaml', 'Tiny');
    let out = '';
    let err = '';
    const io: CliIo = { out: (text) => void (out += text), err: (text) => void (err += text), cwd, color: false, stderrIsTty: false, nowMs: () => 0, debug: false };
    const code = await runCli(['run', join(cwd, 'tiny.yaml'), '--out', join(cwd, 'out')], io);
    expect(code).toBe(70);
    expect(err).toContain('internal error, please report it');
    expect(err).toContain('InvariantError: model invariant violated: shares within [0, 1] (overall.unmetRate is 1.5)');
    expect(err).not.toMatch(STACK_LINE);
    expect(out).toBe('');
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });
});
