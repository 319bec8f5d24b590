import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  availableChannels,
  chooseChannel,
  onlineEffort,
  probFailOnline,
  transactionsFor,
} from '../../src/sim/choice.js';
import { addFlag, hasAccess, motivationOf, privacyOf, setHelper, setLastChannel, setSkill, skillOf, storedTrustOf } from '../../src/sim/citizens.js';
import { Channel, CHANNEL_COUNT, channelBit } from '../../src/sim/config.js';
import { createStream, RandomStream } from '../../src/sim/random/streams.js';
import { CitizenFlag, NO_CHANNEL, queueKey, type SimState } from '../../src/sim/state.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { compile, freshState, tinyScenario, tinySegment, withOverrides } from '../fixtures/scenarios.js';

const ALL = 0b1111;
const bit = channelBit;

/**
 * A city with every channel open, two segments (with and without internet
 * access, both with a helper) and a two-agency service, choice parameters
 * all away from their defaults so each term of the utility matters.
 */
function choiceScenario(): Scenario {
  return tinyScenario({
    districts: [{ id: 'd1', counterTravelMinutes: 25, assistedTravelMinutes: 10 }],
    segments: [
      tinySegment('online', 'd1', {
        share: 0.5,
        digitalSkill: { mean: 0.4, sd: 0 },
        motivation: { mean: 0.7, sd: 0 },
        privacyConcern: { mean: 0.3, sd: 0 },
        trust: { mean: 0.55, sd: 0 },
        helperAvailable: 1,
        asc: { counter: 0.4, phone: -0.2 },
      }),
      tinySegment('offline', 'd1', {
        share: 0.5,
        internetAccess: 0,
        digitalSkill: { mean: 0.2, sd: 0 },
        motivation: { mean: 0.3, sd: 0 },
        privacyConcern: { mean: 0.6, sd: 0 },
        trust: { mean: 0.4, sd: 0 },
        helperAvailable: 1,
        asc: { counter: 0.8 },
      }),
    ],
    services: [{ id: 'claim', share: 1, complexity: 0.45, agencies: 2, patienceFactor: 1, dataFields: 16, automatable: false }],
    choice: {
      asc: { online: 0.9, phone: 0.1, counter: 0, assisted: -0.3 },
      betaTimePerHour: 0.7,
      betaWaitPerDay: 0.2,
      betaEffort: 1.8,
      betaPrivacy: 1.3,
      betaTrust: 1.1,
      betaMotivation: 1.5,
      betaHabit: 0.6,
      proxyPenalty: 0.8,
      helperSkill: 0.65,
    },
    policy: {
      data: { collectionMultiplier: 1.5 },
      channels: {
        online: { usability: 0.55, handlingMinutes: 15, failureScale: 0 },
        phone: { handlingMinutes: 25 },
        counter: { handlingMinutes: 35 },
        assisted: { open: true, maxSkillToQualify: 0.9, handlingMinutes: 45 },
      },
    },
  });
}

/**
 * The documented utility (MODEL.md mechanism 2, choice.ts header), computed
 * from the scenario as written (minutes, per-service fields), not from the
 * compiled config.
 */
function documentedUtilities(
  scenario: Scenario,
  segmentIndex: number,
  citizen: { skill: number; motivation: number; privacy: number; trust: number; access: boolean },
  waits: readonly number[],
  last: number,
): number[] {
  const segment = scenario.segments[segmentIndex]!;
  const service = scenario.services[0]!;
  const district = scenario.districts[0]!;
  const choice = scenario.choice;
  const channels = scenario.policy.channels;
  const transactions = service.agencies;
  const handlingHours = [channels.online.handlingMinutes, channels.phone.handlingMinutes, channels.counter.handlingMinutes, channels.assisted.handlingMinutes].map(
    (minutes) => (minutes / 60) * transactions * (0.5 + service.complexity),
  );
  const travel = [0, 0, (2 * district.counterTravelMinutes) / 60, (2 * district.assistedTravelMinutes) / 60];
  const ascShared = [choice.asc.online ?? 0, choice.asc.phone ?? 0, choice.asc.counter ?? 0, choice.asc.assisted ?? 0];
  const ascSegment = [segment.asc?.online ?? 0, segment.asc?.phone ?? 0, segment.asc?.counter ?? 0, segment.asc?.assisted ?? 0];
  const dataIntensity = (service.dataFields * scenario.policy.data.collectionMultiplier) / 20;
  const digital = choice.betaTrust * citizen.trust - choice.betaPrivacy * citizen.privacy * dataIntensity + choice.betaMotivation * (citizen.motivation - 0.5);
  const skill = citizen.access ? citizen.skill : choice.helperSkill;
  const effort = transactions * service.complexity * 0.5 * (2 - channels.online.usability - skill);
  return [0, 1, 2, 3].map((c) => {
    let u = ascShared[c]! + ascSegment[c]! - choice.betaTimePerHour * (handlingHours[c]! + travel[c]!) - choice.betaWaitPerDay * waits[c]!;
    if (c === last) u += choice.betaHabit;
    if (c === Channel.online || c === Channel.assisted) u += digital;
    if (c === Channel.online) u -= choice.betaEffort * effort + (citizen.access ? 0 : choice.proxyPenalty);
    return u;
  });
}

function logitShares(utilities: readonly number[], mask: number): number[] {
  const weights = utilities.map((u, c) => ((mask & bit(c)) !== 0 ? Math.exp(u) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

function empiricalShares(state: SimState, scenario: Scenario, citizen: number, mask: number, draws: number, seed: number): number[] {
  const config = compile(scenario);
  const rng = new RandomStream(seed, 'choice-test');
  const counts = [0, 0, 0, 0];
  let invalid = 0;
  for (let i = 0; i < draws; i++) {
    const channel = chooseChannel(state, config, rng, citizen, 0, mask);
    if (channel === NO_CHANNEL || (mask & bit(channel)) === 0) invalid++;
    else counts[channel]!++;
  }
  expect(invalid).toBe(0);
  return counts.map((n) => n / draws);
}

function expectShares(empirical: readonly number[], expected: readonly number[], draws: number): void {
  for (let c = 0; c < CHANNEL_COUNT; c++) {
    const p = expected[c]!;
    // 5 binomial standard errors (plus a hair for p = 0).
    expect(Math.abs(empirical[c]! - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / draws) + 1e-12);
  }
}

describe('chooseChannel', () => {
  const scenario = choiceScenario();
  const config = compile(scenario);
  const draws = 100_000;

  const cases: { name: string; segment: number; mask: number; waits: number[]; last: number }[] = [
    { name: 'a citizen with access, all channels, empty queues', segment: 0, mask: ALL, waits: [0, 0, 0, 0], last: NO_CHANNEL },
    { name: 'a citizen without access (online via a helper), all channels', segment: 1, mask: ALL, waits: [0, 0, 0, 0], last: NO_CHANNEL },
    { name: 'a citizen with a habit and posted waits', segment: 0, mask: ALL, waits: [0, 3, 1.5, 0.5], last: Channel.counter },
    { name: 'a restricted choice set', segment: 1, mask: bit(Channel.online) | bit(Channel.counter), waits: [0, 0, 0, 0], last: Channel.online },
  ];

  for (const [index, testCase] of cases.entries()) {
    it(`matches the multinomial logit for ${testCase.name}`, () => {
      const { state } = freshState(config, 3);
      const citizen = state.segmentStart[testCase.segment]!;
      setLastChannel(state.citizens, citizen, testCase.last);
      for (const channel of [Channel.phone, Channel.counter, Channel.assisted]) {
        state.queues.expectedWaitDays[queueKey(channel, 0, 1)] = testCase.waits[channel]!;
      }
      const c = state.citizens;
      const utilities = documentedUtilities(
        scenario,
        testCase.segment,
        { skill: skillOf(c, citizen), motivation: motivationOf(c, citizen), privacy: privacyOf(c, citizen), trust: storedTrustOf(c, citizen), access: hasAccess(c, citizen) },
        testCase.waits,
        testCase.last,
      );
      const expected = logitShares(utilities, testCase.mask);
      // Every share in play is measurable: the test would notice a missing term.
      for (let ch = 0; ch < CHANNEL_COUNT; ch++) if ((testCase.mask & bit(ch)) !== 0) expect(expected[ch]).toBeGreaterThan(0.02);
      expectShares(empiricalShares(state, scenario, citizen, testCase.mask, draws, 100 + index), expected, draws);
    });
  }

  it('returns NO_CHANNEL for an empty choice set', () => {
    const { state } = freshState(config);
    expect(chooseChannel(state, config, new RandomStream(1, 'x'), 0, 0, 0)).toBe(NO_CHANNEL);
  });
});

describe('availableChannels', () => {
  const base = choiceScenario();

  /** A state where citizen 0 has access and skill `skill`, citizen `offline` has neither access nor helper. */
  function setup(scenario: Scenario = base) {
    const config = compile(scenario);
    const { state } = freshState(config);
    const online = state.segmentStart[0]!;
    const offline = state.segmentStart[1]!;
    return { config, state, online, offline };
  }

  it('offers every channel to a citizen who can use them all', () => {
    const { config, state, online } = setup();
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(ALL); // assisted too: skill 0.4 is below maxSkillToQualify 0.9
  });

  it('excludes channels closed by policy', () => {
    const scenario = withOverrides(base, { policy: { channels: { phone: { open: false }, counter: { open: false } } } });
    const { config, state, online } = setup(scenario);
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(bit(Channel.online) | bit(Channel.assisted));
  });

  it('excludes channels the service is not offered through, and channels already tried', () => {
    const scenario = withOverrides(base, {
      services: [{ id: 'permit', share: 1, complexity: 0.5, agencies: 1, patienceFactor: 1, dataFields: 5, automatable: false, channels: ['online', 'counter'] }],
    });
    const { config, state, online } = setup(scenario);
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(bit(Channel.online) | bit(Channel.counter));
    expect(availableChannels(state, config, online, 0, bit(Channel.online), 30)).toBe(bit(Channel.counter));
  });

  it('offers online without access only through a helper', () => {
    const { config, state, offline } = setup();
    expect(availableChannels(state, config, offline, 0, 0, 30) & bit(Channel.online)).not.toBe(0);
    setHelper(state.citizens, offline, false);
    expect(availableChannels(state, config, offline, 0, 0, 30) & bit(Channel.online)).toBe(0);
  });

  it('offers assisted digital only to citizens without access or with low skill', () => {
    const { config, state, online, offline } = setup();
    const max = state.policy.assistedMaxSkill;
    setSkill(state.citizens, online, max + 0.05);
    expect(availableChannels(state, config, online, 0, 0, 30) & bit(Channel.assisted)).toBe(0);
    setSkill(state.citizens, online, max - 0.05);
    expect(availableChannels(state, config, online, 0, 0, 30) & bit(Channel.assisted)).not.toBe(0);
    setSkill(state.citizens, offline, 0.99);
    expect(availableChannels(state, config, offline, 0, 0, 30) & bit(Channel.assisted)).not.toBe(0);
  });

  it('drops a staffed channel whose expected wait exceeds the patience left', () => {
    const { config, state, online } = setup();
    state.queues.expectedWaitDays[queueKey(Channel.counter, 0, 1)] = 6;
    state.queues.expectedWaitDays[queueKey(Channel.phone, 0, 1)] = 2;
    const mask = availableChannels(state, config, online, 0, 0, 5);
    expect(mask & bit(Channel.counter)).toBe(0);
    expect(mask & bit(Channel.phone)).not.toBe(0);
    expect(availableChannels(state, config, online, 0, 0, 6) & bit(Channel.counter)).not.toBe(0);
    // A closed-down queue posts an infinite wait.
    state.queues.expectedWaitDays[queueKey(Channel.phone, 0, 1)] = Number.POSITIVE_INFINITY;
    expect(availableChannels(state, config, online, 0, 0, 365) & bit(Channel.phone)).toBe(0);
  });

  it('drops the digital channels during an outage', () => {
    const { config, state, online, offline } = setup();
    state.day = 10;
    state.outageUntilDay = 12;
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(bit(Channel.phone) | bit(Channel.counter));
    expect(availableChannels(state, config, offline, 0, 0, 30)).toBe(bit(Channel.phone) | bit(Channel.counter));
    state.day = 12;
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(ALL);
  });

  it('leaves informed opt-in refusers only the human channels while one is open', () => {
    const { config, state, online } = setup();
    addFlag(state.citizens, online, CitizenFlag.refusesConsent);
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(bit(Channel.phone) | bit(Channel.counter));
    // With both human channels unusable they keep the digital ones rather than nothing.
    expect(availableChannels(state, config, online, 0, bit(Channel.phone) | bit(Channel.counter), 30)).toBe(bit(Channel.online) | bit(Channel.assisted));
  });

  it('does not filter refusers under "consent or no service"', () => {
    const scenario = withOverrides(base, { policy: { data: { consent: 'consent-or-no-service' } } });
    const { config, state, online } = setup(scenario);
    addFlag(state.citizens, online, CitizenFlag.refusesConsent);
    expect(availableChannels(state, config, online, 0, 0, 30)).toBe(ALL);
  });
});

describe('onlineEffort and probFailOnline', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  it('effort grows with complexity and transactions, falls with skill and usability', () => {
    fc.assert(
      fc.property(unit, unit, unit, unit, fc.integer({ min: 1, max: 10 }), (complexity, skill, usability, delta, transactions) => {
        const effort = onlineEffort(complexity, transactions, skill, usability);
        expect(effort).toBeGreaterThanOrEqual(0);
        expect(effort).toBeLessThanOrEqual(transactions);
        const more = Math.min(1, complexity + delta);
        expect(onlineEffort(more, transactions, skill, usability)).toBeGreaterThanOrEqual(effort);
        expect(onlineEffort(complexity, transactions + 1, skill, usability)).toBeGreaterThanOrEqual(effort);
        expect(onlineEffort(complexity, transactions, Math.min(1, skill + delta), usability)).toBeLessThanOrEqual(effort);
        expect(onlineEffort(complexity, transactions, skill, Math.min(1, usability + delta))).toBeLessThanOrEqual(effort);
      }),
    );
    // Strictly, away from the corners.
    expect(onlineEffort(0.6, 1, 0.5, 0.5)).toBeGreaterThan(onlineEffort(0.3, 1, 0.5, 0.5));
    expect(onlineEffort(0.5, 3, 0.5, 0.5)).toBeGreaterThan(onlineEffort(0.5, 1, 0.5, 0.5));
    expect(onlineEffort(0.5, 1, 0.8, 0.5)).toBeLessThan(onlineEffort(0.5, 1, 0.2, 0.5));
    expect(onlineEffort(0.5, 1, 0.5, 0.9)).toBeLessThan(onlineEffort(0.5, 1, 0.5, 0.1));
  });

  it('failure probability is 0 at no effort, grows with effort, stays within [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (effort, extra, scale) => {
        const p = probFailOnline(effort, scale);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(probFailOnline(effort + extra, scale)).toBeGreaterThanOrEqual(p);
      }),
    );
    expect(probFailOnline(0, 1.2)).toBe(0);
    expect(probFailOnline(0.5, 1.2)).toBeGreaterThan(probFailOnline(0.2, 1.2));
    expect(probFailOnline(0.5, 0)).toBe(0);
  });

  it('counts one transaction per agency, or one with one-stop integration', () => {
    const fragmented = compile(tinyScenario({ services: [{ id: 's', share: 1, complexity: 0.2, agencies: 3, patienceFactor: 1, dataFields: 1, automatable: false }] }));
    const oneStop = compile(tinyScenario({ services: [{ id: 's', share: 1, complexity: 0.2, agencies: 3, patienceFactor: 1, dataFields: 1, automatable: false }], policy: { oneStop: true } }));
    expect(transactionsFor(fragmented, fragmented.phases[0]!, 0)).toBe(3);
    expect(transactionsFor(oneStop, oneStop.phases[0]!, 0)).toBe(1);
  });
});
