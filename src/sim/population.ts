/**
 * Generates the citizens from the segments, drawing only from the
 * population stream: a policy lever can never change who lives in the city.
 * Citizens are laid out segment by segment, so a segment is an index range.
 */
import type { ModelConfig } from './config.js';
import { betaMeanSd } from './random/distributions.js';
import type { Rng } from './random/streams.js';
import { CitizenFlag, type SimState } from './state.js';

/** Fills the citizen columns of a fresh state. Cost O(citizens). */
export function generatePopulation(state: SimState, config: ModelConfig, rng: Rng): void {
  const { citizens, segmentStart } = state;
  const seg = config.segments;
  for (let s = 0; s < seg.ids.length; s++) {
    let withAccess = 0;
    for (let c = segmentStart[s]!; c < segmentStart[s + 1]!; c++) {
      citizens.segment[c] = s;
      const access = rng() < seg.accessProb[s]! ? 1 : 0;
      citizens.access[c] = access;
      withAccess += access;
      citizens.helper[c] = rng() < seg.helperProb[s]! ? 1 : 0;
      citizens.skill[c] = betaMeanSd(rng, seg.skillMean[s]!, seg.skillSd[s]!);
      citizens.motivation[c] = betaMeanSd(rng, seg.motivationMean[s]!, seg.motivationSd[s]!);
      citizens.privacy[c] = betaMeanSd(rng, seg.privacyMean[s]!, seg.privacySd[s]!);
      citizens.trust[c] = betaMeanSd(rng, seg.trustMean[s]!, seg.trustSd[s]!);
      citizens.trustDay[c] = 0;
    }
    state.accessCount[s] = withAccess;
  }
}

/** Marks citizens whose privacy concern is above the refusal threshold (policy may change it). */
export function markConsentRefusers(state: SimState, threshold: number): void {
  const { citizens } = state;
  for (let c = 0; c < citizens.count; c++) {
    if (citizens.privacy[c]! > threshold) citizens.flags[c]! |= CitizenFlag.refusesConsent;
    else citizens.flags[c]! &= ~CitizenFlag.refusesConsent;
  }
}
