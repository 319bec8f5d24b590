/**
 * Phase `drawShocks`: digital outages start and end, data records age, and a
 * data breach may strike. When an outage ends, the needs that waited for the
 * digital channels are routed again. Draws only from the shocks stream.
 * Writes: outage state, records held, breach trust shocks, counters, events.
 */
import { Channel } from '../config.js';
import { CityCounter as C, SegmentCounter as S } from '../counters.js';
import { exponential } from '../random/distributions.js';
import type { RandomStream } from '../random/streams.js';
import { addCity, addSegment, CitizenFlag, queueKey, type SimContext, type SimState } from '../state.js';
import { trustShock } from '../trust.js';
import { rerouteQueue } from './route-needs.js';
import { addFlag, hasFlag, privacyOf, segmentOf, touchCitizen } from '../citizens.js';

export function drawShocks(state: SimState, ctx: SimContext): void {
  const { config, streams } = ctx;
  const policy = state.policy;
  if (state.day < state.outageUntilDay) {
    addCity(state, C.outageDays, 1);
  } else if (state.outageUntilDay >= 0 && state.day === state.outageUntilDay) {
    state.recorder.events.push({ day: state.day, kind: 'outage-end', detail: 'digital channels restored' });
    state.recoveringSinceDay = state.day;
    flushOutageWaits(state, ctx);
  }
  if (state.day >= state.outageUntilDay && policy.outageRatePerDay > 0 && streams.shocks.next() < policy.outageRatePerDay) {
    const days = Math.max(1, Math.round(exponential(streams.shocks, policy.outageMeanDays)));
    state.outageUntilDay = state.day + days;
    let backlog = 0;
    for (let key = 0; key < state.queues.waiting.length; key++) backlog += state.queues.waiting[key]!;
    state.backlogBeforeOutage = backlog;
    state.recoveringSinceDay = -1;
    state.recorder.events.push({ day: state.day, kind: 'outage-start', detail: `digital outage of ${days} day(s)` });
    addCity(state, C.outageDays, 1);
  }
  // Records age out over the retention period.
  state.recordsHeld *= Math.exp(-1 / policy.retentionDays);
  const hazard = state.recordsHeld * policy.breachHazardPerRecordDay;
  if (hazard > 0 && streams.shocks.next() < hazard) breach(state, ctx);
}

/** Routes again every need that waited for the digital channels. */
function flushOutageWaits(state: SimState, ctx: SimContext): void {
  const districtCount = ctx.config.districts.ids.length;
  for (let district = 0; district < districtCount; district++) rerouteQueue(state, ctx, queueKey(Channel.online, district, districtCount));
}

/**
 * A breach: each citizen is affected with probability shareAffected; each
 * affected citizen loses trust in proportion to privacy concern, softened by
 * transparency. The affected are found by geometric skips (the gap to the
 * next affected citizen is Geometric(shareAffected)), the same law as a
 * Bernoulli trial per citizen at O(affected) draws.
 */
/** Affected citizens found and read ahead at a time. */
const BREACH_BATCH = 128;

function breach(state: SimState, ctx: SimContext): void {
  const { config, streams } = ctx;
  const policy = state.policy;
  const citizens = state.citizens;
  const segmentCount = config.segments.ids.length;
  const share = policy.breachShareAffected;
  const softening = 1 - 0.7 * policy.transparency;
  const logMiss = share < 1 ? Math.log1p(-share) : -Infinity;
  let affected = 0;
  // The affected are found a batch at a time and their records read ahead (see touchCitizen).
  const batch = new Int32Array(BREACH_BATCH);
  let c = share > 0 ? nextAffected(streams.shocks, -1, logMiss) : citizens.count;
  while (c < citizens.count) {
    let size = 0;
    for (; size < BREACH_BATCH && c < citizens.count; c = nextAffected(streams.shocks, c, logMiss)) batch[size++] = c;
    let sink = 0;
    for (let i = 0; i < size; i++) sink += touchCitizen(citizens, batch[i]!);
    state.touched = sink;
    for (let i = 0; i < size; i++) {
      const citizen = batch[i]!;
      affected++;
      // Citizens affected are counted once however many breaches reach them; the trust shock repeats.
      if (!hasFlag(citizens, citizen, CitizenFlag.breached)) {
        addFlag(citizens, citizen, CitizenFlag.breached);
        addSegment(state, segmentOf(citizens, citizen), S.breachAffected, 1, segmentCount);
      }
      trustShock(state, config, citizen, policy.breachTrustShock * privacyOf(citizens, citizen) * softening);
    }
  }
  addCity(state, C.breaches, 1);
  addCity(state, C.costBreaches, affected * policy.breachCostPerAffected);
  state.recorder.events.push({ day: state.day, kind: 'breach', detail: `data breach affecting ${affected} simulated citizens` });
}

/** The next affected citizen after `citizen`: a Geometric skip, log(1 − share) given. */
function nextAffected(rng: RandomStream, citizen: number, logMiss: number): number {
  if (logMiss === -Infinity) return citizen + 1;
  const gap = Math.floor(Math.log(1 - rng.next()) / logMiss);
  return gap < 2 ** 31 ? citizen + 1 + gap : Infinity;
}
