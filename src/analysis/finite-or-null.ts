/**
 * Numbers for JSON files: JSON has no NaN or Infinity, so a number that
 * could not be estimated is written as null, and the types say so.
 */

/**
 * `value`, or null when it is not finite.
 * @example finiteOrNull(Number.NaN) === null; finiteOrNull(0.5) === 0.5
 */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
