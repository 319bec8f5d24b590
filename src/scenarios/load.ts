/**
 * Loading a scenario file from disk: the file system and hashing around the
 * browser-safe core in `parse.ts`.
 *
 *   path ──► read bytes ──► parseScenarioSource (decode, YAML, extends, zod, checks)
 *        ──► Scenario + files read + sha256 of its canonical JSON | issues
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import type { ScenarioIssue } from './issues.js';
import { message } from './messages.js';
import { parseScenarioSource, type ReadFile, type SourceFile } from './parse.js';
import { readInputFile } from './read-input.js';
import type { Scenario } from './schema.js';

/** A loaded scenario, or why it could not be loaded. */
export type LoadResult =
  | {
      readonly ok: true;
      /** The validated scenario, defaults applied (without `$schema` and `extends`, which are about the file). */
      readonly scenario: Scenario;
      /** Every file read: the file itself, then the files it extends, in order. */
      readonly files: string[];
      /** sha256 (hex) of the canonical JSON of `scenario`: keys sorted, so layout, comments and key order do not change it. */
      readonly hash: string;
    }
  | { readonly ok: false; readonly issues: ScenarioIssue[] };

/** The sha256 (hex) of a scenario's canonical JSON. */
export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario), 'utf8').digest('hex');
}

/**
 * Reads a file's bytes, with its real path as its identity for cycle
 * detection. `regularOnly` for files another file names (read-input.ts).
 */
function readSource(file: string, regularOnly: boolean): SourceFile {
  let key = file;
  try {
    key = realpathSync(file);
  } catch {
    // Missing files keep their own name as key; reading them reports the problem.
  }
  const read = readInputFile(file, { regularOnly });
  return read.ok ? { ok: true, file, key, content: read.content } : { ok: false, file, key, reason: read.reason, detail: read.detail };
}

/** Resolves an `extends:` reference relative to the directory of the extending file; only a regular file will do. */
const readExtended: ReadFile = (reference, fromFile) => readSource(isAbsolute(reference) ? normalize(reference) : join(dirname(fromFile), reference), true);

/** How a scenario file came to be read. */
export interface LoadOptions {
  /** True when another file names it (a sweep's `base:`): then it must be a regular file, not a device or pipe. Default false (the user named it). */
  readonly namedByFile?: boolean;
}

/**
 * Loads and validates the scenario file at `path` (YAML or JSON), following
 * `extends` to local files relative to each extending file. Issues name files
 * as `path` names them (normalized), and the files they extend relative to it.
 * Files are read with limits (read-input.ts): a file another file names must
 * be a regular file, and none may exceed MAX_INPUT_BYTES.
 * Never throws: unreadable files are issues too.
 *
 * @example
 * const result = loadScenarioFile('scenarios/baseline.yaml');
 * if (!result.ok) process.stderr.write(formatIssues(result.issues) + '\n');
 */
export function loadScenarioFile(path: string, options: LoadOptions = {}): LoadResult {
  const file = normalize(path);
  const source = readSource(file, options.namedByFile ?? false);
  if (!source.ok) {
    const issue: ScenarioIssue =
      source.reason === 'not-found'
        ? { file, path: [], message: message.fileNotFound(file), code: 'file_not_found' }
        : { file, path: [], message: message.fileUnreadable(file, source.detail ?? 'unreadable'), code: 'file_unreadable' };
    return { ok: false, issues: [issue] };
  }
  const parsed = parseScenarioSource(source.content, file, readExtended, source.key);
  if (!parsed.ok) return parsed;
  return { ok: true, scenario: parsed.scenario, files: parsed.files, hash: scenarioHash(parsed.scenario) };
}
