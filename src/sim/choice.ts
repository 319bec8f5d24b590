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
 */
import { Channel, CHANNEL_COUNT, channelBit, type ModelConfig, type PolicyParams } from './config.js';
import type { Rng } from './random/streams.js';
import { currentTrust } from './trust.js';
import { CitizenFlag, NO_CHANNEL, queueKey, type SimState } from './state.js';

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
  return state.citizens.access[citizen] === 1 ? state.citizens.skill[citizen]! : config.choice.helperSkill;
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
  const policy = state.policy;
  let mask = config.services.channelMask[service]! & ~tried & 0b1111;
  const districtCount = config.districts.ids.length;
  const district = config.segments.district[state.citizens.segment[citizen]!]!;
  const down = digitalDown(state);
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    const bit = channelBit(channel);
    if ((mask & bit) === 0) continue;
    let usable = policy.channelOpen[channel] === 1;
    if (channel === Channel.online) {
      usable = usable && !down && (state.citizens.access[citizen] === 1 || state.citizens.helper[citizen] === 1);
    } else {
      if (channel === Channel.assisted) {
        const needsHelp = state.citizens.access[citizen] !== 1 || state.citizens.skill[citizen]! < policy.assistedMaxSkill;
        usable = (usable || policy.partnerCapacityPerDay > 0) && !down && needsHelp;
      }
      const key = queueKey(channel, channel === Channel.phone ? 0 : district, districtCount);
      usable = usable && state.queues.expectedWaitDays[key]! <= daysLeft;
    }
    if (!usable) mask &= ~bit;
  }
  if ((state.citizens.flags[citizen]! & CitizenFlag.refusesConsent) !== 0 && !policy.consentOrNoService) {
    // Informed opt-in: a citizen who refuses data use keeps a non-digital path where one is open.
    const human = mask & (channelBit(Channel.phone) | channelBit(Channel.counter));
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
  rng: Rng,
  citizen: number,
  service: number,
  mask: number,
): number {
  if (mask === 0) return NO_CHANNEL;
  const choice = config.choice;
  const policy = state.policy;
  const citizens = state.citizens;
  const segment = citizens.segment[citizen]!;
  const district = config.segments.district[segment]!;
  const districtCount = config.districts.ids.length;
  const complexity = config.services.complexity[service]!;
  const transactions = transactionsFor(config, policy, service);
  const workFactor = transactions * (0.5 + complexity);
  const last = citizens.lastChannel[citizen]!;
  const trust = currentTrust(state, config, citizen);
  const digitalAppeal =
    choice.betaTrust * trust -
    choice.betaPrivacy * citizens.privacy[citizen]! * config.services.dataFields[service]! * policy.dataCollectionMultiplier / 20 +
    choice.betaMotivation * (citizens.motivation[citizen]! - 0.5);
  let best = -Infinity;
  const utility = [0, 0, 0, 0];
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    if ((mask & channelBit(channel)) === 0) continue;
    let u = choice.asc[channel]! + config.segments.asc[segment * CHANNEL_COUNT + channel]!;
    let hours = policy.handlingHours[channel]! * workFactor;
    if (channel === Channel.counter) hours += config.districts.counterTravelHours[district]!;
    else if (channel === Channel.assisted) hours += config.districts.assistedTravelHours[district]!;
    u -= choice.betaTimePerHour * hours;
    if (channel !== Channel.online) {
      const key = queueKey(channel, channel === Channel.phone ? 0 : district, districtCount);
      u -= choice.betaWaitPerDay * state.queues.expectedWaitDays[key]!;
    }
    if (channel === Channel.online || channel === Channel.assisted) u += digitalAppeal;
    if (channel === Channel.online) {
      const proxy = citizens.access[citizen] !== 1;
      const skill = proxy ? choice.helperSkill : citizens.skill[citizen]!;
      u -= choice.betaEffort * onlineEffort(complexity, transactions, skill, currentUsability(state));
      if (proxy) u -= choice.proxyPenalty;
    }
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
  let draw = rng() * total;
  let chosen: number = NO_CHANNEL;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
    if ((mask & channelBit(channel)) === 0) continue;
    chosen = channel;
    draw -= utility[channel]!;
    if (draw < 0) break;
  }
  return chosen;
}
