/**
 * The most memory-hungry run of a sweep, for its memory estimate, found
 * without building every point's scenario (a plan may hold ten million):
 *
 *   each parameter ──► its candidate values: a range's ends, a list's values,
 *                      for hand-written points (list, CSV) the smallest and largest number and other distinct values
 *                  ──► the candidate whose run alone needs the most memory (estimateRunMemory)
 *   all of them set together on the base scenario ──► the largest run
 *
 * Each parameter at its worst at once may be a point the design never
 * holds, so the result is an upper estimate; it need not be a valid
 * scenario (the estimate only reads sizes and rates).
 */
import { canonicalJson } from '../canonical-json.js';
import { estimateRunMemory } from '../memory-estimate.js';
import type { Scenario } from '../schema.js';
import type { DesignPoint, SweepParameter } from './design.js';
import { setAtPath } from './parameter-path.js';

/** Distinct non-numeric values of a hand-written parameter tried at most. */
const MAX_OTHER_CANDIDATES = 64;

/** The values of parameter `index` worth trying: those that could make its run biggest. Cost O(points) for hand-written points. */
function candidates(parameter: SweepParameter, index: number, points: readonly DesignPoint[]): unknown[] {
  const domain = parameter.domain;
  if (domain.kind === 'values') return [...domain.values];
  if (domain.kind === 'range') return domain.integer ? [Math.ceil(domain.min), Math.floor(domain.max)] : [domain.min, domain.max];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  const others = new Map<string, unknown>();
  for (const point of points) {
    const value = point.values[index];
    if (typeof value === 'number') {
      if (value < low) low = value;
      if (value > high) high = value;
    } else if (others.size < MAX_OTHER_CANDIDATES) {
      const key = typeof value === 'string' || typeof value === 'boolean' ? `${typeof value}:${String(value)}` : safeKey(value);
      if (!others.has(key)) others.set(key, value);
    }
  }
  return [...(low <= high ? [low, high] : []), ...others.values()];
}

function safeKey(value: unknown): string {
  try {
    return canonicalJson(value);
  } catch {
    return String(value);
  }
}

/** Bytes of one run of `candidate` (no monthly table: sweep runs keep only headline metrics), NaN when it cannot be estimated. */
function runBytes(candidate: unknown): number {
  try {
    return estimateRunMemory(candidate as Scenario, { monthlyTable: false }).totalBytes;
  } catch {
    return Number.NaN;
  }
}

/**
 * The base scenario of a sweep with each parameter at the value that makes
 * a run need the most memory (see the module comment).
 * Cost: O(points × parameters) for list and CSV designs, plus one scenario
 * copy and estimate per candidate value.
 * @example estimateRunMemory(largestRunScenario(sweep)).totalBytes
 */
export function largestRunScenario(sweep: { readonly scenario: Scenario; readonly parameters: readonly SweepParameter[]; readonly points: readonly DesignPoint[] }): Scenario {
  const largest: unknown = structuredClone(sweep.scenario);
  sweep.parameters.forEach((parameter, index) => {
    let best: { value: unknown; bytes: number } | undefined;
    for (const value of candidates(parameter, index, sweep.points)) {
      const trial: unknown = structuredClone(sweep.scenario);
      try {
        setAtPath(trial, parameter.documentPath, value);
      } catch {
        continue;
      }
      const bytes = runBytes(trial);
      if (Number.isFinite(bytes) && (best === undefined || bytes > best.bytes)) best = { value, bytes };
    }
    if (best !== undefined) setAtPath(largest, parameter.documentPath, best.value);
  });
  return largest as Scenario;
}
