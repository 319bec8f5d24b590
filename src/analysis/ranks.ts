/**
 * Ranks for rank-based measures (partial rank correlation): the smallest
 * value gets rank 1, and tied values share the mean of the ranks they span.
 */

/**
 * The rank of each value, 1-based, ties given their average rank, in the
 * input's order.
 * Cost O(n log n) time, O(n) memory.
 * @throws RangeError when a value is NaN (a rank of nothing is meaningless).
 * @example ranks([10, 30, 20, 20]) // [1, 4, 2.5, 2.5]
 */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index);
  for (const value of values) if (Number.isNaN(value)) throw new RangeError('ranks: a value is NaN');
  order.sort((i, j) => values[i]! - values[j]! || i - j);
  const result = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const shared = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k]!] = shared;
    start = end + 1;
  }
  return result;
}
