/**
 * Test harness for the dgsim command: builds the CLI once (cached by a hash
 * of the sources, shared between test files through a lock directory), then
 * spawns `node bin/dgsim.js` exactly as a user's shell would.
 *
 * The build goes to test-artifacts/cli-build/<hash>/ (git-ignored) with a
 * copy of bin/dgsim.js next to its dist/, so the real bin script is what runs
 * and the repository's own dist/ is never touched by tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUILD_ROOT = join(REPO, 'test-artifacts', 'cli-build');

function listFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/** A hash of everything the build reads: sources, bin script, compiler settings. */
function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [...listFiles(join(REPO, 'src')), join(REPO, 'bin/dgsim.js'), join(REPO, 'tsconfig.json'), join(REPO, 'tsconfig.build.json'), join(REPO, 'package.json')];
  for (const file of inputs) hash.update(relative(REPO, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Removes builds of older sources (left by earlier test runs) that nobody has touched for 30 minutes. */
function removeStaleBuilds(keep: string): void {
  for (const entry of readdirSync(BUILD_ROOT)) {
    const path = join(BUILD_ROOT, entry);
    if (path === keep || entry.includes('.')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 1_800_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another test run removed it first.
    }
  }
}

/**
 * Builds the CLI (or reuses a build of the same sources) and returns the path of its bin script.
 * Type errors elsewhere in the tree do not stop it: tsc still emits, and `tsc --noEmit` is where types are checked.
 */
export function buildCli(): string {
  const hash = sourceHash();
  const final = join(BUILD_ROOT, hash);
  const bin = join(final, 'bin', 'dgsim.js');
  if (existsSync(bin)) return bin;
  mkdirSync(BUILD_ROOT, { recursive: true });
  const lock = join(BUILD_ROOT, `${hash}.lock`);
  const deadline = Date.now() + 280_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(bin)) return bin;
      // A lock older than 5 minutes belongs to a build that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // It went away meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for the CLI build lock ${lock}`);
      sleepMs(250);
    }
  }
  try {
    if (existsSync(bin)) return bin;
    const staging = join(BUILD_ROOT, `${hash}.staging-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    try {
      execFileSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(staging, 'dist'), '--declaration', 'false', '--sourceMap', 'false'], {
        cwd: REPO,
        stdio: 'pipe',
      });
    } catch (error) {
      if (!existsSync(join(staging, 'dist/src/cli/main.js'))) throw error;
      process.stderr.write(`harness: tsc reported type errors (built anyway):\n${String((error as { stdout?: unknown }).stdout ?? '')}\n`);
    }
    mkdirSync(join(staging, 'bin'), { recursive: true });
    cpSync(join(REPO, 'bin/dgsim.js'), join(staging, 'bin/dgsim.js'));
    renameSync(staging, final);
    removeStaleBuilds(final);
    return bin;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a finished dgsim process said and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Commands that write an HTML report unless told `--no-report`. */
const REPORTING_COMMANDS = new Set(['run', 'compare', 'sweep']);

/**
 * Runs `node <bin> ...args` in `cwd` without colours, and waits for it.
 * Run, compare and sweep get `--no-report` (rendering charts is slow and
 * most tests are about other outputs) unless `args` says `--report` or
 * `--no-report` itself, or `options.defaultReport` asks for the default.
 */
export function runDgsim(bin: string, args: readonly string[], cwd: string, options: { defaultReport?: boolean } = {}): CliRun {
  const saysReport = args.includes('--report') || args.includes('--no-report');
  const full = REPORTING_COMMANDS.has(args[0] ?? '') && !saysReport && options.defaultReport !== true ? [...args, '--no-report'] : [...args];
  const result = spawnSync(process.execPath, [bin, ...full], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DGSIM_DEBUG: '' },
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDirectory(prefix = 'dgsim-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The absolute path of the repository's default city. */
export const CITY_YAML = join(REPO, 'scenarios', 'city.yaml');

/**
 * Writes a tiny scenario (2,000 citizens, 6 months) extending the repository's
 * city to `directory/file`, with `extra` YAML appended, and returns its name.
 */
export function writeTinyScenario(directory: string, file: string, name: string, extra = ''): string {
  writeFileSync(
    join(directory, file),
    `name: ${name}\nextends: ${JSON.stringify(CITY_YAML)}\npopulation: { size: 2000 }\nhorizonMonths: 6\n${extra}`,
  );
  return file;
}

/** A line of a JavaScript stack trace, e.g. `    at run (file.js:12:5)`. */
export const STACK_LINE = /at .*\(.*:\d+:\d+\)/;

/** sha256 (hex) of a file's bytes. */
export function fileSha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
