/**
 * Canonical JSON: the same value always gives the same text, so a hash of it
 * identifies the value. Mapping keys are sorted (by UTF-16 code units), lists
 * keep their order, no whitespace.
 */

/**
 * The canonical JSON text of a JSON-like value (objects, arrays, strings,
 * finite numbers, booleans, null; `undefined` properties are left out as
 * JSON.stringify does). Cost O(size · log keys).
 * @throws TypeError on a non-finite number, a bigint or a cycle, which have no JSON form.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (open.has(value)) throw new TypeError('canonicalJson: the value contains a cycle');
      open.add(value);
      const text = Array.isArray(value)
        ? `[${value.map((item: unknown) => (item === undefined ? 'null' : write(item, open))).join(',')}]`
        : `{${Object.keys(value)
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], open)}`)
            .join(',')}}`;
      open.delete(value);
      return text;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}
