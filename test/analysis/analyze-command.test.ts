import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { removeFixtures, writeFixtureSweep } from './sweep-fixture.js';

afterAll(removeFixtures);

/** Runs the CLI in process, capturing stdout and stderr. */
async function dgsim(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    cwd: process.cwd(),
    color: false,
    stderrIsTty: false,
    nowMs: () => 0,
    debug: false,
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('dgsim analyze', () => {
  const { directory } = writeFixtureSweep({
    name: 'cli',
    design: { type: 'lhs', samples: 200 },
    parameters: [
      { name: 'x', domain: { kind: 'range', min: 0, max: 10, integer: false } },
      { name: 'y', domain: { kind: 'range', min: 0, max: 1, integer: false } },
    ],
    replications: 2,
    metrics: ['unmetRate', 'unmetRate[age=75+]'],
    model: ([x, y], replicate) => ({ unmetRate: 0.01 * (x as number) + 0.001 * replicate, 'unmetRate[age=75+]': (x as number) < 3 && (y as number) > 0.5 ? 0.1 : 0.01 }),
  });

  it('prints the summary, writes the files and records the command', async () => {
    const args = ['analyze', directory, '--metric', 'unmetRate', '--metric', 'unmetRate[age=75+]', '--prim', 'unmetRate[age=75+] > 0.05', '--target-ci', 'unmetRate=10%', '--prim-boxes', '1'];
    const { code, out, err } = await dgsim(args);
    expect(err).not.toMatch(/internal error/);
    expect(code).toBe(0);
    expect(out).toContain('Sensitivity');
    expect(out).toMatch(/Box 1: x ≤ [23]\.\d+ and y ≥ 0\.5\d*/);
    expect(err).toMatch(/wrote sensitivity.json, sensitivity.csv, points.csv, replications.csv, prim.json, prim.csv, manifest.json to /);
    const manifest = JSON.parse(readFileSync(join(directory, 'analysis', 'manifest.json'), 'utf8')) as { command: string; dgsimVersion: string };
    expect(manifest.command).toContain("dgsim analyze");
    expect(manifest.command).toContain("'unmetRate[age=75+] > 0.05'");
    expect(manifest.dgsimVersion).toMatch(/^\d+\.\d+\.\d+/);
    const prim = JSON.parse(readFileSync(join(directory, 'analysis', 'prim.json'), 'utf8')) as { boxes: unknown[]; options: { maxBoxes: number } };
    expect(prim.options.maxBoxes).toBe(1);
    expect(prim.boxes).toHaveLength(1);
  });

  it('writes where --out says', async () => {
    const out = join(directory, '..', 'elsewhere');
    const result = await dgsim(['analyze', directory, '--out', out, '--bootstrap', '10', '--seed', '3']);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'sensitivity.json'))).toBe(true);
  });

  it('exits 2 with one clear line for a user error', async () => {
    const cases: [string[], RegExp][] = [
      [['analyze', join(directory, 'missing')], /is not a directory/],
      [['analyze', directory, '--metric', 'unmetRat'], /unknown metric "unmetRat"; did you mean "unmetRate"\?/],
      [['analyze', directory, '--prim', 'unmetRate > x'], /--prim: expected a number after "unmetRate >"/],
      [['analyze', directory, '--target-ci', 'unmetRate'], /--target-ci takes METRIC=HALF_WIDTH/],
      [['analyze', directory, '--prim-alpha', '1.5'], /--prim-alpha must be a number above 0 and below 1/],
      [['analyze', directory, '--prim-boxes', '0'], /--prim-boxes must be a whole number from 1 to 20/],
      [['analyze', directory, '--prim', 'a > 1', '--prim', 'b > 1'], /--prim is given 2 times/],
      [['analyze'], /Not enough non-option arguments|dir/],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await dgsim(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err, args.join(' ')).toMatch(message);
      expect(err).not.toMatch(/internal error|at .*\.ts:\d+/);
    }
  });
});
