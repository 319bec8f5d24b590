import { describe, expect, it } from 'vitest';
import { Channel } from '../../../src/sim/config.js';
import { privacyOf, storedTrustOf } from '../../../src/sim/citizens.js';
import { CityCounter as C, CITY_COUNTER_COUNT, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate, step, type RunOutput } from '../../../src/sim/engine.js';
import { drawShocks } from '../../../src/sim/phases/draw-shocks.js';
import { queueKey } from '../../../src/sim/state.js';
import type { Scenario } from '../../../src/scenarios/schema.js';
import { compile, freshState, tinyScenario, tinySegment } from '../../fixtures/scenarios.js';

function total(output: RunOutput, counter: number, segment?: number): number {
  let sum = 0;
  for (let month = 0; month < output.months; month++) {
    for (let s = 0; s < output.segmentCount; s++) {
      if (segment === undefined || s === segment) sum += output.segmentMonthly[(month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + counter]!;
    }
  }
  return sum;
}

function cityTotal(output: RunOutput, counter: number): number {
  let sum = 0;
  for (let month = 0; month < output.months; month++) sum += output.cityMonthly[month * CITY_COUNTER_COUNT + counter]!;
  return sum;
}

describe('breaches', () => {
  const breachCity = (transparency: number, needsPerYear = 4): Scenario =>
    tinyScenario(
      {
        segments: [
          tinySegment('carefree', 'd1', { share: 0.5, privacyConcern: { mean: 0.1, sd: 0 }, trust: { mean: 0.6, sd: 0 }, needsPerYear }),
          tinySegment('concerned', 'd1', { share: 0.5, privacyConcern: { mean: 0.9, sd: 0 }, trust: { mean: 0.6, sd: 0 }, needsPerYear }),
        ],
        policy: { data: { breachRatePerBillionRecordsYear: 5, shareAffected: 0.5, trustShock: 0.3, transparency } },
      },
      { size: 4000, horizonMonths: 6 },
    );

  it('take a share of trust proportional to privacy concern, softened by transparency', () => {
    for (const transparency of [0, 0.3, 1]) {
      const config = compile(breachCity(transparency));
      const { state, ctx } = freshState(config, 5);
      state.recordsHeld = 1e30; // hazard far above 1: a breach is certain today
      drawShocks(state, ctx);
      expect(state.recorder.cityMonthly[C.breaches]).toBe(1);
      let affected = 0;
      for (let i = 0; i < state.citizens.count; i++) {
        const trust = storedTrustOf(state.citizens, i);
        if (trust === Math.fround(0.6)) continue;
        affected++;
        const privacy = privacyOf(state.citizens, i);
        expect(trust).toBeCloseTo(0.6 * (1 - 0.3 * privacy * (1 - 0.7 * transparency)), 6);
      }
      // Each citizen is affected with probability 0.5.
      expect(Math.abs(affected - 2000)).toBeLessThan(5 * Math.sqrt(4000 * 0.25));
      expect(state.recorder.segmentMonthly[S.breachAffected]! + state.recorder.segmentMonthly[SEGMENT_COUNTER_COUNT + S.breachAffected]!).toBe(affected);
    }
  });

  it('over a run, leave the privacy-concerned with lower trust', () => {
    const scenario = breachCity(0.3, 0);
    const config = compile(scenario);
    const output = simulate(config, 3);
    // Without transactions no records are held, so no breach strikes on its own...
    expect(cityTotal(output, C.breaches)).toBe(0);
    // ...so strike one each month by seeding a huge stock for a day. No needs: breaches are the only experiences.
    const { state, ctx } = freshState(config, 3);
    for (let day = 0; day < config.horizonDays; day++) {
      state.day = day;
      state.month = Math.floor(day / 30);
      if (day % 30 === 10) state.recordsHeld = 1e30;
      step(state, ctx);
      state.recordsHeld = 0;
    }
    const last = (config.months - 1) * 2 * SEGMENT_COUNTER_COUNT;
    const table = state.recorder.segmentMonthly;
    const meanTrust = (s: number): number => table[last + s * SEGMENT_COUNTER_COUNT + S.trustSum]! / table[last + s * SEGMENT_COUNTER_COUNT + S.citizens]!;
    expect(meanTrust(1)).toBeLessThan(meanTrust(0) - 0.01);
    expect(meanTrust(0)).toBeLessThan(0.6);
  });
});

describe('outages', () => {
  const outageCity = (humanOpen: boolean, extra: Record<string, unknown> = {}): Scenario =>
    tinyScenario(
      {
        segments: [tinySegment('everyone', 'd1', { needsPerYear: 6, patienceDays: 10 })],
        policy: {
          channels: {
            online: { failureScale: 0, outage: extra },
            phone: { open: humanOpen, capacityPerDayPer1000: 100 },
            counter: { open: humanOpen, capacityPerDayPer1000: 100 },
          },
        },
      },
      { size: 2000, horizonMonths: 6 },
    );

  it('digital-only: needs wait for the restoration, then are served online', () => {
    const config = compile(outageCity(false));
    const { state, ctx } = freshState(config, 4);
    state.outageUntilDay = 5;
    const key = queueKey(Channel.online, 0, 1);
    for (let day = 0; day < 5; day++) {
      state.day = day;
      step(state, ctx);
      expect(state.recorder.segmentMonthly[S.metOnline]).toBe(0);
    }
    const parked = state.queues.waiting[key]!;
    expect(parked).toBeGreaterThan(100);
    expect(state.recorder.segmentMonthly[S.arrived]).toBe(parked);
    state.day = 5;
    step(state, ctx);
    expect(state.queues.waiting[key]).toBe(0);
    expect(state.recorder.segmentMonthly[S.metOnline]).toBe(state.recorder.segmentMonthly[S.arrived]);
    expect(state.recorder.daysToService[5]).toBeGreaterThan(0);
    expect(state.recorder.events.map((e) => e.kind)).toContain('outage-end');
  });

  it('hybrid: needs go to the human channels during an outage instead of waiting', () => {
    const config = compile(outageCity(true));
    const { state, ctx } = freshState(config, 4);
    state.outageUntilDay = 5;
    for (let day = 0; day < 5; day++) {
      state.day = day;
      step(state, ctx);
    }
    const row = state.recorder.segmentMonthly;
    expect(row[S.metOnline]).toBe(0);
    expect(state.queues.waiting[queueKey(Channel.online, 0, 1)]).toBe(0);
    expect(row[S.metCounter]! + row[S.metPhone]!).toBe(row[S.arrived]);
  });

  it('shift demand to human channels in a hybrid city, and leave needs unmet in a digital-only one', () => {
    const outages = { ratePerYear: 20, meanDays: 12 };
    const humanShare = (output: RunOutput): number => (total(output, S.metCounter) + total(output, S.metPhone)) / total(output, S.met);
    const hybridCalm = simulate(compile(outageCity(true)), 8);
    const hybridStormy = simulate(compile(outageCity(true, outages)), 8);
    const digitalCalm = simulate(compile(outageCity(false)), 8);
    const digitalStormy = simulate(compile(outageCity(false, outages)), 8);
    expect(cityTotal(hybridStormy, C.outageDays)).toBeGreaterThan(30);
    expect(cityTotal(hybridStormy, C.outageDays)).toBe(cityTotal(digitalStormy, C.outageDays));
    expect(humanShare(hybridStormy)).toBeGreaterThan(humanShare(hybridCalm) + 0.05);
    expect(total(hybridStormy, S.unmetDuringOutage)).toBe(0);
    // Digital-only: outages longer than patience turn waits into unmet needs.
    expect(total(digitalCalm, S.unmetTimeout)).toBe(0);
    expect(total(digitalStormy, S.unmetTimeout)).toBeGreaterThan(0);
    expect(total(digitalStormy, S.unmetDuringOutage)).toBeGreaterThan(0);
    const unmetRate = (output: RunOutput): number => (total(output, S.arrived) - total(output, S.met)) / total(output, S.arrived);
    expect(unmetRate(digitalStormy)).toBeGreaterThan(unmetRate(hybridStormy) + 0.02);
  });
});
