/**
 * Paths and the command line as the outputs record them: relative to the
 * working directory, with forward slashes, so that the outputs hold no
 * absolute path of this machine and are the same on every platform.
 */
import { basename, extname, isAbsolute, join, relative } from 'node:path';

/** `file` relative to `cwd` when it is absolute, with forward slashes. */
export function portablePath(file: string, cwd: string): string {
  const relativePath = isAbsolute(file) ? relative(cwd, file) || '.' : file;
  return relativePath.split('\\').join('/');
}

/** A scenario file's name without directory or extension: `scenarios/city.yaml` → `city`. */
export function scenarioStem(file: string): string {
  const name = basename(file);
  const stem = name.slice(0, name.length - extname(name).length);
  return stem === '' ? name : stem;
}

/** The default output directory of `dgsim run <file>`: `out/<stem>`. */
export function defaultRunDirectory(file: string): string {
  return join('out', scenarioStem(file));
}

/** The default output directory of `dgsim compare <a> <b>`: `out/compare-<a>-vs-<b>`. */
export function defaultCompareDirectory(fileA: string, fileB: string): string {
  return join('out', `compare-${scenarioStem(fileA)}-vs-${scenarioStem(fileB)}`);
}

/** An argument quoted for a POSIX shell when it needs it, so the recorded command can be pasted back. */
function shellQuote(argument: string): string {
  return /^[A-Za-z0-9_\-.,/:=@+%^]+$/.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line as given: `dgsim` then the arguments, quoted where a shell needs it.
 * @example commandLine(['run', 'my city.yaml']) === "dgsim run 'my city.yaml'"
 */
export function commandLine(args: readonly string[]): string {
  return ['dgsim', ...args.map(shellQuote)].join(' ');
}
