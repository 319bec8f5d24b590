/**
 * Reading the scenario schema as data: which schema governs a path in the
 * document, which fields a mapping knows, what range a number allows. The
 * loader uses it to say what was expected, to suggest field names and to
 * find the lists that merge by id.
 */
import type { z } from 'zod';
import type { DocumentPath } from './issues.js';

/** Any zod schema. */
export type AnySchema = z.core.$ZodType;

/** The schema without the wrappers that do not change what a value must look like (optional, default, prefault, nullable, readonly, catch, pipe input). */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    switch (def.type) {
      case 'optional':
      case 'default':
      case 'prefault':
      case 'nullable':
      case 'nonoptional':
      case 'readonly':
      case 'catch':
        current = (def as z.core.$ZodOptionalDef).innerType;
        break;
      case 'pipe':
        current = (def as z.core.$ZodPipeDef).in;
        break;
      default:
        return current;
    }
  }
}

/** The fields of an object schema (unwrapped), or undefined if it is not an object. */
export function objectShape(schema: AnySchema): Readonly<Record<string, AnySchema>> | undefined {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'object' ? (inner._zod.def as z.core.$ZodObjectDef).shape : undefined;
}

/** The field names an object schema knows, in schema order; undefined if it is not an object. */
export function knownKeys(schema: AnySchema): string[] | undefined {
  const shape = objectShape(schema);
  return shape === undefined ? undefined : Object.keys(shape);
}

/**
 * The schema that governs the value at `path` below `schema`, or undefined
 * when the path leaves the schema (an unknown field, an index into a
 * non-list). Cost O(path length).
 */
export function schemaAt(schema: AnySchema, path: DocumentPath): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const key of path) {
    if (current === undefined) return undefined;
    const inner = unwrap(current);
    const def = inner._zod.def;
    if (def.type === 'object' && typeof key === 'string') {
      const shape = (def as z.core.$ZodObjectDef).shape;
      current = Object.hasOwn(shape, key) ? shape[key] : undefined;
    } else if (def.type === 'array' && typeof key === 'number') {
      current = (def as z.core.$ZodArrayDef).element;
    } else if (def.type === 'record') {
      current = (def as z.core.$ZodRecordDef).valueType;
    } else {
      return undefined;
    }
  }
  return current;
}

/** Whether the schema is a list of objects with an `id` field, which `extends` merges by id. */
export function isIdList(schema: AnySchema | undefined): boolean {
  if (schema === undefined) return false;
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'array') return false;
  const shape = objectShape((inner._zod.def as z.core.$ZodArrayDef).element);
  return shape !== undefined && Object.hasOwn(shape, 'id');
}

/** The bounds a number schema allows: the tightest of its checks. */
export interface NumberBounds {
  readonly integer: boolean;
  readonly min?: number;
  readonly minInclusive: boolean;
  readonly max?: number;
  readonly maxInclusive: boolean;
}

/** The bounds of a number schema (unwrapped), or undefined if it is not a number. */
export function numberBounds(schema: AnySchema): NumberBounds | undefined {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'number') return undefined;
  let integer = false;
  let min: number | undefined;
  let minInclusive = true;
  let max: number | undefined;
  let maxInclusive = true;
  for (const check of inner._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; inclusive?: boolean; format?: string };
    const value = typeof def.value === 'number' ? def.value : undefined;
    const inclusive = def.inclusive !== false;
    if (def.check === 'number_format' && def.format !== undefined && /int/.test(def.format)) integer = true;
    if (def.check === 'greater_than' && value !== undefined && (min === undefined || value > min || (value === min && !inclusive))) {
      min = value;
      minInclusive = inclusive;
    }
    if (def.check === 'less_than' && value !== undefined && (max === undefined || value < max || (value === max && !inclusive))) {
      max = value;
      maxInclusive = inclusive;
    }
  }
  return { integer, minInclusive, maxInclusive, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The shortest and longest lengths a string or array schema allows. */
export function lengthBounds(schema: AnySchema): { min?: number; max?: number } {
  const inner = unwrap(schema);
  let min: number | undefined;
  let max: number | undefined;
  for (const check of inner._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; minimum?: unknown; maximum?: unknown };
    if (def.check === 'min_length' && typeof def.minimum === 'number') min = Math.max(min ?? 0, def.minimum);
    if (def.check === 'max_length' && typeof def.maximum === 'number') max = Math.min(max ?? Infinity, def.maximum);
  }
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}

/** The allowed values of an enum or literal schema, or undefined. */
export function enumValues(schema: AnySchema): readonly unknown[] | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def;
  if (def.type === 'enum') return Object.values((def as z.core.$ZodEnumDef).entries);
  if (def.type === 'literal') return (def as z.core.$ZodLiteralDef<z.core.util.Literal>).values;
  return undefined;
}
