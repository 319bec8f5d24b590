/**
 * Point 5 of the reliability issue: every output says what produced it
 * (dgsim version, scenario content hash, seed, command), and
 * `dgsim verify <output-dir>` re-runs that command and confirms byte-identity,
 * or names what differs.
 */
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellWords, withOutDirectory } from '../../src/cli/verify-command.js';
import { commandLine } from '../../src/cli/paths.js';
import { sha256Hex } from '../../src/report/atomic-write.js';
import { buildCli, expectUserError, FIXTURES, inParallel, runDgsimAsync, scratchDirectory, STACK_LINE, type CliRun } from './harness.js';
import { writeTinyScenario } from '../cli/harness.js';

interface Manifest {
  dgsimVersion: string;
  command: string;
  seed: number;
  scenarioHash: string | Record<string, string>;
  outputs: { file: string; sha256: string; bytes: number }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

describe('command lines survive the round trip through the manifest', () => {
  it.each([[['run', 'scenarios/city.yaml', '--seed', '2']], [['run', 'my city.yaml', '--out', "it's here"]], [['compare', 'a b.yaml', 'c.yaml', '--reps', '3', '--out=x']], [['run', '', 'tab\there', 'quote"d', '$HOME']]])('%j', (args) => {
    expect(shellWords(commandLine(args))).toEqual(['dgsim', ...args]);
  });

  it('replaces the output directory, whichever way it was given, and skips the report', () => {
    expect(withOutDirectory(['run', 'a.yaml', '--out', 'x', '--seed', '2'], '/tmp/y')).toEqual(['run', 'a.yaml', '--seed', '2', '--out', '/tmp/y', '--no-report']);
    expect(withOutDirectory(['run', 'a.yaml', '--out=x', '--report'], '/tmp/y')).toEqual(['run', 'a.yaml', '--out', '/tmp/y', '--no-report']);
    expect(withOutDirectory(['run', 'a.yaml', '--no-report'], '/tmp/y')).toEqual(['run', 'a.yaml', '--out', '/tmp/y', '--no-report']);
  });

  it('refuses unclosed quotes', () => {
    expect(shellWords("dgsim run 'open")).toBeUndefined();
    expect(shellWords('dgsim run "open')).toBeUndefined();
  });
});

describe('dgsim verify', () => {
  let bin = '';
  let cwd = '';
  const dgsim = (args: readonly string[], where = cwd): Promise<CliRun> => runDgsimAsync(bin, args, where);

  beforeAll(async () => {
    bin = buildCli();
    cwd = scratchDirectory();
    writeTinyScenario(cwd, 'tiny.yaml', 'Tiny');
    writeTinyScenario(cwd, 'tiny-b.yaml', 'Tiny with assisted digital', 'policy: { channels: { assisted: { open: true } } }\n');
    mkdirSync(join(cwd, 'sweeps'));
    cpSync(join(FIXTURES, 'scenarios'), join(cwd, 'scenarios'), { recursive: true });
    cpSync(join(FIXTURES, 'sweeps', 'good.yaml'), join(cwd, 'sweeps', 'good.yaml'));
    const runs = await inParallel([
      () => dgsim(['run', 'tiny.yaml', '--seed', '3', '--out', 'out/run']),
      // The report (on by default) is derived and not in the manifest: one run keeps it, the rest skip it for speed.
      () => dgsim(['run', 'tiny.yaml', '--no-report']),
      () => dgsim(['compare', 'tiny.yaml', 'tiny-b.yaml', '--reps', '2', '--no-report', '--out', 'out/cmp']),
      () => dgsim(['compare', 'tiny.yaml', 'tiny-b.yaml', '--reps', '1', '--no-report', '--out', 'out/cmp1']),
      () => dgsim(['sweep', 'sweeps/good.yaml', '--workers', '1', '--progress', 'none', '--no-report', '--out', 'out/sweep']),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('every output carries the dgsim version, the scenario hash, the seed and the command', () => {
    const manifest = readJson<Manifest>(join(cwd, 'out/run/manifest.json'));
    expect(manifest).toMatchObject({ dgsimVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown, command: 'dgsim run tiny.yaml --seed 3 --out out/run', seed: 3, scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
    const summary = readJson<{ provenance: Record<string, unknown> }>(join(cwd, 'out/run/summary.json'));
    expect(summary.provenance).toMatchObject({ dgsimVersion: manifest.dgsimVersion, command: manifest.command, scenarioHash: manifest.scenarioHash, seed: 3 });
    // A CSV cannot carry provenance without breaking its readers: the manifest beside it vouches for it by checksum.
    for (const output of manifest.outputs) expect(sha256Hex(readFileSync(join(cwd, 'out/run', output.file)))).toBe(output.sha256);
    expect(manifest.outputs.map((output) => output.file)).toEqual(['summary.json', 'monthly.csv']);

    const compareManifest = readJson<Manifest>(join(cwd, 'out/cmp/manifest.json'));
    const compare = readJson<{ provenance: Record<string, unknown>; a: { hash: string }; b: { hash: string }; seed: number }>(join(cwd, 'out/cmp/compare.json'));
    expect(compare.provenance).toMatchObject({ dgsimVersion: manifest.dgsimVersion, command: compareManifest.command });
    expect({ a: compare.a.hash, b: compare.b.hash }).toEqual(compareManifest.scenarioHash);
    expect(compare.seed).toBe(1);
  });

  it('confirms byte-identity of a run, a run in the default directory and comparisons', async () => {
    const [run, defaulted, compare, single] = await inParallel([() => dgsim(['verify', 'out/run']), () => dgsim(['verify', 'out/tiny']), () => dgsim(['verify', 'out/cmp']), () => dgsim(['verify', 'out/cmp1'])]);
    expect(run!.code, run!.stderr).toBe(0);
    expect(run!.stdout).toBe('identical summary.json\nidentical monthly.csv\nidentical manifest.json\n');
    expect(readdirSync(join(cwd, 'out/run'))).toContain('report.html');
    expect(run!.stderr).toContain('verified out/run: 3 files byte-identical to a re-run of "dgsim run tiny.yaml --seed 3 --out out/run"');
    expect(defaulted!.code, defaulted!.stderr).toBe(0);
    expect(compare!.code, compare!.stderr).toBe(0);
    const lines = compare!.stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('identical '))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['identical compare.json', 'identical compare.csv', 'identical manifest.json']));
    expect(lines.at(-1)).toBe('identical manifest.json');
    expect(single!.code, single!.stderr).toBe(0);
  });

  it('names a file changed after it was written, a forged one and a missing one; exit 1', async () => {
    for (const copy of ['changed', 'forged', 'missing']) cpSync(join(cwd, 'out/run'), join(cwd, `out/${copy}`), { recursive: true });
    appendFileSync(join(cwd, 'out/changed/monthly.csv'), '0,all,extra,1\n');
    // A forger edits a number and fixes the manifest's checksum: only the re-run can tell.
    const summaryPath = join(cwd, 'out/forged/summary.json');
    const forgedSummary = readFileSync(summaryPath, 'utf8').replace(/"unmetRate": [0-9.e-]+/, '"unmetRate": 0.001');
    writeFileSync(summaryPath, forgedSummary);
    const manifestPath = join(cwd, 'out/forged/manifest.json');
    const manifest = readJson<Manifest>(manifestPath);
    for (const output of manifest.outputs) if (output.file === 'summary.json') [output.sha256, output.bytes] = [sha256Hex(Buffer.from(forgedSummary)), Buffer.byteLength(forgedSummary)];
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    unlinkSync(join(cwd, 'out/missing/summary.json'));

    const [changed, forged, missing] = await inParallel([() => dgsim(['verify', 'out/changed']), () => dgsim(['verify', 'out/forged']), () => dgsim(['verify', 'out/missing'])]);
    expect(changed!.code, changed!.stderr).toBe(1);
    expect(changed!.stdout).toContain('DIFFERS   monthly.csv: changed since it was written (its sha256 does not match manifest.json)');
    expect(changed!.stdout).toContain('identical summary.json');
    expect(changed!.stderr).toMatch(/^dgsim: verify: out\/changed does not match a re-run of "dgsim run tiny\.yaml --seed 3 --out out\/run": monthly\.csv changed since it was written/m);
    expect(forged!.code, forged!.stderr).toBe(1);
    expect(forged!.stdout).toContain('DIFFERS   summary.json: differs from the re-run');
    expect(forged!.stdout).toContain('DIFFERS   manifest.json: differs from the re-run');
    expect(forged!.stdout).toContain('identical monthly.csv');
    expect(missing!.code).toBe(1);
    expect(missing!.stdout).toContain('DIFFERS   summary.json: missing');
    for (const result of [changed!, forged!, missing!]) expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('says when the input changed since the outputs were made', async () => {
    cpSync(join(cwd, 'out/run'), join(cwd, 'out/before-edit'), { recursive: true });
    writeTinyScenario(cwd, 'edited.yaml', 'Edited');
    const made = await dgsim(['run', 'edited.yaml', '--no-report', '--out', 'out/edited']);
    expect(made.code, made.stderr).toBe(0);
    appendFileSync(join(cwd, 'edited.yaml'), 'valueOfTimeGbpPerHour: 12\n');
    const result = await dgsim(['verify', 'out/edited']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/the input changed: the scenario \(its file or a file it extends\) no longer has the hash the outputs record \([0-9a-f]{12}… then, [0-9a-f]{12}… now\)/);
  });

  it('refuses, with exit 2, what it cannot verify', async () => {
    mkdirSync(join(cwd, 'out/empty'));
    mkdirSync(join(cwd, 'out/hostile'));
    writeFileSync(join(cwd, 'out/hostile/manifest.json'), JSON.stringify({ dgsimVersion: '0.1.0', command: 'dgsim run tiny.yaml', outputs: [{ file: '../../tiny.yaml', sha256: 'x', bytes: 1 }] }));
    mkdirSync(join(cwd, 'elsewhere'));
    const [none, empty, sweep, hostile, away] = await inParallel([
      () => dgsim(['verify', 'out/nowhere']),
      () => dgsim(['verify', 'out/empty']),
      () => dgsim(['verify', 'out/sweep']),
      () => dgsim(['verify', 'out/hostile']),
      () => dgsim(['verify', '../out/run'], join(cwd, 'elsewhere')),
    ]);
    expectUserError(none!);
    expect(none!.stderr).toContain('cannot verify out/nowhere: there is no such directory');
    expectUserError(empty!);
    expect(empty!.stderr).toContain('it has no manifest.json, so it is not a dgsim output directory, or the command writing it was interrupted');
    expectUserError(sweep!);
    expect(sweep!.stderr).toContain('it holds a sweep, which has no manifest.json yet; verify supports the outputs of dgsim run and dgsim compare');
    expectUserError(hostile!);
    expect(hostile!.stderr).toContain('is not a dgsim manifest (outputs.0.file: a plain file name)');
    expectUserError(away!);
    expect(away!.stderr).toContain('run verify from the directory the command was run in');
    expect(away!.stderr).toContain('tiny.yaml');
  });
});
