import { describe, expect, it } from 'vitest';
import { accessOf, citizenColumn } from '../../../src/sim/citizens.js';
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../../src/sim/counters.js';
import { simulate } from '../../../src/sim/engine.js';
import { spreadAccess } from '../../../src/sim/phases/spread-access.js';
import { compile, freshState, tinyScenario, tinySegment } from '../../fixtures/scenarios.js';

const scenario = (bassP: number, bassQ: number, size = 2000) =>
  tinyScenario(
    {
      segments: [tinySegment('young', 'd1', { share: 0.5, internetAccess: 0.3 }), tinySegment('old', 'd1', { share: 0.5, internetAccess: 0.6 })],
      policy: { adoption: { bassP, bassQ } },
    },
    { size, horizonMonths: 12 },
  );

describe('spreadAccess', () => {
  it('adopts at the Bass hazard p + q·F in a day', () => {
    // Yearly coefficients large enough that one day's adopters are measurable.
    const [p, q] = [6, 10];
    const config = compile(scenario(p, q, 10_000));
    let z2 = 0;
    for (let seed = 1; seed <= 5; seed++) {
      const { state, ctx } = freshState(config, seed);
      const before = Array.from(state.accessCount);
      spreadAccess(state, ctx);
      for (let s = 0; s < 2; s++) {
        const size = config.segments.citizens[s]!;
        const without = size - before[s]!;
        const prob = 1 - Math.exp(-(p / 360 + ((q / 360) * before[s]!) / size));
        const adopters = state.accessCount[s]! - before[s]!;
        const z = (adopters - without * prob) / Math.sqrt(without * prob * (1 - prob));
        expect(Math.abs(z)).toBeLessThan(5);
        z2 += z * z;
        let count = 0;
        for (let i = state.segmentStart[s]!; i < state.segmentStart[s + 1]!; i++) count += accessOf(state.citizens, i);
        expect(count).toBe(state.accessCount[s]);
      }
    }
    // Ten squared z-scores: χ²(10), 0.999 quantile 29.6.
    expect(z2).toBeLessThan(29.6);
  });

  it('does nothing without a peer effect or innovation', () => {
    const config = compile(scenario(0, 0));
    const { state, ctx } = freshState(config, 2);
    const before = citizenColumn(state.citizens, 'access');
    for (let day = 0; day < 50; day++) spreadAccess(state, ctx);
    expect(citizenColumn(state.citizens, 'access')).toEqual(before);
  });

  it('raises access over time, faster with a larger q', () => {
    const accessShareByMonth = (q: number): number[] => {
      const output = simulate(compile(scenario(0.02, q)), 3);
      return Array.from({ length: output.months }, (_, month) => {
        let access = 0;
        let citizens = 0;
        for (let s = 0; s < output.segmentCount; s++) {
          const base = (month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT;
          access += output.segmentMonthly[base + S.accessCount]!;
          citizens += output.segmentMonthly[base + S.citizens]!;
        }
        return access / citizens;
      });
    };
    const slow = accessShareByMonth(0.1);
    const fast = accessShareByMonth(0.6);
    const faster = accessShareByMonth(1.5);
    for (let month = 1; month < slow.length; month++) {
      expect(slow[month]).toBeGreaterThanOrEqual(slow[month - 1]!);
      expect(fast[month]).toBeGreaterThanOrEqual(fast[month - 1]!);
    }
    const gain = (path: number[]): number => path[path.length - 1]! - path[0]!;
    expect(gain(slow)).toBeGreaterThan(0);
    expect(gain(fast)).toBeGreaterThan(gain(slow) * 2);
    expect(gain(faster)).toBeGreaterThan(gain(fast) * 1.5);
  });
});
