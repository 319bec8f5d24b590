import { describe, expect, it } from 'vitest';
import { accessOf, citizenColumn, flagsOf, privacyOf, segmentOf, skillOf } from '../../src/sim/citizens.js';
import { markConsentRefusers } from '../../src/sim/population.js';
import { CitizenFlag } from '../../src/sim/state.js';
import { cityScenario, compile, freshState } from '../fixtures/scenarios.js';

describe('generatePopulation (through initialState)', () => {
  const scenario = cityScenario({ size: 5000, horizonMonths: 1 });
  const config = compile(scenario);
  const { state } = freshState(config, 21);
  const c = state.citizens;

  it('lays segments out as contiguous index ranges of the compiled sizes', () => {
    expect(c.count).toBe(5000);
    for (let s = 0; s < config.segments.ids.length; s++) {
      expect(state.segmentStart[s + 1]! - state.segmentStart[s]!).toBe(config.segments.citizens[s]);
      for (let i = state.segmentStart[s]!; i < state.segmentStart[s + 1]!; i++) if (segmentOf(c, i) !== s) throw new Error(`citizen ${i} not in segment ${s}`);
    }
  });

  it('draws access, helpers and skills from each segment distribution', () => {
    let z2Access = 0;
    scenario.segments.forEach((segment, s) => {
      const start = state.segmentStart[s]!;
      const end = state.segmentStart[s + 1]!;
      const n = end - start;
      let access = 0;
      let skill = 0;
      for (let i = start; i < end; i++) {
        access += accessOf(c, i);
        skill += skillOf(c, i);
        expect(skillOf(c, i)).toBeGreaterThanOrEqual(0);
        expect(skillOf(c, i)).toBeLessThanOrEqual(1);
      }
      expect(state.accessCount[s]).toBe(access);
      const p = segment.internetAccess;
      z2Access += (access - n * p) ** 2 / (n * p * (1 - p));
      expect(Math.abs(skill / n - segment.digitalSkill.mean)).toBeLessThan(5 * (segment.digitalSkill.sd / Math.sqrt(n)));
    });
    // 16 segments: χ²(16), 0.999 quantile 39.3.
    expect(z2Access).toBeLessThan(39.3);
  });

  it('starts every citizen with no channel history and trust dated day 0', () => {
    expect(citizenColumn(c, 'trustDay').every((d) => d === 0)).toBe(true);
    expect(citizenColumn(c, 'lastChannel').every((ch) => ch === 255)).toBe(true);
  });

  it('marks exactly the citizens above the refusal threshold as refusers, and unmarks them when it rises', () => {
    const threshold = state.policy.refusalThreshold;
    for (let i = 0; i < c.count; i++) expect((flagsOf(c, i) & CitizenFlag.refusesConsent) !== 0).toBe(privacyOf(c, i) > threshold);
    markConsentRefusers(state, 1);
    expect(citizenColumn(c, 'flags').every((f) => (f & CitizenFlag.refusesConsent) === 0)).toBe(true);
    markConsentRefusers(state, 0.5);
    for (let i = 0; i < c.count; i++) expect((flagsOf(c, i) & CitizenFlag.refusesConsent) !== 0).toBe(privacyOf(c, i) > 0.5);
  });
});
