/**
 * The JSON Schema of a scenario file, generated from the zod schema, for
 * editors (`$schema:` at the top of a file) and the documentation.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * The JSON Schema of a scenario file as written: fields with defaults are
 * optional, each field keeps its `description` and, where it has one, its
 * `unit` (zod copies `.meta()` into the schema). `extends` and `$schema` are
 * allowed. A file that uses `extends` holds only what it changes, so an
 * editor may flag its missing required fields; the loader does not. Cost: one
 * walk of the zod schema.
 */
export function scenarioJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...generated,
    title: 'dgsim scenario',
    description: 'A dgsim scenario: population segments, districts, services, channel choice, trust dynamics and a time-phased government policy.',
  };
}
