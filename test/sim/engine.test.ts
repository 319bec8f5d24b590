import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { citizenColumn, type CitizenAttribute } from '../../src/sim/citizens.js';
import { CITY_COUNTER_COUNT, DISTRICT_COUNTER_COUNT, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../src/sim/counters.js';
import { createContext, initialState, simulate, type RunOutput } from '../../src/sim/engine.js';
import { checkInvariants, summarize } from '../../src/sim/metrics/index.js';
import { NeedStatus, needStatus } from '../../src/sim/queues.js';
import type { ModelConfig } from '../../src/sim/config.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { cityScenario, compile, digitalOnlyScenario, hybridScenario, runWithState, withOverrides } from '../fixtures/scenarios.js';

const small = { size: 2000, horizonMonths: 12 };

/** Scenarios that stress different ends of a need: outages, queues, appeals, refusals. */
const conservationCases: [string, () => Scenario][] = [
  ['default city', () => cityScenario(small)],
  ['digital-only', () => digitalOnlyScenario(small)],
  ['hybrid', () => hybridScenario(small)],
  ['hybrid with frequent outages', () => hybridScenario(small, { policy: { channels: { online: { outage: { ratePerYear: 30, meanDays: 8 } } } } })],
  ['digital-only with frequent outages', () => digitalOnlyScenario(small, { policy: { channels: { online: { outage: { ratePerYear: 30, meanDays: 8 } } } } })],
  ['congested counters and phone', () => cityScenario(small, { policy: { channels: { counter: { capacityPerDayPer1000: 0.5 }, phone: { capacityPerDayPer1000: 0.3 } } } })],
  [
    'automated decisions with slow appeals',
    () => cityScenario(small, { policy: { automation: { share: 0.8, errorRate: 0.2, appeal: { delayDays: 60 } } } }),
  ],
  ['consent or no service', () => cityScenario(small, { policy: { data: { consent: 'consent-or-no-service', refusalThreshold: 0.5 } } })],
];

function sumCounter(table: Float64Array, counter: number): number {
  let sum = 0;
  for (let i = counter; i < table.length; i += SEGMENT_COUNTER_COUNT) sum += table[i]!;
  return sum;
}

describe('conservation of needs: arrived = met + unmet + pending', () => {
  for (const [name, build] of conservationCases) {
    it(name, () => {
      const config = compile(build());
      const output = simulate(config, 7);
      expect(checkInvariants(output)).toEqual([]);
      // Independently: rerun keeping the final state, count what is still pending there.
      const { state } = runWithState(config, 7);
      expect(Buffer.from(state.recorder.segmentMonthly.buffer).equals(Buffer.from(output.segmentMonthly.buffer))).toBe(true);
      let waitingRecords = 0;
      for (let slot = 0; slot < state.pool.capacity; slot++) if (needStatus(state.pool, slot) === NeedStatus.waiting) waitingRecords++;
      const queued = state.queues.waiting.reduce((a, b) => a + b, 0);
      expect(waitingRecords).toBe(queued);
      const appealsPending = state.appeals.length - state.appealsHead;
      const table = state.recorder.segmentMonthly;
      const arrived = sumCounter(table, S.arrived);
      const met = sumCounter(table, S.met);
      const unmet = [S.unmetNoChannel, S.unmetOnlineFailed, S.unmetTimeout, S.unmetDenied, S.unmetRefused].reduce((sum, k) => sum + sumCounter(table, k), 0);
      expect(arrived).toBeGreaterThan(1000);
      expect(met + unmet + waitingRecords + appealsPending).toBe(arrived);
      // Met needs split exactly by channel.
      expect(sumCounter(table, S.metOnline) + sumCounter(table, S.metPhone) + sumCounter(table, S.metCounter) + sumCounter(table, S.metAssisted)).toBe(met);
    });
  }
});

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function sameOutput(a: RunOutput, b: RunOutput): boolean {
  return (
    sameBytes(a.segmentMonthly, b.segmentMonthly) &&
    sameBytes(a.cityMonthly, b.cityMonthly) &&
    sameBytes(a.districtMonthly, b.districtMonthly) &&
    sameBytes(a.daysToService, b.daysToService) &&
    JSON.stringify(a.events) === JSON.stringify(b.events)
  );
}

describe('determinism', () => {
  const scenario = hybridScenario({ size: 2000, horizonMonths: 12 }, { policy: { channels: { online: { outage: { ratePerYear: 6 } } }, automation: { share: 0.5 } } });

  it('gives byte-identical outputs and summaries for the same (scenario, seed)', () => {
    const first = simulate(compile(scenario), 42);
    const second = simulate(compile(scenario), 42);
    expect(sameOutput(first, second)).toBe(true);
    expect(first.events.length).toBeGreaterThan(0);
    expect(JSON.stringify(summarize(compile(scenario), first))).toBe(JSON.stringify(summarize(compile(scenario), second)));
  });

  it('gives different outputs for different seeds', () => {
    const a = simulate(compile(scenario), 1);
    const b = simulate(compile(scenario), 2);
    expect(sameBytes(a.segmentMonthly, b.segmentMonthly)).toBe(false);
  });

  /** A policy lever: overrides on the start policy, or a schedule change. */
  const lever = fc.oneof(
    fc.record({ kind: fc.constant('close counters' as const), month: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('open assisted' as const), month: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('phone capacity' as const), month: fc.integer({ min: 1, max: 5 }), capacity: fc.double({ min: 0, max: 20, noNaN: true }) }),
    fc.record({ kind: fc.constant('usability' as const), month: fc.integer({ min: 1, max: 5 }), usability: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('one-stop' as const), month: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ kind: fc.constant('training' as const), month: fc.integer({ min: 1, max: 5 }) }),
  );
  type Lever = typeof lever extends fc.Arbitrary<infer T> ? T : never;

  function applyLever(base: Scenario, l: Lever, atStart: boolean): Scenario {
    const set: Record<string, unknown> =
      l.kind === 'close counters'
        ? { 'channels.counter.open': false }
        : l.kind === 'open assisted'
          ? { 'channels.assisted.open': true }
          : l.kind === 'phone capacity'
            ? { 'channels.phone.capacityPerDayPer1000': l.capacity }
            : l.kind === 'usability'
              ? { 'channels.online.usability': l.usability }
              : l.kind === 'one-stop'
                ? { oneStop: true }
                : { 'adoption.training.capacityPerMonthPer1000': 30, 'adoption.training.costPerPersonGbp': 10 };
    return withOverrides(base, { schedule: [...base.schedule, { month: atStart ? 0 : l.month, set }] });
  }

  const attributes: readonly CitizenAttribute[] = ['segment', 'access', 'helper', 'skill', 'motivation', 'privacy', 'trust', 'trustDay', 'lastChannel', 'flags'];
  const columns = (config: ModelConfig, seed: number) => {
    const c = initialState(config, createContext(config, seed)).citizens;
    return attributes.map((attribute) => citizenColumn(c, attribute));
  };

  it('never changes the generated population when a policy lever moves (property)', () => {
    const base = cityScenario({ size: 600, horizonMonths: 6 });
    fc.assert(
      fc.property(lever, fc.integer({ min: 0, max: 100_000 }), (l, seed) => {
        const a = columns(compile(base), seed);
        const b = columns(compile(applyLever(base, l, true)), seed);
        a.forEach((column, k) => expect(sameBytes(column, b[k]!)).toBe(true));
      }),
      { numRuns: 10 },
    );
  });

  it('runs identically up to the month a scheduled lever moves (common random numbers, property)', () => {
    const base = cityScenario({ size: 600, horizonMonths: 6 });
    fc.assert(
      fc.property(lever, fc.integer({ min: 0, max: 100_000 }), (l, seed) => {
        const a = simulate(compile(base), seed);
        const b = simulate(compile(applyLever(base, l, false)), seed);
        const segmentRows = l.month * a.segmentCount * SEGMENT_COUNTER_COUNT;
        expect(sameBytes(a.segmentMonthly.subarray(0, segmentRows), b.segmentMonthly.subarray(0, segmentRows))).toBe(true);
        expect(sameBytes(a.cityMonthly.subarray(0, l.month * CITY_COUNTER_COUNT), b.cityMonthly.subarray(0, l.month * CITY_COUNTER_COUNT))).toBe(true);
        const districtRows = l.month * a.districtCount * DISTRICT_COUNTER_COUNT;
        expect(sameBytes(a.districtMonthly.subarray(0, districtRows), b.districtMonthly.subarray(0, districtRows))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('the lever does change the run after it moves (the property above is not vacuous)', () => {
    const base = cityScenario({ size: 600, horizonMonths: 6 });
    const a = simulate(compile(base), 3);
    const b = simulate(compile(applyLever(base, { kind: 'close counters', month: 2 }, false)), 3);
    expect(sameBytes(a.segmentMonthly, b.segmentMonthly)).toBe(false);
  });
});
