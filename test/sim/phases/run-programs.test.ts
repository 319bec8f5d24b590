import { describe, expect, it } from 'vitest';
import { accessOf, segmentOf, skillOf } from '../../../src/sim/citizens.js';
import { CityCounter as C, CITY_COUNTER_COUNT, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { cityScenario, compile, freshState, runWithState } from '../../fixtures/scenarios.js';

/**
 * The default city with no other source of skill or access change (no
 * learning by doing, no peer effect): training for the 75+, devices for
 * the 60-74, each with a budget that runs out after about two and a half months.
 */
const scenario = cityScenario(
  { size: 2000, horizonMonths: 6 },
  {
    policy: {
      adoption: {
        learningRate: 0,
        bassP: 0,
        bassQ: 0,
        // 40 trainees a month at £50, budget £5,000: 100 trainees.
        training: { capacityPerMonthPer1000: 20, costPerPersonGbp: 50, budgetGbp: 5000, targetAges: ['75+'], skillGain: 0.3 },
        // 20 devices a month at £200, budget £10,000: 50 devices.
        devices: { capacityPerMonthPer1000: 10, costPerPersonGbp: 200, budgetGbp: 10_000, targetAges: ['60-74'] },
      },
    },
  },
);
const config = compile(scenario);
const seed = 12;
const start = freshState(config, seed).state;
const { state } = runWithState(config, seed);
const ageOf = (citizen: number): string => config.segments.age[segmentOf(state.citizens, citizen)]!;

function monthly(counter: number): number[] {
  return Array.from({ length: config.months }, (_, month) => {
    let sum = 0;
    for (let s = 0; s < config.segments.ids.length; s++) sum += state.recorder.segmentMonthly[(month * config.segments.ids.length + s) * SEGMENT_COUNTER_COUNT + counter]!;
    return sum;
  });
}

function cityTotal(counter: number): number {
  let sum = 0;
  for (let month = 0; month < config.months; month++) sum += state.recorder.cityMonthly[month * CITY_COUNTER_COUNT + counter]!;
  return sum;
}

describe('runPrograms', () => {
  it('raises skill in the targeted age band only, by whole training steps', () => {
    let changed = 0;
    for (let i = 0; i < state.citizens.count; i++) {
      const before = skillOf(start.citizens, i);
      const after = skillOf(state.citizens, i);
      if (after === before) continue;
      changed++;
      expect(ageOf(i)).toBe('75+');
      // Trained k ≥ 1 times: 1 − (1 − s)(0.7)^k.
      const k = Math.round(Math.log((1 - after) / (1 - before)) / Math.log(0.7));
      expect(k).toBeGreaterThanOrEqual(1);
      expect(after).toBeCloseTo(1 - (1 - before) * 0.7 ** k, 5);
    }
    expect(changed).toBeGreaterThan(50);
  });

  it('gives access in the targeted age band only, one per device', () => {
    let gained = 0;
    for (let i = 0; i < state.citizens.count; i++) {
      expect(accessOf(state.citizens, i)).toBeGreaterThanOrEqual(accessOf(start.citizens, i));
      if (accessOf(state.citizens, i) !== accessOf(start.citizens, i)) {
        gained++;
        expect(ageOf(i)).toBe('60-74');
      }
    }
    expect(gained).toBe(monthly(S.devicesGiven).reduce((a, b) => a + b, 0));
  });

  it('stops when the budget is spent', () => {
    const trained = monthly(S.trained);
    const devices = monthly(S.devicesGiven);
    expect(trained.reduce((a, b) => a + b, 0)).toBe(100);
    expect(devices.reduce((a, b) => a + b, 0)).toBe(50);
    // Full capacity while money lasts, then the remainder, then nothing.
    expect(trained).toEqual([40, 40, 20, 0, 0, 0]);
    expect(devices).toEqual([20, 20, 10, 0, 0, 0]);
    expect(cityTotal(C.costTraining)).toBe(5000);
    expect(cityTotal(C.costDevices)).toBe(10_000);
    expect(state.trainingSpent).toBeLessThanOrEqual(5000);
    expect(state.devicesSpent).toBeLessThanOrEqual(10_000);
  });

  it('keeps the per-segment access counts in step with the access column', () => {
    for (let s = 0; s < config.segments.ids.length; s++) {
      let count = 0;
      for (let i = state.segmentStart[s]!; i < state.segmentStart[s + 1]!; i++) count += accessOf(state.citizens, i);
      expect(state.accessCount[s]).toBe(count);
    }
  });
});
