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
import { addFlag, ByteSlot, clearFlag, DaySlot, FloatSlot, privacyOf, Record, type Citizens } from './citizens.js';
import { CitizenFlag, NO_CHANNEL, type SimState } from './state.js';

/**
 * Writes every attribute of every citizen of a new state, in one pass over
 * the records (a record's free bytes aside): segment, access, helper,
 * skill, motivation, privacy, trust (as of day 0), no channel used yet, and
 * the flag of those whose privacy concern is above `refusalThreshold`
 * (`markConsentRefusers`). Sets the access counts, the segment stocks
 * (stocks.ts) and the day-0 trust sums alongside. Draws, per citizen, in
 * this order: access, helper, skill, motivation, privacy, trust. `tables`
 * holds the Beta quantile tables by "mean:sd", filled as needed (a
 * workspace's, kept across runs).
 * Cost O(citizens + distinct (mean, sd) pairs × 8,000).
 */
export function generatePopulation(state: SimState, config: ModelConfig, rng: Rng, refusalThreshold: number, tables = new Map<string, Float64Array>()): void {
  const segmentStart = state.segmentStart;
  const seg = config.segments;
  const tableFor = (mean: number, sd: number): Float64Array => {
    const key = `${mean}:${sd}`;
    let table = tables.get(key);
    if (table === undefined) {
      // A workspace's tables are kept across runs, within bounds (16 KB each).
      if (tables.size >= MAX_KEPT_TABLES) tables.clear();
      table = betaQuantileTable(mean, sd);
      tables.set(key, table);
    }
    return table;
  };
  const sums = new Float64Array(SUMS);
  for (let s = 0; s < seg.ids.length; s++) {
    fillSegment(
      state.citizens,
      rng,
      s,
      segmentStart[s]!,
      segmentStart[s + 1]!,
      seg.accessProb[s]!,
      seg.helperProb[s]!,
      tableFor(seg.skillMean[s]!, seg.skillSd[s]!),
      tableFor(seg.motivationMean[s]!, seg.motivationSd[s]!),
      tableFor(seg.privacyMean[s]!, seg.privacySd[s]!),
      tableFor(seg.trustMean[s]!, seg.trustSd[s]!),
      seg.trustMean[s]!,
      refusalThreshold,
      sums,
    );
    state.accessCount[s] = sums[Sum.access]!;
    state.recorder.initialTrustSum[s] = sums[Sum.trust]!;
    state.stocks.trustDeviation[s] = sums[Sum.trustDeviation]!;
    state.stocks.skillSum[s] = sums[Sum.skill]!;
  }
}

/** Beta tables a map holds at most (a sweep over means would otherwise grow it without end). */
const MAX_KEPT_TABLES = 512;

/** What `fillSegment` sums over a segment's citizens. */
const enum Sum {
  access = 0,
  trust = 1,
  trustDeviation = 2,
  skill = 3,
}
const SUMS = 4;

/**
 * Draws and writes the records of citizens [start, end), all of segment
 * `segment`, and their sums into `sums`. A separate function so that V8
 * compiles the loop once for all segments (and later runs).
 */
function fillSegment(
  citizens: Citizens,
  rng: Rng,
  segment: number,
  start: number,
  end: number,
  accessProb: number,
  helperProb: number,
  skill: Float64Array,
  motivation: Float64Array,
  privacy: Float64Array,
  trust: Float64Array,
  baseline: number,
  refusalThreshold: number,
  sums: Float64Array,
): void {
  const { floats, days, bytes } = citizens;
  let withAccess = 0;
  let trustSum = 0;
  let deviation = 0;
  let skillSum = 0;
  for (let c = start; c < end; c++) {
    const access = rng() < accessProb ? 1 : 0;
    const helper = rng() < helperProb ? 1 : 0;
    const f = c * Record.floats;
    floats[f + FloatSlot.skill] = betaDraw(skill, rng());
    floats[f + FloatSlot.motivation] = betaDraw(motivation, rng());
    floats[f + FloatSlot.privacy] = betaDraw(privacy, rng());
    floats[f + FloatSlot.trust] = betaDraw(trust, rng());
    days[c * Record.days + DaySlot.trustDay] = 0;
    const b = c * Record.bytes;
    bytes[b + ByteSlot.segment] = segment;
    bytes[b + ByteSlot.access] = access;
    bytes[b + ByteSlot.helper] = helper;
    bytes[b + ByteSlot.lastChannel] = NO_CHANNEL;
    bytes[b + ByteSlot.flags] = floats[f + FloatSlot.privacy]! > refusalThreshold ? CitizenFlag.refusesConsent : 0;
    withAccess += access;
    const stored = floats[f + FloatSlot.trust]!;
    trustSum += stored;
    deviation += stored - baseline;
    skillSum += floats[f + FloatSlot.skill]!;
  }
  sums[Sum.access] = withAccess;
  sums[Sum.trust] = trustSum;
  sums[Sum.trustDeviation] = deviation;
  sums[Sum.skill] = skillSum;
}

/** Marks citizens whose privacy concern is above the refusal threshold (policy may change it). Cost O(citizens). */
export function markConsentRefusers(state: SimState, threshold: number): void {
  const { citizens } = state;
  for (let c = 0; c < citizens.count; c++) {
    if (privacyOf(citizens, c) > threshold) addFlag(citizens, c, CitizenFlag.refusesConsent);
    else clearFlag(citizens, c, CitizenFlag.refusesConsent);
  }
}
