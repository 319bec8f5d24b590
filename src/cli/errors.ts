/**
 * The CLI's failures and their exit codes. A user error (bad input, bad
 * option, unwritable output) prints one clear message and exits 2, never a
 * stack trace; anything else is a bug in dgsim and exits 70 (EX_SOFTWARE).
 */
import { formatIssues, type ScenarioIssue } from '../scenarios/index.js';

/** Exit codes of the dgsim command. */
export const EXIT = {
  ok: 0,
  /** Bad input: an invalid scenario, a missing file, a bad option, an output that cannot be written. */
  usage: 2,
  /** A bug in dgsim (sysexits EX_SOFTWARE). */
  internal: 70,
} as const;

/** A mistake in what the user asked for: its message is printed as is, without a stack trace. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A scenario file that does not load: its issues are printed with `formatIssues`. */
export class ScenarioFileError extends UserError {
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioFileError';
  }
}

/** The error's message, or its text if it is not an Error. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The system error code of a Node error (ENOENT, EACCES …), if any. */
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file-system error when writing outputs to `directory`, as one line a user
 * can act on, e.g. `cannot write outputs to out/x: permission denied`.
 */
export function outputError(directory: string, error: unknown): UserError {
  const reasons: Readonly<Record<string, string>> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EEXIST: 'a file of that name is in the way',
    EISDIR: 'an output file name is taken by a directory',
  };
  const code = systemErrorCode(error);
  const reason = (code === undefined ? undefined : reasons[code]) ?? messageOf(error);
  return new UserError(`cannot write outputs to ${directory}: ${reason}`);
}
