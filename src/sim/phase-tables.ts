/**
 * Lookup tables for the hot path, derived from the compiled scenario and the
 * policy in force: everything about a need that depends only on its segment,
 * service and district (patience, the channels it may use, the fixed part of
 * each channel's utility and its exponential, hours, transactions, data) is
 * computed once per policy phase (and again when feedback changes usability),
 * not once per need. The state holds one `PhaseTables` and refreshes it in
 * place, so a run allocates nothing per need.
 *
 *   (config, policy, usability) ──► per service, per (segment, service),
 *                                   per (district, service, channel) tables
 *   queue waits (daily)          ──► exp(−β_wait·wait) per queue, cached by value
 *   today (`beginToday`)         ──► a (segment, service)'s choice set and staffed weights, filled on its
 *                                    first need of the day (`fillTodayPair`)
 */
import { ALL_CHANNELS_MASK, Channel, CHANNEL_COUNT, channelBit, ChannelBit, HUMAN_MASK, type ModelConfig, type PolicyParams } from './config.js';
import { stableObject } from './stable-object.js';

export interface PhaseTables {
  /**
   * What the tables were built from (before the first build: the config and
   * its first phase, with `usability` NaN, which matches nothing).
   */
  config: ModelConfig;
  policy: PolicyParams;
  usability: number;
  serviceCount: number;
  districtCount: number;
  /** Per service: transactions a need takes under the policy (one-stop or one per agency). */
  transactions: Uint8Array;
  /** Per service: β_priv·dataIntensity, the privacy term's coefficient. */
  privacyCoef: Float64Array;
  /** Per service: utility of online per unit of own skill, β_effort·transactions·complexity/2. */
  onlineSkillUtility: Float64Array;
  /** Per service: exp(−γ·transactions·complexity·(2 − usability)/2), P(success) at skill 0. */
  successAtZeroSkill: Float64Array;
  /** Per service: γ·transactions·complexity/2, so P(fail) = 1 − successAtZeroSkill·exp(failSkill·skill). */
  failSkill: Float64Array;
  /** Per service: P(fail) of an attempt made through a helper (helper's skill). */
  proxyFailProb: Float64Array;
  /** Per service: records a served need leaves (data fields × collection × transactions). */
  recordsPerNeed: Float64Array;
  /** Per service: share of decisions automated (0 when the service is not automatable). */
  automationShare: Float64Array;
  /** Per (segment, service): days of patience. */
  patienceDays: Int32Array;
  /** Per (segment, service): channels offered for the service and open (assisted also with partners). */
  staticMask: Uint8Array;
  /** Per (segment, service, channel): the utility's fixed part (online: own skill 0, digital appeal excluded). */
  utility: Float64Array;
  /** exp(utility). */
  weight: Float64Array;
  /** Per (segment, service): the fixed part of online's utility through a helper, and its exp. */
  proxyUtility: Float64Array;
  proxyWeight: Float64Array;
  /** Per (district, service, channel): citizen hours of a served need, travel included. */
  hours: Float64Array;
  /** Per (service, channel): government cost of a served need (unit cost × transactions). */
  needCost: Float64Array;
  /** Per service: partners' cost of an assisted need. */
  partnerNeedCost: Float64Array;
  /** exp(β_habit). */
  habitWeight: number;
  /** Online service counts as forced: no phone or counter is open. */
  onlineForced: boolean;
  /** Per queue: the wait the cached weight is for, and exp(−β_wait·wait). */
  waitSeen: Float64Array;
  waitWeight: Float64Array;
  /**
   * Today's choice tables for a need arriving today (`fillTodayPair`), per
   * (segment, service): the channels open, offered, up and with an expected
   * wait within its patience...
   */
  readonly todayMask: Uint8Array;
  /** ...and per (segment, service, channel): the staffed channels' weights with today's wait (`weight` × exp(−β_wait·wait)). */
  readonly todayWeight: Float64Array;
  /** Per (segment, service): the `todaySerial` its today's entries were filled for. */
  readonly todayFilled: Int32Array;
  /** Counts the days begun (`beginToday`) and the rebuilds of the tables: an entry filled for another serial is stale. */
  todaySerial: number;
}

/** Empty tables sized for a config; `refreshPhaseTables` fills them. */
export function createPhaseTables(config: ModelConfig): PhaseTables {
  const segmentCount = config.segments.ids.length;
  const serviceCount = config.services.ids.length;
  const districtCount = config.districts.ids.length;
  const pairs = segmentCount * serviceCount;
  const queues = CHANNEL_COUNT * districtCount;
  // Built twice (stable-object.ts; small arrays): the next run's tables keep this run's compiled code.
  return stableObject(() => ({
    config,
    policy: config.phases[0]!,
    usability: Number.NaN,
    serviceCount,
    districtCount,
    transactions: new Uint8Array(serviceCount),
    privacyCoef: new Float64Array(serviceCount),
    onlineSkillUtility: new Float64Array(serviceCount),
    successAtZeroSkill: new Float64Array(serviceCount),
    failSkill: new Float64Array(serviceCount),
    proxyFailProb: new Float64Array(serviceCount),
    recordsPerNeed: new Float64Array(serviceCount),
    automationShare: new Float64Array(serviceCount),
    patienceDays: new Int32Array(pairs),
    staticMask: new Uint8Array(pairs),
    utility: new Float64Array(pairs * CHANNEL_COUNT),
    weight: new Float64Array(pairs * CHANNEL_COUNT),
    proxyUtility: new Float64Array(pairs),
    proxyWeight: new Float64Array(pairs),
    hours: new Float64Array(districtCount * serviceCount * CHANNEL_COUNT),
    needCost: new Float64Array(serviceCount * CHANNEL_COUNT),
    partnerNeedCost: new Float64Array(serviceCount),
    habitWeight: 1,
    onlineForced: false,
    waitSeen: new Float64Array(queues).fill(Number.NaN),
    waitWeight: new Float64Array(queues),
    todayMask: new Uint8Array(pairs),
    todayWeight: new Float64Array(pairs * CHANNEL_COUNT),
    todayFilled: new Int32Array(pairs),
    todaySerial: 0,
  }));
}

/**
 * Rebuilds the tables for a policy and usability. Cost O(segments × services
 * × channels + districts × services × channels); a few hundred exponentials.
 */
export function refreshPhaseTables(tables: PhaseTables, config: ModelConfig, policy: PolicyParams, usability: number): void {
  const { segments, services, districts, choice } = config;
  const serviceCount = tables.serviceCount;
  const districtCount = tables.districtCount;
  for (let service = 0; service < serviceCount; service++) {
    const transactions = policy.oneStop ? 1 : services.agencies[service]!;
    const complexity = services.complexity[service]!;
    const effortAtZeroSkill = transactions * complexity * 0.5 * (2 - usability);
    const effortPerSkill = transactions * complexity * 0.5;
    tables.transactions[service] = transactions;
    tables.privacyCoef[service] = (choice.betaPrivacy * services.dataFields[service]! * policy.dataCollectionMultiplier) / 20;
    tables.onlineSkillUtility[service] = choice.betaEffort * effortPerSkill;
    tables.successAtZeroSkill[service] = Math.exp(-policy.failureScale * effortAtZeroSkill);
    tables.failSkill[service] = policy.failureScale * effortPerSkill;
    tables.proxyFailProb[service] = 1 - Math.exp(-policy.failureScale * (effortAtZeroSkill - effortPerSkill * choice.helperSkill));
    tables.recordsPerNeed[service] = services.dataFields[service]! * policy.dataCollectionMultiplier * transactions;
    tables.automationShare[service] = services.automatable[service] === 1 ? policy.automationShare : 0;
    tables.partnerNeedCost[service] = policy.partnerCostPerTransaction * transactions;
    for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
      tables.needCost[service * CHANNEL_COUNT + channel] = policy.costPerTransaction[channel]! * transactions;
      for (let district = 0; district < districtCount; district++) {
        let hours = policy.handlingHours[channel]! * transactions * (0.5 + complexity);
        if (channel === Channel.counter) hours += districts.counterTravelHours[district]!;
        else if (channel === Channel.assisted) hours += districts.assistedTravelHours[district]!;
        tables.hours[(district * serviceCount + service) * CHANNEL_COUNT + channel] = hours;
      }
    }
  }
  let openMask = 0;
  for (let channel = 0; channel < CHANNEL_COUNT; channel++) if (policy.channelOpen[channel] === 1) openMask |= channelBit(channel);
  if (policy.partnerCapacityPerDay > 0) openMask |= channelBit(Channel.assisted);
  for (let segment = 0; segment < segments.ids.length; segment++) {
    const district = segments.district[segment]!;
    for (let service = 0; service < serviceCount; service++) {
      const pair = segment * serviceCount + service;
      tables.patienceDays[pair] = Math.max(1, Math.round(segments.patienceDays[segment]! * services.patienceFactor[service]!));
      tables.staticMask[pair] = services.channelMask[service]! & openMask & 0b1111;
      const transactions = tables.transactions[service]!;
      const complexity = services.complexity[service]!;
      for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
        const hours = tables.hours[(district * serviceCount + service) * CHANNEL_COUNT + channel]!;
        let u = choice.asc[channel]! + segments.asc[segment * CHANNEL_COUNT + channel]! - choice.betaTimePerHour * hours;
        if (channel === Channel.online) {
          const fixed = u;
          u -= choice.betaEffort * transactions * complexity * 0.5 * (2 - usability);
          const proxy = fixed - choice.betaEffort * transactions * complexity * 0.5 * (2 - usability - choice.helperSkill) - choice.proxyPenalty;
          tables.proxyUtility[pair] = proxy;
          tables.proxyWeight[pair] = Math.exp(proxy);
        }
        tables.utility[pair * CHANNEL_COUNT + channel] = u;
        tables.weight[pair * CHANNEL_COUNT + channel] = Math.exp(u);
      }
    }
  }
  let humanOpen = 0;
  for (let channel = 1; channel < CHANNEL_COUNT; channel++) if (policy.channelOpen[channel] === 1) humanOpen |= channelBit(channel);
  tables.onlineForced = (humanOpen & HUMAN_MASK & ~channelBit(Channel.assisted)) === 0;
  tables.habitWeight = Math.exp(choice.betaHabit);
  tables.waitSeen.fill(Number.NaN);
  tables.todaySerial++;
  tables.config = config;
  tables.policy = policy;
  tables.usability = usability;
}

/** exp(−β_wait·wait) for a queue, recomputed only when the queue's posted wait changed. */
export function waitWeight(tables: PhaseTables, betaWaitPerDay: number, key: number, wait: number): number {
  if (tables.waitSeen[key] === wait) return tables.waitWeight[key]!;
  const weight = betaWaitPerDay === 0 ? 1 : Math.exp(-betaWaitPerDay * wait);
  tables.waitSeen[key] = wait;
  tables.waitWeight[key] = weight;
  return weight;
}

/**
 * Starts a day's choice tables: every (segment, service)'s entries are
 * stale until `fillTodayPair` fills them, on the pair's first need of the
 * day. A large city fills every pair each day, a small one only those its
 * few needs of the day use (a city of 2,000 citizens has about 15 needs a
 * day and 64 pairs: filling them all took a seventh of its run).
 */
export function beginToday(tables: PhaseTables): void {
  tables.todaySerial++;
}

/**
 * Fills `todayMask` and `todayWeight` of one (segment, service) for needs
 * arriving today: what `usableChannels` and `drawChannel` compute from the
 * policy, the day's posted waits and an outage alone, once per pair and
 * day instead of once per need. The citizen's own conditions (access or a
 * helper for online, needing help for assisted digital, refusing data use)
 * are left to the need. `district` is the pair's segment's. The waits and
 * the outage must be the day's: routing changes neither.
 */
export function fillTodayPair(tables: PhaseTables, pair: number, district: number, betaWaitPerDay: number, waits: Float64Array, down: boolean): void {
  const districtCount = tables.districtCount;
  const phoneKey = Channel.phone * districtCount;
  const counterKey = Channel.counter * districtCount + district;
  const assistedKey = Channel.assisted * districtCount + district;
  const patience = tables.patienceDays[pair]!;
  let mask = tables.staticMask[pair]! & ALL_CHANNELS_MASK;
  if (down) mask &= ~(ChannelBit.online | ChannelBit.assisted);
  if ((mask & ChannelBit.phone) !== 0 && !(waits[phoneKey]! <= patience)) mask &= ~ChannelBit.phone;
  if ((mask & ChannelBit.counter) !== 0 && !(waits[counterKey]! <= patience)) mask &= ~ChannelBit.counter;
  if ((mask & ChannelBit.assisted) !== 0 && !(waits[assistedKey]! <= patience)) mask &= ~ChannelBit.assisted;
  tables.todayMask[pair] = mask;
  const base = pair * CHANNEL_COUNT;
  tables.todayWeight[base + Channel.phone] = (mask & ChannelBit.phone) !== 0 ? tables.weight[base + Channel.phone]! * waitWeight(tables, betaWaitPerDay, phoneKey, waits[phoneKey]!) : 0;
  tables.todayWeight[base + Channel.counter] = (mask & ChannelBit.counter) !== 0 ? tables.weight[base + Channel.counter]! * waitWeight(tables, betaWaitPerDay, counterKey, waits[counterKey]!) : 0;
  tables.todayWeight[base + Channel.assisted] = (mask & ChannelBit.assisted) !== 0 ? tables.weight[base + Channel.assisted]! * waitWeight(tables, betaWaitPerDay, assistedKey, waits[assistedKey]!) : 0;
  tables.todayFilled[pair] = tables.todaySerial;
}
