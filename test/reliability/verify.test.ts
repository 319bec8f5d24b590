/**
 * Point 5 of the reliability issue: every output says what produced it
 * (dgsim version, scenario content hash, seed, command), and
 * `dgsim verify <output-dir>` re-runs that command and confirms byte-identity
 * of every file its manifest lists, the report included, or names what
 * differs (exit 1); a directory that no longer matches its own manifest
 * (tampered or damaged) cannot be verified (exit 2). Sweeps, their shards
 * and merges of shards are in sweep-manifest.test.ts.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellWords, withOutDirectory } from '../../src/cli/verify-command.js';
import { commandLine } from '../../src/cli/paths.js';
import { sha256Hex } from '../../src/report/atomic-write.js';
import { buildCli, expectUserError, inParallel, runDgsimAsync, scratchDirectory, STACK_LINE, type CliRun } from './harness.js';
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

  it('replaces the output directory, whichever way it was given, and draws the report as the outputs had it', () => {
    expect(withOutDirectory(['run', 'a.yaml', '--out', 'x', '--seed', '2'], '/tmp/y', { report: false })).toEqual(['run', 'a.yaml', '--seed', '2', '--out', '/tmp/y', '--no-report']);
    expect(withOutDirectory(['run', 'a.yaml', '--out=x', '--report'], '/tmp/y', { report: false })).toEqual(['run', 'a.yaml', '--out', '/tmp/y', '--no-report']);
    expect(withOutDirectory(['run', 'a.yaml', '--no-report'], '/tmp/y', { report: false })).toEqual(['run', 'a.yaml', '--out', '/tmp/y', '--no-report']);
    // The manifest lists a report: the re-run draws it, whatever the command line said.
    expect(withOutDirectory(['compare', 'a.yaml', 'b.yaml', '--out', 'x'], '/tmp/y', { report: true })).toEqual(['compare', 'a.yaml', 'b.yaml', '--out', '/tmp/y']);
    expect(withOutDirectory(['run', 'a.yaml', '--report', 'false', '--seed', '2'], '/tmp/y', { report: true })).toEqual(['run', 'a.yaml', '--seed', '2', '--out', '/tmp/y']);
  });

  it('re-runs a sweep quietly, on the workers verify was given, and a merge as it was', () => {
    expect(withOutDirectory(['sweep', 's.yaml', '--workers', '8', '--progress=bar', '--out', 'x'], '/tmp/y', { report: true })).toEqual(['sweep', 's.yaml', '--workers', '8', '--out', '/tmp/y', '--progress', 'none']);
    expect(withOutDirectory(['sweep', 's.yaml', '--workers=8', '--shard', '0/2'], '/tmp/y', { report: false, workers: 2 })).toEqual(['sweep', 's.yaml', '--shard', '0/2', '--out', '/tmp/y', '--no-report', '--progress', 'none', '--workers', '2']);
    expect(withOutDirectory(['merge', 'a', 'b', '--out', 'm'], '/tmp/y', { report: false, workers: 2 })).toEqual(['merge', 'a', 'b', '--out', '/tmp/y']);
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
    const runs = await inParallel([
      // The report (on by default) is part of the output set: one run keeps it, the rest skip it for speed.
      () => dgsim(['run', 'tiny.yaml', '--seed', '3', '--out', 'out/run']),
      () => dgsim(['run', 'tiny.yaml', '--no-report']),
      () => dgsim(['compare', 'tiny.yaml', 'tiny-b.yaml', '--reps', '2', '--no-report', '--out', 'out/cmp']),
      () => dgsim(['compare', 'tiny.yaml', 'tiny-b.yaml', '--reps', '1', '--no-report', '--out', 'out/cmp1']),
    ], 2);
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
    for (const output of manifest.outputs) expect(sha256Hex(readFileSync(join(cwd, 'out/run', output.file))), output.file).toBe(output.sha256);
    expect(readJson<Manifest>(join(cwd, 'out/tiny/manifest.json')).outputs.map((output) => output.file)).toEqual(['summary.json', 'monthly.csv']);

    const compareManifest = readJson<Manifest>(join(cwd, 'out/cmp/manifest.json'));
    const compare = readJson<{ provenance: Record<string, unknown>; a: { hash: string }; b: { hash: string }; seed: number }>(join(cwd, 'out/cmp/compare.json'));
    expect(compare.provenance).toMatchObject({ dgsimVersion: manifest.dgsimVersion, command: compareManifest.command });
    expect({ a: compare.a.hash, b: compare.b.hash }).toEqual(compareManifest.scenarioHash);
    expect(compare.seed).toBe(1);
  });

  it('lists the report in the manifest after the data, report.html last, each file with its sha256', () => {
    const manifest = readJson<Manifest & { reportFonts?: Record<string, string> }>(join(cwd, 'out/run/manifest.json'));
    const files = manifest.outputs.map((output) => output.file);
    expect(files.slice(0, 2)).toEqual(['summary.json', 'monthly.csv']);
    expect(files.slice(-2)).toEqual(['summary.md', 'report.html']);
    const charts = files.slice(2, -2);
    expect(charts.length).toBeGreaterThan(4);
    for (const chart of charts) expect(chart).toMatch(/^charts\/[a-z0-9-]+\.(svg|png)$/);
    const reportHtml = readFileSync(join(cwd, 'out/run/report.html'));
    expect(manifest.outputs.at(-1)).toEqual({ file: 'report.html', sha256: sha256Hex(reportHtml), bytes: reportHtml.byteLength });
    // The PNGs depend on the chart font files too: the manifest records which (by checksum, not by path).
    expect(Object.keys(manifest.reportFonts ?? {})).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    // Nothing of the report depends on the time, the machine's paths or how long the run took.
    const text = reportHtml.toString('utf8') + readFileSync(join(cwd, 'out/run/summary.md'), 'utf8');
    expect(text).not.toContain(cwd);
    expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d/);
  });

  it('confirms byte-identity of a run with its report, a run in the default directory and comparisons', async () => {
    const [run, defaulted, compare, single] = await inParallel([() => dgsim(['verify', 'out/run']), () => dgsim(['verify', 'out/tiny']), () => dgsim(['verify', 'out/cmp']), () => dgsim(['verify', 'out/cmp1'])], 2);
    expect(run!.code, run!.stderr).toBe(0);
    const listed = readJson<Manifest>(join(cwd, 'out/run/manifest.json')).outputs.map((output) => output.file);
    expect(run!.stdout).toBe([...listed, 'manifest.json'].map((file) => `identical ${file}\n`).join(''));
    expect(run!.stdout).toContain('identical report.html\n');
    expect(run!.stderr).toContain(`verified out/run: ${listed.length + 1} files byte-identical to a re-run of "dgsim run tiny.yaml --seed 3 --out out/run"`);
    expect(defaulted!.code, defaulted!.stderr).toBe(0);
    expect(compare!.code, compare!.stderr).toBe(0);
    const lines = compare!.stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('identical '))).toBe(true);
    expect(lines).toEqual(expect.arrayContaining(['identical compare.json', 'identical compare.csv', 'identical manifest.json']));
    expect(lines.at(-1)).toBe('identical manifest.json');
    expect(single!.code, single!.stderr).toBe(0);
  });

  it('refuses, with exit 2, a directory whose files no longer match its manifest: changed, missing, a report file edited', async () => {
    for (const copy of ['changed', 'missing', 'report-edited']) cpSync(join(cwd, 'out/run'), join(cwd, `out/${copy}`), { recursive: true });
    appendFileSync(join(cwd, 'out/changed/monthly.csv'), '0,all,extra,1\n');
    unlinkSync(join(cwd, 'out/missing/summary.json'));
    const chart = readJson<Manifest>(join(cwd, 'out/run/manifest.json')).outputs.find((output) => output.file.endsWith('.svg'))!.file;
    appendFileSync(join(cwd, 'out/report-edited/report.html'), '<!-- edited -->\n');
    unlinkSync(join(cwd, 'out/report-edited', chart));

    const [changed, missing, reportEdited] = await inParallel([() => dgsim(['verify', 'out/changed']), () => dgsim(['verify', 'out/missing']), () => dgsim(['verify', 'out/report-edited'])], 2);
    expectUserError(changed!);
    expect(changed!.stdout).toBe('DIFFERS   monthly.csv: changed since it was written (its sha256 does not match manifest.json)\n');
    expect(changed!.stderr).toMatch(/^dgsim: cannot verify out\/changed: its files no longer match its manifest\.json, so they are not the outputs dgsim wrote \(changed or damaged since\): monthly\.csv changed since it was written/m);
    expect(changed!.stderr).toContain('Run "dgsim run tiny.yaml --seed 3 --out out/run" again to write them afresh');
    expectUserError(missing!);
    expect(missing!.stdout).toContain('DIFFERS   summary.json: missing (manifest.json lists it)');
    expectUserError(reportEdited!);
    expect(reportEdited!.stdout).toContain(`DIFFERS   ${chart}: missing (manifest.json lists it)`);
    expect(reportEdited!.stdout).toContain('DIFFERS   report.html: changed since it was written');
    expect(reportEdited!.stderr).toContain('Only the report changed');
  });

  it('names the data and report files a forger changed and re-checksummed, and the manifest; exit 1', async () => {
    cpSync(join(cwd, 'out/run'), join(cwd, 'out/forged'), { recursive: true });
    // A forger edits a number and the report, and fixes the manifest's checksums: only the re-run can tell.
    const forge = (file: string, edit: (text: string) => string): [string, string] => {
      const text = edit(readFileSync(join(cwd, 'out/forged', file), 'utf8'));
      writeFileSync(join(cwd, 'out/forged', file), text);
      return [file, text];
    };
    const forged = new Map([forge('summary.json', (text) => text.replace(/"unmetRate": [0-9.e-]+/, '"unmetRate": 0.001')), forge('report.html', (text) => text.replace('</body>', '<p>all is well</p></body>'))]);
    const manifestPath = join(cwd, 'out/forged/manifest.json');
    const manifest = readJson<Manifest>(manifestPath);
    for (const output of manifest.outputs) {
      const text = forged.get(output.file);
      if (text !== undefined) [output.sha256, output.bytes] = [sha256Hex(Buffer.from(text)), Buffer.byteLength(text)];
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

    const result = await dgsim(['verify', 'out/forged']);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('DIFFERS   summary.json: differs from the re-run');
    expect(result.stdout).toContain('DIFFERS   report.html: differs from the re-run');
    expect(result.stdout).toContain('DIFFERS   manifest.json: differs from the re-run');
    expect(result.stdout).toContain('identical monthly.csv');
    expect(result.stdout).toContain('identical summary.md');
    expect(result.stderr).toMatch(/^dgsim: verify: out\/forged does not match a re-run of "dgsim run tiny\.yaml --seed 3 --out out\/run": summary\.json differs from the re-run; report\.html differs from the re-run; manifest\.json differs from the re-run/m);
    expect(result.stderr).not.toMatch(STACK_LINE);
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
    cpSync(join(cwd, 'out/tiny'), join(cwd, 'out/corrupt'), { recursive: true });
    writeFileSync(join(cwd, 'out/corrupt/manifest.json'), readFileSync(join(cwd, 'out/tiny/manifest.json'), 'utf8').slice(0, 100));
    // A sweep interrupted before its manifest (written last).
    mkdirSync(join(cwd, 'out/unfinished-sweep'));
    writeFileSync(join(cwd, 'out/unfinished-sweep/plan.json'), '{}\n');
    mkdirSync(join(cwd, 'elsewhere'));
    const [none, empty, sweep, hostile, away, corrupt] = await inParallel([
      () => dgsim(['verify', 'out/nowhere']),
      () => dgsim(['verify', 'out/empty']),
      () => dgsim(['verify', 'out/unfinished-sweep']),
      () => dgsim(['verify', 'out/hostile']),
      () => dgsim(['verify', '../out/tiny'], join(cwd, 'elsewhere')),
      () => dgsim(['verify', 'out/corrupt']),
    ], 2);
    expectUserError(none!);
    expect(none!.stderr).toContain('cannot verify out/nowhere: there is no such directory');
    expectUserError(empty!);
    expect(empty!.stderr).toContain('it has no manifest.json, so it is not a dgsim output directory, or the command writing it was interrupted');
    expectUserError(sweep!);
    expect(sweep!.stderr).toContain('it holds a sweep with no manifest.json: the sweep has not finished');
    expectUserError(hostile!);
    expect(hostile!.stderr).toContain('is not a dgsim manifest (outputs.0.file: a path inside the directory)');
    expectUserError(corrupt!);
    expect(corrupt!.stderr).toContain('cannot verify out/corrupt: its manifest.json is not valid JSON');
    expectUserError(away!);
    expect(away!.stderr).toContain('run verify from the directory the command was run in');
    expect(away!.stderr).toContain('tiny.yaml');
  });
});
