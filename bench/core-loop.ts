/**
 * The floor of `npm run bench`: the core loop alone — arrivals, the logit
 * choice, online attempts with fallback, FIFO staffed queues, lazy trust —
 * written with the engine's techniques (citizens as records in one typed
 * array, on cache lines, a day's needs drawn per segment and then routed, per-(segment,
 * service) tables of the utility's fixed part and its exponential, read
 * ahead of each batch of needs, one state, no closures in the loops) and
 * nothing else: no outages, automation, appeals, KPI offices, breaches,
 * programs, peer effects, consent, schedule, costs or monthly counters.
 *
 * It is the object baseline's model (bench/baseline-objects.ts: the first
 * policy phase of the same compiled city, the same utility, usable channels,
 * failure probability, queues with patience and trust updates) on typed
 * arrays. So the baseline against it is the gain of the layout and the
 * algorithm alone; the engine against it is the cost of every other
 * mechanism. It exists to be measured against, not to be used.
 */
import { Channel, CHANNEL_COUNT, type ModelConfig } from '../src/sim/config.js';
import { betaDraw, betaQuantileTable } from '../src/sim/random/beta-table.js';
import { poisson } from '../src/sim/random/distributions.js';
import { recordMemory } from '../src/sim/record-memory.js';
import { RandomStream } from '../src/sim/random/streams.js';

/** What the core loop counted. */
export interface CoreLoopResult {
  readonly citizens: number;
  readonly needs: number;
  readonly served: number;
  readonly unmet: number;
}

// A citizen's record: 32 bytes. Floats 0–3: skill, motivation, privacy, trust; uint16 8: the day trust was last
// brought up to date; bytes 20–23: segment, access, helper, last channel (255: none).
export const CORE_RECORD_BYTES = 32;
const FLOATS = CORE_RECORD_BYTES / 4;
const SKILL = 0;
const MOTIVATION = 1;
const PRIVACY = 2;
const TRUST = 3;
const DAY = 8;
const SEGMENT = 20;
const ACCESS = 21;
const HELPER = 22;
const LAST = 23;
const NONE = 255;
/** Needs read ahead at a time. */
const CHUNK = 128;

/**
 * Runs the core loop for the config's horizon. Cost O(citizens + needs).
 * @example runCoreLoop(compileScenario(scenario), 1).needs
 */
export function runCoreLoop(config: ModelConfig, seed: number): CoreLoopResult {
  const policy = config.phases[0]!;
  const { segments, services, districts, choice, trust: trustParams } = config;
  const segmentCount = segments.ids.length;
  const serviceCount = services.ids.length;
  const districtCount = districts.ids.length;
  const population = new RandomStream(seed, 'core-population');
  const arrivalRng = new RandomStream(seed, 'core-arrivals');
  const rng = new RandomStream(seed, 'core-choice');

  let count = 0;
  const start = new Int32Array(segmentCount + 1);
  for (let s = 0; s < segmentCount; s++) start[s + 1] = count += segments.citizens[s]!;
  // Records on cache lines, as the engine's (src/sim/record-memory.ts): a plain ArrayBuffer starts 16 bytes past
  // a page boundary, and every other record would straddle two lines.
  const floats = new Float32Array(recordMemory(count * FLOATS * 4), 0, count * FLOATS);
  const bytes = new Uint8Array(floats.buffer);
  const days = new Uint16Array(floats.buffer);
  for (let s = 0; s < segmentCount; s++) {
    const tables = [
      betaQuantileTable(segments.skillMean[s]!, segments.skillSd[s]!),
      betaQuantileTable(segments.motivationMean[s]!, segments.motivationSd[s]!),
      betaQuantileTable(segments.privacyMean[s]!, segments.privacySd[s]!),
      betaQuantileTable(segments.trustMean[s]!, segments.trustSd[s]!),
    ] as const;
    fillCitizens(floats, bytes, population, s, start[s]!, start[s + 1]!, segments.accessProb[s]!, segments.helperProb[s]!, tables);
  }

  // Per (segment, service, channel): the utility's fixed part, as a weight; per service, the online terms.
  const transactions = new Float64Array(serviceCount);
  const skillUtility = new Float64Array(serviceCount);
  const privacyCoef = new Float64Array(serviceCount);
  const failAtZero = new Float64Array(serviceCount);
  const failPerSkill = new Float64Array(serviceCount);
  const patience = new Int32Array(segmentCount * serviceCount);
  const mask = new Uint8Array(segmentCount * serviceCount);
  const weight = new Float64Array(segmentCount * serviceCount * CHANNEL_COUNT);
  const proxyWeight = new Float64Array(segmentCount * serviceCount);
  for (let service = 0; service < serviceCount; service++) {
    const t = policy.oneStop ? 1 : services.agencies[service]!;
    const complexity = services.complexity[service]!;
    transactions[service] = t;
    skillUtility[service] = choice.betaEffort * t * complexity * 0.5;
    privacyCoef[service] = (choice.betaPrivacy * services.dataFields[service]! * policy.dataCollectionMultiplier) / 20;
    failAtZero[service] = policy.failureScale * t * complexity * 0.5 * (2 - policy.usability);
    failPerSkill[service] = policy.failureScale * t * complexity * 0.5;
  }
  for (let s = 0; s < segmentCount; s++) {
    const district = segments.district[s]!;
    for (let service = 0; service < serviceCount; service++) {
      const pair = s * serviceCount + service;
      const t = transactions[service]!;
      const complexity = services.complexity[service]!;
      patience[pair] = Math.max(1, Math.round(segments.patienceDays[s]! * services.patienceFactor[service]!));
      let open = 0;
      for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
        if ((services.channelMask[service]! & (1 << channel)) !== 0 && policy.channelOpen[channel] === 1) open |= 1 << channel;
        let hours = policy.handlingHours[channel]! * t * (0.5 + complexity);
        if (channel === Channel.counter) hours += districts.counterTravelHours[district]!;
        if (channel === Channel.assisted) hours += districts.assistedTravelHours[district]!;
        let u = choice.asc[channel]! + segments.asc[s * CHANNEL_COUNT + channel]! - choice.betaTimePerHour * hours;
        if (channel === Channel.online) {
          proxyWeight[pair] = Math.exp(u - choice.betaEffort * t * complexity * 0.5 * (2 - policy.usability - choice.helperSkill) - choice.proxyPenalty);
          u -= choice.betaEffort * t * complexity * 0.5 * (2 - policy.usability);
        }
        weight[pair * CHANNEL_COUNT + channel] = Math.exp(u);
      }
      mask[pair] = open;
    }
  }

  // Queues per (channel, district) (phone: one citywide): rings of (citizen, arrival day, deadline, transactions).
  const queueCount = CHANNEL_COUNT * districtCount;
  const capacity = new Float64Array(queueCount);
  for (let channel = Channel.phone; channel < CHANNEL_COUNT; channel++) {
    for (let district = 0; district < (channel === Channel.phone ? 1 : districtCount); district++) {
      capacity[channel * districtCount + district] = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! / (channel === Channel.phone ? 1 : districtCount) : 0;
    }
  }
  const queues = new Queues(queueCount);
  const wait = new Float64Array(queueCount);
  const waitWeight = new Float64Array(queueCount).fill(1);

  const decay = new Float64Array(config.horizonDays + 1);
  for (let d = 0; d < decay.length; d++) decay[d] = Math.exp(-trustParams.reversionPerDay * d);
  const means = new Float64Array(segmentCount);
  const meanExps = new Float64Array(segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    means[s] = segments.citizens[s]! * segments.needsPerDay[s]!;
    meanExps[s] = Math.exp(-means[s]!);
  }
  const cumulative = services.cumulativeShare;
  let arrivalCitizen = new Int32Array(1024);
  let arrivalService = new Uint8Array(1024);
  const tally = { served: 0, unmet: 0, touched: 0 };
  const params: RouteParams = {
    floats, bytes, days, decay, trustMean: segments.trustMean, segmentDistrict: segments.district, serviceCount, districtCount,
    mask, weight, proxyWeight, skillUtility, privacyCoef, failAtZero, failPerSkill, transactions, patience, waitWeight, wait,
    betaTrust: choice.betaTrust, betaMotivation: choice.betaMotivation, habitWeight: Math.exp(choice.betaHabit), helperSkill: choice.helperSkill,
    assistedMaxSkill: policy.assistedMaxSkill, maxAttempts: policy.maxOnlineAttempts,
    gain: trustParams.gainGood, lossFailed: Math.min(1, trustParams.lossBad * trustParams.weightFailedAttempt),
    lossUnmet: Math.min(1, trustParams.lossBad * trustParams.weightUnmet), lossLongWait: Math.min(1, trustParams.lossBad * trustParams.weightLongWait),
    longWaitDays: trustParams.longWaitDays, rng, queues, tally,
  };
  let needs = 0;
  for (let day = 0; day < config.horizonDays; day++) {
    // Arrivals: a Poisson count per segment, each need a uniformly drawn citizen and a service by its share.
    let arrived = 0;
    for (let s = 0; s < segmentCount; s++) {
      const n = poisson(arrivalRng, means[s]!, meanExps[s]!);
      if (arrived + n > arrivalCitizen.length) {
        const size = Math.max(arrivalCitizen.length * 2, arrived + n);
        const grownCitizens = new Int32Array(size);
        grownCitizens.set(arrivalCitizen);
        arrivalCitizen = grownCitizens;
        const grownServices = new Uint8Array(size);
        grownServices.set(arrivalService);
        arrivalService = grownServices;
      }
      arrived = drawArrivals(arrivalCitizen, arrivalService, arrived, n, start[s]!, segments.citizens[s]!, arrivalRng, cumulative);
    }
    needs += arrived;
    for (let q = 0; q < queueCount; q++) waitWeight[q] = Math.exp(-choice.betaWaitPerDay * wait[q]!);
    for (let first = 0; first < arrived; first += CHUNK) routeChunk(params, arrivalCitizen, arrivalService, first, Math.min(arrived, first + CHUNK), day);
    for (let q = 0; q < queueCount; q++) {
      if (capacity[q]! > 0) serveQueue(params, q, capacity[q]!, day);
      wait[q] = capacity[q]! > 0 ? queues.work[q]! / capacity[q]! : Infinity;
    }
  }
  return { citizens: count, needs, served: tally.served, unmet: tally.unmet };
}

interface RouteParams {
  readonly floats: Float32Array;
  readonly bytes: Uint8Array;
  readonly days: Uint16Array;
  readonly decay: Float64Array;
  readonly trustMean: Float64Array;
  readonly segmentDistrict: Uint8Array;
  readonly serviceCount: number;
  readonly districtCount: number;
  readonly mask: Uint8Array;
  readonly weight: Float64Array;
  readonly proxyWeight: Float64Array;
  readonly skillUtility: Float64Array;
  readonly privacyCoef: Float64Array;
  readonly failAtZero: Float64Array;
  readonly failPerSkill: Float64Array;
  readonly transactions: Float64Array;
  readonly patience: Int32Array;
  readonly waitWeight: Float64Array;
  readonly wait: Float64Array;
  readonly betaTrust: number;
  readonly betaMotivation: number;
  /** exp(β_habit): the last channel used's weight is multiplied by it. */
  readonly habitWeight: number;
  readonly helperSkill: number;
  readonly assistedMaxSkill: number;
  readonly maxAttempts: number;
  readonly gain: number;
  readonly lossFailed: number;
  readonly lossUnmet: number;
  readonly lossLongWait: number;
  readonly longWaitDays: number;
  readonly rng: RandomStream;
  readonly queues: Queues;
  /** Counts; `touched` keeps the read-ahead's sum so that its reads are not optimized away. */
  readonly tally: { served: number; unmet: number; touched: number };
}

function fillCitizens(
  floats: Float32Array,
  bytes: Uint8Array,
  rng: RandomStream,
  segment: number,
  first: number,
  end: number,
  pAccess: number,
  pHelper: number,
  tables: readonly [Float64Array, Float64Array, Float64Array, Float64Array],
): void {
  for (let c = first; c < end; c++) {
    const f = c * FLOATS;
    const b = f * 4;
    bytes[b + ACCESS] = rng.next() < pAccess ? 1 : 0;
    bytes[b + HELPER] = rng.next() < pHelper ? 1 : 0;
    floats[f + SKILL] = betaDraw(tables[0], rng.next());
    floats[f + MOTIVATION] = betaDraw(tables[1], rng.next());
    floats[f + PRIVACY] = betaDraw(tables[2], rng.next());
    floats[f + TRUST] = betaDraw(tables[3], rng.next());
    bytes[b + SEGMENT] = segment;
    bytes[b + LAST] = NONE;
  }
}

function drawArrivals(citizens: Int32Array, services: Uint8Array, count: number, n: number, start: number, size: number, rng: RandomStream, cumulative: Float64Array): number {
  const last = cumulative.length - 1;
  let next = count;
  for (let i = 0; i < n; i++) {
    citizens[next] = start + Math.floor(rng.next() * size);
    const u = rng.next();
    let service = 0;
    while (service < last && u >= cumulative[service]!) service++;
    services[next++] = service;
  }
  return next;
}

/** A citizen's trust as of `day`, reverted toward the segment's baseline since it was last touched (written back). */
function trustToday(p: RouteParams, citizen: number, segment: number, day: number): number {
  const slot = citizen * FLOATS + TRUST;
  const baseline = p.trustMean[segment]!;
  const trust = baseline + (p.floats[slot]! - baseline) * p.decay[day - p.days[citizen * (CORE_RECORD_BYTES / 2) + DAY]!]!;
  p.floats[slot] = trust;
  p.days[citizen * (CORE_RECORD_BYTES / 2) + DAY] = day;
  return trust;
}

/** Routes needs [first, last) of the day, their citizens read ahead first. */
function routeChunk(p: RouteParams, citizens: Int32Array, services: Uint8Array, first: number, last: number, day: number): void {
  const { floats, bytes, weight, proxyWeight, waitWeight, rng, queues } = p;
  let sink = 0;
  for (let i = first; i < last; i++) sink += bytes[citizens[i]! * CORE_RECORD_BYTES + SEGMENT]!;
  p.tally.touched = sink;
  for (let i = first; i < last; i++) {
    const citizen = citizens[i]!;
    const service = services[i]!;
    const f = citizen * FLOATS;
    const b = f * 4;
    const segment = bytes[b + SEGMENT]!;
    const district = p.segmentDistrict[segment]!;
    const pair = segment * p.serviceCount + service;
    const access = bytes[b + ACCESS] === 1;
    const skill = access ? floats[f + SKILL]! : p.helperSkill;
    const daysLeft = p.patience[pair]!;
    const phoneKey = Channel.phone * p.districtCount;
    const counterKey = Channel.counter * p.districtCount + district;
    const assistedKey = Channel.assisted * p.districtCount + district;
    let open = p.mask[pair]!;
    if (!access && bytes[b + HELPER] !== 1) open &= ~(1 << Channel.online);
    if (access && floats[f + SKILL]! >= p.assistedMaxSkill) open &= ~(1 << Channel.assisted);
    if (p.wait[phoneKey]! > daysLeft) open &= ~(1 << Channel.phone);
    if (p.wait[counterKey]! > daysLeft) open &= ~(1 << Channel.counter);
    if (p.wait[assistedKey]! > daysLeft) open &= ~(1 << Channel.assisted);
    const trust = trustToday(p, citizen, segment, day);
    const digital = Math.exp(p.betaTrust * trust - p.privacyCoef[service]! * floats[f + PRIVACY]! + p.betaMotivation * (floats[f + MOTIVATION]! - 0.5));
    const lastChannel = bytes[b + LAST]!;
    const base = pair * CHANNEL_COUNT;
    const online = (access ? weight[base]! * Math.exp(p.skillUtility[service]! * skill) : proxyWeight[pair]!) * digital * (lastChannel === Channel.online ? p.habitWeight : 1);
    const phone = weight[base + Channel.phone]! * waitWeight[phoneKey]! * (lastChannel === Channel.phone ? p.habitWeight : 1);
    const counter = weight[base + Channel.counter]! * waitWeight[counterKey]! * (lastChannel === Channel.counter ? p.habitWeight : 1);
    const assisted = weight[base + Channel.assisted]! * waitWeight[assistedKey]! * digital * (lastChannel === Channel.assisted ? p.habitWeight : 1);
    let attempts = 0;
    for (;;) {
      const w0 = (open & 1) !== 0 ? online : 0;
      const w1 = (open & 2) !== 0 ? phone : 0;
      const w2 = (open & 4) !== 0 ? counter : 0;
      const w3 = (open & 8) !== 0 ? assisted : 0;
      const total = w0 + w1 + w2 + w3;
      if (!(total > 0)) {
        p.tally.unmet++;
        floats[f + TRUST] = floats[f + TRUST]! * (1 - p.lossUnmet);
        break;
      }
      let draw = rng.next() * total - w0;
      if (draw < 0) {
        // Online: fails with 1 − exp(−failureScale·effort).
        if (rng.next() < 1 - Math.exp(-(p.failAtZero[service]! - p.failPerSkill[service]! * skill))) {
          floats[f + TRUST] = floats[f + TRUST]! * (1 - p.lossFailed);
          if (++attempts >= p.maxAttempts) open &= ~1;
          continue;
        }
        bytes[b + LAST] = Channel.online;
        p.tally.served++;
        floats[f + TRUST] = floats[f + TRUST]! + p.gain * (1 - floats[f + TRUST]!);
        break;
      }
      // Past the open channels' weights only by rounding: the last open staffed channel.
      let channel = (draw -= w1) < 0 ? Channel.phone : (draw -= w2) < 0 ? Channel.counter : Channel.assisted;
      if (channel === Channel.assisted && w3 === 0) channel = w2 > 0 ? Channel.counter : Channel.phone;
      queues.push(channel * p.districtCount + (channel === Channel.phone ? 0 : district), citizen, day, day + daysLeft, p.transactions[service]!);
      break;
    }
  }
}

/** Serves a queue first come, first served up to its capacity; the impatient leave unmet. */
function serveQueue(p: RouteParams, key: number, capacity: number, day: number): void {
  const { floats, bytes, queues } = p;
  let left = capacity;
  while (left >= 1 && queues.length[key]! > 0) {
    const at = queues.front(key);
    const citizen = queues.citizen[at]!;
    const f = citizen * FLOATS;
    const segment = bytes[f * 4 + SEGMENT]!;
    const trust = trustToday(p, citizen, segment, day);
    const transactions = queues.transactions[at]!;
    queues.pop(key, transactions);
    if (queues.deadline[at]! < day) {
      p.tally.unmet++;
      floats[f + TRUST] = trust * (1 - p.lossUnmet);
      continue;
    }
    left -= transactions;
    bytes[f * 4 + LAST] = Math.floor(key / p.districtCount);
    p.tally.served++;
    floats[f + TRUST] = day - queues.arrivalDay[at]! > p.longWaitDays ? trust * (1 - p.lossLongWait) : trust + p.gain * (1 - trust);
  }
}

/** FIFO rings of waiting needs, one per queue, in parallel typed arrays (entry = queue's ring slot). */
class Queues {
  private declare rings: Int32Array[];
  private declare heads: Int32Array;
  declare readonly length: Int32Array;
  declare readonly work: Float64Array;
  declare citizen: Int32Array;
  declare arrivalDay: Int32Array;
  declare deadline: Int32Array;
  declare transactions: Float64Array;
  private declare freeList: Int32Array;
  private declare freeCount: number;

  constructor(count: number) {
    this.rings = Array.from({ length: count }, () => new Int32Array(64));
    this.heads = new Int32Array(count);
    this.length = new Int32Array(count);
    this.work = new Float64Array(count);
    this.citizen = new Int32Array(0);
    this.arrivalDay = new Int32Array(0);
    this.deadline = new Int32Array(0);
    this.transactions = new Float64Array(0);
    this.freeList = new Int32Array(0);
    this.freeCount = 0;
    this.grow(1024);
  }

  /** The entry at the front of a queue (its length must be > 0). */
  front(key: number): number {
    const ring = this.rings[key]!;
    return ring[this.heads[key]!]!;
  }

  push(key: number, citizen: number, arrivalDay: number, deadline: number, transactions: number): void {
    if (this.freeCount === 0) this.grow(this.citizen.length * 2);
    const entry = this.freeList[--this.freeCount]!;
    this.citizen[entry] = citizen;
    this.arrivalDay[entry] = arrivalDay;
    this.deadline[entry] = deadline;
    this.transactions[entry] = transactions;
    let ring = this.rings[key]!;
    const length = this.length[key]!;
    if (length === ring.length) {
      const head = this.heads[key]!;
      const grown = new Int32Array(ring.length * 2);
      grown.set(ring.subarray(head));
      grown.set(ring.subarray(0, head), ring.length - head);
      this.rings[key] = ring = grown;
      this.heads[key] = 0;
    }
    ring[(this.heads[key]! + length) & (ring.length - 1)] = entry;
    this.length[key] = length + 1;
    this.work[key]! += transactions;
  }

  /** Drops the front entry of a queue, freeing it. */
  pop(key: number, transactions: number): void {
    const ring = this.rings[key]!;
    const head = this.heads[key]!;
    this.freeList[this.freeCount++] = ring[head]!;
    this.heads[key] = (head + 1) & (ring.length - 1);
    this.length[key] = this.length[key]! - 1;
    this.work[key]! -= transactions;
  }

  private grow(size: number): void {
    const old = this.citizen.length;
    const citizen = new Int32Array(size);
    citizen.set(this.citizen);
    const arrivalDay = new Int32Array(size);
    arrivalDay.set(this.arrivalDay);
    const deadline = new Int32Array(size);
    deadline.set(this.deadline);
    const transactions = new Float64Array(size);
    transactions.set(this.transactions);
    const freeList = new Int32Array(size);
    freeList.set(this.freeList.subarray(0, this.freeCount));
    for (let entry = size - 1; entry >= old; entry--) freeList[this.freeCount++] = entry;
    this.citizen = citizen;
    this.arrivalDay = arrivalDay;
    this.deadline = deadline;
    this.transactions = transactions;
    this.freeList = freeList;
  }
}
