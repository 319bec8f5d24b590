/**
 * What happens when a need reaches its end: served (after a decision that may
 * wrongly deny it, with or without appeal) or unmet. Every end of a need goes
 * through `serveNeed` or `needUnmet`, so the counters conserve needs:
 * arrived = met + unmet + pending.
 */
import { Channel } from './config.js';
import { SegmentCounter as S, CityCounter as C, CITY_COUNTER_COUNT, DistrictCounter as D } from './counters.js';
import {
  CitizenFlag,
  districtRow,
  phaseTables,
  segmentRow,
  type SimContext,
  type SimState,
} from './state.js';
import { trustBad, trustExperience, currentTrust } from './trust.js';
import { ByteSlot, FloatSlot, hasAccess, CitizenRecord, segmentOf, setLastChannel, skillOf } from './citizens.js';
import { markOnce, storeSkill } from './stocks.js';

/** The met counter of each channel. */
export const MET_BY_CHANNEL = [S.metOnline, S.metPhone, S.metCounter, S.metAssisted] as const;

/** Why a need went unmet. */
export const UnmetReason = {
  noChannel: S.unmetNoChannel,
  onlineFailed: S.unmetOnlineFailed,
  timeout: S.unmetTimeout,
  denied: S.unmetDenied,
  refused: S.unmetRefused,
} as const;

/** Records an unmet need: counters, the citizen's flag and a bad experience. */
export function needUnmet(state: SimState, ctx: SimContext, citizen: number, reason: number): void {
  const { config } = ctx;
  const segment = segmentOf(state.citizens, citizen);
  const segmentMonthly = state.recorder.segmentMonthly;
  const row = segmentRow(state, segment, config.segments.ids.length);
  segmentMonthly[row + reason]! += 1;
  if (state.day < state.outageUntilDay) segmentMonthly[row + S.unmetDuringOutage]! += 1;
  segmentMonthly[row + S.badExperiences]! += 1;
  state.recorder.districtMonthly[districtRow(state, config.segments.district[segment]!, config.districts.ids.length) + D.unmet]! += 1;
  markOnce(state.citizens.bytes, state.stocks.unmetCitizens, citizen * CitizenRecord.bytes + ByteSlot.flags, segment, CitizenFlag.hadUnmet);
  trustBad(state, config, citizen, reason === UnmetReason.denied ? config.trust.weightWrongfulDenial : config.trust.weightUnmet);
}

/**
 * A need is served through `channel` today: the decision is taken (maybe
 * wrongly denied, maybe appealed); if it stands, the need is met.
 * `partnerServed` marks an assisted transaction done on partners' capacity.
 */
export function serveNeed(
  state: SimState,
  ctx: SimContext,
  citizen: number,
  service: number,
  channel: number,
  arrivalDay: number,
  partnerServed: boolean,
): void {
  const { config, streams } = ctx;
  const tables = phaseTables(state, config);
  const policy = state.policy;
  const citizens = state.citizens;
  const recorder = state.recorder;
  const segment = segmentOf(citizens, citizen);
  const district = config.segments.district[segment]!;
  const transactions = tables.transactions[service]!;
  const segRow = segmentRow(state, segment, config.segments.ids.length);
  const distRow = districtRow(state, district, tables.districtCount);
  const cityRow = state.month * CITY_COUNTER_COUNT;
  const segmentMonthly = recorder.segmentMonthly;
  const cityMonthly = recorder.cityMonthly;
  const districtMonthly = recorder.districtMonthly;

  // Cost of the transaction(s), to government or to partners.
  cityMonthly[cityRow + C.transactions]! += transactions;
  cityMonthly[cityRow + C.needsServed]! += 1;
  if (channel === Channel.assisted) cityMonthly[cityRow + C.assistedTransactions]! += transactions;
  if (partnerServed) {
    cityMonthly[cityRow + C.partnerCost]! += tables.partnerNeedCost[service]!;
    cityMonthly[cityRow + C.partnerTransactions]! += transactions;
  } else {
    const cost = tables.needCost[service * 4 + channel]!;
    cityMonthly[cityRow + C.costTransactions]! += cost;
    segmentMonthly[segRow + S.governmentCostTransactions]! += cost;
  }
  // Citizen time: travel and handling.
  segmentMonthly[segRow + S.citizenHours]! += tables.hours[(district * tables.serviceCount + service) * 4 + channel]!;
  // Data collected and kept.
  state.recordsHeld += tables.recordsPerNeed[service]!;
  districtMonthly[distRow + D.recordedDemand]! += channel === Channel.counter ? policy.offlineRecordShare : 1;
  if (channel === Channel.counter) {
    districtMonthly[distRow + D.counterServed]! += 1;
    if (state.day - arrivalDay <= policy.kpiProcessingDaysTarget) districtMonthly[distRow + D.counterWithinTarget]! += 1;
  } else if (channel === Channel.online) {
    districtMonthly[distRow + D.onlineTransactions]! += 1;
    markOnce(citizens.bytes, state.stocks.registeredCitizens, citizen * CitizenRecord.bytes + ByteSlot.flags, segment, CitizenFlag.registered);
  }
  districtMonthly[distRow + D.transactions]! += 1;
  setLastChannel(citizens, citizen, channel);

  // The decision: automated or human, maybe a wrongful denial.
  const rng = streams.decisions;
  const automationShare = tables.automationShare[service]!;
  const automated = automationShare > 0 && rng.next() < automationShare;
  const errorRate = automated ? policy.automatedErrorBySegment[segment]! : policy.humanErrorRate;
  if (errorRate > 0 && rng.next() < errorRate) {
    wronglyDenied(state, ctx, citizen, channel, arrivalDay);
    return;
  }
  needMet(state, ctx, citizen, channel, arrivalDay);
}

/**
 * A need served through `channel` and wrongly denied: appealed (and met
 * when the appeal is resolved, resolve-appeals.ts) or unmet.
 */
export function wronglyDenied(state: SimState, ctx: SimContext, citizen: number, channel: number, arrivalDay: number): void {
  const { config, streams } = ctx;
  const policy = state.policy;
  const segmentMonthly = state.recorder.segmentMonthly;
  const segRow = segmentRow(state, segmentOf(state.citizens, citizen), config.segments.ids.length);
  segmentMonthly[segRow + S.wrongfulDenials]! += 1;
  if (policy.appealAvailable && streams.decisions.next() < Math.min(1, policy.appealProb * (0.7 + 0.6 * currentTrust(state, config, citizen)))) {
    segmentMonthly[segRow + S.appeals]! += 1;
    state.recorder.cityMonthly[state.month * CITY_COUNTER_COUNT + C.costAppeals]! += policy.appealCost;
    state.appeals.push({ day: state.day + policy.appealDelayDays, citizen, channel, arrivalDay });
  } else {
    needUnmet(state, ctx, citizen, UnmetReason.denied);
  }
}

/** Records a met need: counters, days to service, experience, learning by doing. */
export function needMet(state: SimState, ctx: SimContext, citizen: number, channel: number, arrivalDay: number): void {
  const { config } = ctx;
  const tables = phaseTables(state, config);
  const policy = state.policy;
  const citizens = state.citizens;
  const recorder = state.recorder;
  const segment = segmentOf(citizens, citizen);
  const days = state.day - arrivalDay;
  const segmentMonthly = recorder.segmentMonthly;
  const row = segmentRow(state, segment, config.segments.ids.length);
  segmentMonthly[row + S.met]! += 1;
  segmentMonthly[row + MET_BY_CHANNEL[channel]!]! += 1;
  segmentMonthly[row + S.daysToServiceSum]! += days;
  recorder.districtMonthly[districtRow(state, config.segments.district[segment]!, tables.districtCount) + D.met]! += 1;
  recorder.daysToService[segment * recorder.daysToServiceBins + Math.min(days, recorder.daysToServiceBins - 1)]!++;
  if (policy.extraApps > 0) recorder.cityMonthly[state.month * CITY_COUNTER_COUNT + C.appUses]! += policy.appUsePerNeed * policy.extraApps;
  // Served digitally because no human channel was open: being forced.
  const forced = channel === Channel.online && tables.onlineForced;
  if (forced) {
    segmentMonthly[row + S.forced]! += 1;
    trustBad(state, config, citizen, config.trust.weightForced);
  }
  // A long wait is a bad experience; else, unless forced, a good one. Without a branch between the two
  // (`trustExperience`): appeals resolved weeks late made this V8's first long wait here, and it threw away the
  // code of the loops it was inlined in.
  const good = days <= config.trust.longWaitDays;
  // Both read before the select (a read in an arm first taken late is an operation V8 has not seen).
  const goodCounter = S.goodExperiences;
  const badCounter = S.badExperiences;
  if (!good || !forced) {
    segmentMonthly[row + (good ? goodCounter : badCounter)]! += 1;
    trustExperience(state, config, citizen, good, config.trust.weightLongWait);
  }
  if (channel === Channel.online && hasAccess(citizens, citizen)) {
    const skill = skillOf(citizens, citizen);
    storeSkill(citizens.floats, state.stocks.skillSum, citizen * CitizenRecord.floats + FloatSlot.skill, segment, skill + policy.learningRate * (1 - skill));
  }
}

/** Mask of the human channels (phone, counter, assisted) open by policy. */
export function humanChannelsOpen(state: SimState): number {
  const open = state.policy.channelOpen;
  let mask = 0;
  for (let channel = 1; channel < open.length; channel++) if (open[channel] === 1) mask |= 1 << channel;
  return mask & 0b1110;
}
