/**
 * Scenario issues: what is wrong with a scenario file, where (file, line,
 * column, path in the document) and, when a likely fix is known, a hint.
 */

/** A path in a scenario document: mapping keys and list indexes, from the top. */
export type DocumentPath = (string | number)[];

/**
 * One problem with a scenario file.
 *
 * `code` says which class of problem it is, for programs: the zod codes
 * (`invalid_type`, `too_big`, `too_small`, `invalid_value`, `invalid_format`,
 * `unrecognized_keys` — one issue per unknown key —, `custom`) plus
 * `missing_field`, `not_finite`, `file_not_found`, `file_unreadable`,
 * `invalid_utf8`, `yaml_syntax`, `empty_file`, `not_a_mapping`, `invalid_key`,
 * `too_deep`, `too_large`, `extends_invalid`, `extends_url`,
 * `extends_not_found`, `extends_cycle`, `extends_unavailable`, `remove_unknown_id`,
 * `invalid_remove`, `duplicate_id`, `shares_sum`, `unknown_district`,
 * `unknown_age_band`, `unknown_income_band`, `schedule_outside_horizon`,
 * `unknown_policy_field`, `invalid_schedule_value`.
 */
export interface ScenarioIssue {
  readonly file: string;
  /** 1-based line of the offending key or value, when known. */
  readonly line?: number;
  /** 1-based column (UTF-16 code units) of the offending key or value, when known. */
  readonly column?: number;
  readonly path: DocumentPath;
  /** What was expected and what was found. */
  readonly message: string;
  readonly code: string;
  /** A likely fix, e.g. `did you mean "open"?`. */
  readonly hint?: string;
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A document path as a reader would write it: `segments[3].share`,
 * `schedule[1].set["channels.counter.opn"]`. The empty path is `(top level)`.
 */
export function formatPath(path: DocumentPath): string {
  if (path.length === 0) return '(top level)';
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (PLAIN_KEY.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** Where an issue is, as `file:line:column`, `file:line` or `file`. */
export function formatLocation(issue: ScenarioIssue): string {
  if (issue.line === undefined) return issue.file;
  return issue.column === undefined ? `${issue.file}:${issue.line}` : `${issue.file}:${issue.line}:${issue.column}`;
}

/**
 * The issues as text for a terminal, one block per issue:
 *
 *     scenarios/bad.yaml:12:5: segments[3].share: expected a number from 0 to 1, got 1.5
 *     scenarios/bad.yaml:20:5: channels.counter.opn: unknown field "opn"
 *       did you mean "open"?
 *
 * Cost O(total length). Never throws.
 */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.length === 0 ? '' : `${formatPath(issue.path)}: `;
      const head = `${formatLocation(issue)}: ${where}${issue.message}`;
      return issue.hint === undefined ? head : `${head}\n  ${issue.hint}`;
    })
    .join('\n');
}

/**
 * The issues in reading order: by file (in the order given, files not listed
 * last), then line, then column; issues without a line come after those with
 * one in the same file. Stable, and drops exact duplicates.
 */
export function sortIssues(issues: readonly ScenarioIssue[], files: readonly string[]): ScenarioIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((issue) => {
    const key = JSON.stringify([issue.file, issue.line, issue.column, issue.path, issue.code, issue.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const fileRank = (file: string): number => {
    const index = files.indexOf(file);
    return index === -1 ? files.length : index;
  };
  return unique
    .map((issue, order) => ({ issue, order }))
    .sort(
      (a, b) =>
        fileRank(a.issue.file) - fileRank(b.issue.file) ||
        (a.issue.line ?? Infinity) - (b.issue.line ?? Infinity) ||
        (a.issue.column ?? 0) - (b.issue.column ?? 0) ||
        a.order - b.order,
    )
    .map(({ issue }) => issue);
}
