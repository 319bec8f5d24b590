/**
 * Phase `arriveNeeds`: draws today's needs. Each citizen's needs arrive as a
 * Poisson process at the segment rate; by superposition a segment's daily
 * total is Poisson(citizens × rate) and each need belongs to a uniformly
 * drawn citizen of the segment. Cost O(needs), never O(citizens).
 * Writes: the arrival buffer and the `arrived` counters.
 */
import { SegmentCounter as S, DistrictCounter as D } from '../counters.js';
import { poisson } from '../random/distributions.js';
import { addDistrict, addSegment, type SimContext, type SimState } from '../state.js';

export function arriveNeeds(state: SimState, ctx: SimContext): void {
  const { config, streams } = ctx;
  const segments = config.segments;
  const segmentCount = segments.ids.length;
  const cumulative = config.services.cumulativeShare;
  const serviceCount = cumulative.length;
  state.arrivalCount = 0;
  for (let s = 0; s < segmentCount; s++) {
    const size = segments.citizens[s]!;
    if (size === 0) continue;
    const count = poisson(streams.arrivals, size * segments.needsPerDay[s]!);
    if (count === 0) continue;
    ensureArrivalRoom(state, state.arrivalCount + count);
    const start = state.segmentStart[s]!;
    for (let i = 0; i < count; i++) {
      const citizen = start + Math.floor(streams.arrivals.next() * size);
      const u = streams.services.next();
      let service = 0;
      while (service < serviceCount - 1 && u >= cumulative[service]!) service++;
      state.arrivalCitizen[state.arrivalCount] = citizen;
      state.arrivalService[state.arrivalCount] = service;
      state.arrivalCount++;
    }
    addSegment(state, s, S.arrived, count, segmentCount);
    addDistrict(state, segments.district[s]!, D.arrived, count, config.districts.ids.length);
  }
}

function ensureArrivalRoom(state: SimState, needed: number): void {
  if (needed <= state.arrivalCitizen.length) return;
  let size = state.arrivalCitizen.length;
  while (size < needed) size *= 2;
  const citizens = new Int32Array(size);
  citizens.set(state.arrivalCitizen);
  const services = new Uint8Array(size);
  services.set(state.arrivalService);
  state.arrivalCitizen = citizens;
  state.arrivalService = services;
}
