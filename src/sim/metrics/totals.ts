/**
 * Sums of raw counters over months and groups of segments. Flows (needs,
 * costs, hours) are summed over the months; stocks (trust, access, …) are
 * taken from the last month of the window.
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT } from '../counters.js';
import type { RunOutput } from '../engine.js';

const STOCKS: readonly number[] = [S.trustSum, S.skillSum, S.accessCount, S.citizensWithUnmet, S.citizens, S.registered];
const IS_STOCK = new Uint8Array(SEGMENT_COUNTER_COUNT);
for (const stock of STOCKS) IS_STOCK[stock] = 1;

/** A month window [from, to). */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/** Segment counters summed over a group of segments and a window of months. */
export function segmentTotals(output: RunOutput, segments: readonly number[], window: Window): Float64Array {
  const totals = new Float64Array(SEGMENT_COUNTER_COUNT);
  const last = window.to - 1;
  for (const s of segments) {
    for (let month = window.from; month < window.to; month++) {
      const base = (month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT;
      for (let k = 0; k < SEGMENT_COUNTER_COUNT; k++) {
        if (IS_STOCK[k] === 1 && month !== last) continue;
        totals[k]! += output.segmentMonthly[base + k]!;
      }
    }
  }
  return totals;
}

/** City counters summed over a window (callers read stocks from `cityMonth`). */
export function cityTotals(output: RunOutput, window: Window): Float64Array {
  const totals = new Float64Array(CITY_COUNTER_COUNT);
  for (let month = window.from; month < window.to; month++) {
    for (let k = 0; k < CITY_COUNTER_COUNT; k++) totals[k]! += output.cityMonthly[month * CITY_COUNTER_COUNT + k]!;
  }
  return totals;
}

/** One city counter of one month. */
export function cityMonth(output: RunOutput, month: number, counter: number): number {
  return output.cityMonthly[month * CITY_COUNTER_COUNT + counter]!;
}

/** One district counter of one month. */
export function districtMonth(output: RunOutput, month: number, district: number, counter: number): number {
  return output.districtMonthly[(month * output.districtCount + district) * DISTRICT_COUNTER_COUNT + counter]!;
}

/** Needs that went unmet, all reasons. */
export function unmetOf(totals: Float64Array): number {
  return totals[S.unmetNoChannel]! + totals[S.unmetOnlineFailed]! + totals[S.unmetTimeout]! + totals[S.unmetDenied]! + totals[S.unmetRefused]!;
}

/** a / b, or `empty` when b is 0. */
export function ratio(a: number, b: number, empty = 0): number {
  return b > 0 ? a / b : empty;
}
