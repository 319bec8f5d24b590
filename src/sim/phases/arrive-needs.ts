/**
 * Phase `arriveNeeds`: draws today's needs. Each citizen's needs arrive as a
 * Poisson process at the segment rate; by superposition a segment's daily
 * total is Poisson(citizens × rate) and each need belongs to a uniformly
 * drawn citizen of the segment (the daily means, and their exponentials for
 * the Poisson draw, are computed once per run: `createState`). Cost
 * O(segments + needs), never O(citizens).
 * Writes: the arrival buffer and the `arrived` counters.
 */
import { SegmentCounter as S, DistrictCounter as D } from '../counters.js';
import { poisson } from '../random/distributions.js';
import type { RandomStream } from '../random/streams.js';
import { addDistrict, addSegment, type SimContext, type SimState } from '../state.js';

export function arriveNeeds(state: SimState, ctx: SimContext): void {
  const { config, streams } = ctx;
  const segments = config.segments;
  const segmentCount = segments.ids.length;
  const cumulative = config.services.cumulativeShare;
  const lastService = cumulative.length - 1;
  const arrivalRng = streams.arrivals;
  const serviceRng = streams.services;
  let count = 0;
  for (let s = 0; s < segmentCount; s++) {
    const size = segments.citizens[s]!;
    if (size === 0) continue;
    const arrived = poisson(arrivalRng, state.arrivalMean[s]!, state.arrivalMeanExp[s]!);
    if (arrived === 0) continue;
    ensureArrivalRoom(state, count + arrived);
    count = drawArrivals(state.arrivalCitizen, state.arrivalService, count, arrived, state.segmentStart[s]!, size, arrivalRng, serviceRng, cumulative, lastService);
    addSegment(state, s, S.arrived, arrived, segmentCount);
    addDistrict(state, segments.district[s]!, D.arrived, arrived, config.districts.ids.length);
  }
  state.arrivalCount = count;
}

/**
 * Writes `arrived` needs from `count` on: each a uniformly drawn citizen of
 * the segment's range [start, start + size) and a service drawn by its
 * cumulative share. Returns the new count. A function of its own: V8
 * optimizes the long first loop of a run while it runs (on-stack
 * replacement), and the code it made then, without the phase's later
 * statements seen, was entered again every day and thrown away at them.
 */
function drawArrivals(
  citizens: Int32Array,
  services: Uint8Array,
  count: number,
  arrived: number,
  start: number,
  size: number,
  arrivalRng: RandomStream,
  serviceRng: RandomStream,
  cumulative: Float64Array,
  lastService: number,
): number {
  let next = count;
  for (let i = 0; i < arrived; i++) {
    const citizen = start + Math.floor(arrivalRng.next() * size);
    const u = serviceRng.next();
    let service = 0;
    while (service < lastService && u >= cumulative[service]!) service++;
    citizens[next] = citizen;
    services[next] = service;
    next++;
  }
  return next;
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
