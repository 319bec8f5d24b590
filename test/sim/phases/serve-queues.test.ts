import { describe, expect, it } from 'vitest';
import { Channel } from '../../../src/sim/config.js';
import { DISTRICT_COUNTER_COUNT, DistrictCounter as D, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate } from '../../../src/sim/engine.js';
import { needArrivalDay, queuedAt } from '../../../src/sim/queues.js';
import { queueKey } from '../../../src/sim/state.js';
import type { Scenario } from '../../../src/scenarios/schema.js';
import { arriveNeeds } from '../../../src/sim/phases/arrive-needs.js';
import { expireNeeds } from '../../../src/sim/phases/expire-needs.js';
import { routeNeeds } from '../../../src/sim/phases/route-needs.js';
import { serveQueues } from '../../../src/sim/phases/serve-queues.js';
import { compile, freshState, runWithState, tinyScenario, tinySegment } from '../../fixtures/scenarios.js';

/** A city served only by one counter of `capacityPer1000` a day, with needs at `needsPerYear`. */
function counterOnly(capacityPer1000: number, needsPerYear: number, months = 4): Scenario {
  return tinyScenario(
    {
      segments: [tinySegment('everyone', 'd1', { needsPerYear, patienceDays: 20 })],
      policy: {
        channels: {
          online: { open: false },
          phone: { open: false },
          counter: { open: true, capacityPerDayPer1000: capacityPer1000 },
          assisted: { open: false },
        },
      },
    },
    { size: 1000, horizonMonths: months },
  );
}

describe('serveQueues', () => {
  it('never serves more in a month than the counter capacity (one counter, tiny capacity)', () => {
    const scenario = counterOnly(0.7, 8); // 0.7 a day against about 22 needs a day
    const config = compile(scenario);
    const capacity = config.phases[0]!.capacityPerDay[Channel.counter]!;
    expect(capacity).toBeCloseTo(0.7, 12);
    const output = simulate(config, 2);
    let served = 0;
    for (let month = 0; month < output.months; month++) {
      const met = output.segmentMonthly[month * SEGMENT_COUNTER_COUNT + S.metCounter]!;
      expect(met).toBeLessThanOrEqual(capacity * 30 + 1);
      served += met;
    }
    // And the capacity is used: the queue never runs dry.
    expect(served).toBeGreaterThanOrEqual(Math.floor(capacity * config.horizonDays) - 1);
  });

  it('never serves more in a day than the capacity plus the fractional carry', () => {
    // Demand close to capacity, so the queue empties on some days and not on others.
    for (const [capacityPer1000, needsPerYear] of [
      [5.5, 1.8],
      [2.5, 0.9],
    ] as const) {
      const config = compile(counterOnly(capacityPer1000, needsPerYear, 6));
      const capacity = config.phases[0]!.capacityPerDay[Channel.counter]!;
      let previous = 0;
      let maxPerDay = 0;
      let emptyDays = 0;
      let total = 0;
      runWithState(config, 9, (state) => {
        const monthStart = state.day % 30 === 0;
        const served = state.recorder.districtMonthly[state.month * DISTRICT_COUNTER_COUNT + D.counterServed]!;
        const today = served - (monthStart ? 0 : previous);
        previous = served;
        maxPerDay = Math.max(maxPerDay, today);
        total += today;
        if (state.queues.waiting[queueKey(Channel.counter, 0, 1)] === 0) emptyDays++;
      });
      expect(emptyDays).toBeGreaterThan(10);
      expect(total).toBeGreaterThan(0);
      expect(maxPerDay).toBeLessThan(capacity + 1);
    }
  });

  it('posts the expected wait as the backlog left after serving over capacity, infinite when closed', () => {
    const config = compile(counterOnly(3, 8, 1));
    const { state, ctx } = freshState(config, 3);
    const key = queueKey(Channel.counter, 0, 1);
    for (let day = 0; day < 10; day++) {
      state.day = day;
      arriveNeeds(state, ctx);
      routeNeeds(state, ctx);
      serveQueues(state, ctx);
      expect(state.queues.work[key]).toBeGreaterThan(0);
      expect(state.queues.expectedWaitDays[key]).toBeCloseTo(state.queues.work[key]! / 3, 9);
      expireNeeds(state, ctx);
    }
    expect(state.queues.expectedWaitDays[queueKey(Channel.phone, 0, 1)]).toBe(Number.POSITIVE_INFINITY);
    expect(state.queues.expectedWaitDays[queueKey(Channel.assisted, 0, 1)]).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps each queue first come, first served: the arrival day at its head never goes back', () => {
    // One counter, far more demand than capacity.
    const config = compile(counterOnly(2, 10, 2));
    let lastArrival = -1;
    let violations = 0;
    let served = 0;
    const { state } = runWithState(config, 8, (s) => {
      const key = queueKey(Channel.counter, 0, 1);
      if (s.queues.length[key]! > 0) {
        const arrival = needArrivalDay(s.pool, queuedAt(s.queues, key, 0));
        if (arrival < lastArrival) violations++;
        lastArrival = Math.max(lastArrival, arrival);
        served++;
      }
    });
    expect(served).toBeGreaterThan(30);
    expect(violations).toBe(0);
    expect(state.day).toBe(59);
  });
});
