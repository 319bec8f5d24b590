/**
 * The scenario schema as a tree of documented fields: for each field its
 * path, what it accepts, its default, unit and description, read from the
 * zod schema (`.meta({ description, unit })`). docs/scenario-reference.md
 * and the comments `dgsim init` writes are made from it, so neither can say
 * something the schema does not.
 */
import { z } from 'zod';
import { describeExpected } from './messages.js';
import { unwrap, type AnySchema } from './schema-walk.js';

/** One field of a mapping in the schema, with its own fields when it is a mapping or a list of mappings. */
export interface SchemaField {
  /** The field's name in its mapping. */
  readonly key: string;
  /** Where it sits, e.g. `policy.channels.counter.open` or `segments[].share` (`[]`: any entry of a list). */
  readonly path: string;
  /** What the field holds, in words: `number`, `integer`, `boolean`, `string`, `one of …`, `list of mappings`, `mapping`, … */
  readonly type: string;
  /** What values are allowed, as the loader's messages say it (e.g. `a number from 0 to 1`). */
  readonly allowed: string;
  /** The value used when the field is left out; undefined when there is none. */
  readonly defaultValue?: unknown;
  /** Whether a file must give the field (no default and not optional). */
  readonly required: boolean;
  readonly description?: string;
  readonly unit?: string;
  /** The fields of a mapping, or of each entry of a list of mappings. */
  readonly fields?: readonly SchemaField[];
  /** Whether `fields` describe the entries of a list (districts, segments, …) rather than a mapping. */
  readonly isList: boolean;
}

interface Documentation {
  readonly description?: string;
  readonly unit?: string;
}

/** The first `{ description, unit }` met from the outermost wrapper in. */
function documentation(schema: AnySchema): Documentation {
  let current: AnySchema | undefined = schema;
  while (current !== undefined) {
    const meta = z.globalRegistry.get(current as z.ZodType) as { description?: unknown; unit?: unknown } | undefined;
    if (meta !== undefined && typeof meta.description === 'string') {
      return { description: meta.description, ...(typeof meta.unit === 'string' ? { unit: meta.unit } : {}) };
    }
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    current = def.type === 'pipe' ? def.in : def.innerType;
  }
  return {};
}

/** The default of the outermost `default` wrapper, and whether the field may be left out. */
function defaultOf(schema: AnySchema): { hasDefault: boolean; value?: unknown; optional: boolean } {
  let current: AnySchema | undefined = schema;
  while (current !== undefined) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; defaultValue?: unknown };
    if (def.type === 'default') return { hasDefault: true, value: structuredClone(def.defaultValue), optional: true };
    // A prefault ({}) section: its fields' own defaults apply.
    if (def.type === 'prefault' || def.type === 'optional') return { hasDefault: false, optional: true };
    if (def.type !== 'nullable' && def.type !== 'readonly') return { hasDefault: false, optional: false };
    current = def.innerType;
  }
  return { hasDefault: false, optional: false };
}

/** The type of a schema in a word or three. */
function typeWord(schema: AnySchema): string {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  switch (def.type) {
    case 'number': {
      const formats = (def.checks ?? []).map((check) => (check._zod.def as { format?: string }).format);
      return formats.some((format) => format !== undefined && /int/.test(format)) ? 'integer' : 'number';
    }
    case 'enum':
    case 'literal':
      return 'enum';
    case 'array': {
      const element = unwrap((def as z.core.$ZodArrayDef).element);
      const word = element._zod.def.type === 'object' ? 'mappings' : `${typeWord(element)}s`;
      return `list of ${word}`;
    }
    case 'record':
      return `mapping of ${typeWord((def as z.core.$ZodRecordDef).valueType)}s`;
    case 'object':
      return 'mapping';
    case 'unknown':
      return 'value';
    default:
      return def.type;
  }
}

/**
 * The documented fields of an object schema, in schema order, each with its
 * own fields when it is a mapping or a list of mappings. `$schema` (an
 * editor's hint, not a scenario field) is left out. Cost O(schema size).
 *
 * @example schemaFields(scenarioSchema).find((f) => f.key === 'horizonMonths')?.defaultValue === 36
 */
export function schemaFields(schema: AnySchema, prefix = ''): SchemaField[] {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'object') return [];
  const shape = (inner._zod.def as z.core.$ZodObjectDef).shape;
  const fields: SchemaField[] = [];
  for (const [key, field] of Object.entries(shape)) {
    if (key === '$schema') continue;
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const fieldInner = unwrap(field);
    const { hasDefault, value, optional } = defaultOf(field);
    const { description, unit } = documentation(field);
    let children: SchemaField[] | undefined;
    let isList = false;
    if (fieldInner._zod.def.type === 'object') children = schemaFields(fieldInner, path);
    if (fieldInner._zod.def.type === 'array') {
      const element = unwrap((fieldInner._zod.def as z.core.$ZodArrayDef).element);
      if (element._zod.def.type === 'object') {
        children = schemaFields(element, `${path}[]`);
        isList = true;
      }
    }
    fields.push({
      key,
      path,
      type: typeWord(field),
      allowed: describeExpected(field),
      required: !optional,
      isList,
      ...(hasDefault ? { defaultValue: value } : {}),
      ...(description === undefined ? {} : { description }),
      ...(unit === undefined ? {} : { unit }),
      ...(children === undefined ? {} : { fields: children }),
    });
  }
  return fields;
}

/** Every field of the tree, depth first, parents before their fields. */
export function flattenFields(fields: readonly SchemaField[]): SchemaField[] {
  return fields.flatMap((field) => [field, ...flattenFields(field.fields ?? [])]);
}
