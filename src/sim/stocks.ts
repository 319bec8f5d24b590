/**
 * Segment stocks kept as running tallies: per segment, the sum of trust as
 * of today, the sum of skill, and the citizens ever unmet and registered.
 * Every change to a citizen updates its segment's tally, so the month-end
 * stocks (record-stocks.ts) cost O(segments), not a scan of every citizen
 * (about 60 ns per need at a million citizens, an eighth of the run:
 * docs/performance.md).
 *
 * Trust reverts toward the segment baseline b between experiences, lazily
 * (trust.ts), so the tally is of deviations: D = Σᵢ (τᵢ − b)·exp(−r·(day − dᵢ))
 * for stored trust τᵢ last brought up to date on day dᵢ. Each day multiplies
 * D by exp(−r); each change of a stored trust adds (new − old), both as of
 * today. The trust sum of a segment of n citizens is then n·b + D. The
 * tallies agree with a scan of the citizens to rounding (a test compares
 * them every month).
 */
import { stableObject } from './stable-object.js';

export interface SegmentStocks {
  /** The day `trustDeviation` is reckoned at. */
  day: number;
  /** Per segment: Σ (trust as of `day` − baseline). */
  readonly trustDeviation: Float64Array;
  /** Per segment: Σ skill. */
  readonly skillSum: Float64Array;
  /** Per segment: citizens who have had a need go unmet. */
  readonly unmetCitizens: Float64Array;
  /** Per segment: citizens registered for online services. */
  readonly registeredCitizens: Float64Array;
}

export function createSegmentStocks(segmentCount: number): SegmentStocks {
  const trustDeviation = new Float64Array(segmentCount);
  const skillSum = new Float64Array(segmentCount);
  const unmetCitizens = new Float64Array(segmentCount);
  const registeredCitizens = new Float64Array(segmentCount);
  return stableObject(() => ({ day: 0, trustDeviation, skillSum, unmetCitizens, registeredCitizens }));
}

/**
 * The trust deviations reckoned at `day`, brought forward first if they are
 * older. They move one day at a time (a multiplication by exp(−r) =
 * `decay[1]` per segment and day), so the result never depends on which
 * day they were last asked for.
 */
export function trustDeviationsAt(stocks: SegmentStocks, decay: Float64Array, day: number): Float64Array {
  const deviation = stocks.trustDeviation;
  if (stocks.day < day) {
    const factor = decay[1]!;
    for (; stocks.day < day; stocks.day++) for (let s = 0; s < deviation.length; s++) deviation[s] = deviation[s]! * factor;
  }
  return deviation;
}

/** Stores a citizen's skill (float32 slot `skillSlot`) and moves the segment's skill sum by the change. */
export function storeSkill(floats: Float32Array, skillSum: Float64Array, skillSlot: number, segment: number, value: number): void {
  const before = floats[skillSlot]!;
  floats[skillSlot] = value;
  skillSum[segment]! += floats[skillSlot]! - before;
}

/**
 * Sets a once-only flag bit in the flags byte at `flagsByte` and counts the
 * citizen in `tally` the first time (citizens ever unmet, registered).
 */
export function markOnce(bytes: Uint8Array, tally: Float64Array, flagsByte: number, segment: number, flag: number): void {
  const flags = bytes[flagsByte]!;
  if ((flags & flag) !== 0) return;
  bytes[flagsByte] = flags | flag;
  tally[segment]! += 1;
}
