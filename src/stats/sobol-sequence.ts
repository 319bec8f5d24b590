/**
 * The Sobol' low-discrepancy sequence (unscrambled), from Joe & Kuo's
 * direction numbers, generated in Gray-code order (Antonov & Saleev): point
 * n+1 is point n with one direction number XOR-ed in.
 */
import { SOBOL_DIRECTION_NUMBERS, SOBOL_MAX_DIMENSIONS } from './sobol-direction-numbers.js';

/** Bits of each coordinate: points are multiples of 2^-32, and the sequence has 2^32 points. */
const BITS = 32;

/** The direction numbers V[1..BITS] of one dimension (index 0 unused), scaled to BITS bits. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const entry = SOBOL_DIRECTION_NUMBERS[dimension - 1];
  if (entry === undefined) throw new RangeError(`no direction numbers for dimension ${dimension + 1}`);
  const [s, a, m] = entry;
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] ?? 1) * 2 ** (BITS - i);
  for (let i = s + 1; i <= BITS; i++) {
    let value = v[i - s]! ^ (v[i - s]! >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) value ^= v[i - k]!;
    v[i] = value >>> 0;
  }
  return v;
}

/** 1-based position of the lowest zero bit of n (n ≥ 0). */
function lowestZeroBit(n: number): number {
  let position = 1;
  let rest = n;
  while (rest % 2 === 1) {
    rest = Math.floor(rest / 2);
    position++;
  }
  return position;
}

/**
 * The first `count` points of the `dimensions`-dimensional Sobol' sequence,
 * after skipping the first `skip` points, as rows in [0, 1). The first point
 * is the origin; for good balance take `count` a power of two.
 * Deterministic: no randomness (the sequence is not scrambled).
 * Cost O((skip + count) · dimensions) time, O(count · dimensions) memory.
 * @throws RangeError unless 1 ≤ dimensions ≤ SOBOL_MAX_DIMENSIONS (40), count ≥ 0, skip ≥ 0 and skip + count ≤ 2^32.
 * @example sobolSequence(4, 2) // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolSequence(count: number, dimensions: number, skip = 0): number[][] {
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`dimensions must be an integer from 1 to ${SOBOL_MAX_DIMENSIONS}, got ${dimensions}`);
  }
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`skip must be a non-negative integer, got ${skip}`);
  if (skip + count > 2 ** BITS) throw new RangeError(`the sequence has only 2^${BITS} points`);
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const state = new Uint32Array(dimensions);
  const scale = 2 ** -BITS;
  const points: number[][] = [];
  for (let n = 0; n < skip + count; n++) {
    if (n >= skip) points.push(Array.from(state, (x) => x * scale));
    const bit = lowestZeroBit(n);
    for (let d = 0; d < dimensions; d++) state[d] = (state[d]! ^ directions[d]![bit]!) >>> 0;
  }
  return points;
}
