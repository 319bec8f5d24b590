/**
 * Every message the scenario loader shows a user, in one place. A message
 * says what was expected and what was found; a hint says how to fix it.
 */
import type { z } from 'zod';
import { enumValues, lengthBounds, numberBounds, unwrap, type AnySchema } from './schema-walk.js';

/** A number as a reader would write it: 1e12 rather than 1000000000000. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) >= 1e6) return value.toExponential().replace('e+', 'e');
  return String(value);
}

function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A value as found in a document, e.g. `a string ("abc")`, `1.5`, `a list of 3 items`. `source`, the text as written, is shown for numbers (so `1e400` and `.inf` read as typed). */
export function describeValue(value: unknown, source?: string): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'nothing (an empty value)';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `a string (${quote(value)})`;
  if (typeof value === 'number') {
    // As written (1e20, 0.50) when known: easier to find than a re-formatted double.
    if (source !== undefined && /^[-+.\w]+$/.test(source)) return source;
    return Number.isFinite(value) ? formatNumber(value) : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${plural(value.length, 'item')}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function rangeText(min: number | undefined, minInclusive: boolean, max: number | undefined, maxInclusive: boolean): string {
  const low = min === undefined ? undefined : formatNumber(min);
  const high = max === undefined ? undefined : formatNumber(max);
  if (low !== undefined && high !== undefined) {
    if (minInclusive && maxInclusive) return ` from ${low} to ${high}`;
    return ` ${minInclusive ? 'of at least' : 'greater than'} ${low} and ${maxInclusive ? 'at most' : 'less than'} ${high}`;
  }
  if (low !== undefined) return ` ${minInclusive ? 'of at least' : 'greater than'} ${low}`;
  if (high !== undefined) return ` ${maxInclusive ? 'of at most' : 'less than'} ${high}`;
  return '';
}

/** What a schema expects, e.g. `a number from 0 to 1`, `a whole number from 1 to 120`, `one of "fixed", "recorded-demand"`. */
export function describeExpected(schema: AnySchema | undefined, options: { finite?: boolean } = {}): string {
  if (schema === undefined) return 'a value';
  const inner = unwrap(schema);
  const def = inner._zod.def;
  const numbers = numberBounds(inner);
  if (numbers !== undefined) {
    const noun = numbers.integer ? 'a whole number' : options.finite === true ? 'a finite number' : 'a number';
    return noun + rangeText(numbers.min, numbers.minInclusive, numbers.max, numbers.maxInclusive);
  }
  const values = enumValues(inner);
  if (values !== undefined) return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  switch (def.type) {
    case 'string': {
      const { min, max } = lengthBounds(inner);
      if (min === 1 && max === undefined) return 'a non-empty string';
      if (min !== undefined && max !== undefined) return `a string of ${min} to ${plural(max, 'character')}`;
      if (min !== undefined) return `a string of at least ${plural(min, 'character')}`;
      if (max !== undefined) return `a string of at most ${plural(max, 'character')}`;
      return 'a string';
    }
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array': {
      const element = unwrap((def as z.core.$ZodArrayDef).element);
      const elementType = element._zod.def.type;
      const of = elementType === 'object' ? ' of mappings' : elementType === 'string' ? ' of strings' : enumValues(element) !== undefined ? ` of ${describeExpected(element).replace(/^one of /, '')}` : '';
      const { min, max } = lengthBounds(inner);
      if (min !== undefined && max !== undefined) return `a list${of} with ${min} to ${plural(max, 'item')}`;
      if (min !== undefined) return `a list${of} with at least ${plural(min, 'item')}`;
      if (max !== undefined) return `a list${of} with at most ${plural(max, 'item')}`;
      return `a list${of}`;
    }
    default:
      return 'a value';
  }
}

const YAML_1_1_BOOLEANS = new Set(['yes', 'no', 'on', 'off', 'y', 'n']);

/** The messages of the loader, by situation. */
export const message = {
  // Reading and decoding
  fileNotFound: (file: string) => `cannot read ${quote(file, 200)}: no such file`,
  fileUnreadable: (file: string, reason: string) => `cannot read ${quote(file, 200)}: ${reason}`,
  invalidUtf8: () => 'the file is not valid UTF-8 text: save it as UTF-8',
  invalidUtf8Hint: (utf16: boolean) => (utf16 ? 'it starts with a UTF-16 byte-order mark: save it as UTF-8' : undefined),
  // YAML
  yamlSyntax: (yamlCode: string, yamlMessage: string, key: string | undefined) => {
    if (yamlCode === 'MULTIPLE_DOCS') return 'a scenario file holds one YAML document, but a second one starts here (a line with ---)';
    if (yamlCode === 'DUPLICATE_KEY') return key === undefined ? 'a key appears twice in the same mapping' : `the key ${quote(key)} appears twice in the same mapping`;
    if (yamlCode === 'TAG_RESOLVE_FAILED') {
      const tag = /tag:?\s*(\S+)/i.exec(yamlMessage)?.[1];
      return `unknown YAML tag${tag === undefined ? '' : ` ${tag}`}: scenario files use plain YAML without tags (to build on another file, use extends:)`;
    }
    return `invalid YAML: ${yamlMessage.replace(/\.$/, '')}`;
  },
  emptyFile: () => 'the file is empty: expected a mapping of scenario fields (name, districts, segments, services, …)',
  notAMapping: (found: string) => `expected a mapping of scenario fields (name: …, districts: …) at the top level, got ${found}`,
  complexKey: () => 'expected a plain key (a name), got a list or mapping used as a key',
  tooDeep: (max: number) => `the document nests deeper than ${max} levels`,
  tooLarge: (max: number) => `the document has more than ${formatNumber(max)} values (after expanding YAML aliases)`,
  // extends
  extendsInvalid: (found: string) => `expected the name of a local scenario file (a string) for extends, got ${found}`,
  extendsUrl: (reference: string) => `extends must name a local file relative to this one, but ${quote(reference, 200)} looks like a URL`,
  extendsNotFound: (reference: string, resolved: string) =>
    reference === resolved ? `cannot read the extended file ${quote(reference, 200)}: no such file` : `cannot read the extended file ${quote(reference, 200)} (looked for ${quote(resolved, 200)}): no such file`,
  extendsUnreadable: (reference: string, reason: string) => `cannot read the extended file ${quote(reference, 200)}: ${reason}`,
  extendsUnavailable: (reference: string) => `extends ${quote(reference, 200)} cannot be followed here: no file reader was given`,
  extendsCycle: (chain: readonly string[]) => `extends forms a cycle: ${chain.join(' → ')}`,
  extendsTooDeep: (max: number) => `extends chains more than ${max} files`,
  removeUnknownId: (id: string) => `cannot remove ${quote(id)}: the extended file has no entry with that id`,
  invalidRemove: () => 'an entry that removes an inherited one has only id and remove: true',
  removeNeedsBase: () => 'remove: true removes an entry inherited through extends, but this file does not extend another',
  mergeMissingId: () => 'missing id: entries of this list are merged with the extended file by id, so each needs one',
  // Validation
  missingField: (expected: string) => `missing required field: expected ${expected}`,
  expectedGot: (expected: string, found: string) => `expected ${expected}, got ${found}`,
  tooLargeNumber: (expected: string, source: string) => `expected ${expected}, got ${source}, which is too large to represent as a number`,
  unknownField: (key: string) => `unknown field ${quote(key)}`,
  // Hints
  didYouMean: (suggestion: string) => `did you mean ${quote(suggestion)}?`,
  knownNames: (what: string, names: readonly string[]) => {
    const unique = [...new Set(names)];
    return unique.length === 0 ? `there are no ${what}` : `known ${what}: ${unique.slice(0, 30).join(', ')}${unique.length > 30 ? ', …' : ''}`;
  },
  emptyValueHint: (hasDefault: boolean) => `the value is empty: write one after the colon${hasDefault ? ', or remove the line to use the default' : ''}`,
  quotedNumberHint: () => 'write numbers without quotes',
  quoteHint: (source: string) => `YAML reads ${source} as a ${/^(true|false)$/i.test(source) ? 'boolean' : 'number'}: write it in quotes, "${source}"`,
  yamlBooleanHint: (text: string) => (YAML_1_1_BOOLEANS.has(text.toLowerCase()) ? `YAML 1.2 reads ${text} as a string: write true or false` : undefined),
  // Cross-field checks
  sharesSum: (what: string, sum: number, count: number) => `the ${what} shares must sum to 1, but the ${plural(count, 'share')} sum to ${formatNumber(Number(sum.toPrecision(12)))}`,
  duplicateId: (id: string, first: string) => `duplicate id ${quote(id)}: already used by ${first}`,
  unknownReference: (what: string, id: string) => `no ${what} has the id ${quote(id)}`,
  unknownBand: (what: string, band: string) => `no segment has the ${what} band ${quote(band)}`,
  // Schedule
  scheduleValue: (text: string) => `invalid value: ${text}`,
  notAPolicyField: (dotted: string) => `${quote(dotted, 200)} is not a policy field`,
  notAGroup: (dotted: string) => `${quote(dotted, 200)} is a value, not a group of fields`,
  setWholeRecordHint: (group: string) => `a schedule cannot add one key to ${quote(group)}: set the whole mapping, e.g. ${quote(group)}: { … }`,
} as const;
