import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fileSha256, runDgsim, tempDirectory, writeTinyScenario, type CliRun } from './harness.js';

interface Interval {
  mean: number;
  low: number;
  high: number;
  halfWidth: number;
  n: number;
}

describe('dgsim compare', () => {
  let bin = '';
  let cwd = '';
  let run: CliRun;

  beforeAll(() => {
    bin = buildCli();
    cwd = tempDirectory();
    writeTinyScenario(cwd, 'tiny.yaml', 'Tiny city');
    writeTinyScenario(
      cwd,
      'tiny-digital.yaml',
      'Tiny digital-only',
      'schedule:\n  - month: 2\n    set:\n      channels.counter.open: false\n      channels.phone.open: false\n',
    );
    run = runDgsim(bin, ['compare', 'tiny.yaml', 'tiny-digital.yaml', '--reps', '3', '--seed', '5'], cwd);
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('succeeds, with progress and where the outputs went on stderr', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('replicate 1/3');
    expect(run.stderr).toContain('replicate 3/3');
    expect(run.stderr).toContain('wrote compare.json, compare.csv, monthly-a.csv, monthly-b.csv, manifest.json to out/compare-tiny-vs-tiny-digital');
  });

  it('prints one plain-language sentence with intervals first, then the table and the scorecards', () => {
    const firstLine = run.stdout.split('\n')[0]!;
    expect(firstLine).toMatch(
      /^Under Tiny city, \d+\.\d% \[-?\d+\.\d, \d+\.\d\] of the needs of citizens aged 75\+ go unmet, against \d+\.\d% \[-?\d+\.\d, \d+\.\d\] under Tiny digital-only; government cost per met need £[\d,.]+ \[[\d,.-]+, [\d,.]+\] vs £[\d,.]+ \[[\d,.-]+, [\d,.]+\]\.$/,
    );
    expect(run.stdout).toContain('95% CI of B - A');
    expect(run.stdout).toContain('Aged 75+');
    expect(run.stdout).toContain('Hopes and fears scorecards');
    expect(run.stdout).toMatch(/\* (better|worse)/);
  });

  it('writes compare.json with every metric, consistent intervals and both scorecards', () => {
    const directory = join(cwd, 'out/compare-tiny-vs-tiny-digital');
    expect(readdirSync(directory).sort()).toEqual(['compare.csv', 'compare.json', 'manifest.json', 'monthly-a.csv', 'monthly-b.csv']);
    const result = JSON.parse(readFileSync(join(directory, 'compare.json'), 'utf8')) as {
      a: { name: string; files: string[]; hash: string };
      b: { name: string; files: string[]; hash: string };
      seeds: number[];
      replications: number;
      metrics: { metric: string; a: Interval; b: Interval; difference: Interval; higherIsBetter: boolean | null }[];
      scorecards: { rows: { id: string; a: { verdict: string } | null; b: { verdict: string } | null }[] };
    };
    expect(result.a.name).toBe('Tiny city');
    expect(result.b.name).toBe('Tiny digital-only');
    expect(result.a.hash).not.toBe(result.b.hash);
    expect(result.seeds).toEqual([5, 6, 7]);
    expect(result.replications).toBe(3);
    expect(result.metrics.map((m) => m.metric)).toContain('unmetRate[age=75+]');
    for (const metric of result.metrics) {
      for (const interval of [metric.a, metric.b, metric.difference]) {
        expect(interval.n).toBe(3);
        expect(interval.low).toBeLessThanOrEqual(interval.mean);
        expect(interval.mean).toBeLessThanOrEqual(interval.high);
      }
      expect(metric.difference.mean).toBeCloseTo(metric.b.mean - metric.a.mean, 6);
    }
    expect(result.scorecards.rows.length).toBeGreaterThan(0);
    for (const row of result.scorecards.rows) {
      expect(row.a).not.toBeNull();
      expect(row.b).not.toBeNull();
    }
  });

  it('writes compare.csv with one row per metric', () => {
    const directory = join(cwd, 'out/compare-tiny-vs-tiny-digital');
    const lines = readFileSync(join(directory, 'compare.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('metric,mean_a,low_a,high_a,mean_b,low_b,high_b,diff,diff_low,diff_high,higher_is_better');
    const result = JSON.parse(readFileSync(join(directory, 'compare.json'), 'utf8')) as { metrics: unknown[] };
    expect(lines).toHaveLength(result.metrics.length + 1);
    for (const line of lines.slice(1)) {
      const fields = line.split(',');
      expect(fields).toHaveLength(11);
      const [low, mean, high] = [Number(fields[8]), Number(fields[7]), Number(fields[9])];
      expect(low).toBeLessThanOrEqual(mean);
      expect(mean).toBeLessThanOrEqual(high);
      expect(['true', 'false']).toContain(fields[10]);
    }
  });

  it('writes a manifest listing both outputs with correct hashes, and is byte-identical when repeated', () => {
    const directory = join(cwd, 'out/compare-tiny-vs-tiny-digital');
    const manifestText = readFileSync(join(directory, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText) as { command: string; seed: number; replications: number; outputs: { file: string; sha256: string }[] };
    // The harness adds --no-report (see harness.ts): the manifest records the command exactly as run.
    expect(manifest.command).toBe('dgsim compare tiny.yaml tiny-digital.yaml --reps 3 --seed 5 --no-report');
    expect(manifest.replications).toBe(3);
    expect(manifest.outputs.map((output) => output.file)).toEqual(['compare.json', 'compare.csv', 'monthly-a.csv', 'monthly-b.csv']);
    for (const output of manifest.outputs) expect(output.sha256).toBe(fileSha256(join(directory, output.file)));
    const before = readFileSync(join(directory, 'compare.json'));
    const again = runDgsim(bin, ['compare', 'tiny.yaml', 'tiny-digital.yaml', '--reps', '3', '--seed', '5'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(run.stdout);
    expect(readFileSync(join(directory, 'compare.json')).equals(before)).toBe(true);
    expect(readFileSync(join(directory, 'manifest.json'), 'utf8')).toBe(manifestText);
  });

  it('says there is no interval with one replication', () => {
    const single = runDgsim(bin, ['compare', 'tiny.yaml', 'tiny-digital.yaml', '--reps', '1', '--out', 'single'], cwd);
    expect(single.code).toBe(0);
    expect(single.stdout.split('\n')[0]).not.toContain('[');
    expect(single.stdout).toContain('One replication gives no confidence interval');
    // Undefined intervals are empty fields (and listed with their reason in compare.json), never NaN.
    const csv = readFileSync(join(cwd, 'single/compare.csv'), 'utf8');
    expect(csv).not.toContain('NaN');
    expect(csv).toMatch(/^unmetRate,[^,]+,,,[^,]+,,,[^,]+,,,/m);
  });
});
