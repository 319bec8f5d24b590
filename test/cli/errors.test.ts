import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runDgsim, STACK_LINE, tempDirectory, writeTinyScenario, type CliRun } from './harness.js';

/** A user error: exit 2, a message on stderr, nothing on stdout, no stack trace. */
function expectUserError(run: CliRun): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr.trim()).not.toBe('');
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stdout).toBe('');
}

describe('dgsim errors and help', () => {
  let bin = '';
  let cwd = '';

  beforeAll(() => {
    bin = buildCli();
    cwd = tempDirectory();
    writeTinyScenario(cwd, 'tiny.yaml', 'Tiny city');
    writeTinyScenario(cwd, 'bad.yaml', 'Bad city', 'valueOfTimeGbpPerHour: -3\npolicy:\n  channels:\n    counter:\n      opn: false\n');
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('reports an invalid scenario with its file, line and path, and exits 2', () => {
    const run = runDgsim(bin, ['run', 'bad.yaml'], cwd);
    expectUserError(run);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+: valueOfTimeGbpPerHour/);
    expect(run.stderr).toMatch(/bad\.yaml:\d+:\d+: policy\.channels\.counter\.opn/);
    expect(run.stderr).toContain('did you mean "open"?');
    expect(readdirSync(cwd)).not.toContain('out');
  });

  it('reports a missing scenario file in one line', () => {
    const run = runDgsim(bin, ['run', 'nowhere.yaml'], cwd);
    expectUserError(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('nowhere.yaml');
  });

  it('reports an invalid second scenario of a comparison', () => {
    const run = runDgsim(bin, ['compare', 'tiny.yaml', 'bad.yaml', '--reps', '2'], cwd);
    expectUserError(run);
    expect(run.stderr).toContain('bad.yaml');
  });

  it.each([
    [['run', 'tiny.yaml', '--seed', '1.5'], '--seed'],
    [['run', 'tiny.yaml', '--seed', 'abc'], '--seed'],
    [['run', 'tiny.yaml', '--seed', '9007199254740993'], '--seed'],
    [['run', 'tiny.yaml', '--seed', '1', '--seed', '2'], '--seed'],
    [['compare', 'tiny.yaml', 'tiny.yaml', '--reps', '0'], '--reps'],
    [['compare', 'tiny.yaml', 'tiny.yaml', '--reps', '2.5'], '--reps'],
    [['compare', 'tiny.yaml', 'tiny.yaml', '--reps', '-3'], '--reps'],
    [['compare', 'tiny.yaml', 'tiny.yaml', '--seed', '9007199254740991', '--reps', '3'], '--seed'],
  ])('rejects bad option values in one clear line: %j', (args, option) => {
    const run = runDgsim(bin, args, cwd);
    expectUserError(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(option);
  });

  it.each([
    [['run', 'tiny.yaml', '--seed'], '--seed needs a value'],
    [['run'], 'missing the scenario file'],
    [['compare', 'tiny.yaml'], 'compare needs two scenario files'],
  ])('explains an incomplete command line in one line: %j', (args, message) => {
    const run = runDgsim(bin, args, cwd);
    expectUserError(run);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
  });

  it('rejects an unknown option with a message', () => {
    const run = runDgsim(bin, ['run', 'tiny.yaml', '--sed', '3'], cwd);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("unknown option --sed. Did you mean --seed?");
    expect(run.stderr).toContain('dgsim run --help');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('suggests the command meant by a typo', () => {
    const run = runDgsim(bin, ['rn', 'tiny.yaml'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Did you mean run\?/);
  });

  it('asks for a command when given none', () => {
    const run = runDgsim(bin, [], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/which command to run/);
  });

  it('says when the output directory cannot be written', () => {
    writeFileSync(join(cwd, 'a-file'), 'not a directory');
    const run = runDgsim(bin, ['run', 'tiny.yaml', '--out', 'a-file/out'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write outputs to a-file\/out/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it.each([['run'], ['compare']])('shows help with an example for %s', (command) => {
    const run = runDgsim(bin, [command, '--help'], cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain(`dgsim ${command}`);
    expect(run.stdout).toContain('--seed');
  });

  it('shows the top-level help and the version', () => {
    const help = runDgsim(bin, ['--help'], cwd);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('dgsim run <scenario>');
    expect(help.stdout).toContain('dgsim compare <a> <b>');
    const version = runDgsim(bin, ['--version'], cwd);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
