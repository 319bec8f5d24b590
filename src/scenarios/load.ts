/**
 * Loading a scenario file from disk: the file system and hashing around the
 * browser-safe core in `parse.ts`.
 *
 *   path ──► read bytes ──► parseScenarioSource (decode, YAML, extends, zod, checks)
 *        ──► Scenario + files read + sha256 of its canonical JSON | issues
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { canonicalJson } from './canonical-json.js';
import type { ScenarioIssue } from './issues.js';
import { message } from './messages.js';
import { parseScenarioSource, type ReadFile, type SourceFile } from './parse.js';
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

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function unreadableReason(error: unknown): string {
  switch (errorCode(error)) {
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a file's bytes, with its real path as its identity for cycle detection. */
function readSource(file: string): SourceFile {
  let key = file;
  try {
    key = realpathSync(file);
  } catch {
    // Missing files keep their own name as key; reading them reports the problem.
  }
  try {
    return { ok: true, file, key, content: readFileSync(file) };
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR'
      ? { ok: false, file, key, reason: 'not-found' }
      : { ok: false, file, key, reason: 'unreadable', detail: unreadableReason(error) };
  }
}

/** Resolves an `extends:` reference relative to the directory of the extending file. */
const readExtended: ReadFile = (reference, fromFile) => readSource(isAbsolute(reference) ? normalize(reference) : join(dirname(fromFile), reference));

/**
 * Loads and validates the scenario file at `path` (YAML or JSON), following
 * `extends` to local files relative to each extending file. Issues name files
 * as `path` names them (normalized), and the files they extend relative to it.
 * Never throws: unreadable files are issues too.
 *
 * @example
 * const result = loadScenarioFile('scenarios/baseline.yaml');
 * if (!result.ok) process.stderr.write(formatIssues(result.issues) + '\n');
 */
export function loadScenarioFile(path: string): LoadResult {
  const file = normalize(path);
  const source = readSource(file);
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
