/**
 * Phase `recordStocks` (last day of each month): samples the stocks that
 * counters cannot accumulate — trust (reversion applied), skill, access,
 * citizens ever unmet, registrations — per segment and district, plus the
 * city's records held, backlog, usability and pending needs. The citizens'
 * stocks are running tallies (stocks.ts), so the cost is O(segments).
 * Writes: stock counters of the month.
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CityCounter as C, DistrictCounter as D } from '../counters.js';
import { currentUsability } from '../choice.js';
import { addDistrict, setCity, type SimContext, type SimState } from '../state.js';
import { appealsPending } from './resolve-appeals.js';
import { trustDeviationsAt } from '../stocks.js';

export function recordStocks(state: SimState, ctx: SimContext): void {
  const { config } = ctx;
  const segmentCount = config.segments.ids.length;
  const districtCount = config.districts.ids.length;
  const table = state.recorder.segmentMonthly;
  const stocks = state.stocks;
  const deviation = trustDeviationsAt(stocks, state.trustDecay, state.day);
  for (let s = 0; s < segmentCount; s++) {
    const citizens = state.segmentStart[s + 1]! - state.segmentStart[s]!;
    const registered = stocks.registeredCitizens[s]!;
    const base = (state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT;
    table[base + S.trustSum] = citizens * config.segments.trustMean[s]! + deviation[s]!;
    table[base + S.skillSum] = stocks.skillSum[s]!;
    table[base + S.accessCount] = state.accessCount[s]!;
    table[base + S.citizensWithUnmet] = stocks.unmetCitizens[s]!;
    table[base + S.citizens] = citizens;
    table[base + S.registered] = registered;
    const district = config.segments.district[s]!;
    addDistrict(state, district, D.registered, registered, districtCount);
    addDistrict(state, district, D.citizens, citizens, districtCount);
  }
  let backlog = 0;
  for (let key = 0; key < state.queues.waiting.length; key++) backlog += state.queues.waiting[key]!;
  setCity(state, C.backlogEnd, backlog);
  setCity(state, C.pendingEnd, backlog + appealsPending(state));
  setCity(state, C.recordsHeld, state.recordsHeld);
  setCity(state, C.usability, currentUsability(state));
  for (let district = 0; district < districtCount; district++) {
    addDistrict(state, district, D.counterCapacityShare, state.offices.counterShare[district]!, districtCount);
  }
}
