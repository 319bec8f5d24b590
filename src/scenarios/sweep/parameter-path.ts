/**
 * Parameter paths: where in a scenario a sweep sets a value.
 *
 *     policy.channels.counter.capacityPerDayPer1000     fields, by name
 *     segments[id=75plus-low-outer].needsPerYear        an entry of a list, by id
 *     segments[3].share                                 an entry of a list, by index
 *     policy.automation.errorMultiplierByAge["75+"]     a key of a mapping, quoted
 *
 * A path is parsed once, then resolved against the base scenario and its
 * schema into a concrete document path (ids become indexes), so a worker can
 * set values without searching. Resolving checks that every step exists, with
 * a did-you-mean where a name looks misspelt.
 */
import { didYouMean } from '../did-you-mean.js';
import type { DocumentPath } from '../issues.js';
import { knownKeys, unwrap, type AnySchema } from '../schema-walk.js';
import type { z } from 'zod';
import { sweepMessage } from './messages.js';

/** One step of a parameter path. */
export type PathStep = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'id'; readonly id: string };

/** A problem with a path: what is wrong, and a likely fix. */
export interface PathProblem {
  readonly message: string;
  readonly hint?: string;
}

const BARE_KEY = /^[^.[\]"\s]+/;

/**
 * The steps of a path as written, or what is wrong with its syntax.
 * Cost O(length).
 * @example parseParameterPath('segments[id=a].share') // { ok: true, steps: [key segments, id a, key share] }
 */
export function parseParameterPath(text: string): { ok: true; steps: PathStep[] } | { ok: false; problem: PathProblem } {
  const steps: PathStep[] = [];
  let rest = text;
  const fail = (detail: string): { ok: false; problem: PathProblem } => ({ ok: false, problem: { message: sweepMessage.pathSyntax(text, detail), hint: sweepMessage.pathSyntaxHint() } });
  let first = true;
  while (rest.length > 0) {
    if (rest.startsWith('[')) {
      const close = rest.startsWith('["') ? closingQuote(rest) : rest.indexOf(']');
      if (close === -1) return fail('a "[" is not closed');
      const inside = rest.slice(1, close);
      rest = rest.slice(close + 1);
      if (/^\d+$/.test(inside)) steps.push({ kind: 'index', index: Number(inside) });
      else if (inside.startsWith('id=') && inside.length > 3) steps.push({ kind: 'id', id: inside.slice(3) });
      else if (inside.startsWith('"')) {
        let key: unknown;
        try {
          key = JSON.parse(inside);
        } catch {
          return fail(`${inside} is not a valid quoted key`);
        }
        if (typeof key !== 'string') return fail(`${inside} is not a quoted key`);
        steps.push({ kind: 'key', key });
      } else return fail(`[${inside}] is neither an index ([3]), an id ([id=…]) nor a quoted key (["…"])`);
    } else {
      if (!first) {
        if (!rest.startsWith('.')) return fail(`expected "." or "[" before ${JSON.stringify(rest)}`);
        rest = rest.slice(1);
      }
      const match = BARE_KEY.exec(rest);
      if (match === null) return fail(rest.length === 0 ? 'it ends with "."' : `expected a field name before ${JSON.stringify(rest)}`);
      steps.push({ kind: 'key', key: match[0] });
      rest = rest.slice(match[0].length);
    }
    first = false;
  }
  if (steps.length === 0) return fail('it is empty');
  return { ok: true, steps };
}

/** Index of the `]` that closes `["…"]` at the start of `text`, or −1. */
function closingQuote(text: string): number {
  for (let i = 2; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return text[i + 1] === ']' ? i + 1 : -1;
  }
  return -1;
}

/** A path as written, from its steps. */
export function formatSteps(steps: readonly PathStep[]): string {
  let text = '';
  for (const step of steps) {
    if (step.kind === 'index') text += `[${step.index}]`;
    else if (step.kind === 'id') text += `[id=${step.id}]`;
    else if (BARE_KEY.exec(step.key)?.[0] === step.key) text += text === '' ? step.key : `.${step.key}`;
    else text += `[${JSON.stringify(step.key)}]`;
  }
  return text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown, schema: AnySchema | undefined): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'a mapping';
  if (value === undefined && schema !== undefined) {
    const type = unwrap(schema)._zod.def.type;
    if (type === 'array') return 'a list';
    if (type === 'object' || type === 'record') return 'a mapping';
  }
  return typeof value === 'number' ? 'a number' : typeof value === 'string' ? 'a string' : typeof value === 'boolean' ? 'true or false' : 'a value';
}

/**
 * The concrete document path of `steps` in `scenario` (ids become indexes),
 * or what does not exist. A field the schema knows but the scenario leaves
 * out (an optional field) resolves: setting it creates it. `schema` is the
 * scenario's schema. Cost O(steps · entries of the lists crossed).
 */
export function resolveParameterPath(scenario: unknown, steps: readonly PathStep[], schema: AnySchema): { ok: true; path: DocumentPath } | { ok: false; problem: PathProblem } {
  const path: DocumentPath = [];
  let value: unknown = scenario;
  let current: AnySchema | undefined = schema;
  for (const [index, step] of steps.entries()) {
    const where = index === 0 ? 'the scenario' : formatSteps(steps.slice(0, index));
    const inner: AnySchema | undefined = current === undefined ? undefined : unwrap(current);
    const type = inner?._zod.def.type;
    if (step.kind === 'key') {
      if (type === 'object' && inner !== undefined) {
        const known: string[] = knownKeys(inner) ?? [];
        if (!known.includes(step.key)) {
          const suggestion = didYouMean(step.key, known);
          return { ok: false, problem: { message: sweepMessage.unknownField(step.key, where), hint: suggestion === undefined ? sweepMessage.knownNames('fields', known) : sweepMessage.didYouMean(suggestion) } };
        }
        current = (inner._zod.def as z.core.$ZodObjectDef).shape[step.key];
      } else if (type === 'record' && inner !== undefined) {
        current = (inner._zod.def as z.core.$ZodRecordDef).valueType;
      } else {
        return { ok: false, problem: { message: sweepMessage.notAMapping(where, kindOf(value, current), step.key), ...(type === 'array' ? { hint: sweepMessage.selectEntryHint() } : {}) } };
      }
      value = isPlainObject(value) ? value[step.key] : undefined;
      path.push(step.key);
      continue;
    }
    if (type !== 'array' || inner === undefined) return { ok: false, problem: { message: sweepMessage.notAList(where, kindOf(value, current)) } };
    const items = Array.isArray(value) ? value : [];
    current = (inner._zod.def as z.core.$ZodArrayDef).element;
    if (step.kind === 'index') {
      if (step.index >= items.length) return { ok: false, problem: { message: sweepMessage.indexOutOfRange(where, step.index, items.length) } };
      value = items[step.index];
      path.push(step.index);
      continue;
    }
    const ids = items.map((item) => (isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined));
    const found = ids.indexOf(step.id);
    if (found === -1) {
      const known = ids.filter((id): id is string => id !== undefined);
      const suggestion = didYouMean(step.id, known);
      return { ok: false, problem: { message: sweepMessage.unknownId(where, step.id), hint: suggestion === undefined ? sweepMessage.knownNames('ids', known) : sweepMessage.didYouMean(suggestion) } };
    }
    value = items[found];
    path.push(found);
  }
  return { ok: true, path };
}

/**
 * Sets `value` at `path` in `target`, in place, creating mappings that are
 * missing on the way. When both the value there and `value` are mappings,
 * `value` merges into it (recursively); anything else replaces it.
 * The caller owns `target` (clone first). Cost O(path length + size of value).
 * @throws Error when the path crosses something that is not a mapping or list (a resolved path never does).
 */
export function setAtPath(target: unknown, path: DocumentPath, value: unknown): void {
  if (path.length === 0) throw new Error('cannot set the whole scenario');
  let node: unknown = target;
  for (const [index, key] of path.entries()) {
    const last = index === path.length - 1;
    if (typeof key === 'number') {
      if (!Array.isArray(node)) throw new Error(`not a list at step ${index} of the path`);
      if (last) node[key] = mergeValue(node[key], value);
      else node = node[key];
    } else {
      if (!isPlainObject(node)) throw new Error(`not a mapping at step ${index} of the path`);
      if (last) {
        Object.defineProperty(node, key, { value: mergeValue(node[key], value), writable: true, enumerable: true, configurable: true });
      } else {
        if (node[key] === undefined) Object.defineProperty(node, key, { value: {}, writable: true, enumerable: true, configurable: true });
        node = node[key];
      }
    }
  }
}

function mergeValue(existing: unknown, value: unknown): unknown {
  if (!isPlainObject(existing) || !isPlainObject(value)) return structuredClone(value);
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, inner] of Object.entries(value)) {
    Object.defineProperty(merged, key, { value: mergeValue(merged[key], inner), writable: true, enumerable: true, configurable: true });
  }
  return merged;
}
