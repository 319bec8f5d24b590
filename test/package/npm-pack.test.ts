/**
 * The package as a user gets it: `npm pack` on a copy of the working tree
 * (so the repository's own dist/ is never touched; `prepare` builds the copy),
 * `npm install <tarball>` into an empty project, then the command and the
 * library from there: `dgsim --version`, `dgsim list`, `dgsim run` on the
 * packaged city (`--sample 0.02`), `dgsim init`, and an ESM script importing from 'dgsim'.
 *
 * Slow (a TypeScript build and an install): minutes. Skipped only when npm
 * itself cannot be run.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../cli/harness.js';

const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const npmMissing = npmVersion.status !== 0;
if (npmMissing) process.stderr.write(`npm-pack.test: skipped: npm cannot be run here (${npmVersion.error?.message ?? npmVersion.stderr})\n`);

const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs a command, failing the test with its output when it fails. */
function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 540_000, env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${String(result.status)} in ${cwd}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}${result.error === undefined ? '' : `\n${result.error.message}`}`);
  }
  return result;
}

describe.skipIf(npmMissing)('npm pack', () => {
  let root: string;
  let project: string;
  let tarball: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dgsim-pack-'));
    // The working tree as git sees it (tracked and new files, not ignored ones), with the repository's node_modules for the build.
    const staging = join(root, 'dgsim');
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter((file) => file !== '');
    for (const file of files) {
      if (!existsSync(join(REPO, file))) continue; // deleted, not yet committed
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      cpSync(join(REPO, file), join(staging, file));
    }
    symlinkSync(join(REPO, 'node_modules'), join(staging, 'node_modules'), 'dir');
    const packed = run('npm', ['pack', '--json', '--pack-destination', root], staging);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(root, info!.filename);

    project = join(root, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'uses-dgsim', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
    run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
  }, 900_000);

  afterAll(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  it('holds the compiled code, the command, the scenarios and the schemas, and no sources or tests', () => {
    const listing = run('tar', ['-tzf', tarball], root).stdout.split('\n');
    for (const file of ['package/bin/dgsim.js', 'package/dist/src/index.js', 'package/dist/src/index.d.ts', 'package/dist/src/cli/main.js', 'package/scenarios/city.yaml', 'package/docs/scenario.schema.json', 'package/docs/sweep.schema.json', 'package/README.md']) {
      expect(listing, file).toContain(file);
    }
    expect(listing.filter((file) => file.startsWith('package/test/') || file.startsWith('package/dist/test/') || /^package\/src\/.*\.ts$/.test(file))).toEqual([]);
  });

  it('installs a dgsim command that prints its version', () => {
    expect(run('npx', ['--no-install', 'dgsim', '--version'], project).stdout.trim()).toBe(version);
  });

  it('lists the packaged scenarios and runs the packaged city', () => {
    const listed = run('npx', ['--no-install', 'dgsim', 'list'], project).stdout;
    expect(listed).toContain('node_modules/dgsim/scenarios/city.yaml');
    expect(listed).toContain('node_modules/dgsim/scenarios/h4-robodebt-no-appeal.yaml');
    const ran = run('npx', ['--no-install', 'dgsim', 'run', 'node_modules/dgsim/scenarios/city.yaml', '--sample', '0.02', '--out', 'out'], project);
    expect(ran.stdout).toContain('Default city');
    const summary = JSON.parse(readFileSync(join(project, 'out', 'summary.json'), 'utf8')) as { headline?: Record<string, number> };
    expect(typeof summary.headline?.['unmetRate']).toBe('number');
    // A scenario of the user's that builds on the packaged city.
    writeFileSync(join(project, 'tiny.yaml'), 'name: Tiny city\nextends: node_modules/dgsim/scenarios/city.yaml\npopulation: { size: 2000 }\nhorizonMonths: 6\n');
    expect(run('npx', ['--no-install', 'dgsim', 'run', 'tiny.yaml', '--out', 'out-tiny', '--no-report'], project).stdout).toContain('Tiny city');
  });

  it('scaffolds a scenario with dgsim init that loads as the packaged city', () => {
    run('npx', ['--no-install', 'dgsim', 'init', 'mine.yaml'], project);
    expect(readFileSync(join(project, 'mine.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=scenario.schema.json');
    expect(readFileSync(join(project, 'scenario.schema.json'), 'utf8')).toBe(readFileSync(join(project, 'node_modules/dgsim/docs/scenario.schema.json'), 'utf8'));
    writeFileSync(
      join(project, 'same.mjs'),
      "import { isDeepStrictEqual } from 'node:util';\nimport { loadScenario } from 'dgsim';\nconsole.log(isDeepStrictEqual(loadScenario('mine.yaml'), loadScenario('node_modules/dgsim/scenarios/city.yaml')));\n",
    );
    expect(run(process.execPath, ['same.mjs'], project).stdout.trim()).toBe('true');
  });

  it('imports runScenario from an ESM script', () => {
    writeFileSync(
      join(project, 'script.mjs'),
      [
        "import { runScenario, compare, sweep, scenarioJsonSchema } from 'dgsim';",
        "const result = runScenario('tiny.yaml', { seed: 3 });",
        "console.log(JSON.stringify({ name: result.scenario.name, seed: result.seed, unmetRate: result.headline.unmetRate, sweep: typeof sweep, compare: typeof compare, schema: scenarioJsonSchema().title }));",
        '',
      ].join('\n'),
    );
    const printed = JSON.parse(run(process.execPath, ['script.mjs'], project).stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({ name: 'Tiny city', seed: 3, sweep: 'function', compare: 'function', schema: 'dgsim scenario' });
    expect(typeof printed['unmetRate']).toBe('number');
  });
});
