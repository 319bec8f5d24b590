/**
 * Phase `reallocateCapacity` (end of every allocation period): counter
 * capacity is shared between districts in proportion to either recorded
 * demand (every digital transaction leaves a record, only a share of counter
 * transactions do, and unmet needs leave none) or surveyed need (the needs
 * that sought a human channel, met or not). Allocation by records can starve
 * the offline districts in a self-reinforcing loop: less capacity, fewer
 * served, fewer records, less capacity.
 * Writes: offices' counter shares, an event.
 */
import { DISTRICT_COUNTER_COUNT, DistrictCounter as D } from '../counters.js';
import type { SimContext, SimState } from '../state.js';

export function reallocateCapacity(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  if (policy.allocationMode === 'fixed' || (state.month + 1) % policy.allocationEveryMonths !== 0) return;
  const districtCount = ctx.config.districts.ids.length;
  const counter = policy.allocationMode === 'recorded-demand' ? D.recordedDemand : D.humanDemand;
  const weights = new Float64Array(districtCount);
  let total = 0;
  const first = Math.max(0, state.month + 1 - policy.allocationEveryMonths);
  for (let month = first; month <= state.month; month++) {
    for (let district = 0; district < districtCount; district++) {
      const value = state.recorder.districtMonthly[(month * districtCount + district) * DISTRICT_COUNTER_COUNT + counter]!;
      weights[district]! += value;
      total += value;
    }
  }
  if (total <= 0) return;
  for (let district = 0; district < districtCount; district++) state.offices.counterShare[district] = weights[district]! / total;
  state.recorder.events.push({ day: state.day, kind: 'reallocation', detail: `counter capacity reallocated by ${policy.allocationMode}` });
}
