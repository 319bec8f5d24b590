/**
 * The merge behind `extends`: a file's document laid over the document of
 * the file it extends.
 *
 * - mappings merge deeply, the extending file's values winning;
 * - lists are replaced whole, except lists of objects with an `id`
 *   (districts, segments, services), which merge by id: an entry with an id
 *   already present merges into that entry, a new id is appended, and
 *   `{ id: x, remove: true }` removes entry x.
 *
 * Every merged value keeps the position of the file that wrote it, so issues
 * point into the right file.
 */
import { didYouMean } from './did-you-mean.js';
import type { DocumentPath, ScenarioIssue } from './issues.js';
import { message } from './messages.js';
import { isIdList, schemaAt, type AnySchema } from './schema-walk.js';
import type { Located } from './source-map.js';

/**
 * `child` laid over `base`. `path` is where both sit in the document and
 * `schema` the schema of the whole document (it says which lists merge by
 * id). Problems with removals and repeated ids are pushed to `issues`; their
 * paths are paths in the extending file. Cost O(size of both).
 */
export function mergeLocated(base: Located, child: Located, path: DocumentPath, schema: AnySchema, issues: ScenarioIssue[]): Located {
  if (base.kind === 'map' && child.kind === 'map') {
    const entries = new Map(base.entries);
    for (const [key, value] of child.entries) {
      const inherited = entries.get(key);
      entries.set(key, inherited === undefined ? value : mergeLocated(inherited, value, [...path, key], schema, issues));
    }
    return { kind: 'map', at: child.at, entries };
  }
  if (base.kind === 'seq' && child.kind === 'seq' && isIdList(schemaAt(schema, path))) {
    return mergeById(base, child, path, schema, issues);
  }
  return child;
}

function idOf(node: Located): string | undefined {
  if (node.kind !== 'map') return undefined;
  const id = node.entries.get('id');
  return id?.kind === 'scalar' && typeof id.value === 'string' ? id.value : undefined;
}

function issueAt(node: Located, path: DocumentPath, code: string, text: string, hint?: string): ScenarioIssue {
  return { file: node.at.file, line: node.at.line, column: node.at.column, path, message: text, code, ...(hint === undefined ? {} : { hint }) };
}

function mergeById(base: Located & { kind: 'seq' }, child: Located & { kind: 'seq' }, path: DocumentPath, schema: AnySchema, issues: ScenarioIssue[]): Located {
  const items: (Located | undefined)[] = [...base.items];
  const indexById = new Map<string, number>();
  base.items.forEach((item, index) => {
    const id = idOf(item);
    if (id !== undefined && !indexById.has(id)) indexById.set(id, index);
  });
  const inheritedIds = [...indexById.keys()];
  const seen = new Set<string>();
  child.items.forEach((item, childIndex) => {
    const id = idOf(item);
    if (id === undefined || item.kind !== 'map') {
      items.push(item); // validation reports the missing or malformed id
      return;
    }
    const here = [...path, childIndex];
    if (seen.has(id)) {
      issues.push(issueAt(item.entries.get('id') ?? item, [...here, 'id'], 'duplicate_id', message.duplicateId(id, `an earlier entry of ${path.join('.')} in this file`)));
      return;
    }
    seen.add(id);
    const remove = item.entries.get('remove');
    if (remove?.kind === 'scalar' && remove.value === true) {
      if ([...item.entries.keys()].some((key) => key !== 'id' && key !== 'remove')) {
        issues.push(issueAt(remove, [...here, 'remove'], 'invalid_remove', message.invalidRemove()));
        return;
      }
      const index = indexById.get(id);
      if (index === undefined) {
        const suggestion = didYouMean(id, inheritedIds);
        const hint = suggestion === undefined ? message.knownNames('ids', inheritedIds) : message.didYouMean(suggestion);
        issues.push(issueAt(item.entries.get('id') ?? item, [...here, 'id'], 'remove_unknown_id', message.removeUnknownId(id), hint));
        return;
      }
      items[index] = undefined;
      indexById.delete(id);
      return;
    }
    const index = indexById.get(id);
    const inherited = index === undefined ? undefined : items[index];
    if (index === undefined || inherited === undefined) {
      indexById.set(id, items.length);
      items.push(item);
    } else {
      items[index] = mergeLocated(inherited, item, [...path, index], schema, issues);
    }
  });
  return { kind: 'seq', at: child.at, items: items.filter((item): item is Located => item !== undefined) };
}
