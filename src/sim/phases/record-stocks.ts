/**
 * Phase `recordStocks` (last day of each month): samples the stocks that
 * counters cannot accumulate — trust (reversion applied), skill, access,
 * citizens ever unmet, registrations — per segment and district, plus the
 * city's records held, backlog, usability and pending needs. Cost O(citizens)
 * once a month.
 * Writes: stock counters of the month.
 */
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CityCounter as C, DistrictCounter as D } from '../counters.js';
import { currentUsability } from '../choice.js';
import { addDistrict, CitizenFlag, setCity, type SimContext, type SimState } from '../state.js';
import { appealsPending } from './resolve-appeals.js';
import { flagsOf, skillOf, storedTrustOf, trustDayOf } from '../citizens.js';

export function recordStocks(state: SimState, ctx: SimContext): void {
  const { config } = ctx;
  const citizens = state.citizens;
  const segmentCount = config.segments.ids.length;
  const districtCount = config.districts.ids.length;
  const table = state.recorder.segmentMonthly;
  for (let s = 0; s < segmentCount; s++) {
    let trust = 0;
    let skill = 0;
    let unmet = 0;
    let registered = 0;
    const start = state.segmentStart[s]!;
    const end = state.segmentStart[s + 1]!;
    const baseline = config.segments.trustMean[s]!;
    for (let c = start; c < end; c++) {
      // Trust with reversion to today, read without writing it back (as currentTrust would compute it).
      trust += baseline + (storedTrustOf(citizens, c) - baseline) * state.trustDecay[state.day - trustDayOf(citizens, c)]!;
      skill += skillOf(citizens, c);
      const flags = flagsOf(citizens, c);
      if ((flags & CitizenFlag.hadUnmet) !== 0) unmet++;
      if ((flags & CitizenFlag.registered) !== 0) registered++;
    }
    const base = (state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT;
    table[base + S.trustSum] = trust;
    table[base + S.skillSum] = skill;
    table[base + S.accessCount] = state.accessCount[s]!;
    table[base + S.citizensWithUnmet] = unmet;
    table[base + S.citizens] = end - start;
    table[base + S.registered] = registered;
    const district = config.segments.district[s]!;
    addDistrict(state, district, D.registered, registered, districtCount);
    addDistrict(state, district, D.citizens, end - start, districtCount);
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
