/**
 * The baseline of `npm run bench`: the core loop of the model written the
 * plain way — one object per citizen, one object per need, arrays as queues,
 * every citizen visited every day — on the same compiled city (the first
 * policy phase: sizes, need rates, attributes, channels, capacities, choice
 * and trust parameters). It keeps the core mechanisms only: arrivals, the
 * logit choice over the usable channels (the documented utility), online
 * attempts with fallback, FIFO staffed queues with patience, and trust
 * (experiences and daily reversion). It exists to be measured against, not
 * to be used.
 */
import { Channel, CHANNEL_COUNT, type ModelConfig } from '../src/sim/config.js';
import { betaMeanSd } from '../src/sim/random/distributions.js';
import { RandomStream, type Rng } from '../src/sim/random/streams.js';

class Citizen {
  lastChannel = -1;
  constructor(
    readonly segment: number,
    readonly district: number,
    readonly access: boolean,
    readonly helper: boolean,
    public skill: number,
    readonly motivation: number,
    readonly privacy: number,
    public trust: number,
  ) {}
}

class Need {
  tried: Set<number> = new Set();
  onlineFailures = 0;
  constructor(
    readonly citizen: Citizen,
    readonly service: number,
    readonly arrivalDay: number,
    readonly deadline: number,
  ) {}
}

/** A FIFO queue of needs on an array with a moving head, keeping the transactions it holds. */
class NeedQueue {
  private items: Need[] = [];
  private head = 0;
  work = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(need: Need, transactions: number): void {
    this.items.push(need);
    this.work += transactions;
  }
  peek(): Need {
    return this.items[this.head]!;
  }
  shift(transactions: number): Need {
    const need = this.items[this.head++]!;
    this.work -= transactions;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return need;
  }
}

/** What the baseline counted. */
export interface BaselineResult {
  readonly citizens: number;
  readonly needs: number;
  readonly served: number;
  readonly unmet: number;
}

/**
 * Runs the baseline for the config's horizon. Cost O(days × citizens + needs).
 * @example runObjectBaseline(compileScenario(scenario), 1).needs
 */
export function runObjectBaseline(config: ModelConfig, seed: number): BaselineResult {
  const stream = new RandomStream(seed, 'baseline');
  const rng: Rng = () => stream.next();
  const policy = config.phases[0]!;
  const { segments, services, districts, choice, trust } = config;
  const citizens: Citizen[] = [];
  for (let s = 0; s < segments.ids.length; s++) {
    for (let i = 0; i < segments.citizens[s]!; i++) {
      citizens.push(
        new Citizen(
          s,
          segments.district[s]!,
          rng() < segments.accessProb[s]!,
          rng() < segments.helperProb[s]!,
          betaMeanSd(stream, segments.skillMean[s]!, segments.skillSd[s]!),
          betaMeanSd(stream, segments.motivationMean[s]!, segments.motivationSd[s]!),
          betaMeanSd(stream, segments.privacyMean[s]!, segments.privacySd[s]!),
          betaMeanSd(stream, segments.trustMean[s]!, segments.trustSd[s]!),
        ),
      );
    }
  }
  const districtCount = districts.ids.length;
  const queues: NeedQueue[] = [];
  const waits: number[] = [];
  for (let q = 0; q < CHANNEL_COUNT * districtCount; q++) {
    queues.push(new NeedQueue());
    waits.push(0);
  }
  const queueOf = (channel: number, district: number): number => channel * districtCount + (channel === Channel.phone ? 0 : district);
  const dailyReversion = Math.exp(-trust.reversionPerDay);
  let needs = 0;
  let served = 0;
  let unmet = 0;

  const good = (citizen: Citizen): void => {
    citizen.trust += trust.gainGood * (1 - citizen.trust);
  };
  const bad = (citizen: Citizen, weight: number): void => {
    citizen.trust -= Math.min(1, trust.lossBad * weight) * citizen.trust;
  };
  const usable = (need: Need, day: number): number[] => {
    const citizen = need.citizen;
    const out: number[] = [];
    for (let channel = 0; channel < CHANNEL_COUNT; channel++) {
      if ((services.channelMask[need.service]! & (1 << channel)) === 0 || need.tried.has(channel)) continue;
      if (policy.channelOpen[channel] !== 1) continue;
      if (channel === Channel.online && !(citizen.access || citizen.helper)) continue;
      if (channel === Channel.assisted && citizen.access && citizen.skill >= policy.assistedMaxSkill) continue;
      if (channel !== Channel.online && waits[queueOf(channel, citizen.district)]! > need.deadline - day) continue;
      out.push(channel);
    }
    return out;
  };
  const choose = (need: Need, channels: number[]): number => {
    const citizen = need.citizen;
    const transactions = policy.oneStop ? 1 : services.agencies[need.service]!;
    const complexity = services.complexity[need.service]!;
    const utilities = channels.map((channel) => {
      let hours = policy.handlingHours[channel]! * transactions * (0.5 + complexity);
      if (channel === Channel.counter) hours += districts.counterTravelHours[citizen.district]!;
      if (channel === Channel.assisted) hours += districts.assistedTravelHours[citizen.district]!;
      let u = choice.asc[channel]! + segments.asc[citizen.segment * CHANNEL_COUNT + channel]! - choice.betaTimePerHour * hours;
      if (channel !== Channel.online) u -= choice.betaWaitPerDay * waits[queueOf(channel, citizen.district)]!;
      if (channel === Channel.online || channel === Channel.assisted) {
        u +=
          choice.betaTrust * citizen.trust -
          (choice.betaPrivacy * citizen.privacy * services.dataFields[need.service]! * policy.dataCollectionMultiplier) / 20 +
          choice.betaMotivation * (citizen.motivation - 0.5);
      }
      if (channel === Channel.online) {
        const skill = citizen.access ? citizen.skill : choice.helperSkill;
        u -= choice.betaEffort * transactions * complexity * 0.5 * (2 - policy.usability - skill);
        if (!citizen.access) u -= choice.proxyPenalty;
      }
      if (channel === citizen.lastChannel) u += choice.betaHabit;
      return u;
    });
    const best = Math.max(...utilities);
    const weights = utilities.map((u) => Math.exp(u - best));
    const total = weights.reduce((a, b) => a + b, 0);
    let draw = rng() * total;
    for (let i = 0; i < channels.length; i++) {
      draw -= weights[i]!;
      if (draw < 0) return channels[i]!;
    }
    return channels[channels.length - 1]!;
  };
  const route = (need: Need, day: number): void => {
    for (;;) {
      const channels = usable(need, day);
      if (channels.length === 0) {
        unmet++;
        bad(need.citizen, trust.weightUnmet);
        return;
      }
      const channel = choose(need, channels);
      if (channel === Channel.online) {
        const citizen = need.citizen;
        const transactions = policy.oneStop ? 1 : services.agencies[need.service]!;
        const skill = citizen.access ? citizen.skill : choice.helperSkill;
        const effort = transactions * services.complexity[need.service]! * 0.5 * (2 - policy.usability - skill);
        if (rng() < 1 - Math.exp(-policy.failureScale * effort)) {
          bad(citizen, trust.weightFailedAttempt);
          need.onlineFailures++;
          if (need.onlineFailures >= policy.maxOnlineAttempts) need.tried.add(Channel.online);
          continue;
        }
        citizen.lastChannel = channel;
        served++;
        good(citizen);
        return;
      }
      queues[queueOf(channel, need.citizen.district)]!.push(need, policy.oneStop ? 1 : services.agencies[need.service]!);
      return;
    }
  };

  for (let day = 0; day < config.horizonDays; day++) {
    // Arrivals: every citizen, every day; trust reverts a day's worth.
    const arrivals: Need[] = [];
    for (const citizen of citizens) {
      const baseline = segments.trustMean[citizen.segment]!;
      citizen.trust = baseline + (citizen.trust - baseline) * dailyReversion;
      if (rng() < segments.needsPerDay[citizen.segment]!) {
        const u = rng();
        let service = 0;
        while (service < services.cumulativeShare.length - 1 && u >= services.cumulativeShare[service]!) service++;
        const patience = Math.max(1, Math.round(segments.patienceDays[citizen.segment]! * services.patienceFactor[service]!));
        arrivals.push(new Need(citizen, service, day, day + patience));
      }
    }
    needs += arrivals.length;
    for (const need of arrivals) route(need, day);
    // Staffed queues: first come, first served up to capacity; the impatient leave.
    for (let channel = 1; channel < CHANNEL_COUNT; channel++) {
      for (let district = 0; district < (channel === Channel.phone ? 1 : districtCount); district++) {
        const queue = queues[queueOf(channel, district)]!;
        const share = channel === Channel.phone ? 1 : 1 / districtCount;
        let capacity = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! * share : 0;
        while (capacity >= 1 && queue.length > 0) {
          const need = queue.shift(policy.oneStop ? 1 : services.agencies[queue.peek().service]!);
          if (need.deadline < day) {
            unmet++;
            bad(need.citizen, trust.weightUnmet);
            continue;
          }
          capacity -= policy.oneStop ? 1 : services.agencies[need.service]!;
          need.citizen.lastChannel = channel;
          served++;
          if (day - need.arrivalDay > trust.longWaitDays) bad(need.citizen, trust.weightLongWait);
          else good(need.citizen);
        }
        const work = queue.work;
        const full = policy.channelOpen[channel] === 1 ? policy.capacityPerDay[channel]! * share : 0;
        waits[queueOf(channel, district)] = full > 0 ? work / full : Infinity;
      }
    }
  }
  return { citizens: citizens.length, needs, served, unmet };
}
