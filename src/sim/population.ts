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
import type { RandomStream } from './random/streams.js';
import { addFlag, ByteSlot, clearFlag, DaySlot, FloatSlot, privacyOf, CitizenRecord, type Citizens } from './citizens.js';
import { CitizenFlag, NO_CHANNEL, type SimState } from './state.js';
import { stableObject } from './stable-object.js';

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
export function generatePopulation(state: SimState, config: ModelConfig, rng: RandomStream, refusalThreshold: number, tables = new Map<string, Float64Array>()): void {
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
  const segmentCount = seg.ids.length;
  const betaTables: Float64Array[] = [];
  for (let s = 0; s < segmentCount; s++) {
    betaTables.push(
      tableFor(seg.skillMean[s]!, seg.skillSd[s]!),
      tableFor(seg.motivationMean[s]!, seg.motivationSd[s]!),
      tableFor(seg.privacyMean[s]!, seg.privacySd[s]!),
      tableFor(seg.trustMean[s]!, seg.trustSd[s]!),
    );
  }
  const { accessCount: access, stocks } = state;
  const trust = state.recorder.initialTrustSum;
  const sums = stableObject(() => ({ access, trust, trustDeviation: stocks.trustDeviation, skill: stocks.skillSum }));
  const citizens = state.citizens;
  for (let s = 0; s < segmentCount; s++) {
    fillSegment(citizens, rng, s, segmentStart[s]!, segmentStart[s + 1]!, seg.accessProb[s]!, seg.helperProb[s]!, betaTables, seg.trustMean[s]!, refusalThreshold, sums);
  }
}

/** Beta tables a map holds at most (a sweep over means would otherwise grow it without end). */
const MAX_KEPT_TABLES = 512;

/** What `fillSegment` sums per segment. */
interface SegmentSums {
  readonly access: Int32Array;
  readonly trust: Float64Array;
  readonly trustDeviation: Float64Array;
  readonly skill: Float64Array;
}

/**
 * Draws and writes the records of one segment's citizens [first, end) and
 * its sums; `betaTables` holds 4 tables per segment (skill, motivation,
 * privacy, trust). A small function of its own: V8 compiles its loop in about 6 ms
 * while it runs (on-stack replacement), where the loop inside the loop over
 * segments took 13–16 ms and was compiled twice; a fresh process's
 * million-citizen generation went from 83–91 to 67–77 ms (first touches of
 * the memory included), a reused workspace's from 51–56 to 44–48.
 */
function fillSegment(
  citizens: Citizens,
  rng: RandomStream,
  segment: number,
  first: number,
  end: number,
  pAccess: number,
  pHelper: number,
  betaTables: readonly Float64Array[],
  baseline: number,
  refusalThreshold: number,
  sums: SegmentSums,
): void {
  const { floats, days, bytes } = citizens;
  const skill = betaTables[4 * segment]!;
  const motivation = betaTables[4 * segment + 1]!;
  const privacy = betaTables[4 * segment + 2]!;
  const trust = betaTables[4 * segment + 3]!;
  let withAccess = 0;
  let trustSum = 0;
  let deviation = 0;
  let skillSum = 0;
  for (let c = first; c < end; c++) {
    const access = rng.next() < pAccess ? 1 : 0;
    const helper = rng.next() < pHelper ? 1 : 0;
    const f = c * CitizenRecord.floats;
    floats[f + FloatSlot.skill] = betaDraw(skill, rng.next());
    floats[f + FloatSlot.motivation] = betaDraw(motivation, rng.next());
    floats[f + FloatSlot.privacy] = betaDraw(privacy, rng.next());
    floats[f + FloatSlot.trust] = betaDraw(trust, rng.next());
    days[c * CitizenRecord.days + DaySlot.trustDay] = 0;
    const b = c * CitizenRecord.bytes;
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
  sums.access[segment] = withAccess;
  sums.trust[segment] = trustSum;
  sums.trustDeviation[segment] = deviation;
  sums.skill[segment] = skillSum;
}

/** Marks citizens whose privacy concern is above the refusal threshold (policy may change it). Cost O(citizens). */
export function markConsentRefusers(state: SimState, threshold: number): void {
  const { citizens } = state;
  for (let c = 0; c < citizens.count; c++) {
    if (privacyOf(citizens, c) > threshold) addFlag(citizens, c, CitizenFlag.refusesConsent);
    else clearFlag(citizens, c, CitizenFlag.refusesConsent);
  }
}
