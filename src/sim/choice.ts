/**
 * Channel choice: a multinomial logit over the channels a citizen can use
 * now. For channel c,
 *
 *   U_c = ASC_c + ASC_c,seg − β_time·hours_c − β_wait·wait_c + β_habit·[c = last]
 *         + [c digital]·(β_trust·trust − β_priv·privacy·dataIntensity + β_mot·(motivation − ½))
 *         − [c = online]·(β_effort·effort + proxyPenalty·[via helper])
 *   P(c) = exp(U_c) / Σ_j exp(U_j)
 *
 * Online effort grows with complexity, transactions (fragmentation) and
 * (1 − skill), and shrinks with usability; it also sets the chance that an
 * online attempt fails: P(fail) = 1 − exp(−γ·effort).
 *
 * How it is computed: exp(U_c) is the product of exp of its parts. The parts
 * fixed for a (segment, service) under the policy in force come from
 * `PhaseTables`, exp(−β_wait·wait) from a per-queue cache, exp(β_habit) is a
 * constant, so a need costs one exponential per digital channel in its
 * choice set (the citizen's own terms). Should the product leave the range
 * where it is exact (a utility beyond about ±700), the shares are computed
 * from the utilities with the largest one subtracted, as the formula reads.
 */
import { Channel, CHANNEL_COUNT, channelBit, ChannelBit, type ModelConfig, type PolicyParams } from './config.js';
import type { RandomStream } from './random/streams.js';
import { currentTrust } from './trust.js';
import { CitizenFlag, NO_CHANNEL, phaseTables, type SimState } from './state.js';
import { waitWeight, type PhaseTables } from './phase-tables.js';
import { hasAccess, hasFlag, hasHelper, lastChannelOf, motivationOf, privacyOf, segmentOf, skillOf } from './citizens.js';

/** Weights beyond these bounds fall back to the max-subtracted computation. */
export const SAFE_LOW = 1e-250;
export const SAFE_HIGH = 1e250;

/** Transactions a need takes: one per agency, or one when services are integrated (one-stop). */
export function transactionsFor(config: ModelConfig, policy: PolicyParams, service: number): number {
  return policy.oneStop ? 1 : config.services.agencies[service]!;
}

/** Online effort of a need, in [0, transactions]. */
export function onlineEffort(complexity: number, transactions: number, skill: number, usability: number): number {
  return transactions * complexity * 0.5 * (2 - usability - skill);
}

/** Probability an online attempt fails at the given effort. */
export function probFailOnline(effort: number, failureScale: number): number {
  return 1 - Math.exp(-failureScale * effort);
}

/** Online usability now: the policy's plus what feedback has added. */
export function currentUsability(state: SimState): number {
  return Math.min(1, state.policy.usability + state.usabilityGain);
}

/** Whether digital channels are down (an outage). */
export function digitalDown(state: SimState): boolean {
  return state.day < state.outageUntilDay;
}

/** Skill the citizen brings online: their own, or their helper's when they have no access. */
export function effectiveSkill(state: SimState, config: ModelConfig, citizen: number): number {
  return hasAccess(state.citizens, citizen) ? skillOf(state.citizens, citizen) : config.choice.helperSkill;
}

/**
 * Channels this citizen can use now for this service, as a mask: open by
 * policy, offered for the service, not yet tried, reachable (online needs
 * access or a helper), up (no outage), with capacity, and with an expected
 * wait within the days of patience left.
 */
export function availableChannels(
  state: SimState,
  config: ModelConfig,
  citizen: number,
  service: number,
  tried: number,
  daysLeft: number,
): number {
  const tables = phaseTables(state, config);
  const segment = segmentOf(state.citizens, citizen);
  return usableChannels(state, tables, citizen, segment * tables.serviceCount + service, config.segments.district[segment]!, tried, daysLeft);
}

/**
 * `availableChannels` with the tables, the (segment, service) pair and the
 * district already looked up: the engine's version. Cost O(1).
 */
export function usableChannels(
  state: SimState,
  tables: PhaseTables,
  citizen: number,
  pair: number,
  district: number,
  tried: number,
  daysLeft: number,
): number {
  let mask = tables.staticMask[pair]! & ~tried & 0b1111;
  if (mask === 0) return 0;
  const citizens = state.citizens;
  const down = state.day < state.outageUntilDay;
  const access = hasAccess(citizens, citizen);
  if ((mask & ChannelBit.online) !== 0 && (down || !(access || hasHelper(citizens, citizen)))) mask &= ~ChannelBit.online;
  const waits = state.queues.expectedWaitDays;
  const districtCount = tables.districtCount;
  if ((mask & ChannelBit.phone) !== 0 && !(waits[Channel.phone * districtCount]! <= daysLeft)) mask &= ~ChannelBit.phone;
  if ((mask & ChannelBit.counter) !== 0 && !(waits[Channel.counter * districtCount + district]! <= daysLeft)) mask &= ~ChannelBit.counter;
  if ((mask & ChannelBit.assisted) !== 0) {
    const needsHelp = !access || skillOf(citizens, citizen) < state.policy.assistedMaxSkill;
    if (down || !needsHelp || !(waits[Channel.assisted * districtCount + district]! <= daysLeft)) mask &= ~ChannelBit.assisted;
  }
  if (hasFlag(citizens, citizen, CitizenFlag.refusesConsent) && !state.policy.consentOrNoService) {
    // Informed opt-in: a citizen who refuses data use keeps a non-digital path where one is open.
    const human = mask & (ChannelBit.phone | ChannelBit.counter);
    if (human !== 0) mask = human;
  }
  return mask;
}

/**
 * Draws a channel from the logit over `mask`; NO_CHANNEL for an empty mask.
 * Cost O(channels), one uniform draw.
 */
export function chooseChannel(
  state: SimState,
  config: ModelConfig,
  rng: RandomStream,
  citizen: number,
  service: number,
  mask: number,
): number {
  const tables = phaseTables(state, config);
  const segment = segmentOf(state.citizens, citizen);
  return drawChannel(state, config, tables, rng, citizen, service, segment * tables.serviceCount + service, config.segments.district[segment]!, mask);
}

/**
 * `chooseChannel` with the tables, the (segment, service) pair and the
 * district already looked up: the engine's version. Cost O(channels), at
 * most two exponentials, one uniform draw.
 */
export function drawChannel(
  state: SimState,
  config: ModelConfig,
  tables: PhaseTables,
  rng: RandomStream,
  citizen: number,
  service: number,
  pair: number,
  district: number,
  mask: number,
): number {
  if (mask === 0) return NO_CHANNEL;
  const citizens = state.citizens;
  const choice = config.choice;
  const base = pair * CHANNEL_COUNT;
  const waits = state.queues.expectedWaitDays;
  const districtCount = tables.districtCount;
  let digital = 0;
  if ((mask & (ChannelBit.online | ChannelBit.assisted)) !== 0) {
    digital =
      choice.betaTrust * currentTrust(state, config, citizen) -
      tables.privacyCoef[service]! * privacyOf(citizens, citizen) +
      choice.betaMotivation * (motivationOf(citizens, citizen) - 0.5);
  }
  let online = 0;
  let phone = 0;
  let counter = 0;
  let assisted = 0;
  if ((mask & ChannelBit.online) !== 0) {
    online =
      hasAccess(citizens, citizen)
        ? tables.weight[base]! * Math.exp(digital + tables.onlineSkillUtility[service]! * skillOf(citizens, citizen))
        : tables.proxyWeight[pair]! * Math.exp(digital);
  }
  if ((mask & ChannelBit.phone) !== 0) {
    const key = Channel.phone * districtCount;
    phone = tables.weight[base + Channel.phone]! * waitWeight(tables, choice.betaWaitPerDay, key, waits[key]!);
  }
  if ((mask & ChannelBit.counter) !== 0) {
    const key = Channel.counter * districtCount + district;
    counter = tables.weight[base + Channel.counter]! * waitWeight(tables, choice.betaWaitPerDay, key, waits[key]!);
  }
  if ((mask & ChannelBit.assisted) !== 0) {
    const key = Channel.assisted * districtCount + district;
    assisted = tables.weight[base + Channel.assisted]! * waitWeight(tables, choice.betaWaitPerDay, key, waits[key]!) * Math.exp(digital);
  }
  switch (lastChannelOf(citizens, citizen)) {
    case Channel.online:
      online *= tables.habitWeight;
      break;
    case Channel.phone:
      phone *= tables.habitWeight;
      break;
    case Channel.counter:
      counter *= tables.habitWeight;
      break;
    case Channel.assisted:
      assisted *= tables.habitWeight;
      break;
  }
  const total = online + phone + counter + assisted;
  if (!(total > SAFE_LOW && total < SAFE_HIGH)) return drawChannelExact(state, config, tables, rng, citizen, service, pair, district, mask, digital);
  let draw = rng.next() * total;
  let chosen: number = NO_CHANNEL;
  if ((mask & ChannelBit.online) !== 0) {
    chosen = Channel.online;
    draw -= online;
    if (draw < 0) return chosen;
  }
  if ((mask & ChannelBit.phone) !== 0) {
    chosen = Channel.phone;
    draw -= phone;
    if (draw < 0) return chosen;
  }
  if ((mask & ChannelBit.counter) !== 0) {
    chosen = Channel.counter;
    draw -= counter;
    if (draw < 0) return chosen;
  }
  if ((mask & ChannelBit.assisted) !== 0) chosen = Channel.assisted;
  return chosen;
}

/** The logit from the utilities, the largest subtracted before exponentiating: for extreme utilities. */
export function drawChannelExact(
  state: SimState,
  config: ModelConfig,
  tables: PhaseTables,
  rng: RandomStream,
  citizen: number,
  service: number,
  pair: number,
  district: number,
  mask: number,
  digital: number,
): number {
  const citizens = state.citizens;
  const choice = config.choice;
  const last = lastChannelOf(citizens, citizen);
  const utility = new Float64Array(CHANNEL_COUNT);
  let best = -Infinity;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    if ((mask & channelBit(channel)) === 0) continue;
    let u = tables.utility[pair * CHANNEL_COUNT + channel]!;
    if (channel === Channel.online) {
      u = hasAccess(citizens, citizen) ? u + tables.onlineSkillUtility[service]! * skillOf(citizens, citizen) : tables.proxyUtility[pair]!;
    } else {
      const key = channel * tables.districtCount + (channel === Channel.phone ? 0 : district);
      u -= choice.betaWaitPerDay * state.queues.expectedWaitDays[key]!;
    }
    if (channel === Channel.online || channel === Channel.assisted) u += digital;
    if (channel === last) u += choice.betaHabit;
    utility[channel] = u;
    if (u > best) best = u;
  }
  let total = 0;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    if ((mask & channelBit(channel)) === 0) continue;
    const weight = Math.exp(utility[channel]! - best);
    utility[channel] = weight;
    total += weight;
  }
  let draw = rng.next() * total;
  let chosen: number = NO_CHANNEL;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    if ((mask & channelBit(channel)) === 0) continue;
    chosen = channel;
    draw -= utility[channel]!;
    if (draw < 0) break;
  }
  return chosen;
}
