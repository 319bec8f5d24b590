import { describe, expect, it } from 'vitest';
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S, CityCounter as C, CITY_COUNTER_COUNT } from '../../../src/sim/counters.js';
import { simulate, type RunOutput } from '../../../src/sim/engine.js';
import type { Scenario } from '../../../src/scenarios/schema.js';
import { compile, tinyScenario, tinySegment } from '../../fixtures/scenarios.js';

function total(output: RunOutput, counter: number): number {
  let sum = 0;
  for (let month = 0; month < output.months; month++) {
    for (let s = 0; s < output.segmentCount; s++) sum += output.segmentMonthly[(month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + counter]!;
  }
  return sum;
}

function unmet(output: RunOutput): number {
  return [S.unmetNoChannel, S.unmetOnlineFailed, S.unmetTimeout, S.unmetDenied, S.unmetRefused].reduce((sum, k) => sum + total(output, k), 0);
}

function pendingEnd(output: RunOutput): number {
  return output.cityMonthly[(output.months - 1) * CITY_COUNTER_COUNT + C.pendingEnd]!;
}

/**
 * Everyone tries online first (its constant dwarfs the others), online fails
 * often, every citizen is alike (no spread, no learning): the failure
 * probability is the same for every attempt.
 */
function onlineFirst(humanChannelsOpen: boolean, maxAttempts: number): Scenario {
  return tinyScenario(
    {
      segments: [tinySegment('everyone', 'd1', { needsPerYear: 6, digitalSkill: { mean: 0.3, sd: 0 } })],
      services: [{ id: 'claim', share: 1, complexity: 0.6, agencies: 2, patienceFactor: 1, dataFields: 10, automatable: false }],
      choice: { asc: { online: 12, phone: -8, counter: -8, assisted: -8 } },
      policy: {
        channels: {
          online: { failureScale: 1.5, usability: 0.5, maxAttempts },
          phone: { open: humanChannelsOpen, capacityPerDayPer1000: 200 },
          counter: { open: humanChannelsOpen, capacityPerDayPer1000: 200 },
          assisted: { open: false },
        },
      },
    },
    { size: 2000, horizonMonths: 3 },
  );
}

/** P(an online attempt fails) for the scenario's citizens, from the documented formula. */
function failureProbability(scenario: Scenario): number {
  const service = scenario.services[0]!;
  const online = scenario.policy.channels.online;
  const effort = service.agencies * service.complexity * 0.5 * (2 - online.usability - scenario.segments[0]!.digitalSkill.mean);
  return 1 - Math.exp(-online.failureScale * effort);
}

describe('routeNeeds: online attempts and fallback', () => {
  it('sends needs that fail online to the human channels when they are open', () => {
    const scenario = onlineFirst(true, 1);
    const output = simulate(compile(scenario), 3);
    const arrived = total(output, S.arrived);
    const attempts = total(output, S.onlineAttempts);
    const failures = total(output, S.onlineFailures);
    const metOnline = total(output, S.metOnline);
    const metHuman = total(output, S.metCounter) + total(output, S.metPhone);
    // Every need tried online exactly once first.
    expect(attempts).toBe(arrived);
    expect(metOnline + failures).toBe(attempts);
    // The failed ones fell back: met at a counter or by phone (or unmet, or still waiting).
    expect(metHuman).toBeGreaterThan(0);
    expect(metHuman + unmet(output) + pendingEnd(output)).toBe(failures);
    expect(total(output, S.unmetOnlineFailed)).toBe(0);
    // The failure rate is the documented one.
    const p = failureProbability(scenario);
    expect(Math.abs(failures / attempts - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / attempts));
  });

  it('leaves needs that fail online unmet (onlineFailed) when online is all there is', () => {
    const scenario = onlineFirst(false, 1);
    const output = simulate(compile(scenario), 3);
    const failures = total(output, S.onlineFailures);
    expect(failures).toBeGreaterThan(0);
    expect(total(output, S.unmetOnlineFailed)).toBe(failures);
    expect(total(output, S.metOnline) + failures).toBe(total(output, S.arrived));
    expect(total(output, S.metCounter) + total(output, S.metPhone)).toBe(0);
  });

  it('lets a citizen retry online up to maxAttempts before giving up', () => {
    const scenario = onlineFirst(false, 3);
    const output = simulate(compile(scenario), 4);
    const arrived = total(output, S.arrived);
    const attempts = total(output, S.onlineAttempts);
    const failedNeeds = total(output, S.unmetOnlineFailed);
    expect(attempts).toBe(total(output, S.metOnline) + total(output, S.onlineFailures));
    expect(attempts).toBeGreaterThan(arrived);
    expect(attempts).toBeLessThanOrEqual(3 * arrived);
    // A need is lost only after three independent failures: probability p³.
    const p3 = failureProbability(scenario) ** 3;
    expect(failedNeeds).toBeGreaterThan(0);
    expect(Math.abs(failedNeeds / arrived - p3)).toBeLessThan(5 * Math.sqrt((p3 * (1 - p3)) / arrived));
  });

  it('counts needs with no usable channel as unmet (noChannel)', () => {
    const scenario = tinyScenario({
      segments: [tinySegment('offline', 'd1', { internetAccess: 0, helperAvailable: 0 })],
      policy: { channels: { phone: { open: false }, counter: { open: false } } },
    });
    const output = simulate(compile(scenario), 1);
    expect(total(output, S.arrived)).toBeGreaterThan(0);
    expect(total(output, S.unmetNoChannel)).toBe(total(output, S.arrived));
    expect(total(output, S.onlineAttempts)).toBe(0);
  });

  it('under "consent or no service", refusers go without or consent under duress', () => {
    const scenario = tinyScenario(
      {
        segments: [tinySegment('private', 'd1', { privacyConcern: { mean: 0.6, sd: 0.25 } })],
        policy: { data: { consent: 'consent-or-no-service', refusalThreshold: 0.7 } },
      },
      { size: 2000, horizonMonths: 3 },
    );
    const output = simulate(compile(scenario), 2);
    const refused = total(output, S.unmetRefused);
    expect(refused).toBeGreaterThan(0);
    const informed = simulate(compile(tinyScenario({ segments: scenario.segments }, { size: 2000, horizonMonths: 3 })), 2);
    expect(total(informed, S.unmetRefused)).toBe(0);
  });
});
