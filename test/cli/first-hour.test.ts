/**
 * The commands of a user's first hour, run as a user runs them: `dgsim
 * init`, `dgsim list`, `--help` with examples on every command, and a
 * did-you-mean for a mistyped command or option.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, REPO, runDgsim, STACK_LINE, tempDirectory } from './harness.js';

describe('dgsim init, list, help and did-you-mean', () => {
  let bin = '';
  let cwd = '';

  beforeAll(() => {
    bin = buildCli();
    cwd = tempDirectory();
  });

  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('init writes a commented standalone city and its schema, which run and validate', () => {
    const init = runDgsim(bin, ['init'], cwd);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain('wrote my-city.yaml');
    const text = readFileSync(join(cwd, 'my-city.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=scenario.schema.json');
    expect(text).not.toMatch(/^extends:/m);
    expect(text).toContain('# whether the channel is open; true or false; default true');
    expect(readFileSync(join(cwd, 'scenario.schema.json'), 'utf8')).toBe(readFileSync(join(REPO, 'docs', 'scenario.schema.json'), 'utf8'));
    // It is a scenario dgsim runs (made small here to keep the test quick).
    writeFileSync(join(cwd, 'small.yaml'), 'name: Small\nextends: my-city.yaml\npopulation: { size: 2000 }\nhorizonMonths: 3\n');
    const run = runDgsim(bin, ['run', 'small.yaml', '--out', 'out/small'], cwd);
    expect(run.code, run.stderr).toBe(0);
  });

  it('init refuses to overwrite a scenario (exit 2) unless --force', () => {
    writeFileSync(join(cwd, 'mine.yaml'), 'name: my own work\n');
    const refused = runDgsim(bin, ['init', 'mine.yaml'], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mine.yaml already exists');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(join(cwd, 'mine.yaml'), 'utf8')).toBe('name: my own work\n');
    const forced = runDgsim(bin, ['init', 'mine.yaml', '--force'], cwd);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'mine.yaml'), 'utf8')).toContain('name: Default city');
  });

  it('init leaves a different schema file alone without --force, and writes into a subfolder', () => {
    const folder = join(cwd, 'sub');
    runDgsim(bin, ['init', 'sub/a.yaml'], cwd);
    expect(existsSync(join(folder, 'scenario.schema.json'))).toBe(true);
    writeFileSync(join(folder, 'scenario.schema.json'), '{}\n');
    const second = runDgsim(bin, ['init', 'sub/b.yaml'], cwd);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toContain('left sub/scenario.schema.json as it is');
    expect(readFileSync(join(folder, 'scenario.schema.json'), 'utf8')).toBe('{}\n');
  });

  it('list shows every built-in scenario, one line each, with a path dgsim run takes', () => {
    const list = runDgsim(bin, ['list'], REPO);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    const files = lines.map((line) => line.split(/\s+/)[0]);
    expect(files.slice(0, 3)).toEqual(['scenarios/city.yaml', 'scenarios/digital-only.yaml', 'scenarios/hybrid.yaml']);
    expect(files).toContain('scenarios/h4-robodebt-no-appeal.yaml');
    expect(lines.find((line) => line.startsWith('scenarios/digital-only.yaml'))).toMatch(/Counters and phone close at month 6; online only from then on\.$/);
    for (const line of lines) expect(line.replace(/^\S+\s+/, '').length, line).toBeGreaterThan(10);
  });

  it('every command has --help with at least one example, and so has dgsim itself', () => {
    const top = runDgsim(bin, ['--help'], cwd);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}dgsim (\w+)/gm)].map((match) => match[1]!);
    expect(commands).toEqual(expect.arrayContaining(['run', 'compare', 'sweep', 'init', 'list']));
    expect(top.stdout).toContain('Examples:');
    for (const command of commands) {
      const help = runDgsim(bin, [command, '--help'], cwd);
      expect(help.code, command).toBe(0);
      expect(help.stdout, `dgsim ${command} --help has no example`).toMatch(/Examples:\n {2}dgsim /);
    }
  });

  it.each([
    [['rnu', 'x.yaml'], 'unknown command "rnu". Did you mean run?'],
    [['lst'], 'unknown command "lst". Did you mean list?'],
    [['run', 'x.yaml', '--sed', '3'], 'unknown option --sed. Did you mean --seed? (see "dgsim run --help")'],
    [['compare', 'a.yaml', 'b.yaml', '--rep', '3'], 'unknown option --rep. Did you mean --reps?'],
    [['init', '--forse'], 'unknown option --forse. Did you mean --force?'],
  ])('suggests what was meant: %j', (args, expected) => {
    const run = runDgsim(bin, args, cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
