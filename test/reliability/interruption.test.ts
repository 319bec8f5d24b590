/**
 * Point 3 of the reliability issue: nothing lost. `dgsim run` is killed
 * (SIGKILL: no handler, no cleanup) at moments spread over its write phase,
 * over a directory holding a complete earlier run, and after every kill:
 *
 * - a manifest, if present, lists every output and each matches its sha256
 *   (the old manifest is removed before the first new output is written);
 * - every output present is whole (summary.json parses, monthly.csv ends
 *   with a full line), never a truncated file that looks complete;
 * - anything else left is a temporary file, named so it cannot be taken for
 *   an output (`.dgsim-tmp-…`, hidden), never listed in a manifest, and
 *   removed by the next run writing there.
 *
 * The report (report.html, summary.md, charts/) is written the same way,
 * between the data and the manifest, which lists it; these runs skip it
 * (--no-report) to keep each kill landing in a long write of monthly.csv.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../src/report/atomic-write.js';
import { buildCli, fileSha256, runDgsim, scratchDirectory } from './harness.js';

const OUTPUTS = ['summary.json', 'monthly.csv'] as const;

/** A scenario with many segments and a long horizon: a quick simulation but a big monthly table (a long write). */
function manySegments(count: number): string {
  const segments = Array.from({ length: count }, (_, index) => {
    const share = index === count - 1 ? 1 - (count - 1) * Number((1 / count).toFixed(12)) : Number((1 / count).toFixed(12));
    return `  - { id: s${index}, age: a${index % 6}, income: i${index % 3}, district: d${index % 4}, share: ${share}, internetAccess: 0.8, digitalSkill: { mean: 0.5, sd: 0.1 }, motivation: { mean: 0.5, sd: 0.1 }, privacyConcern: { mean: 0.5, sd: 0.1 }, trust: { mean: 0.5, sd: 0.1 }, needsPerYear: 4, patienceDays: 30, helperAvailable: 0.5 }`;
  });
  const districts = Array.from({ length: 4 }, (_, index) => `  - { id: d${index}, counterTravelMinutes: 20, assistedTravelMinutes: 15 }`);
  return [
    'name: many segments',
    'horizonMonths: 120',
    'population: { size: 3000 }',
    'districts:',
    ...districts,
    'segments:',
    ...segments,
    'services:',
    '  - { id: permit, share: 1, complexity: 0.5, agencies: 2, patienceFactor: 1, dataFields: 10, automatable: true }',
    '',
  ].join('\n');
}

/** What a killed run left in `directory`, checked against the promises above. */
function inspect(directory: string): { manifest: boolean; leftovers: string[] } {
  const entries = readdirSync(directory);
  const leftovers = entries.filter((name) => !(OUTPUTS as readonly string[]).includes(name) && name !== 'manifest.json');
  for (const name of leftovers) expect(name.startsWith(TEMP_PREFIX), `unexpected file ${name}`).toBe(true);
  if (entries.includes('summary.json')) expect(() => JSON.parse(readFileSync(join(directory, 'summary.json'), 'utf8')) as unknown).not.toThrow();
  if (entries.includes('monthly.csv')) {
    const csv = readFileSync(join(directory, 'monthly.csv'), 'utf8');
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.split('\n').slice(0, -1).every((line) => line.split(',').length === 4)).toBe(true);
  }
  const hasManifest = entries.includes('manifest.json');
  if (hasManifest) {
    const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as { outputs: { file: string; sha256: string; bytes: number }[] };
    expect(manifest.outputs.map((output) => output.file)).toEqual([...OUTPUTS]);
    for (const output of manifest.outputs) {
      expect(existsSync(join(directory, output.file)), `${output.file} listed but missing`).toBe(true);
      expect(fileSha256(join(directory, output.file)), `${output.file} does not match its manifest`).toBe(output.sha256);
    }
  }
  return { manifest: hasManifest, leftovers };
}

/** Starts `dgsim run`, kills it `delayMs` after the first change in `directory` (or after `fallbackMs`), and waits for it to die. */
function killDuringWrite(bin: string, args: readonly string[], cwd: string, directory: string, delayMs: number, fallbackMs = 60_000): Promise<{ signal: NodeJS.Signals | null; code: number | null; changed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: 'ignore', env: { ...process.env, DGSIM_DEBUG: '' } });
    let changed = false;
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    const watcher = watch(directory, () => {
      if (changed) return;
      changed = true;
      if (delayMs === 0) kill();
      else setTimeout(kill, delayMs);
    });
    const fallback = setTimeout(kill, fallbackMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(fallback);
      watcher.close();
      resolve({ signal, code, changed });
    });
  });
}

describe('a run killed while writing leaves no truncated output and no lying manifest', () => {
  let bin = '';
  let cwd = '';
  beforeAll(() => {
    bin = buildCli();
    cwd = scratchDirectory();
    writeFileSync(join(cwd, 'big.yaml'), manySegments(100));
  });
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('keeps every promise whenever the kill lands', async () => {
    const directory = join(cwd, 'out');
    const first = runDgsim(bin, ['run', 'big.yaml', '--out', 'out', '--no-report'], cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(directory, 'monthly.csv')).byteLength).toBeGreaterThan(4_000_000);
    expect(inspect(directory).manifest).toBe(true);

    const seen = { killed: 0, withoutManifest: 0, withManifest: 0, leftovers: 0 };
    // Kills right as the write phase starts, spread over it, long after it (the run may finish), and before it (during the simulation).
    const moments: [delayMs: number, fallbackMs: number][] = [[0, 60_000], [3, 60_000], [20, 60_000], [120, 60_000], [5_000, 60_000], [60_000, 400]];
    for (const [trial, [delayMs, fallbackMs]] of moments.entries()) {
      const result = await killDuringWrite(bin, ['run', 'big.yaml', '--out', 'out', '--no-report', '--seed', String(trial + 2)], cwd, directory, delayMs, fallbackMs);
      if (result.signal === 'SIGKILL') seen.killed++;
      else expect(result.code, `trial ${trial} ended by itself`).toBe(0);
      const state = inspect(directory);
      if (state.manifest) seen.withManifest++;
      else seen.withoutManifest++;
      if (state.leftovers.length > 0) seen.leftovers++;
    }
    if (process.env.DGSIM_TEST_VERBOSE) process.stderr.write(`interruption: ${JSON.stringify(seen)}\n`);
    // The kills must really have landed inside the write phase at least once (after the old manifest went, before the new one came).
    expect(seen.killed).toBeGreaterThanOrEqual(4);
    expect(seen.withoutManifest, JSON.stringify(seen)).toBeGreaterThan(0);

    // A complete run afterwards puts everything right and clears the dead runs' temporary files.
    const last = runDgsim(bin, ['run', 'big.yaml', '--out', 'out', '--no-report'], cwd);
    expect(last.code, last.stderr).toBe(0);
    expect(inspect(directory)).toEqual({ manifest: true, leftovers: [] });
  });
});
