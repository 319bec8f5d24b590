/**
 * The engine routes and serves needs in fused loops (route-needs.ts,
 * serve-queues.ts) that repeat what the reference functions do, for speed.
 * These tests run the same scenarios both ways and require bit-identical
 * results: a change to one path that is not made to the other fails here.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenarioFile } from '../../src/scenarios/load.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { simulate, type RunOutput } from '../../src/sim/engine.js';
import { cityScenario, digitalOnlyScenario, hybridScenario } from '../fixtures/scenarios.js';

const REPO = join(import.meta.dirname, '..', '..');

/** Everything a run returns, as bytes and plain values. */
function fingerprint(output: RunOutput): unknown {
  const bytes = (array: ArrayBufferView): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
  return {
    segmentMonthly: bytes(output.segmentMonthly),
    cityMonthly: bytes(output.cityMonthly),
    districtMonthly: bytes(output.districtMonthly),
    initialTrustSum: bytes(output.initialTrustSum),
    daysToService: bytes(output.daysToService),
    events: output.events,
  };
}

function bothWays(scenario: Scenario, seed: number): { fast: unknown; reference: unknown } {
  const config = compileScenario(scenario);
  return {
    fast: fingerprint(simulate(config, seed)),
    reference: fingerprint(simulate(config, seed, undefined, { referencePath: true })),
  };
}

function shipped(path: string): Scenario {
  const loaded = loadScenarioFile(path);
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return { ...loaded.scenario, population: { size: 3000, sample: 1 } };
}

const files = [
  ...readdirSync(join(REPO, 'scenarios'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(REPO, 'scenarios', name)),
  join(REPO, 'bench', 'all-mechanisms.yaml'),
];

describe('the fused loops give what the reference functions give, bit for bit', () => {
  for (const file of files) {
    it(file.slice(REPO.length + 1), () => {
      const { fast, reference } = bothWays(shipped(file), 11);
      expect(fast).toEqual(reference);
    });
  }

  const small = { size: 2000, horizonMonths: 24 };
  const stress: [string, () => Scenario][] = [
    ['frequent long outages, digital-only', () => digitalOnlyScenario(small, { policy: { channels: { online: { outage: { ratePerYear: 30, meanDays: 8 } } } } })],
    ['congested counters and phone', () => cityScenario(small, { policy: { channels: { counter: { capacityPerDayPer1000: 0.5 }, phone: { capacityPerDayPer1000: 0.3 } } } })],
    ['automated decisions, many errors, slow appeals', () => cityScenario(small, { policy: { automation: { share: 0.8, errorRate: 0.2, appeal: { delayDays: 60 } } } })],
    ['consent or no service', () => cityScenario(small, { policy: { data: { consent: 'consent-or-no-service', refusalThreshold: 0.5 } } })],
    ['hybrid, one online attempt allowed', () => hybridScenario(small, { policy: { channels: { online: { maxAttempts: 1 } } } })],
  ];
  for (const [name, build] of stress) {
    it(name, () => {
      for (const seed of [1, 2]) {
        const { fast, reference } = bothWays(build(), seed);
        expect(fast).toEqual(reference);
      }
    });
  }
});
