/**
 * Phase `routeNeeds`: each of today's needs chooses a channel (logit over the
 * channels usable now), tries online and falls back on failure, or joins a
 * staffed queue; a need with no usable channel left is unmet — unless the
 * digital channels are only down for an outage, when it waits for them.
 * Per need: table lookups for what depends on segment, service and policy,
 * at most three exponentials, nothing allocated but a pool record.
 * Writes: needs' channels and queue places, online outcomes, counters.
 */
import { Channel, CHANNEL_COUNT, ChannelBit, DIGITAL_MASK } from '../config.js';
import { CITY_COUNTER_COUNT, CityCounter as C, DISTRICT_COUNTER_COUNT, DistrictCounter as D, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../counters.js';
import { drawChannel, drawChannelExact, SAFE_HIGH, SAFE_LOW, usableChannels } from '../choice.js';
import { needUnmet, serveNeed, UnmetReason, wronglyDenied } from '../outcomes.js';
import { beginToday, fillTodayPair, type PhaseTables } from '../phase-tables.js';
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
  unlinkNeed,
} from '../queues.js';
import { CitizenFlag, districtRow, NO_CHANNEL, phaseTables, segmentRow, type SimContext, type SimState } from '../state.js';
import { experience, trustBad, upToDate } from '../trust.js';
import { markOnce, storeSkill, trustDeviationsAt } from '../stocks.js';
import { ByteSlot, DaySlot, FloatSlot, hasAccess, hasFlag, hasHelper, privacyOf, CitizenRecord, segmentOf, skillOf, touchCitizen } from '../citizens.js';

const FAILURE_SHIFT = 4;
const FAILURE_UNIT = 1 << FAILURE_SHIFT;

/** Arrivals whose citizens are brought into cache together before they are routed. */
const CHUNK = 128;

export function routeNeeds(state: SimState, ctx: SimContext): void {
  if (ctx.referencePath === true) {
    routeArrivalsByReference(state, ctx);
    return;
  }
  const tables = phaseTables(state, ctx.config);
  beginToday(tables);
  // The fused loop stops at each consent refuser it must ask and goes on after it from here. The call is in this
  // small function, not in the loop: a call first reached months into a run (the first refuser asked) made V8
  // throw away the loop's compiled code and run it unoptimized for days while it compiled the loop again (about
  // 40 ms of a million-citizen year).
  const count = state.arrivalCount;
  for (let i = routeArrivals(state, ctx, tables, 0); i < count; i = routeArrivals(state, ctx, tables, i + 1)) {
    routeFresh(state, ctx, state.arrivalCitizen[i]!, state.arrivalService[i]!, 0);
  }
}

/**
 * The reference implementation of the phase: every arrival through `route`,
 * the general path (also taken by needs coming back from a queue). The
 * engine's `routeArrivals` must give bit-identical results (tested).
 */
function routeArrivalsByReference(state: SimState, ctx: SimContext): void {
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
 * Today's arrivals from `from` on, routed by the engine: what `route` and
 * `serveNeed` do for a need seen for the first time, written as one loop.
 * Everything a need reads (the citizen's record, the policy's tables,
 * today's waits, the month's counters) is looked up once per call (once a
 * day but for consent refusers) and kept in locals, and the
 * common path — a choice, online attempts, service online, the decision,
 * the experience — runs without a call it cannot inline. Measured on a
 * million citizens, the phase took about 250 ns per need calling the
 * reference functions and 165 ns written this way (docs/performance.md).
 * Rarer paths go to the reference functions: no channel left, utilities
 * beyond the range where the product of exponentials is exact
 * (`drawChannelExact`), a wrongful denial. A consent refuser to be asked
 * ends the loop: it returns that need's index for `routeNeeds` to route by
 * reference, or the arrival count when every need is routed. Same draws
 * in the same order, the same arithmetic: results are bit-identical to
 * `routeArrivalsByReference` (test/sim/fast-path.test.ts runs every shipped
 * scenario both ways).
 */
function routeArrivals(state: SimState, ctx: SimContext, tables: PhaseTables, from: number): number {
  const config = ctx.config;
  const { choice: choiceRng, outcomes: outcomeRng, decisions: decisionRng } = ctx.streams;
  const policy = state.policy;
  const { floats, days, bytes } = state.citizens;
  const recorder = state.recorder;
  const day = state.day;
  const serviceCount = tables.serviceCount;
  const districtCount = tables.districtCount;
  const segmentCount = config.segments.ids.length;
  const segmentDistrict = config.segments.district;
  const trustMean = config.segments.trustMean;
  const trustDecay = state.trustDecay;
  const trustDeviation = trustDeviationsAt(state.stocks, trustDecay, state.day);
  const { skillSum, registeredCitizens } = state.stocks;
  const segmentMonthly = recorder.segmentMonthly;
  const districtMonthly = recorder.districtMonthly;
  const cityMonthly = recorder.cityMonthly;
  const cityRow = state.month * CITY_COUNTER_COUNT;
  const segmentRows = state.month * segmentCount;
  const districtRows = state.month * districtCount;
  const daysToService = recorder.daysToService;
  const daysToServiceBins = recorder.daysToServiceBins;
  const { todayMask, todayWeight, todayFilled, todaySerial, patienceDays, weight, proxyWeight, privacyCoef, onlineSkillUtility, successAtZeroSkill, failSkill, proxyFailProb } = tables;
  const { transactions, needCost, hours, recordsPerNeed, automationShare, habitWeight, onlineForced } = tables;
  const { betaTrust, betaMotivation } = config.choice;
  const { gainGood, lossBad, longWaitDays, weightFailedAttempt, weightForced, weightLongWait } = config.trust;
  const { assistedMaxSkill, maxOnlineAttempts, failedAttemptHours, consentOrNoService, humanErrorRate, automatedErrorBySegment, learningRate } = policy;
  const appUses = policy.extraApps > 0 ? policy.appUsePerNeed * policy.extraApps : 0;
  const betaWaitPerDay = config.choice.betaWaitPerDay;
  const waits = state.queues.expectedWaitDays;
  const down = state.day < state.outageUntilDay;
  // Served online the day it arrives: 0 days to service, a long wait only if the threshold is below 0.
  const sameDayIsLongWait = 0 > longWaitDays;
  const arrivals = state.arrivalCitizen;
  const arrivalServices = state.arrivalService;
  const count = state.arrivalCount;
  for (let first = from; first < count; first += CHUNK) {
    const last = Math.min(count, first + CHUNK);
    state.touched = touchCitizens(state, first, last);
    for (let i = first; i < last; i++) {
      const citizen = arrivals[i]!;
      const service = arrivalServices[i]!;
      const record = citizen * CitizenRecord.bytes;
      const floatSlots = citizen * CitizenRecord.floats;
      const daySlot = citizen * CitizenRecord.days + DaySlot.trustDay;
      const trustSlot = floatSlots + FloatSlot.trust;
      const segment = bytes[record + ByteSlot.segment]!;
      const pair = segment * serviceCount + service;
      const refuses = (bytes[record + ByteSlot.flags]! & CitizenFlag.refusesConsent) !== 0;
      // Handed back to `routeNeeds` by a return alone: any other operation here (a call, a store) is first met
      // months into a run, and made V8 throw the loop's code away then.
      if (refuses && consentOrNoService) return i;
      const access = bytes[record + ByteSlot.access] === 1;
      const reachable = access || bytes[record + ByteSlot.helper] === 1;
      const lastChannel = bytes[record + ByteSlot.lastChannel]!;
      const district = segmentDistrict[segment]!;
      const patience = patienceDays[pair]!;
      const segmentRow = (segmentRows + segment) * SEGMENT_COUNTER_COUNT;
      const districtRow = (districtRows + district) * DISTRICT_COUNTER_COUNT;
      if (todayFilled[pair] !== todaySerial) fillTodayPair(tables, pair, district, betaWaitPerDay, waits, down);
      let tried = 0;
      // How the need left the loop: queued on a staffed channel, done (served online, maybe denied), or to the reference path.
      let outcome: number = Outcome.reference;
      let channel = 0;
      for (;;) {
        // The choice set: `usableChannels` with every day of patience left (today's tables), then the citizen's conditions.
        let mask = todayMask[pair]! & ~tried;
        if ((mask & ChannelBit.online) !== 0 && !reachable) mask &= ~ChannelBit.online;
        if ((mask & ChannelBit.assisted) !== 0 && access && floats[floatSlots + FloatSlot.skill]! >= assistedMaxSkill) mask &= ~ChannelBit.assisted;
        if (refuses) {
          // Informed opt-in: a refuser keeps a non-digital path where one is open.
          const human = mask & (ChannelBit.phone | ChannelBit.counter);
          if (human !== 0) mask = human;
        }
        if (mask === 0) break;
        // The logit: `drawChannel`. Trust is brought up to date first (`currentTrust`).
        let digital = 0;
        if ((mask & DIGITAL_MASK) !== 0) {
          const trust = upToDate(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day);
          digital = betaTrust * trust - privacyCoef[service]! * floats[floatSlots + FloatSlot.privacy]! + betaMotivation * (floats[floatSlots + FloatSlot.motivation]! - 0.5);
        }
        const base = pair * CHANNEL_COUNT;
        let online = 0;
        let phone = 0;
        let counter = 0;
        let assisted = 0;
        if ((mask & ChannelBit.online) !== 0) {
          online = access ? weight[base]! * Math.exp(digital + onlineSkillUtility[service]! * floats[floatSlots + FloatSlot.skill]!) : proxyWeight[pair]! * Math.exp(digital);
        }
        if ((mask & ChannelBit.phone) !== 0) phone = todayWeight[base + Channel.phone]!;
        if ((mask & ChannelBit.counter) !== 0) counter = todayWeight[base + Channel.counter]!;
        if ((mask & ChannelBit.assisted) !== 0) assisted = todayWeight[base + Channel.assisted]! * Math.exp(digital);
        // Habit: the last channel's weight × habitWeight, the others' × 1 (exact). Multiplying all four, rather than
        // branching to one, gives V8 each multiplication's types on the first day: a product first met days later
        // (the first citizen back from assisted digital) made it throw away and recompile the whole loop.
        online *= lastChannel === Channel.online ? habitWeight : 1;
        phone *= lastChannel === Channel.phone ? habitWeight : 1;
        counter *= lastChannel === Channel.counter ? habitWeight : 1;
        assisted *= lastChannel === Channel.assisted ? habitWeight : 1;
        const total = online + phone + counter + assisted;
        if (total > SAFE_LOW && total < SAFE_HIGH) {
          let draw = choiceRng.next() * total;
          channel = NO_CHANNEL;
          if ((mask & ChannelBit.online) !== 0) {
            channel = Channel.online;
            draw -= online;
          }
          if (draw >= 0 && (mask & ChannelBit.phone) !== 0) {
            channel = Channel.phone;
            draw -= phone;
          }
          if (draw >= 0 && (mask & ChannelBit.counter) !== 0) {
            channel = Channel.counter;
            draw -= counter;
          }
          if (draw >= 0 && (mask & ChannelBit.assisted) !== 0) channel = Channel.assisted;
        } else {
          channel = drawChannelExact(state, config, tables, choiceRng, citizen, service, pair, district, mask, digital);
        }
        if (channel !== Channel.online) {
          districtMonthly[districtRow + D.humanDemand]! += 1;
          outcome = Outcome.queued;
          break;
        }
        // An online attempt.
        segmentMonthly[segmentRow + S.onlineAttempts]! += 1;
        let failProb: number;
        if (access) {
          failProb = 1 - successAtZeroSkill[service]! * Math.exp(failSkill[service]! * floats[floatSlots + FloatSlot.skill]!);
        } else {
          segmentMonthly[segmentRow + S.proxyUses]! += 1;
          failProb = proxyFailProb[service]!;
        }
        if (outcomeRng.next() < failProb) {
          segmentMonthly[segmentRow + S.onlineFailures]! += 1;
          segmentMonthly[segmentRow + S.citizenHours]! += failedAttemptHours;
          segmentMonthly[segmentRow + S.badExperiences]! += 1;
          experience(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day, false, gainGood, lossBad, weightFailedAttempt);
          tried += FAILURE_UNIT;
          if (tried >>> FAILURE_SHIFT >= maxOnlineAttempts) tried |= ChannelBit.online;
          continue;
        }
        // Served online: `serveNeed`.
        const needTransactions = transactions[service]!;
        cityMonthly[cityRow + C.transactions]! += needTransactions;
        cityMonthly[cityRow + C.needsServed]! += 1;
        const cost = needCost[service * CHANNEL_COUNT + Channel.online]!;
        cityMonthly[cityRow + C.costTransactions]! += cost;
        segmentMonthly[segmentRow + S.governmentCostTransactions]! += cost;
        segmentMonthly[segmentRow + S.citizenHours]! += hours[(district * serviceCount + service) * CHANNEL_COUNT + Channel.online]!;
        state.recordsHeld += recordsPerNeed[service]!;
        districtMonthly[districtRow + D.recordedDemand]! += 1;
        districtMonthly[districtRow + D.onlineTransactions]! += 1;
        markOnce(bytes, registeredCitizens, record + ByteSlot.flags, segment, CitizenFlag.registered);
        districtMonthly[districtRow + D.transactions]! += 1;
        bytes[record + ByteSlot.lastChannel] = Channel.online;
        const automation = automationShare[service]!;
        const automated = automation > 0 && decisionRng.next() < automation;
        const errorRate = automated ? automatedErrorBySegment[segment]! : humanErrorRate;
        if (errorRate > 0 && decisionRng.next() < errorRate) {
          wronglyDenied(state, ctx, citizen, Channel.online, day);
          outcome = Outcome.done;
          break;
        }
        // Met the same day: `needMet` (0 days to service).
        segmentMonthly[segmentRow + S.met]! += 1;
        segmentMonthly[segmentRow + S.metOnline]! += 1;
        districtMonthly[districtRow + D.met]! += 1;
        daysToService[segment * daysToServiceBins]!++;
        if (appUses > 0) cityMonthly[cityRow + C.appUses]! += appUses;
        if (onlineForced) {
          segmentMonthly[segmentRow + S.forced]! += 1;
          experience(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day, false, gainGood, lossBad, weightForced);
        }
        if (sameDayIsLongWait) {
          segmentMonthly[segmentRow + S.badExperiences]! += 1;
          experience(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day, false, gainGood, lossBad, weightLongWait);
        } else if (!onlineForced) {
          segmentMonthly[segmentRow + S.goodExperiences]! += 1;
          experience(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day, true, gainGood, lossBad, 0);
        }
        if (access) {
          const skill = floats[floatSlots + FloatSlot.skill]!;
          storeSkill(floats, skillSum, floatSlots + FloatSlot.skill, segment, skill + learningRate * (1 - skill));
        }
        outcome = Outcome.done;
        break;
      }
      if (outcome === Outcome.done) continue;
      if (outcome === Outcome.reference) {
        // No channel left (maybe waiting out an outage): the reference path, from here.
        routeFresh(state, ctx, citizen, service, tried);
        continue;
      }
      // A staffed channel: join its queue (`park`).
      park(state, tables, citizen, service, day, day + patience, tried, NONE, channel * districtCount + (channel === Channel.phone ? 0 : district));
    }
  }
  return count;
}

/** How a need left `routeArrivals`'s loop. */
const Outcome = { reference: 0, queued: 1, done: 2 } as const;

/**
 * A need arriving today through the reference path, from `routeArrivals`:
 * the consent question first (`consents`: yes unless the citizen refuses
 * and the policy asks, in which case no channel was tried yet), then
 * `route` with the channels already `tried`.
 */
function routeFresh(state: SimState, ctx: SimContext, citizen: number, service: number, tried: number): void {
  if (!consents(state, ctx, citizen)) {
    needUnmet(state, ctx, citizen, UnmetReason.refused);
    return;
  }
  const tables = phaseTables(state, ctx.config);
  const pair = segmentOf(state.citizens, citizen) * tables.serviceCount + service;
  route(state, ctx, tables, citizen, service, pair, state.day, state.day + tables.patienceDays[pair]!, tried, NONE, true);
}

/**
 * Reads the record of each citizen of arrivals [first, last) once. The
 * reads are independent, so the processor fetches their cache lines in
 * parallel; routing then finds them in cache instead of waiting on memory
 * need by need (a large city's citizens do not fit in cache). No effect on
 * results. (The need records queueing takes were read ahead too, until the
 * pool shrank to the needs still queued: it made no difference measured.)
 */
function touchCitizens(state: SimState, first: number, last: number): number {
  const citizens = state.citizens;
  const arrivals = state.arrivalCitizen;
  let sink = 0;
  for (let i = first; i < last; i++) sink += touchCitizen(citizens, arrivals[i]!);
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
  if (ctx.streams.choice.next() < refuseProb) return false;
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
      needUnmet(state, ctx, citizen, (tried & ChannelBit.online) !== 0 ? UnmetReason.onlineFailed : UnmetReason.noChannel);
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
      if (streams.outcomes.next() < failProb) {
        segmentMonthly[row + S.onlineFailures]! += 1;
        segmentMonthly[row + S.citizenHours]! += policy.failedAttemptHours;
        segmentMonthly[row + S.badExperiences]! += 1;
        trustBad(state, config, citizen, config.trust.weightFailedAttempt);
        // Failures are counted in the high bits of `tried`; online leaves the choice set after the last allowed one.
        tried += FAILURE_UNIT;
        if (tried >>> FAILURE_SHIFT >= policy.maxOnlineAttempts) tried |= ChannelBit.online;
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
    (tables.staticMask[pair]! & ChannelBit.online & ~tried) !== 0 &&
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
