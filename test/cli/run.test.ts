import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fileSha256, runDgsim, tempDirectory, writeTinyScenario, type CliRun } from './harness.js';

const OUTPUTS = ['summary.json', 'monthly.csv', 'manifest.json'] as const;

describe('dgsim run', () => {
  let bin = '';
  let cwd = '';
  let first: CliRun;
  let firstBytes: Record<string, Buffer> = {};

  const readOutputs = (directory: string): Record<string, Buffer> =>
    Object.fromEntries(OUTPUTS.map((file) => [file, readFileSync(join(cwd, directory, file))]));

  beforeAll(() => {
    bin = buildCli();
    cwd = tempDirectory();
    writeTinyScenario(cwd, 'tiny.yaml', 'Tiny city');
    first = runDgsim(bin, ['run', 'tiny.yaml', '--seed', '3', '--out', 'out/a'], cwd);
    firstBytes = readOutputs('out/a');
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('succeeds, prints the run text to stdout and says where the outputs went on stderr', () => {
    expect(first.stderr).not.toMatch(/internal error/);
    expect(first.code).toBe(0);
    for (const heading of ['Tiny city: seed 3', 'Who is served', 'Cost', 'Integrity', 'Privacy', 'Decisions', 'Resilience', 'Allocation', 'Hopes and fears scorecard']) {
      expect(first.stdout).toContain(heading);
    }
    expect(first.stdout).not.toContain('\u001b[');
    expect(first.stderr).toContain('wrote summary.json, monthly.csv, manifest.json to out/a');
    expect(first.stdout).not.toContain('wrote');
  });

  it('writes the three files and nothing else (no temporary files left)', () => {
    expect(readdirSync(join(cwd, 'out/a')).sort()).toEqual([...OUTPUTS].sort());
  });

  it('writes byte-identical files when run again with the same seed', () => {
    const again = runDgsim(bin, ['run', 'tiny.yaml', '--seed', '3', '--out', 'out/a'], cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const bytes = readOutputs('out/a');
    for (const file of OUTPUTS) expect(bytes[file]!.equals(firstBytes[file]!), file).toBe(true);
  });

  it('gives a different summary with a different seed', () => {
    const other = runDgsim(bin, ['run', 'tiny.yaml', '--seed', '4', '--out', 'out/b'], cwd);
    expect(other.code).toBe(0);
    const headlineA = (JSON.parse(firstBytes['summary.json']!.toString('utf8')) as { headline: unknown }).headline;
    const headlineB = (JSON.parse(readFileSync(join(cwd, 'out/b/summary.json'), 'utf8')) as { headline: unknown }).headline;
    expect(headlineB).not.toEqual(headlineA);
  });

  it('lists every output in the manifest with its sha256 and size, and records provenance without machine paths or times', () => {
    const manifest = JSON.parse(firstBytes['manifest.json']!.toString('utf8')) as {
      dgsimVersion: string;
      createdBy: string;
      command: string;
      scenarioFiles: string[];
      scenarioHash: string;
      seed: number;
      outputs: { file: string; sha256: string; bytes: number }[];
    };
    expect(manifest.createdBy).toBe('dgsim');
    expect(manifest.dgsimVersion).toMatch(/^\d+\.\d+\.\d+/);
    // The harness adds --no-report (see harness.ts): the manifest records the command exactly as run.
    expect(manifest.command).toBe('dgsim run tiny.yaml --seed 3 --out out/a --no-report');
    expect(manifest.seed).toBe(3);
    expect(manifest.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.scenarioFiles[0]).toBe('tiny.yaml');
    expect(manifest.scenarioFiles[1]).toMatch(/scenarios\/city\.yaml$/);
    expect(manifest.outputs.map((output) => output.file)).toEqual(['summary.json', 'monthly.csv']);
    for (const output of manifest.outputs) {
      expect(output.sha256).toBe(fileSha256(join(cwd, 'out/a', output.file)));
      expect(output.bytes).toBe(firstBytes[output.file]!.byteLength);
    }
    const text = firstBytes['manifest.json']!.toString('utf8') + firstBytes['summary.json']!.toString('utf8');
    expect(text).not.toContain(cwd);
    expect(text).not.toMatch(/"\/(tmp|work|home|root|Users)\//);
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('writes summary.json with provenance, headline and the whole summary', () => {
    const summary = JSON.parse(firstBytes['summary.json']!.toString('utf8')) as Record<string, Record<string, unknown>>;
    // undefinedValues lists what is null and why (docs/reliability.md); the tiny city has an untested scorecard row.
    expect(Object.keys(summary)).toEqual(['provenance', 'scenario', 'seed', 'headline', 'summary', 'undefinedValues']);
    expect(summary.summary).toHaveProperty('scorecard');
    expect(summary.summary).toHaveProperty('byAge');
    expect(typeof summary.headline!['unmetRate']).toBe('number');
  });

  it('writes monthly.csv in tidy form with exact numbers', () => {
    const lines = firstBytes['monthly.csv']!.toString('utf8').split('\n');
    expect(lines[0]).toBe('month,segment,metric,value');
    expect(lines.at(-1)).toBe('');
    const rows = lines.slice(1, -1).map((line) => line.split(','));
    expect(rows.length).toBeGreaterThan(100);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(Number.isInteger(Number(row[0]))).toBe(true);
      expect(row[3] === 'NaN' || String(Number(row[3])) === row[3]).toBe(true);
    }
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['0', '1', '2', '3', '4', '5']));
  });

  it('writes to out/<scenario name> by default', () => {
    const byDefault = runDgsim(bin, ['run', 'tiny.yaml'], cwd);
    expect(byDefault.code).toBe(0);
    expect(existsSync(join(cwd, 'out/tiny/manifest.json'))).toBe(true);
    expect(byDefault.stderr).toContain('seed 1');
  });

  it('writes report.html, summary.md and the charts by default, and nothing of the report with --no-report', () => {
    const withReport = runDgsim(bin, ['run', 'tiny.yaml', '--seed', '3', '--out', 'out/report'], cwd, { defaultReport: true });
    expect(withReport.code, withReport.stderr).toBe(0);
    for (const file of ['report.html', 'summary.md', 'charts']) expect(existsSync(join(cwd, 'out/report', file)), file).toBe(true);
    // The report does not change the data outputs (the recorded command differs: --out).
    expect(readFileSync(join(cwd, 'out/report', 'monthly.csv')).equals(firstBytes['monthly.csv']!)).toBe(true);
    const summaryOf = (bytes: Buffer): unknown => (JSON.parse(bytes.toString('utf8')) as { summary: unknown }).summary;
    expect(summaryOf(readFileSync(join(cwd, 'out/report', 'summary.json')))).toEqual(summaryOf(firstBytes['summary.json']!));
    expect(existsSync(join(cwd, 'out/a', 'report.html'))).toBe(false);
    // The report is part of the output set: drawn before the manifest, every file of it listed with its sha256.
    const manifest = JSON.parse(readFileSync(join(cwd, 'out/report', 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string }[] };
    const files = manifest.outputs.map((output) => output.file);
    expect(files.slice(0, 2)).toEqual(['summary.json', 'monthly.csv']);
    expect(files.at(-1)).toBe('report.html');
    expect(files).toContain('summary.md');
    expect(files.filter((file) => file.startsWith('charts/')).length).toBe(readdirSync(join(cwd, 'out/report', 'charts')).length);
    for (const output of manifest.outputs) expect(fileSha256(join(cwd, 'out/report', output.file)), output.file).toBe(output.sha256);
    // What was written, said in the order written: data, report, manifest.
    const lines = withReport.stderr.split('\n');
    const said = (text: string): number => lines.findIndex((line) => line.includes(text));
    expect(said('wrote summary.json, monthly.csv to out/report')).toBeGreaterThanOrEqual(0);
    expect(said('wrote report.html, summary.md')).toBeGreaterThan(said('wrote summary.json, monthly.csv to out/report'));
    expect(said('wrote manifest.json, last')).toBeGreaterThan(said('wrote report.html, summary.md'));
  });
});
