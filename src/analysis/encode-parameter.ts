/**
 * Sweep parameters as numbers, since every analysis works on numbers:
 * numbers stay as they are, yes/no becomes 0/1, and any other value (a
 * text, a list) becomes the code 0, 1, 2 … of its position in the
 * parameter's list of values (or, without a list, its order of first
 * appearance). The codes keep their meaning for people in `categories`.
 */

/** How a parameter's values became numbers. */
export type ParameterEncoding = 'number' | 'boolean' | 'category';

/** A parameter's values as numbers, and how to read the numbers back. */
export interface EncodedParameter {
  readonly encoding: ParameterEncoding;
  /** For boolean and category encodings: the text of code 0, 1, 2 …; null for numbers. */
  readonly categories: readonly string[] | null;
  /** One number per value given. */
  readonly codes: readonly number[];
}

/** A value's text for people and for matching: strings as they are, others as JSON. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
}

/**
 * Encodes one parameter's values (one per design point). `domainValues`,
 * the parameter's list of values when it has one, fixes the category codes so
 * they follow the order the sweep file gives.
 * Cost O(values + domain values).
 * @example encodeParameter([true, false, true]) // { encoding: 'boolean', categories: ['false', 'true'], codes: [1, 0, 1] }
 * @example encodeParameter(['b', 'a'], ['a', 'b']) // { encoding: 'category', categories: ['a', 'b'], codes: [1, 0] }
 */
export function encodeParameter(values: readonly unknown[], domainValues?: readonly unknown[]): EncodedParameter {
  const all = domainValues === undefined ? values : [...domainValues, ...values];
  if (all.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return { encoding: 'number', categories: null, codes: values as readonly number[] };
  }
  if (all.every((value) => typeof value === 'boolean')) {
    return { encoding: 'boolean', categories: ['false', 'true'], codes: values.map((value) => (value === true ? 1 : 0)) };
  }
  const categories: string[] = [];
  const codeOf = new Map<string, number>();
  for (const value of all) {
    const text = valueText(value);
    if (!codeOf.has(text)) {
      codeOf.set(text, categories.length);
      categories.push(text);
    }
  }
  return { encoding: 'category', categories, codes: values.map((value) => codeOf.get(valueText(value))!) };
}
