import { describe, expect, it } from 'vitest';
import { arriveNeeds } from '../../../src/sim/phases/arrive-needs.js';
import { segmentOf } from '../../../src/sim/citizens.js';
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { DAYS_PER_YEAR } from '../../../src/sim/config.js';
import { simulate } from '../../../src/sim/engine.js';
import { cityScenario, compile, freshState, tinyScenario, tinySegment } from '../../fixtures/scenarios.js';

describe('arriveNeeds', () => {
  const scenario = tinyScenario(
    {
      segments: [tinySegment('calm', 'd1', { share: 0.6, needsPerYear: 4 }), tinySegment('busy', 'd1', { share: 0.4, needsPerYear: 30 })],
      services: [
        { id: 'a', share: 0.5, complexity: 0.2, agencies: 1, patienceFactor: 1, dataFields: 1, automatable: false },
        { id: 'b', share: 0.3, complexity: 0.2, agencies: 1, patienceFactor: 1, dataFields: 1, automatable: false },
        { id: 'c', share: 0.2, complexity: 0.2, agencies: 1, patienceFactor: 1, dataFields: 1, automatable: false },
      ],
    },
    { size: 2000, horizonMonths: 12 },
  );
  const config = compile(scenario);
  const days = 360;

  // Draw a year of arrivals directly on a fresh state.
  const { state, ctx } = freshState(config, 17);
  const segmentCount = config.segments.ids.length;
  const daily: number[][] = [[], []];
  const serviceCounts = [0, 0, 0];
  let outOfRange = 0;
  let counterMismatch = 0;
  for (let day = 0; day < days; day++) {
    state.day = day;
    state.month = Math.floor(day / 30);
    const before = [0, 1].map((s) => state.recorder.segmentMonthly[(state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT + S.arrived]!);
    arriveNeeds(state, ctx);
    const today = [0, 0];
    for (let i = 0; i < state.arrivalCount; i++) {
      const citizen = state.arrivalCitizen[i]!;
      const segment = segmentOf(state.citizens, citizen);
      if (citizen < state.segmentStart[segment]! || citizen >= state.segmentStart[segment + 1]!) outOfRange++;
      today[segment]!++;
      serviceCounts[state.arrivalService[i]!]!++;
    }
    [0, 1].forEach((s) => {
      daily[s]!.push(today[s]!);
      const after = state.recorder.segmentMonthly[(state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT + S.arrived]!;
      if (after - before[s]! !== today[s]) counterMismatch++;
    });
  }

  it('draws needs for citizens of the right segment and counts them', () => {
    expect(outOfRange).toBe(0);
    expect(counterMismatch).toBe(0);
  });

  it('arrives at the segment rate per citizen-day', () => {
    for (const s of [0, 1]) {
      const citizens = config.segments.citizens[s]!;
      const rate = scenario.segments[s]!.needsPerYear / DAYS_PER_YEAR;
      const total = daily[s]!.reduce((a, b) => a + b, 0);
      const expected = rate * citizens * days;
      // Poisson total: standard error sqrt(expected).
      expect(Math.abs(total - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('gives Poisson daily counts: variance equal to the mean', () => {
    for (const s of [0, 1]) {
      const counts = daily[s]!;
      const lambda = (scenario.segments[s]!.needsPerYear / DAYS_PER_YEAR) * config.segments.citizens[s]!;
      const mean = counts.reduce((a, b) => a + b, 0) / days;
      const variance = counts.reduce((a, b) => a + (b - mean) ** 2, 0) / (days - 1);
      // Var(s²) ≈ (λ + 2λ²)/n for a Poisson sample.
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / days));
    }
  });

  it('draws services by their shares', () => {
    const total = serviceCounts.reduce((a, b) => a + b, 0);
    [0.5, 0.3, 0.2].forEach((share, k) => {
      expect(Math.abs(serviceCounts[k]! / total - share)).toBeLessThan(5 * Math.sqrt((share * (1 - share)) / total));
    });
  });

  it('over a whole run of the default city, needs per citizen-day match each segment rate', () => {
    const city = cityScenario({ size: 3000, horizonMonths: 12 });
    const cityConfig = compile(city);
    const output = simulate(cityConfig, 5);
    let z2 = 0;
    city.segments.forEach((segment, s) => {
      let arrived = 0;
      for (let month = 0; month < output.months; month++) arrived += output.segmentMonthly[(month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + S.arrived]!;
      const expected = (segment.needsPerYear / DAYS_PER_YEAR) * cityConfig.segments.citizens[s]! * cityConfig.horizonDays;
      const z = (arrived - expected) / Math.sqrt(expected);
      expect(Math.abs(z)).toBeLessThan(5);
      z2 += z * z;
    });
    // Sum of 16 squared z-scores is χ²(16): its 0.999 quantile is 39.3.
    expect(z2).toBeLessThan(39.3);
  });
});
