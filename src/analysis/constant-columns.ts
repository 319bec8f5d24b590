/**
 * Which columns of a row-major table never vary: such a parameter has no
 * measurable effect, and left in a regression it would make it singular.
 */

/**
 * For each column of `rows` (all of the same length), whether every row holds the same value.
 * Cost O(rows · columns).
 * @example constantColumns([[1, 2], [1, 3]]) // [true, false]
 */
export function constantColumns(rows: readonly (readonly number[])[]): boolean[] {
  const first = rows[0];
  if (first === undefined) return [];
  return first.map((value, j) => rows.every((row) => row[j] === value));
}
