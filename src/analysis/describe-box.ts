/**
 * A PRIM box in plain words, for people who will act on it:
 * "counter capacity per day per 1000 ≤ 3.2 and bassQ ≥ 0.21".
 */
import { formatSignificant } from './format-significant.js';
import type { BoxLimit } from './prim.js';
import { parameterLabel } from './parameter-label.js';

/** What describing a box needs to know of a parameter. */
export interface DescribedParameter {
  readonly name: string;
  /** Words for it; default `parameterLabel(name)`. */
  readonly label?: string;
  /** Unit appended to its numbers, e.g. "per 1,000 per day". */
  readonly unit?: string;
  /** For a parameter coded 0, 1, 2 … (yes/no, categories): the value of each code. */
  readonly values?: readonly (string | number | boolean)[];
  /** The data's range: a limit at its edge is not a restriction. */
  readonly low: number;
  readonly high: number;
}

/**
 * The restrictions of a box as words joined by "and": `label ≤ high`,
 * `label ≥ low`, `label from low to high`, or for coded parameters
 * `label is a` / `label is a or b`. A box that restricts nothing is
 * "anywhere in the sweep's ranges".
 * Cost O(parameters).
 * @throws RangeError when limits and parameters differ in length.
 * @example describeBox([{ low: 2, high: 3.2 }], [{ name: 'policy.channels.counter.capacityPerDayPer1000', low: 2, high: 8 }]) === 'counter capacity per day per 1000 ≤ 3.2'
 */
export function describeBox(limits: readonly BoxLimit[], parameters: readonly DescribedParameter[]): string {
  if (limits.length !== parameters.length) throw new RangeError(`describeBox: ${limits.length} limits but ${parameters.length} parameters`);
  const parts: string[] = [];
  limits.forEach((limit, j) => {
    const parameter = parameters[j]!;
    const cutsLow = limit.low > parameter.low;
    const cutsHigh = limit.high < parameter.high;
    if (!cutsLow && !cutsHigh) return;
    const label = parameter.label ?? parameterLabel(parameter.name);
    if (parameter.values !== undefined) {
      const kept = parameter.values.filter((_, code) => code >= limit.low && code <= limit.high).map(String);
      parts.push(`${label} is ${kept.length === 0 ? 'none of its values' : kept.join(' or ')}`);
      return;
    }
    const unit = parameter.unit === undefined || parameter.unit === '' ? '' : ` ${parameter.unit}`;
    if (cutsLow && cutsHigh) parts.push(`${label} from ${formatSignificant(limit.low)} to ${formatSignificant(limit.high)}${unit}`);
    else if (cutsHigh) parts.push(`${label} ≤ ${formatSignificant(limit.high)}${unit}`);
    else parts.push(`${label} ≥ ${formatSignificant(limit.low)}${unit}`);
  });
  return parts.length === 0 ? "anywhere in the sweep's ranges" : parts.join(' and ');
}
