/**
 * Scenario documents with their source positions. A YAML (or JSON) document
 * becomes a tree of located values, each remembering the file, line and
 * column it was written at, so an issue found on the merged, validated
 * document can point back into the file that wrote the offending value.
 *
 * A value in a mapping is located at its key (`share: 1.5` points at
 * `share`); an item of a list at the item; the top level at its first token.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import type { DocumentPath, ScenarioIssue } from './issues.js';
import { message } from './messages.js';

/** A place in a source file: 1-based line and column. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A value of a scenario document with where it was written. */
export type Located =
  | { readonly kind: 'map'; readonly at: Position; readonly entries: ReadonlyMap<string, Located> }
  | { readonly kind: 'seq'; readonly at: Position; readonly items: readonly Located[] }
  | { readonly kind: 'scalar'; readonly at: Position; readonly value: unknown; /** the text as written, e.g. `.inf` */ readonly source: string };

/** Deeper nesting than this is refused (a scenario needs about 6 levels). */
export const MAX_DEPTH = 64;
/** More values than this are refused: guards against alias bombs. */
export const MAX_NODES = 100_000;

/**
 * The located tree of a parsed YAML document, or issues for what cannot be
 * represented (non-scalar keys, too deep, too many values after aliases).
 * The document must have contents (not empty). Cost O(values).
 */
export function locateDocument(
  doc: Document.Parsed,
  text: string,
  lineCounter: LineCounter,
  file: string,
): { root: Located; issues: ScenarioIssue[] } | { root?: undefined; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  let nodes = 0;
  let stop = false;
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const fail = (at: Position, path: DocumentPath, code: string, text: string): void => {
    issues.push({ file, line: at.line, column: at.column, path, message: text, code });
    stop = true;
  };
  const build = (node: unknown, at: Position, path: DocumentPath, depth: number): Located => {
    nodes++;
    if (nodes > MAX_NODES && !stop) fail(at, path, 'too_large', message.tooLarge(MAX_NODES));
    if (depth > MAX_DEPTH && !stop) fail(at, path, 'too_deep', message.tooDeep(MAX_DEPTH));
    if (stop) return { kind: 'scalar', at, value: null, source: '' };
    let target = node;
    if (isAlias(node)) target = node.resolve(doc);
    if (isMap(target)) {
      const entries = new Map<string, Located>();
      for (const pair of target.items) {
        const keyNode: unknown = pair.key;
        const keyAt = position(rangeStart(keyNode) ?? rangeStart(target) ?? 0);
        if (!isScalar(keyNode)) {
          issues.push({ file, line: keyAt.line, column: keyAt.column, path, message: message.complexKey(), code: 'invalid_key' });
          continue;
        }
        const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
        entries.set(key, build(pair.value, keyAt, [...path, key], depth + 1));
      }
      return { kind: 'map', at, entries };
    }
    if (isSeq(target)) {
      const items = target.items.map((item, index) => build(item, position(rangeStart(item) ?? rangeStart(target) ?? 0), [...path, index], depth + 1));
      return { kind: 'seq', at, items };
    }
    if (isScalar(target)) {
      const range = target.range;
      const source = range === undefined || range === null ? String(target.value) : text.slice(range[0], range[1]);
      return { kind: 'scalar', at, value: target.value, source };
    }
    // An empty value (`share:` with nothing after it) or an unresolvable alias.
    return { kind: 'scalar', at, value: null, source: '' };
  };
  const contents = doc.contents;
  const root = build(contents, position(rangeStart(contents) ?? 0), [], 0);
  return stop ? { issues } : { root, issues };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Partial<YamlNode> | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}

/** The plain value of a located tree (objects, arrays, scalars), as a YAML parser would return it. */
export function toPlain(node: Located): unknown {
  switch (node.kind) {
    case 'map':
      // fromEntries defines own properties, so a key such as "__proto__" stays data.
      return Object.fromEntries([...node.entries].map(([key, value]) => [key, toPlain(value)]));
    case 'seq':
      return node.items.map(toPlain);
    case 'scalar':
      return node.value;
  }
}

/**
 * The located value at `path`, or the deepest ancestor that exists (`found`
 * false) — a missing field is reported at the mapping that lacks it.
 */
export function locate(root: Located, path: DocumentPath): { node: Located; found: boolean } {
  let node = root;
  for (const key of path) {
    let next: Located | undefined;
    if (node.kind === 'map') next = node.entries.get(String(key));
    else if (node.kind === 'seq' && typeof key === 'number') next = node.items[key];
    if (next === undefined) return { node, found: false };
    node = next;
  }
  return { node, found: true };
}
