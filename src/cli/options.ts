/**
 * Checking option values the user typed. Options arrive as the text typed
 * (yargs `type: 'string'`), so "1.5", "1e3", "0x10" or "" are caught here
 * with a message naming the option, instead of becoming a surprising number.
 */
import { UserError } from './errors.js';

/** The single text value of an option: rejects an option given twice or without a value. */
export function singleValue(option: string, value: unknown): string {
  if (Array.isArray(value)) throw new UserError(`--${option} is given ${value.length} times; give it once`);
  if (typeof value !== 'string' && typeof value !== 'number') throw new UserError(`--${option} needs a value`);
  const text = String(value).trim();
  if (text === '') throw new UserError(`--${option} needs a value`);
  return text;
}

/**
 * A seed: a whole number that is a safe integer (|n| ≤ 2^53 − 1).
 * @throws UserError naming the option otherwise.
 * @example parseSeed('42') === 42
 */
export function parseSeed(value: unknown, option = 'seed'): number {
  const text = singleValue(option, value);
  const seed = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seed)) {
    throw new UserError(`--${option} must be a whole number from -${Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}, got "${text}"`);
  }
  return seed;
}

/**
 * A number of replications: a whole number ≥ 1.
 * @throws UserError naming the option otherwise.
 * @example parseReplications('10') === 10
 */
export function parseReplications(value: unknown, option = 'reps'): number {
  const text = singleValue(option, value);
  const replications = /^\+?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(replications) || replications < 1) {
    throw new UserError(`--${option} must be a whole number of at least 1, got "${text}"`);
  }
  return replications;
}

/**
 * A directory to write into: the text as typed.
 * @throws UserError when it is empty or given twice.
 */
export function parseOutDirectory(value: unknown, option = 'out'): string {
  return singleValue(option, value);
}

/**
 * A population sample: a decimal number with 0 < sample ≤ 1 (`0.01` simulates 1 citizen in 100).
 * @throws UserError naming the option otherwise.
 * @example parseSample('0.01') === 0.01
 */
export function parseSample(value: unknown, option = 'sample'): number {
  const text = singleValue(option, value);
  const sample = /^\+?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
  if (!(sample > 0 && sample <= 1)) {
    throw new UserError(`--${option} must be a number above 0 and at most 1 (0.01 simulates 1 citizen in 100), got "${text}"`);
  }
  return sample;
}
