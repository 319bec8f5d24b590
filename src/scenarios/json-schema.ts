/**
 * The JSON Schemas of scenario and sweep files, generated from the zod
 * schemas, for editors (`# yaml-language-server: $schema=…` at the top of a
 * file) and the documentation (docs/scenario.schema.json, docs/sweep.schema.json).
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';
import { sweepSchema } from './sweep/sweep-schema.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = { readonly [key: string]: unknown };

/** A JSON Schema node as generated: only the keywords the rewrites below read. */
interface Node {
  [keyword: string]: unknown;
  type?: unknown;
  required?: string[];
  properties?: Record<string, Node>;
  items?: Node;
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node without any `required`, at any depth (properties and list items). */
function withoutRequired(node: Node): Node {
  const { required: _dropped, properties, items, ...rest } = node;
  const copy: Node = { ...rest };
  if (properties !== undefined) copy.properties = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, withoutRequired(child)]));
  if (isNode(items)) copy.items = withoutRequired(items);
  return copy;
}

/** Whether an overlay adds nothing. */
const isEmpty = (overlay: Node): boolean => Object.keys(overlay).length === 0;

/** Whether a list's entries merge by id under `extends` (districts, segments, services). */
const isIdList = (node: Node): boolean => isNode(node.items) && node.items.properties?.['id'] !== undefined;

/**
 * Only the `required` keywords of `node`, and the `properties`/`items`
 * leading to them: laid over the relaxed schema, it puts back every
 * requirement of a file that stands alone. A standalone file cannot remove
 * list entries, so `remove` is refused there.
 */
function requiredOverlay(node: Node): Node {
  const overlay: Node = {};
  if (node.required !== undefined && node.required.length > 0) overlay.required = [...node.required];
  if (node.properties !== undefined) {
    const properties: Record<string, Node> = {};
    for (const [key, child] of Object.entries(node.properties)) {
      const childOverlay = requiredOverlay(child);
      if (!isEmpty(childOverlay)) properties[key] = childOverlay;
    }
    if (Object.keys(properties).length > 0) overlay.properties = properties;
  }
  if (isNode(node.items)) {
    const items = requiredOverlay(node.items);
    if (isIdList(node)) items.not = { required: ['remove'] };
    if (!isEmpty(items)) overlay.items = items;
  }
  return overlay;
}

/**
 * What a file that `extends` another must still give: mappings merge deeply,
 * so none of their fields is required; an entry of a list merged by id needs
 * its `id` only; a list replaced whole (schedule) needs complete entries.
 */
function extendingOverlay(node: Node): Node {
  const overlay: Node = {};
  if (node.properties !== undefined) {
    const properties: Record<string, Node> = {};
    for (const [key, child] of Object.entries(node.properties)) {
      const childOverlay = extendingOverlay(child);
      if (!isEmpty(childOverlay)) properties[key] = childOverlay;
    }
    if (Object.keys(properties).length > 0) overlay.properties = properties;
  }
  if (isNode(node.items)) {
    if (isIdList(node)) overlay.items = { ...extendingOverlay(node.items), required: ['id'] };
    else {
      const items = requiredOverlay(node.items);
      if (!isEmpty(items)) overlay.items = items;
    }
  }
  return overlay;
}

/** Lets the entries of the lists merged by id carry `remove: true`, as a file that extends another may. */
function allowRemove(node: Node): Node {
  const properties = node.properties === undefined ? undefined : Object.fromEntries(Object.entries(node.properties).map(([key, child]) => [key, allowRemove(child)]));
  const copy: Node = { ...node, ...(properties === undefined ? {} : { properties }) };
  if (isIdList(node) && isNode(node.items)) {
    const items = allowRemove(node.items);
    copy.items = {
      ...items,
      properties: {
        ...items.properties,
        remove: { type: 'boolean', const: true, description: 'only in a file that extends another: removes the inherited entry with this id (give the id alone)' },
      },
    };
  } else if (isNode(node.items)) copy.items = allowRemove(node.items);
  return copy;
}

/**
 * The JSON Schema of a scenario file as written: fields with defaults are
 * optional, each field keeps its `description` and, where it has one, its
 * `unit` (zod copies `.meta()` into the schema); `extends` and `$schema` are
 * allowed. A file with `extends` holds only what it changes, so the
 * requirements are conditional: `if` the file has `extends`, `then` only the
 * ids of entries of districts, segments and services (and complete schedule
 * entries) are required, `else` every required field is. Cost: one walk of
 * the zod schema.
 */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as Node;
  const { $schema, ...structure } = generated;
  return {
    $schema,
    title: 'dgsim scenario',
    description: 'A dgsim scenario: population segments, districts, services, channel choice, trust dynamics and a time-phased government policy.',
    ...withoutRequired(allowRemove(structure)),
    if: { required: ['extends'] },
    then: extendingOverlay(structure),
    else: requiredOverlay(structure),
  };
}

/** zod names its shared definitions `__schema0`, …; the sweep schema's one is any JSON value. */
function renameDefinitions(text: string): string {
  return text.replaceAll('__schema0', 'jsonValue');
}

/**
 * The JSON Schema of a sweep file (`dgsim sweep`): base scenario, overrides,
 * parameters, design, replications and seeds. Cost: one walk of the zod schema.
 */
export function sweepJsonSchema(): JsonSchema {
  const generated = JSON.parse(renameDefinitions(JSON.stringify(z.toJSONSchema(sweepSchema, { io: 'input', target: 'draft-2020-12' })))) as Node;
  const { $schema, ...structure } = generated;
  return {
    $schema,
    title: 'dgsim sweep',
    description: 'A dgsim sweep: a base scenario, the fields to vary, an experimental design (grid, list, csv, lhs, morris, saltelli), replications and seeds.',
    ...structure,
  };
}
