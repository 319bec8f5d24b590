import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagsOf, segmentOf, skillOf, storedTrustOf, trustDayOf } from '../../src/sim/citizens.js';
import { DAYS_PER_MONTH } from '../../src/sim/config.js';
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../src/sim/counters.js';
import { CitizenFlag, type SimState } from '../../src/sim/state.js';
import { loadScenarioFile } from '../../src/scenarios/load.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { compile, runWithState } from '../fixtures/scenarios.js';

const REPO = join(import.meta.dirname, '..', '..');

function shipped(path: string): Scenario {
  const loaded = loadScenarioFile(join(REPO, path));
  if (!loaded.ok) throw new Error(`${path} does not load`);
  return { ...loaded.scenario, population: { size: 3000, sample: 1 } };
}

/** The month's stocks computed the slow way: a scan of every citizen, trust reverted to today. */
function scan(state: SimState, trustMean: Float64Array, segmentCount: number): { trust: number[]; skill: number[]; unmet: number[]; registered: number[] } {
  const out = { trust: new Array<number>(segmentCount).fill(0), skill: new Array<number>(segmentCount).fill(0), unmet: new Array<number>(segmentCount).fill(0), registered: new Array<number>(segmentCount).fill(0) };
  const citizens = state.citizens;
  for (let c = 0; c < citizens.count; c++) {
    const s = segmentOf(citizens, c);
    const baseline = trustMean[s]!;
    out.trust[s]! += baseline + (storedTrustOf(citizens, c) - baseline) * state.trustDecay[state.day - trustDayOf(citizens, c)]!;
    out.skill[s]! += skillOf(citizens, c);
    if ((flagsOf(citizens, c) & CitizenFlag.hadUnmet) !== 0) out.unmet[s]! += 1;
    if ((flagsOf(citizens, c) & CitizenFlag.registered) !== 0) out.registered[s]! += 1;
  }
  return out;
}

describe('the month-end stocks, kept as running tallies, equal a scan of the citizens', () => {
  // Learning, training, devices, breaches, failed attempts, denials, outages: every way a stock moves.
  for (const file of ['bench/all-mechanisms.yaml', 'scenarios/f2-breach-heavy-collection.yaml', 'scenarios/h2-inclusive-digital.yaml', 'scenarios/digital-only.yaml']) {
    it(file, () => {
      const config = compile(shipped(file));
      const segmentCount = config.segments.ids.length;
      let months = 0;
      runWithState(config, 3, (state) => {
        if (state.day % DAYS_PER_MONTH !== DAYS_PER_MONTH - 1) return;
        const expected = scan(state, config.segments.trustMean, segmentCount);
        for (let s = 0; s < segmentCount; s++) {
          const row = (state.month * segmentCount + s) * SEGMENT_COUNTER_COUNT;
          const table = state.recorder.segmentMonthly;
          expect(table[row + S.trustSum]).toBeCloseTo(expected.trust[s]!, 8);
          expect(table[row + S.skillSum]).toBeCloseTo(expected.skill[s]!, 8);
          expect(table[row + S.citizensWithUnmet]).toBe(expected.unmet[s]);
          expect(table[row + S.registered]).toBe(expected.registered[s]);
        }
        months++;
      });
      expect(months).toBe(config.months);
    });
  }
});
