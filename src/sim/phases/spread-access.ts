/**
 * Phase `spreadAccess`: the Bass-like peer effect on material access. A
 * citizen without access gains it at hazard p + q·F, F being the share of
 * the segment's citizens with access; each day a segment's new adopters are
 * Binomial(without access, 1 − exp(−(p + q·F))) and are picked uniformly
 * among those without access. Cost O(segments + adopters) per day.
 * Writes: access columns and per-segment access counts.
 */
import { binomial } from '../random/distributions.js';
import type { RandomStream } from '../random/streams.js';
import type { SimContext, SimState } from '../state.js';
import { hasAccess, setAccess } from '../citizens.js';

export function spreadAccess(state: SimState, ctx: SimContext): void {
  const policy = state.policy;
  if (policy.bassPPerDay === 0 && policy.bassQPerDay === 0) return;
  const segments = ctx.config.segments;
  const rng = ctx.streams.adoption;
  for (let s = 0; s < segments.ids.length; s++) {
    const size = segments.citizens[s]!;
    const without = size - state.accessCount[s]!;
    if (without === 0) continue;
    const hazard = policy.bassPPerDay + (policy.bassQPerDay * state.accessCount[s]!) / size;
    const adopters = binomial(rng, without, 1 - Math.exp(-hazard));
    if (adopters > 0) giveAccess(state, rng, s, adopters);
  }
}

/**
 * Gives material access to `count` citizens of segment `s` who lack it,
 * picked uniformly by rejection. Returns how many received it.
 */
export function giveAccess(state: SimState, rng: RandomStream, s: number, count: number): number {
  const start = state.segmentStart[s]!;
  const size = state.segmentStart[s + 1]! - start;
  let given = 0;
  while (given < count && state.accessCount[s]! < size) {
    const citizen = start + Math.floor(rng.next() * size);
    if (hasAccess(state.citizens, citizen)) continue;
    setAccess(state.citizens, citizen, true);
    state.accessCount[s]!++;
    given++;
  }
  return given;
}
