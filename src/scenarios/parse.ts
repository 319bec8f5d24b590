/**
 * Parsing and validating a scenario file, without a file system (the browser
 * explorer uses this module directly; `load.ts` adds the file system):
 *
 *   bytes ──► decodeUtf8 ──► text ──► YAML parseDocument ──► located tree (one per file)
 *         ──► extends: read the base through ReadFile, resolve its own extends, merge (child over base)
 *         ──► plain value ──► zod scenarioSchema ──► cross-field checks ──► schedule checks
 *         ──► Scenario | issues (file, line, column, document path, message, code)
 *
 * Every stage returns issues instead of throwing. Validation runs once, on
 * the merged document; each value keeps the position of the file that wrote
 * it, so issues point into that file.
 */
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { crossFieldIssues } from './cross-checks.js';
import { sortIssues, type ScenarioIssue } from './issues.js';
import { mergeLocated } from './merge.js';
import { describeValue, message } from './messages.js';
import { scheduleIssues } from './schedule-issues.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { locateDocument, toPlain, type Located } from './source-map.js';
import { fromZodIssues } from './zod-issues.js';

/** What a ReadFile returns: the file's content under the name issues will use, or why it cannot be read. */
export type SourceFile =
  | {
      readonly ok: true;
      /** The name issues use for this file (e.g. a path relative to the working directory). */
      readonly file: string;
      /** The identity of the file for cycle detection (e.g. its real path); defaults to `file`. */
      readonly key?: string;
      /** Text, or bytes to decode as UTF-8. */
      readonly content: string | Uint8Array;
    }
  | {
      readonly ok: false;
      readonly file: string;
      readonly key?: string;
      readonly reason: 'not-found' | 'unreadable';
      /** What went wrong when unreadable, e.g. "it is a directory". */
      readonly detail?: string;
    };

/**
 * Reads the file an `extends:` names: `reference` as written, relative to
 * `fromFile` (the name of the extending file, as a SourceFile gave it).
 */
export type ReadFile = (reference: string, fromFile: string) => SourceFile;

/** A validated scenario with the files it was read from (the file first, then the files it extends), or the issues. */
export type ParseResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly files: string[] }
  | { readonly ok: false; readonly issues: ScenarioIssue[] };

/** Longest `extends` chain followed. */
export const MAX_EXTENDS_DEPTH = 32;

/**
 * The text of UTF-8 bytes (a leading byte-order mark is dropped), or an
 * `invalid_utf8` issue at the first byte that is not UTF-8. Cost O(n log n)
 * when invalid (the bad byte is found by bisection), O(n) otherwise.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; issue: ScenarioIssue } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The longest prefix that decodes (an incomplete character at its end is allowed) ends at the bad byte.
    const decodes = (length: number): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let good = 0;
    let bad = bytes.length + 1;
    while (bad - good > 1) {
      const middle = Math.floor((good + bad) / 2);
      if (decodes(middle)) good = middle;
      else bad = middle;
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(good, bytes.length)));
    const lines = before.split('\n');
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const hint = message.invalidUtf8Hint(utf16);
    return {
      ok: false,
      issue: {
        file,
        line: lines.length,
        column: (lines[lines.length - 1] ?? '').length + 1,
        path: [],
        message: message.invalidUtf8(),
        code: 'invalid_utf8',
        ...(hint === undefined ? {} : { hint }),
      },
    };
  }
}

type MapNode = Located & { kind: 'map' };

/** One file's document as a located mapping, or the issues that stop it being one. */
function readDocument(content: string | Uint8Array, file: string): { ok: true; root: MapNode } | { ok: false; issues: ScenarioIssue[] } {
  let text: string;
  if (typeof content === 'string') {
    text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  } else {
    const decoded = decodeUtf8(content, file);
    if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
    text = decoded.text;
  }
  return readMappingText(text, file, {
    empty: message.emptyFile,
    notMapping: (root) => message.notAMapping(root.kind === 'scalar' ? describeValue(root.value, root.source) : 'a list'),
  });
}

/**
 * YAML text as a located mapping, or the issues that stop it being one
 * (syntax errors with their line, an empty file, a top level that is not a
 * mapping). Shared by scenario and sweep files; `messages` words the last two.
 */
export function readMappingText(
  text: string,
  file: string,
  messages: { readonly empty: () => string; readonly notMapping: (root: Located) => string },
): { ok: true; root: MapNode } | { ok: false; issues: ScenarioIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      issues: problems.map((problem) => {
        const { line, col } = lineCounter.linePos(problem.pos[0]);
        const key = problem.code === 'DUPLICATE_KEY' ? keyAt(doc, problem.pos[0]) : undefined;
        return { file, line, column: col, path: [], message: message.yamlSyntax(problem.code, problem.message, key), code: 'yaml_syntax' };
      }),
    };
  }
  // An empty file has no place in it but its start: line 1, so the issue still reads `file:1: …`.
  if (doc.contents === null) return { ok: false, issues: [{ file, line: 1, path: [], message: messages.empty(), code: 'empty_file' }] };
  const located = locateDocument(doc, text, lineCounter, file);
  if (located.root === undefined) return { ok: false, issues: located.issues };
  const root = located.root;
  if (root.kind !== 'map') {
    return { ok: false, issues: [{ file, line: root.at.line, column: root.at.column, path: [], message: messages.notMapping(root), code: 'not_a_mapping' }] };
  }
  if (located.issues.length > 0) return { ok: false, issues: located.issues };
  return { ok: true, root };
}

/** The text of the mapping key that starts at `offset`, if any. */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range?.[0] === offset) {
        key = String(pair.key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return key;
}

/** A reference that names something other than a local file: `https://…`, `file:…`, `//host/…`. */
function looksLikeUrl(reference: string): boolean {
  return reference.includes('://') || /^[A-Za-z][A-Za-z0-9+.-]+:/.test(reference) || reference.startsWith('//');
}

interface Resolution {
  readonly readFile: ReadFile | undefined;
  /** Every file seen, in the order read (for sorting issues). */
  readonly seen: string[];
}

/** A file's document with its `extends` chain resolved and merged, and the files of the chain. */
function resolveDocument(
  content: string | Uint8Array,
  file: string,
  chain: readonly { file: string; key: string }[],
  context: Resolution,
): { ok: true; root: Located; files: string[] } | { ok: false; issues: ScenarioIssue[] } {
  context.seen.push(file);
  const document = readDocument(content, file);
  if (!document.ok) return document;
  const { root } = document;
  const reference = root.entries.get('extends');
  if (reference === undefined) return { ok: true, root, files: [file] };
  const own: Located = { kind: 'map', at: root.at, entries: new Map([...root.entries].filter(([key]) => key !== 'extends')) };
  const fail = (code: string, text: string): { ok: false; issues: ScenarioIssue[] } => ({
    ok: false,
    issues: [{ file, line: reference.at.line, column: reference.at.column, path: ['extends'], message: text, code }],
  });
  if (reference.kind !== 'scalar' || typeof reference.value !== 'string' || reference.value.trim() === '') {
    return fail('extends_invalid', message.extendsInvalid(reference.kind === 'scalar' ? describeValue(reference.value, reference.source) : reference.kind === 'seq' ? 'a list' : 'a mapping'));
  }
  const name = reference.value.trim();
  if (looksLikeUrl(name)) return fail('extends_url', message.extendsUrl(name));
  if (context.readFile === undefined) return fail('extends_unavailable', message.extendsUnavailable(name));
  if (chain.length >= MAX_EXTENDS_DEPTH) return fail('extends_too_deep', message.extendsTooDeep(MAX_EXTENDS_DEPTH));
  const read = context.readFile(name, file);
  const key = read.key ?? read.file;
  const repeat = chain.findIndex((link) => link.key === key);
  if (repeat !== -1) return fail('extends_cycle', message.extendsCycle([...chain.slice(repeat).map((link) => link.file), read.file]));
  if (!read.ok) {
    return read.reason === 'not-found'
      ? fail('extends_not_found', message.extendsNotFound(name, read.file))
      : fail('file_unreadable', message.extendsUnreadable(name, read.detail ?? 'unreadable'));
  }
  const base = resolveDocument(read.content, read.file, [...chain, { file: read.file, key }], context);
  if (!base.ok) return base;
  const issues: ScenarioIssue[] = [];
  const merged = mergeLocated(base.root, own, [], scenarioSchema, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, root: merged, files: [file, ...base.files] };
}

/**
 * Parses and validates a scenario from its content (text, or bytes decoded
 * as UTF-8), following `extends` through `readFile`. `file` names the
 * content in issues; `key` identifies it for cycle detection (defaults to
 * `file`). Never throws.
 */
export function parseScenarioSource(content: string | Uint8Array, file: string, readFile?: ReadFile, key: string = file): ParseResult {
  const context: Resolution = { readFile, seen: [] };
  const resolved = resolveDocument(content, file, [{ file, key }], context);
  if (!resolved.ok) return { ok: false, issues: sortIssues(resolved.issues, context.seen) };
  const { root, files } = resolved;
  const extended = files.length > 1;
  const parsed = scenarioSchema.safeParse(toPlain(root), { reportInput: true });
  if (!parsed.success) {
    const issues = fromZodIssues(parsed.error.issues, { schema: scenarioSchema, prefix: [], root, documentSchema: scenarioSchema, extended });
    return { ok: false, issues: sortIssues(issues, files) };
  }
  const issues = [...crossFieldIssues(parsed.data, root), ...scheduleIssues(parsed.data, root, extended)];
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues, files) };
  // `$schema` (an editor hint) and `extends` (resolved) are about the file, not the scenario.
  const { $schema: _schema, extends: _extends, ...scenario } = parsed.data;
  return { ok: true, scenario, files };
}

/**
 * Parses and validates scenario text (YAML, or JSON, which is YAML) named
 * `file` in issues. `extends` is followed through `readFile`; without one, a
 * file that extends another gives an `extends_unavailable` issue. Never throws.
 *
 * @example
 * const result = parseScenarioText(text, 'my.yaml');
 * if (!result.ok) console.error(formatIssues(result.issues));
 */
export function parseScenarioText(text: string, file: string, readFile?: ReadFile): ParseResult {
  return parseScenarioSource(text, file, readFile);
}
