/**
 * What happens when a need reaches its end: served (after a decision that may
 * wrongly deny it, with or without appeal) or unmet. Every end of a need goes
 * through `serveNeed` or `needUnmet`, so the counters conserve needs:
 * arrived = met + unmet + pending.
 */
import { Channel, channelBit, HUMAN_MASK, type ModelConfig } from './config.js';
import { SegmentCounter as S, CityCounter as C, DistrictCounter as D } from './counters.js';
import type { Rng } from './random/streams.js';
import { addCity, addDistrict, addSegment, CitizenFlag, type SimContext, type SimState } from './state.js';
import { trustBad, trustGood, currentTrust } from './trust.js';
import { transactionsFor, digitalDown } from './choice.js';

const MET_BY_CHANNEL = [S.metOnline, S.metPhone, S.metCounter, S.metAssisted] as const;

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
  const segmentCount = config.segments.ids.length;
  const segment = state.citizens.segment[citizen]!;
  addSegment(state, segment, reason, 1, segmentCount);
  if (digitalDown(state)) addSegment(state, segment, S.unmetDuringOutage, 1, segmentCount);
  addDistrict(state, config.segments.district[segment]!, D.unmet, 1, config.districts.ids.length);
  state.citizens.flags[citizen]! |= CitizenFlag.hadUnmet;
  addSegment(state, segment, S.badExperiences, 1, segmentCount);
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
  const policy = state.policy;
  const segmentCount = config.segments.ids.length;
  const districtCount = config.districts.ids.length;
  const citizens = state.citizens;
  const segment = citizens.segment[citizen]!;
  const district = config.segments.district[segment]!;
  const transactions = transactionsFor(config, policy, service);

  // Cost of the transaction(s), to government or to partners.
  const unitCost = partnerServed ? policy.partnerCostPerTransaction : policy.costPerTransaction[channel]!;
  addCity(state, C.transactions, transactions);
  addCity(state, C.needsServed, 1);
  if (channel === Channel.assisted) addCity(state, C.assistedTransactions, transactions);
  if (partnerServed) {
    addCity(state, C.partnerCost, unitCost * transactions);
    addCity(state, C.partnerTransactions, transactions);
  }
  else {
    addCity(state, C.costTransactions, unitCost * transactions);
    addSegment(state, segment, S.governmentCostTransactions, unitCost * transactions, segmentCount);
  }
  // Citizen time: travel and handling.
  let hours = policy.handlingHours[channel]! * transactions * (0.5 + config.services.complexity[service]!);
  if (channel === Channel.counter) hours += config.districts.counterTravelHours[district]!;
  else if (channel === Channel.assisted) hours += config.districts.assistedTravelHours[district]!;
  addSegment(state, segment, S.citizenHours, hours, segmentCount);
  // Data collected and kept.
  state.recordsHeld += config.services.dataFields[service]! * policy.dataCollectionMultiplier * transactions;
  addDistrict(state, district, D.recordedDemand, channel === Channel.counter ? policy.offlineRecordShare : 1, districtCount);
  if (channel === Channel.counter) {
    addDistrict(state, district, D.counterServed, 1, districtCount);
    if (state.day - arrivalDay <= policy.kpiProcessingDaysTarget) addDistrict(state, district, D.counterWithinTarget, 1, districtCount);
  }
  if (channel === Channel.online) addDistrict(state, district, D.onlineTransactions, 1, districtCount);
  addDistrict(state, district, D.transactions, 1, districtCount);
  citizens.lastChannel[citizen] = channel;
  if (channel === Channel.online) citizens.flags[citizen]! |= CitizenFlag.registered;

  if (decisionWronglyDenies(state, config, streams.decisions, segment, service)) {
    addSegment(state, segment, S.wrongfulDenials, 1, segmentCount);
    if (policy.appealAvailable && streams.decisions() < Math.min(1, policy.appealProb * (0.7 + 0.6 * currentTrust(state, config, citizen)))) {
      addSegment(state, segment, S.appeals, 1, segmentCount);
      addCity(state, C.costAppeals, policy.appealCost);
      state.appeals.push({ day: state.day + policy.appealDelayDays, citizen, channel, arrivalDay });
    } else {
      needUnmet(state, ctx, citizen, UnmetReason.denied);
    }
    return;
  }
  needMet(state, ctx, citizen, channel, arrivalDay);
}

/** Whether the decision on this need wrongly denies it (automated or human). */
function decisionWronglyDenies(state: SimState, config: ModelConfig, rng: Rng, segment: number, service: number): boolean {
  const policy = state.policy;
  const automated = config.services.automatable[service] === 1 && policy.automationShare > 0 && rng() < policy.automationShare;
  const errorRate = automated ? policy.automatedErrorBySegment[segment]! : policy.humanErrorRate;
  return errorRate > 0 && rng() < errorRate;
}

/** Records a met need: counters, days to service, experience, learning by doing. */
export function needMet(state: SimState, ctx: SimContext, citizen: number, channel: number, arrivalDay: number): void {
  const { config } = ctx;
  const policy = state.policy;
  const segmentCount = config.segments.ids.length;
  const citizens = state.citizens;
  const segment = citizens.segment[citizen]!;
  const days = state.day - arrivalDay;
  addSegment(state, segment, S.met, 1, segmentCount);
  addSegment(state, segment, MET_BY_CHANNEL[channel]!, 1, segmentCount);
  addSegment(state, segment, S.daysToServiceSum, days, segmentCount);
  addDistrict(state, config.segments.district[segment]!, D.met, 1, config.districts.ids.length);
  const recorder = state.recorder;
  recorder.daysToService[segment * recorder.daysToServiceBins + Math.min(days, recorder.daysToServiceBins - 1)]!++;
  if (policy.extraApps > 0) addCity(state, C.appUses, policy.appUsePerNeed * policy.extraApps);
  // Served digitally because no human channel was open: being forced.
  const forced = channel === Channel.online && (humanChannelsOpen(state) & ~channelBit(Channel.assisted)) === 0;
  if (forced) {
    addSegment(state, segment, S.forced, 1, segmentCount);
    trustBad(state, config, citizen, config.trust.weightForced);
  }
  if (days > config.trust.longWaitDays) {
    addSegment(state, segment, S.badExperiences, 1, segmentCount);
    trustBad(state, config, citizen, config.trust.weightLongWait);
  } else if (!forced) {
    addSegment(state, segment, S.goodExperiences, 1, segmentCount);
    trustGood(state, config, citizen);
  }
  if (channel === Channel.online && citizens.access[citizen] === 1) {
    citizens.skill[citizen] = citizens.skill[citizen]! + policy.learningRate * (1 - citizens.skill[citizen]!);
  }
}

/** Mask of the human channels (phone, counter, assisted) open by policy. */
export function humanChannelsOpen(state: SimState): number {
  const open = state.policy.channelOpen;
  let mask = 0;
  for (let channel = 1; channel < open.length; channel++) if (open[channel] === 1) mask |= channelBit(channel);
  return mask & HUMAN_MASK;
}
