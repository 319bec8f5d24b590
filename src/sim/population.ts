/**
 * Generates the citizens from the segments, drawing only from the
 * population stream: a policy lever can never change who lives in the city.
 * Citizens are laid out segment by segment, so a segment is an index range.
 *
 * The Beta attributes (skill, motivation, privacy, trust) are drawn through
 * per-segment quantile tables (`random/beta-table.ts`): one uniform each,
 * with the Beta's mean and sd to about 1e-5.
 */
import type { ModelConfig } from './config.js';
import { betaDraw, betaQuantileTable } from './random/beta-table.js';
import type { Rng } from './random/streams.js';
import { addFlag, clearFlag, fillSegmentCode, privacyOf, setAccess, setHelper, setMotivation, setPrivacy, setSkill, setStoredTrust } from './citizens.js';
import { CitizenFlag, type SimState } from './state.js';

/** Fills the citizen columns of a fresh state. Cost O(citizens + distinct (mean, sd) pairs × 8,000). */
export function generatePopulation(state: SimState, config: ModelConfig, rng: Rng): void {
  const { citizens, segmentStart } = state;
  const seg = config.segments;
  const tables = new Map<string, Float64Array>();
  const tableFor = (mean: number, sd: number): Float64Array => {
    const key = `${mean}:${sd}`;
    let table = tables.get(key);
    if (table === undefined) {
      table = betaQuantileTable(mean, sd);
      tables.set(key, table);
    }
    return table;
  };
  for (let s = 0; s < seg.ids.length; s++) {
    const start = segmentStart[s]!;
    const end = segmentStart[s + 1]!;
    fillSegmentCode(citizens, s, start, end);
    state.accessCount[s] = fillSegment(
      state,
      rng,
      start,
      end,
      seg.accessProb[s]!,
      seg.helperProb[s]!,
      tableFor(seg.skillMean[s]!, seg.skillSd[s]!),
      tableFor(seg.motivationMean[s]!, seg.motivationSd[s]!),
      tableFor(seg.privacyMean[s]!, seg.privacySd[s]!),
      tableFor(seg.trustMean[s]!, seg.trustSd[s]!),
    );
  }
}

/** Draws the attributes of citizens [start, end) of one segment; returns how many have access. */
function fillSegment(
  state: SimState,
  rng: Rng,
  start: number,
  end: number,
  accessProb: number,
  helperProb: number,
  skill: Float64Array,
  motivation: Float64Array,
  privacy: Float64Array,
  trust: Float64Array,
): number {
  const citizens = state.citizens;
  let withAccess = 0;
  for (let c = start; c < end; c++) {
    const access = rng() < accessProb ? 1 : 0;
    setAccess(citizens, c, access === 1);
    withAccess += access;
    setHelper(citizens, c, rng() < helperProb);
    setSkill(citizens, c, betaDraw(skill, rng()));
    setMotivation(citizens, c, betaDraw(motivation, rng()));
    setPrivacy(citizens, c, betaDraw(privacy, rng()));
    setStoredTrust(citizens, c, betaDraw(trust, rng()));
  }
  return withAccess;
}

/** Marks citizens whose privacy concern is above the refusal threshold (policy may change it). Cost O(citizens). */
export function markConsentRefusers(state: SimState, threshold: number): void {
  const { citizens } = state;
  for (let c = 0; c < citizens.count; c++) {
    if (privacyOf(citizens, c) > threshold) addFlag(citizens, c, CitizenFlag.refusesConsent);
    else clearFlag(citizens, c, CitizenFlag.refusesConsent);
  }
}
