/**
 * Phase `routeNeeds`: each of today's needs chooses a channel (logit over the
 * channels usable now), tries online and falls back on failure, or joins a
 * staffed queue; a need with no usable channel left is unmet — unless the
 * digital channels are only down for an outage, when it waits for them.
 * Writes: needs' channels and queue places, online outcomes, counters.
 */
import { Channel, channelBit, type ModelConfig } from '../config.js';
import { SegmentCounter as S, DistrictCounter as D } from '../counters.js';
import { currentUsability, chooseChannel, digitalDown, effectiveSkill, onlineEffort, probFailOnline, transactionsFor } from '../choice.js';
import { needUnmet, serveNeed, UnmetReason } from '../outcomes.js';
import { allocateNeed, dequeueWaiting, enqueue, fileByDeadline, Link, NeedStatus, NONE, unlinkNeed } from '../queues.js';
import { addDistrict, addSegment, CitizenFlag, NO_CHANNEL, queueKey, type SimContext, type SimState } from '../state.js';
import { availableChannels } from '../choice.js';
import { trustBad } from '../trust.js';

const FAILURE_SHIFT = 4;
const FAILURE_UNIT = 1 << FAILURE_SHIFT;

export function routeNeeds(state: SimState, ctx: SimContext): void {
  const { config } = ctx;
  for (let i = 0; i < state.arrivalCount; i++) {
    const citizen = state.arrivalCitizen[i]!;
    const service = state.arrivalService[i]!;
    const segment = state.citizens.segment[citizen]!;
    const patience = Math.max(1, Math.round(config.segments.patienceDays[segment]! * config.services.patienceFactor[service]!));
    if (!consents(state, ctx, citizen)) {
      needUnmet(state, ctx, citizen, UnmetReason.refused);
      continue;
    }
    routeNeed(state, ctx, citizen, service, state.day, state.day + patience, 0, NONE, true);
  }
}

/**
 * Under "consent or no service", a citizen who refuses data use either
 * consents under duress (a bad experience) or goes without the service.
 */
function consents(state: SimState, ctx: SimContext, citizen: number): boolean {
  const policy = state.policy;
  if (!policy.consentOrNoService || (state.citizens.flags[citizen]! & CitizenFlag.refusesConsent) === 0) return true;
  const privacy = state.citizens.privacy[citizen]!;
  const refuseProb = (privacy - policy.refusalThreshold) / Math.max(1e-9, 1 - policy.refusalThreshold);
  if (ctx.streams.choice() < refuseProb) return false;
  trustBad(state, ctx.config, citizen, ctx.config.trust.weightForced);
  return true;
}

/**
 * Routes one need from today: chooses, attempts, falls back, queues or ends
 * it. `slot` is the need's pool record when it already has one (a need
 * coming back from an outage wait), else NONE. `fresh` marks a need seen for
 * the first time today (counted in the district's human demand).
 */
export function routeNeed(
  state: SimState,
  ctx: SimContext,
  citizen: number,
  service: number,
  arrivalDay: number,
  deadline: number,
  triedBefore: number,
  slot: number,
  fresh: boolean,
): void {
  const { config, streams } = ctx;
  const policy = state.policy;
  const segmentCount = config.segments.ids.length;
  const districtCount = config.districts.ids.length;
  const segment = state.citizens.segment[citizen]!;
  const district = config.segments.district[segment]!;
  let tried = triedBefore;
  for (;;) {
    const mask = availableChannels(state, config, citizen, service, tried, deadline - state.day);
    const channel = chooseChannel(state, config, streams.choice, citizen, service, mask);
    if (fresh && (channel === NO_CHANNEL || (channelBit(channel) & ~channelBit(Channel.online)) !== 0)) {
      addDistrict(state, district, D.humanDemand, 1, districtCount);
      fresh = false;
    }
    if (channel === NO_CHANNEL) {
      if (digitalDown(state) && wouldBeOnlineUsable(state, config, citizen, service, tried) && deadline > state.day) {
        waitForRestoration(state, ctx, citizen, service, arrivalDay, deadline, tried, slot);
        return;
      }
      finishSlot(state, slot);
      needUnmet(state, ctx, citizen, (tried & channelBit(Channel.online)) !== 0 ? UnmetReason.onlineFailed : UnmetReason.noChannel);
      return;
    }
    if (channel === Channel.online) {
      addSegment(state, segment, S.onlineAttempts, 1, segmentCount);
      if (state.citizens.access[citizen] !== 1) addSegment(state, segment, S.proxyUses, 1, segmentCount);
      const effort = onlineEffort(
        config.services.complexity[service]!,
        transactionsFor(config, policy, service),
        effectiveSkill(state, config, citizen),
        currentUsability(state),
      );
      if (streams.outcomes() < probFailOnline(effort, policy.failureScale)) {
        addSegment(state, segment, S.onlineFailures, 1, segmentCount);
        addSegment(state, segment, S.citizenHours, policy.failedAttemptHours, segmentCount);
        addSegment(state, segment, S.badExperiences, 1, segmentCount);
        trustBad(state, config, citizen, config.trust.weightFailedAttempt);
        // Failures are counted in the high bits of `tried`; online leaves the choice set after the last allowed one.
        tried += FAILURE_UNIT;
        if (tried >>> FAILURE_SHIFT >= policy.maxOnlineAttempts) tried |= channelBit(Channel.online);
        continue;
      }
      finishSlot(state, slot);
      serveNeed(state, ctx, citizen, service, Channel.online, arrivalDay, false);
      return;
    }
    // A staffed channel: join its queue.
    const need = slot === NONE ? allocateNeed(state.pool) : slot;
    const pool = state.pool;
    if (slot === NONE) {
      pool.citizen[need] = citizen;
      pool.service[need] = service;
      pool.arrivalDay[need] = arrivalDay;
      pool.deadline[need] = deadline;
      fileByDeadline(state.expiry, pool, need);
    }
    pool.tried[need] = tried;
    pool.transactions[need] = transactionsFor(config, policy, service);
    pool.joinDay[need] = state.day;
    enqueue(state.queues, pool, queueKey(channel, channel === Channel.phone ? 0 : district, districtCount), need);
    return;
  }
}

/**
 * Routes again every need waiting in a queue: when its channel closes by
 * policy, or when the digital channels come back after an outage. Each need
 * keeps its arrival day, deadline and failed attempts.
 */
export function rerouteQueue(state: SimState, ctx: SimContext, key: number): void {
  const pool = state.pool;
  for (let slot = dequeueWaiting(state.queues, pool, key); slot !== NONE; slot = dequeueWaiting(state.queues, pool, key)) {
    routeNeed(state, ctx, pool.citizen[slot]!, pool.service[slot]!, pool.arrivalDay[slot]!, pool.deadline[slot]!, pool.tried[slot]!, slot, false);
  }
}

/** Whether online would be usable for this need were the digital channels up. */
function wouldBeOnlineUsable(state: SimState, config: ModelConfig, citizen: number, service: number, tried: number): boolean {
  const bit = channelBit(Channel.online);
  return (
    state.policy.channelOpen[Channel.online] === 1 &&
    (config.services.channelMask[service]! & bit & ~tried) !== 0 &&
    (state.citizens.access[citizen] === 1 || state.citizens.helper[citizen] === 1)
  );
}

/** Parks a need in the online queue of its district until the digital channels are back. */
function waitForRestoration(
  state: SimState,
  ctx: SimContext,
  citizen: number,
  service: number,
  arrivalDay: number,
  deadline: number,
  tried: number,
  slot: number,
): void {
  const { config } = ctx;
  const pool = state.pool;
  const need = slot === NONE ? allocateNeed(pool) : slot;
  if (slot === NONE) {
    pool.citizen[need] = citizen;
    pool.service[need] = service;
    pool.arrivalDay[need] = arrivalDay;
    pool.deadline[need] = deadline;
    fileByDeadline(state.expiry, pool, need);
  }
  pool.tried[need] = tried;
  pool.transactions[need] = transactionsFor(config, state.policy, service);
  pool.joinDay[need] = state.day;
  const district = config.segments.district[state.citizens.segment[citizen]!]!;
  enqueue(state.queues, pool, queueKey(Channel.online, district, config.districts.ids.length), need);
}

/** Marks a pooled need as done and drops it from its queue list. */
function finishSlot(state: SimState, slot: number): void {
  if (slot === NONE) return;
  state.pool.status[slot] = NeedStatus.done;
  unlinkNeed(state.pool, slot, Link.queue);
}
