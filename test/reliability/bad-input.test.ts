/**
 * Point 1 of the reliability issue: every class of malformed scenario or
 * sweep file, through the real `dgsim` command (check, and the command that
 * would use the file: run or sweep), gives exit code 2 and a message naming
 * the file, the line and the path, with no stack trace and nothing run.
 */
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, expectUserError, FIXTURES, inParallel, runDgsimAsync, scratchDirectory, type CliRun } from './harness.js';

/** A bad file, and what its message must hold: `file:line` (and `file:line:column` when given), then the path. */
interface BadFile {
  readonly name: string;
  readonly file: string;
  /** The file the issue is in (an extended or base file for some classes). */
  readonly issueFile?: string;
  readonly line: number;
  /** The document path as printed, or undefined where the bytes have no structure yet (syntax, encoding, empty file). */
  readonly path: string | undefined;
  /** More text the message must hold (the did-you-mean, the sum…). */
  readonly says?: RegExp;
}

const SCENARIOS: readonly BadFile[] = [
  { name: 'syntax error', file: 'scenarios/syntax-error.yaml', line: 5, path: undefined, says: /invalid YAML/ },
  { name: 'wrong type', file: 'scenarios/wrong-type.yaml', line: 4, path: 'horizonMonths', says: /got a string \("six"\)/ },
  { name: 'unknown field', file: 'scenarios/unknown-field.yaml', line: 7, path: 'policy.channels.counter.opn', says: /did you mean "open"\?/ },
  { name: 'out-of-range value', file: 'scenarios/out-of-range.yaml', line: 6, path: 'segments[1].internetAccess', says: /from 0 to 1, got 1\.5/ },
  { name: 'shares that do not sum to 1', file: 'scenarios/shares-sum.yaml', line: 4, path: 'segments', says: /sum to 1\.2/ },
  { name: 'schedule date outside the horizon', file: 'scenarios/schedule-outside-horizon.yaml', line: 5, path: 'schedule[0].month', says: /outside the horizon/ },
  { name: 'cyclic extends', file: 'scenarios/cycle-a.yaml', issueFile: 'scenarios/cycle-b.yaml', line: 3, path: 'extends', says: /cycle/ },
  { name: 'missing extends', file: 'scenarios/missing-extends.yaml', line: 3, path: 'extends', says: /no-such-base\.yaml/ },
  { name: 'extends a URL', file: 'scenarios/extends-url.yaml', line: 3, path: 'extends', says: /looks like a URL/ },
  { name: 'huge number', file: 'scenarios/huge-number.yaml', line: 5, path: 'population.size', says: /from 1 to 1e8/ },
  { name: 'NaN and Infinity', file: 'scenarios/not-finite.yaml', line: 4, path: 'valueOfTimeGbpPerHour', says: /finite number.*got \.nan/ },
  { name: 'a number too large for a double', file: 'scenarios/overflow.yaml', line: 4, path: 'horizonMonths', says: /too large to represent/ },
  { name: 'non-UTF-8 bytes', file: 'scenarios/latin1.yaml', line: 3, path: undefined, says: /UTF-8/ },
  { name: 'empty file', file: 'scenarios/empty.yaml', line: 1, path: undefined, says: /empty/ },
];

const SWEEPS: readonly BadFile[] = [
  { name: 'syntax error', file: 'sweeps/syntax-error.yaml', line: 6, path: undefined, says: /invalid YAML/ },
  { name: 'wrong type', file: 'sweeps/wrong-type.yaml', line: 7, path: 'replications', says: /got a string \("many"\)/ },
  { name: 'unknown field', file: 'sweeps/unknown-field.yaml', line: 7, path: 'replicates', says: /did you mean "replications"\?/ },
  { name: 'out-of-range value', file: 'sweeps/out-of-range.yaml', line: 5, path: 'parameters[0].values[1]', says: /from 0 to 1, got 2/ },
  { name: 'shares that do not sum to 1', file: 'sweeps/shares-sum.yaml', line: 5, path: 'overrides["segments[id=young].share"]', says: /sum to 1\.3/ },
  { name: 'schedule date outside the horizon', file: 'sweeps/schedule-outside-horizon.yaml', line: 5, path: 'parameters[0].values[0]', says: /outside the horizon/ },
  { name: 'cyclic extends in the base', file: 'sweeps/cyclic-base.yaml', issueFile: 'scenarios/cycle-b.yaml', line: 3, path: 'extends', says: /cycle/ },
  { name: 'missing base', file: 'sweeps/missing-base.yaml', line: 3, path: 'base', says: /no-such-base\.yaml/ },
  { name: 'huge number', file: 'sweeps/huge-number.yaml', line: 6, path: 'design.samples', says: /from 1 to 1e7/ },
  { name: 'NaN and Infinity', file: 'sweeps/not-finite.yaml', line: 5, path: 'parameters[0].min', says: /finite number, got \.nan/ },
  { name: 'a number too large for a double', file: 'sweeps/overflow.yaml', line: 7, path: 'seed', says: /too large to represent/ },
  { name: 'non-UTF-8 bytes', file: 'sweeps/latin1.yaml', line: 2, path: undefined, says: /UTF-8/ },
  { name: 'empty file', file: 'sweeps/empty.yaml', line: 1, path: undefined, says: /empty/ },
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks a failed command's message against what the bad file must say. */
function expectNamed(run: CliRun, bad: BadFile, command: string): void {
  expectUserError(run, `${command} ${bad.file}`);
  const file = escape(bad.issueFile ?? bad.file);
  const location = `${file}:${bad.line}(:\\d+)?: `;
  expect(run.stderr, run.stderr).toMatch(new RegExp(bad.path === undefined ? location : `${location}${escape(bad.path)}: `));
  if (bad.says !== undefined) expect(run.stderr).toMatch(bad.says);
  expect(run.stdout, `${command} ${bad.file} printed data`).toBe('');
}

describe('malformed input gives exit code 2, the file, the line and the path, and no stack trace', () => {
  let bin = '';
  let cwd = '';
  /** What `dgsim run`/`dgsim sweep` said for each bad file, and `dgsim check` for all of them at once. */
  const results = new Map<string, CliRun>();

  beforeAll(async () => {
    bin = buildCli();
    cwd = scratchDirectory();
    cpSync(FIXTURES, cwd, { recursive: true });
    // Bytes editors and git would not keep: Latin-1 "é" (0xE9) on line 3, and an empty file.
    writeFileSync(join(cwd, 'scenarios/latin1.yaml'), Buffer.concat([Buffer.from('name: latin1\nextends: base.yaml\ndescription: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    writeFileSync(join(cwd, 'sweeps/latin1.yaml'), Buffer.concat([Buffer.from('base: ../scenarios/base.yaml\nname: caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]));
    writeFileSync(join(cwd, 'scenarios/empty.yaml'), '');
    writeFileSync(join(cwd, 'sweeps/empty.yaml'), '# nothing but a comment\n');
    // Every command runs at once (a few at a time): each is a separate process, so each has its own exit code.
    const commands: [string, string[]][] = [
      ...SCENARIOS.map((bad): [string, string[]] => [`run ${bad.file}`, ['run', bad.file, '--out', join('out', bad.file)]]),
      ...SWEEPS.map((bad): [string, string[]] => [`sweep ${bad.file}`, ['sweep', bad.file, '--out', join('out', bad.file), '--workers', '1', '--progress', 'none']]),
      ['check scenarios', ['check', ...SCENARIOS.map((bad) => bad.file)]],
      ['check sweeps', ['check', ...SWEEPS.map((bad) => bad.file)]],
      ['check valid', ['check', 'scenarios/base.yaml', 'scenarios/scheduled.yaml', 'sweeps/good.yaml']],
      ['compare bad first', ['compare', 'scenarios/unknown-field.yaml', 'scenarios/base.yaml', '--reps', '1', '--out', 'out/c1']],
      ['compare bad second', ['compare', 'scenarios/base.yaml', 'scenarios/unknown-field.yaml', '--reps', '1', '--out', 'out/c2']],
    ];
    const runs = await inParallel(commands.map(([, args]) => () => runDgsimAsync(bin, args, cwd)), 4);
    commands.forEach(([name], index) => results.set(name, runs[index]!));
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  const result = (name: string): CliRun => {
    const found = results.get(name);
    if (found === undefined) throw new Error(`no result for ${name}`);
    return found;
  };

  it('accepts the valid fixtures the bad ones are variations of', () => {
    const check = result('check valid');
    expect(check.code, check.stderr).toBe(0);
    const lines = check.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^ok /);
  });

  it('covers every bad fixture kept in the repository', () => {
    const named = new Set([...SCENARIOS, ...SWEEPS].flatMap((bad) => [bad.file, bad.issueFile]));
    const kept = ['scenarios', 'sweeps'].flatMap((folder) => readdirSync(join(FIXTURES, folder)).map((file) => `${folder}/${file}`));
    const valid = ['scenarios/base.yaml', 'scenarios/scheduled.yaml', 'sweeps/good.yaml'];
    expect(kept.filter((file) => !named.has(file) && !valid.includes(file))).toEqual([]);
  });

  it.each(SCENARIOS.map((bad) => [bad.name, bad] as const))('dgsim run, scenario: %s', (_, bad) => {
    expectNamed(result(`run ${bad.file}`), bad, 'dgsim run');
    expect(existsSync(join(cwd, 'out', bad.file)), 'a run of a bad file wrote outputs').toBe(false);
  });

  it.each(SWEEPS.map((bad) => [bad.name, bad] as const))('dgsim sweep, sweep file: %s', (_, bad) => {
    expectNamed(result(`sweep ${bad.file}`), bad, 'dgsim sweep');
    expect(existsSync(join(cwd, 'out', bad.file)), 'a sweep of a bad file wrote outputs').toBe(false);
  });

  it('dgsim check reports every bad file of a list, each with its file, line and path', () => {
    for (const [group, bads] of [['check scenarios', SCENARIOS], ['check sweeps', SWEEPS]] as const) {
      const check = result(group);
      for (const bad of bads) expectNamed(check, bad, group);
    }
  });

  it('compares a bad file as a bad file, whichever side it is on', () => {
    const bad = SCENARIOS.find((candidate) => candidate.name === 'unknown field')!;
    expectNamed(result('compare bad first'), bad, 'dgsim compare');
    expectNamed(result('compare bad second'), bad, 'dgsim compare');
  });
});
