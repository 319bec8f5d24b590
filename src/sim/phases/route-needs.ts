/**
 * Phase `routeNeeds`: each of today's needs chooses a channel (logit over the
 * channels usable now), tries online and falls back on failure, or joins a
 * staffed queue; a need with no usable channel left is unmet — unless the
 * digital channels are only down for an outage, when it waits for them.
 * Per need: table lookups for what depends on segment, service and policy,
 * at most three exponentials, nothing allocated but a pool record.
 * Writes: needs' channels and queue places, online outcomes, counters.
 */
import { Channel, channelBit } from '../config.js';
import { SegmentCounter as S, DistrictCounter as D } from '../counters.js';
import { drawChannel, usableChannels } from '../choice.js';
import { needUnmet, serveNeed, UnmetReason } from '../outcomes.js';
import type { PhaseTables } from '../phase-tables.js';
import {
  allocateNeed,
  dequeueWaiting,
  describeNeed,
  enqueue,
  fileByDeadline,
  Link,
  needArrivalDay,
  needCitizen,
  needDeadline,
  needService,
  NeedStatus,
  needTried,
  NONE,
  setNeedRouting,
  setNeedStatus,
  touchNeed,
  unlinkNeed,
} from '../queues.js';
import { CitizenFlag, districtRow, NO_CHANNEL, phaseTables, segmentRow, type SimContext, type SimState } from '../state.js';
import { trustBad } from '../trust.js';
import { hasAccess, hasFlag, hasHelper, privacyOf, segmentOf, skillOf, touchCitizen } from '../citizens.js';

const FAILURE_SHIFT = 4;
const FAILURE_UNIT = 1 << FAILURE_SHIFT;
const ONLINE = channelBit(Channel.online);

/** Arrivals whose citizens are brought into cache together before they are routed. */
const CHUNK = 128;

export function routeNeeds(state: SimState, ctx: SimContext): void {
  const tables = phaseTables(state, ctx.config);
  const serviceCount = tables.serviceCount;
  const citizens = state.citizens;
  const consentAsked = state.policy.consentOrNoService;
  const day = state.day;
  for (let first = 0; first < state.arrivalCount; first += CHUNK) {
    const last = Math.min(state.arrivalCount, first + CHUNK);
    state.touched = touchCitizens(state, first, last);
    for (let i = first; i < last; i++) {
      const citizen = state.arrivalCitizen[i]!;
      const service = state.arrivalService[i]!;
      const pair = segmentOf(citizens, citizen) * serviceCount + service;
      if (consentAsked && !consents(state, ctx, citizen)) {
        needUnmet(state, ctx, citizen, UnmetReason.refused);
        continue;
      }
      route(state, ctx, tables, citizen, service, pair, day, day + tables.patienceDays[pair]!, 0, NONE, true);
    }
  }
}

/**
 * Reads the record of each citizen of arrivals [first, last) once, and the
 * pool records their needs would take. The reads are independent, so the
 * processor fetches their cache lines in parallel; routing then finds them
 * in cache instead of waiting on memory need by need (a large city's
 * citizens and waiting needs do not fit in cache). No effect on results.
 */
function touchCitizens(state: SimState, first: number, last: number): number {
  const citizens = state.citizens;
  const arrivals = state.arrivalCitizen;
  let sink = 0;
  for (let i = first; i < last; i++) sink += touchCitizen(citizens, arrivals[i]!);
  // The pool records these needs will take if they queue (see `allocateNeed`).
  const pool = state.pool;
  const free = Math.min(pool.freeCount, last - first);
  for (let i = 1; i <= free; i++) sink += touchNeed(pool, pool.free[pool.freeCount - i]!);
  return sink;
}

/**
 * Under "consent or no service", a citizen who refuses data use either
 * consents under duress (a bad experience) or goes without the service.
 */
function consents(state: SimState, ctx: SimContext, citizen: number): boolean {
  const policy = state.policy;
  if (!policy.consentOrNoService || !hasFlag(state.citizens, citizen, CitizenFlag.refusesConsent)) return true;
  const privacy = privacyOf(state.citizens, citizen);
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
  const tables = phaseTables(state, ctx.config);
  const pair = segmentOf(state.citizens, citizen) * tables.serviceCount + service;
  route(state, ctx, tables, citizen, service, pair, arrivalDay, deadline, triedBefore, slot, fresh);
}

/** `routeNeed` with the tables and the (segment, service) pair looked up. */
function route(
  state: SimState,
  ctx: SimContext,
  tables: PhaseTables,
  citizen: number,
  service: number,
  pair: number,
  arrivalDay: number,
  deadline: number,
  triedBefore: number,
  slot: number,
  fresh: boolean,
): void {
  const { config, streams } = ctx;
  const policy = state.policy;
  const citizens = state.citizens;
  const segment = segmentOf(citizens, citizen);
  const district = config.segments.district[segment]!;
  const daysLeft = deadline - state.day;
  let tried = triedBefore;
  for (;;) {
    const mask = usableChannels(state, tables, citizen, pair, district, tried, daysLeft);
    const channel = drawChannel(state, config, tables, streams.choice, citizen, service, pair, district, mask);
    if (fresh && channel !== Channel.online) {
      state.recorder.districtMonthly[districtRow(state, district, tables.districtCount) + D.humanDemand]! += 1;
      fresh = false;
    }
    if (channel === NO_CHANNEL) {
      if (state.day < state.outageUntilDay && wouldBeOnlineUsable(state, tables, citizen, pair, tried) && deadline > state.day) {
        park(state, tables, citizen, service, arrivalDay, deadline, tried, slot, Channel.online * tables.districtCount + district);
        return;
      }
      finishSlot(state, slot);
      needUnmet(state, ctx, citizen, (tried & ONLINE) !== 0 ? UnmetReason.onlineFailed : UnmetReason.noChannel);
      return;
    }
    if (channel === Channel.online) {
      const segmentMonthly = state.recorder.segmentMonthly;
      const row = segmentRow(state, segment, config.segments.ids.length);
      segmentMonthly[row + S.onlineAttempts]! += 1;
      let failProb: number;
      if (hasAccess(citizens, citizen)) {
        failProb = 1 - tables.successAtZeroSkill[service]! * Math.exp(tables.failSkill[service]! * skillOf(citizens, citizen));
      } else {
        segmentMonthly[row + S.proxyUses]! += 1;
        failProb = tables.proxyFailProb[service]!;
      }
      if (streams.outcomes() < failProb) {
        segmentMonthly[row + S.onlineFailures]! += 1;
        segmentMonthly[row + S.citizenHours]! += policy.failedAttemptHours;
        segmentMonthly[row + S.badExperiences]! += 1;
        trustBad(state, config, citizen, config.trust.weightFailedAttempt);
        // Failures are counted in the high bits of `tried`; online leaves the choice set after the last allowed one.
        tried += FAILURE_UNIT;
        if (tried >>> FAILURE_SHIFT >= policy.maxOnlineAttempts) tried |= ONLINE;
        continue;
      }
      finishSlot(state, slot);
      serveNeed(state, ctx, citizen, service, Channel.online, arrivalDay, false);
      return;
    }
    // A staffed channel: join its queue.
    park(state, tables, citizen, service, arrivalDay, deadline, tried, slot, channel * tables.districtCount + (channel === Channel.phone ? 0 : district));
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
    routeNeed(state, ctx, needCitizen(pool, slot), needService(pool, slot), needArrivalDay(pool, slot), needDeadline(pool, slot), needTried(pool, slot), slot, false);
  }
}

/** Whether online would be usable for this need were the digital channels up. */
function wouldBeOnlineUsable(state: SimState, tables: PhaseTables, citizen: number, pair: number, tried: number): boolean {
  return (
    state.policy.channelOpen[Channel.online] === 1 &&
    (tables.staticMask[pair]! & ONLINE & ~tried) !== 0 &&
    (hasAccess(state.citizens, citizen) || hasHelper(state.citizens, citizen))
  );
}

/**
 * Puts a need in a queue: a staffed channel's, or its district's online
 * queue to wait out an outage. A need new to the pool gets a record filed
 * under its deadline.
 */
function park(
  state: SimState,
  tables: PhaseTables,
  citizen: number,
  service: number,
  arrivalDay: number,
  deadline: number,
  tried: number,
  slot: number,
  key: number,
): void {
  const pool = state.pool;
  const need = slot === NONE ? allocateNeed(pool) : slot;
  if (slot === NONE) {
    describeNeed(pool, need, citizen, service, arrivalDay, deadline);
    fileByDeadline(state.expiry, pool, need);
  }
  setNeedRouting(pool, need, tried, tables.transactions[service]!);
  enqueue(state.queues, pool, key, need);
}

/** Marks a pooled need as done and drops it from its queue list. */
function finishSlot(state: SimState, slot: number): void {
  if (slot === NONE) return;
  setNeedStatus(state.pool, slot, NeedStatus.done);
  unlinkNeed(state.pool, slot, Link.queue);
}
