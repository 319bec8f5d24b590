/**
 * Phase `serveQueues`: each staffed queue (phone citywide; counter and
 * assisted digital per district) serves its waiting needs first come, first
 * served, up to today's capacity in transactions; then it posts the wait a
 * chooser will expect tomorrow (backlog over capacity). Assisted digital
 * stops during an outage (it runs on the digital system) and uses the
 * government's capacity before partners'.
 * Writes: queues, served needs' outcomes, expected waits, backlog counters.
 */
import { Channel, CHANNEL_COUNT } from '../config.js';
import { CITY_COUNTER_COUNT, CityCounter as C, DISTRICT_COUNTER_COUNT, DistrictCounter as D, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../counters.js';
import { digitalDown } from '../choice.js';
import { MET_BY_CHANNEL, serveNeed, wronglyDenied } from '../outcomes.js';
import { dequeueFront, Link, needArrivalDay, needCitizen, needService, NeedStatus, needStatus, needTransactions, NONE, queuedAt, setNeedStatus, touchNeed, unlinkNeed } from '../queues.js';
import { addCity, maxCity, phaseTables, queueKey, type SimContext, type SimState } from '../state.js';
import { ByteSlot, DaySlot, FloatSlot, CitizenRecord, touchCitizen } from '../citizens.js';
import { experience } from '../trust.js';
import { trustDeviationsAt } from '../stocks.js';

/** Needs read ahead at a time while serving a queue. */
const READ_AHEAD = 128;

export function serveQueues(state: SimState, ctx: SimContext): void {
  const { config } = ctx;
  const districtCount = config.districts.ids.length;
  const policy = state.policy;
  const down = digitalDown(state);
  for (let channel = Channel.phone; channel < CHANNEL_COUNT; channel++) {
    const districts = channel === Channel.phone ? 1 : districtCount;
    for (let district = 0; district < districts; district++) {
      const key = queueKey(channel, district, districtCount);
      let governmentCapacity = 0;
      let partnerCapacity = 0;
      if (channel === Channel.phone) governmentCapacity = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! : 0;
      else if (channel === Channel.counter) governmentCapacity = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! * state.offices.counterShare[district]! : 0;
      else {
        const share = state.offices.assistedShare[district]!;
        governmentCapacity = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! * share : 0;
        partnerCapacity = policy.partnerCapacityPerDay * share;
        if (down) governmentCapacity = partnerCapacity = 0;
      }
      const capacity = governmentCapacity + partnerCapacity;
      // A closed (or, for assisted digital, downed) queue serves nothing and banks nothing. (Here, not in
      // `serveQueue`: a branch first taken at the first outage made V8 throw away that loop's code.)
      if (capacity > 0) serveQueue(state, ctx, channel, key, capacity, governmentCapacity);
      else state.queues.credit[key] = 0;
      state.queues.expectedWaitDays[key] = capacity > 0 ? state.queues.work[key]! / capacity : Infinity;
    }
  }
  let backlog = 0;
  for (let key = 0; key < state.queues.waiting.length; key++) backlog += state.queues.waiting[key]!;
  maxCity(state, C.peakBacklog, backlog);
  if (state.recoveringSinceDay >= 0 && backlog <= state.backlogBeforeOutage * 1.05 + 1) {
    addCity(state, C.recoveryDays, state.day - state.recoveringSinceDay);
    addCity(state, C.recoveries, 1);
    state.recoveringSinceDay = -1;
  }
}

/**
 * Serves one queue with `capacity` (> 0) transactions, the first `governmentCapacity` of them the government's.
 * Each need served goes through `serveNeed` (the reference path) or, by
 * default, the same steps written out in the loop (see `routeArrivals` in
 * route-needs.ts for why): bit-identical results (test/sim/fast-path.test.ts).
 */
function serveQueue(state: SimState, ctx: SimContext, channel: number, key: number, capacity: number, governmentCapacity: number): void {
  const queues = state.queues;
  const pool = state.pool;
  const reference = ctx.referencePath === true;
  const config = ctx.config;
  const tables = phaseTables(state, config);
  const decisionRng = ctx.streams.decisions;
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
  const segmentMonthly = recorder.segmentMonthly;
  const districtMonthly = recorder.districtMonthly;
  const cityMonthly = recorder.cityMonthly;
  const cityRow = state.month * CITY_COUNTER_COUNT;
  const segmentRows = state.month * segmentCount;
  const districtRows = state.month * districtCount;
  const daysToService = recorder.daysToService;
  const daysToServiceBins = recorder.daysToServiceBins;
  const { needCost, partnerNeedCost, hours, recordsPerNeed, automationShare } = tables;
  const { gainGood, lossBad, longWaitDays, weightLongWait } = config.trust;
  const { humanErrorRate, automatedErrorBySegment, offlineRecordShare, kpiProcessingDaysTarget } = policy;
  const appUses = policy.extraApps > 0 ? policy.appUsePerNeed * policy.extraApps : 0;
  const metCounter = MET_BY_CHANNEL[channel]!;
  // Read here, not in the select below: a property read only when a select's arm is first taken is an operation
  // V8 has not seen, and it throws the loop's code away there.
  const goodCounter = S.goodExperiences;
  const badCounter = S.badExperiences;
  const recordShare = channel === Channel.counter ? offlineRecordShare : 1;
  // Fractional capacities accumulate; idle capacity is not banked (see the carry below).
  let credit = queues.credit[key]! + capacity;
  // Today's work splits between government and partners in proportion to their capacities
  // (the carried credit included), so a queue without partners never books partner work.
  const governmentWork = (credit * governmentCapacity) / capacity;
  let used = 0;
  let readAhead = 0;
  while (credit >= 1) {
    if (readAhead === 0) {
      state.touched = touchServed(state, key, credit);
      readAhead = READ_AHEAD;
    }
    readAhead--;
    // `dequeueWaiting`, with the records that expired meanwhile dropped here: through the same call as served
    // needs, as the first such record (months into a run) made V8 throw away this loop's code.
    const slot = dequeueFront(queues, pool, key);
    if (slot === NONE) break;
    const waiting = needStatus(pool, slot) === NeedStatus.waiting;
    const service = needService(pool, slot);
    const transactions = needTransactions(pool, slot);
    const partner = used >= governmentWork;
    if (waiting) {
      credit -= transactions;
      used += transactions;
      setNeedStatus(pool, slot, NeedStatus.done);
    }
    const citizen = needCitizen(pool, slot);
    const arrivalDay = needArrivalDay(pool, slot);
    unlinkNeed(pool, slot, Link.queue);
    if (!waiting) continue;
    if (reference) {
      serveNeed(state, ctx, citizen, service, channel, arrivalDay, partner);
      continue;
    }
    // `serveNeed` for a staffed channel.
    const record = citizen * CitizenRecord.bytes;
    const trustSlot = citizen * CitizenRecord.floats + FloatSlot.trust;
    const daySlot = citizen * CitizenRecord.days + DaySlot.trustDay;
    const segment = bytes[record + ByteSlot.segment]!;
    const district = segmentDistrict[segment]!;
    const segmentRow = (segmentRows + segment) * SEGMENT_COUNTER_COUNT;
    const districtRow = (districtRows + district) * DISTRICT_COUNTER_COUNT;
    const needTransactionCount = tables.transactions[service]!;
    cityMonthly[cityRow + C.transactions]! += needTransactionCount;
    cityMonthly[cityRow + C.needsServed]! += 1;
    if (channel === Channel.assisted) cityMonthly[cityRow + C.assistedTransactions]! += needTransactionCount;
    if (partner) {
      cityMonthly[cityRow + C.partnerCost]! += partnerNeedCost[service]!;
      cityMonthly[cityRow + C.partnerTransactions]! += needTransactionCount;
    } else {
      const cost = needCost[service * CHANNEL_COUNT + channel]!;
      cityMonthly[cityRow + C.costTransactions]! += cost;
      segmentMonthly[segmentRow + S.governmentCostTransactions]! += cost;
    }
    segmentMonthly[segmentRow + S.citizenHours]! += hours[(district * serviceCount + service) * CHANNEL_COUNT + channel]!;
    state.recordsHeld += recordsPerNeed[service]!;
    districtMonthly[districtRow + D.recordedDemand]! += recordShare;
    const waited = day - arrivalDay;
    if (channel === Channel.counter) {
      districtMonthly[districtRow + D.counterServed]! += 1;
      if (waited <= kpiProcessingDaysTarget) districtMonthly[districtRow + D.counterWithinTarget]! += 1;
    }
    districtMonthly[districtRow + D.transactions]! += 1;
    bytes[record + ByteSlot.lastChannel] = channel;
    const automation = automationShare[service]!;
    const automated = automation > 0 && decisionRng.next() < automation;
    const errorRate = automated ? automatedErrorBySegment[segment]! : humanErrorRate;
    if (errorRate > 0 && decisionRng.next() < errorRate) {
      wronglyDenied(state, ctx, citizen, channel, arrivalDay);
      continue;
    }
    // `needMet` (never forced: a staffed channel served it).
    segmentMonthly[segmentRow + S.met]! += 1;
    segmentMonthly[segmentRow + metCounter]! += 1;
    segmentMonthly[segmentRow + S.daysToServiceSum]! += waited;
    districtMonthly[districtRow + D.met]! += 1;
    daysToService[segment * daysToServiceBins + Math.min(waited, daysToServiceBins - 1)]!++;
    if (appUses > 0) cityMonthly[cityRow + C.appUses]! += appUses;
    // A long wait is a bad experience, else a good one: without a branch (`experience`), as the first long
    // wait comes weeks into a run.
    const good = waited <= longWaitDays;
    segmentMonthly[segmentRow + (good ? goodCounter : badCounter)]! += 1;
    experience(floats, days, trustMean, trustDecay, trustDeviation, trustSlot, daySlot, segment, day, good, gainGood, lossBad, weightLongWait);
  }
  // Only less than one transaction's worth carries over (the fraction a fractional capacity
  // needs): staff cannot bank idle time, so a capacity c ≥ 1 never serves more than ⌈c⌉ a day
  // (an integer c exactly c: the Lindley recursion of docs/validation.md). A capacity below one
  // keeps up to one whole transaction, so an idle server is ready for the next need.
  queues.credit[key] = Math.min(credit, capacity >= 1 ? credit - Math.floor(credit) : 1);
}

/**
 * Reads ahead the next needs of a queue that `credit` can serve (at most
 * READ_AHEAD of them): first their pool records, then their citizens'
 * records, each pass a batch of independent reads the processor fetches in
 * parallel. Served needs and their citizens are spread over memory and
 * would otherwise each wait on it in turn. No effect on results.
 */
function touchServed(state: SimState, key: number, credit: number): number {
  const pool = state.pool;
  const queues = state.queues;
  // Each need takes at least one transaction, so no more than ⌈credit⌉ waiting ones are served.
  const ahead = Math.min(queues.length[key]!, READ_AHEAD, Math.ceil(credit));
  let sink = 0;
  for (let position = 0; position < ahead; position++) sink += touchNeed(pool, queuedAt(queues, key, position));
  const citizens = state.citizens;
  for (let position = 0; position < ahead; position++) sink += touchCitizen(citizens, needCitizen(pool, queuedAt(queues, key, position)));
  return sink;
}
