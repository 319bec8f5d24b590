import { describe, expect, it } from 'vitest';
import { CityCounter as C, CITY_COUNTER_COUNT, SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate } from '../../../src/sim/engine.js';
import { summarize, type GroupMetrics } from '../../../src/sim/metrics/summary.js';
import { compile, hybridScenario } from '../../fixtures/scenarios.js';

// A small hybrid city (all four channels in play), half sampled so scaling shows.
const scenario = hybridScenario(
  { size: 3000, horizonMonths: 9 },
  { population: { sample: 0.5 }, policy: { automation: { share: 0.5 }, channels: { online: { outage: { ratePerYear: 4 } } } } },
);
const config = compile(scenario);
const output = simulate(config, 11);
const summary = summarize(config, output);

function raw(counter: number, segments?: readonly number[]): number {
  let sum = 0;
  for (let month = 0; month < output.months; month++) {
    for (let s = 0; s < output.segmentCount; s++) {
      if (segments === undefined || segments.includes(s)) sum += output.segmentMonthly[(month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + counter]!;
    }
  }
  return sum;
}

const UNMET = [S.unmetNoChannel, S.unmetOnlineFailed, S.unmetTimeout, S.unmetDenied, S.unmetRefused];

function allGroups(): [string, GroupMetrics][] {
  return [
    ['overall', summary.overall],
    ...Object.entries(summary.segments).map(([k, g]) => [`segment ${k}`, g] as [string, GroupMetrics]),
    ...Object.entries(summary.byAge).map(([k, g]) => [`age ${k}`, g] as [string, GroupMetrics]),
    ...Object.entries(summary.byIncome).map(([k, g]) => [`income ${k}`, g] as [string, GroupMetrics]),
    ...Object.entries(summary.byDistrict).map(([k, g]) => [`district ${k}`, g] as [string, GroupMetrics]),
  ];
}

describe('summarize', () => {
  it('keeps every share within [0, 1]', () => {
    for (const [, group] of allGroups()) {
      const shares = [
        group.metShare,
        group.unmetRate,
        group.shareCitizensWithUnmet,
        ...Object.values(group.channelMix),
        group.onlineFailureRate,
        group.proxyShareOfOnline,
        group.forcedShare,
        group.meanTrustStart,
        group.meanTrustEnd,
        group.accessShareEnd,
        group.meanSkillEnd,
        group.registeredShareEnd,
      ];
      for (const share of shares) {
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }
    }
  });

  it('splits met needs by channel: the mix sums to 1 and met + unmet shares to 1', () => {
    for (const [, group] of allGroups()) {
      expect(group.needsMet).toBeGreaterThan(0);
      const mix = Object.values(group.channelMix).reduce((a, b) => a + b, 0);
      expect(mix).toBeCloseTo(1, 12);
      expect(group.metShare + group.unmetRate).toBeCloseTo(1, 12);
    }
    // All four channels are used in a hybrid city.
    for (const share of Object.values(summary.overall.channelMix)) expect(share).toBeGreaterThan(0);
  });

  it('scales counts by 1/sample and matches the raw counters', () => {
    expect(summary.sample).toBe(0.5);
    expect(summary.simulatedCitizens).toBe(1500);
    expect(summary.representedCitizens).toBe(3000);
    expect(summary.overall.needsArrived).toBe(2 * raw(S.arrived));
    expect(summary.overall.needsMet).toBe(2 * raw(S.met));
    expect(summary.overall.needsUnmet).toBe(2 * UNMET.reduce((sum, k) => sum + raw(k), 0));
    // The 75+ unmet rate, by hand from the raw counters of the 75+ segments.
    const old = scenario.segments.flatMap((segment, s) => (segment.age === '75+' ? [s] : []));
    const unmetOld = UNMET.reduce((sum, k) => sum + raw(k, old), 0);
    expect(summary.byAge['75+']!.unmetRate).toBeCloseTo(unmetOld / (unmetOld + raw(S.met, old)), 12);
    // Groups add up to the whole.
    const sum = (groups: Readonly<Record<string, GroupMetrics>>, pick: (g: GroupMetrics) => number): number => Object.values(groups).reduce((a, g) => a + pick(g), 0);
    for (const groups of [summary.segments, summary.byAge, summary.byIncome, summary.byDistrict]) {
      expect(sum(groups, (g) => g.needsArrived)).toBeCloseTo(summary.overall.needsArrived, 6);
      expect(sum(groups, (g) => g.citizens)).toBeCloseTo(summary.overall.citizens, 6);
    }
  });

  it('gives the disparity ratio as worst over best segment met share, within [0, 1]', () => {
    const shares = Object.values(summary.segments).map((g) => g.metShare);
    const { disparityRatio, worstSegment, bestSegment } = summary.inclusion;
    expect(disparityRatio).toBeGreaterThanOrEqual(0);
    expect(disparityRatio).toBeLessThanOrEqual(1);
    expect(disparityRatio).toBeCloseTo(Math.min(...shares) / Math.max(...shares), 12);
    expect(summary.segments[worstSegment]!.metShare).toBe(Math.min(...shares));
    expect(summary.segments[bestSegment]!.metShare).toBe(Math.max(...shares));
  });

  it('gives cost per met need as the government total over met needs', () => {
    const { cost } = summary;
    const categories = Object.values(cost.byCategoryGbp).reduce((a, b) => a + b, 0);
    expect(cost.governmentTotalGbp).toBeCloseTo(categories, 6);
    expect(cost.costPerMetNeedGbp).toBeCloseTo(cost.governmentTotalGbp / summary.overall.needsMet, 9);
    // The government total is every cost counter of the city, scaled.
    let rawTotal = 0;
    for (let month = 0; month < output.months; month++) {
      for (const k of [C.costBuild, C.costRunning, C.costTransactions, C.costTraining, C.costDevices, C.costAppeals, C.costBreaches, C.costApps, C.costSecurity]) {
        rawTotal += output.cityMonthly[month * CITY_COUNTER_COUNT + k]!;
      }
    }
    expect(cost.governmentTotalGbp).toBeCloseTo(2 * rawTotal, 4);
    expect(cost.citizenTimeCostGbp).toBeCloseTo(cost.citizenHours * scenario.valueOfTimeGbpPerHour, 6);
  });

  it('has a scorecard row for every hope and fear', () => {
    expect(summary.scorecard.map((row) => row.id)).toEqual(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'F1', 'F2', 'F3', 'F4', 'F5']);
  });

  it('serializes to the same JSON every time (no hidden state)', () => {
    expect(JSON.stringify(summarize(config, output))).toBe(JSON.stringify(summary));
  });
});
