import { describe, expect, it } from 'vitest';
import { SEGMENT_COUNTER_COUNT, SegmentCounter as S } from '../../src/sim/counters.js';
import { simulate, type RunOutput } from '../../src/sim/engine.js';
import { citizenColumn, flagsOf, skillOf, storedTrustOf } from '../../src/sim/citizens.js';
import { CitizenFlag } from '../../src/sim/state.js';
import { needMet, needUnmet, UnmetReason } from '../../src/sim/outcomes.js';
import { Channel } from '../../src/sim/config.js';
import { compile, freshState, runWithState, tinyScenario, tinySegment } from '../fixtures/scenarios.js';

function total(output: RunOutput, counter: number): number {
  let sum = 0;
  for (let month = 0; month < output.months; month++) {
    for (let s = 0; s < output.segmentCount; s++) sum += output.segmentMonthly[(month * output.segmentCount + s) * SEGMENT_COUNTER_COUNT + counter]!;
  }
  return sum;
}

describe('learning by doing', () => {
  const scenario = (learningRate: number) =>
    tinyScenario(
      {
        segments: [tinySegment('mixed', 'd1', { needsPerYear: 6, digitalSkill: { mean: 0.4, sd: 0.15 } })],
        policy: { adoption: { learningRate } },
      },
      { size: 2000, horizonMonths: 4 },
    );

  it('raises the skill of citizens who were served online, and only theirs', () => {
    const config = compile(scenario(0.1));
    const start = citizenColumn(freshState(config, 6).state.citizens, 'skill');
    const { state } = runWithState(config, 6);
    const c = state.citizens;
    let users = 0;
    let others = 0;
    let usersBefore = 0;
    let usersAfter = 0;
    for (let i = 0; i < c.count; i++) {
      if ((flagsOf(c, i) & CitizenFlag.registered) !== 0) {
        users++;
        usersBefore += start[i]!;
        usersAfter += skillOf(c, i);
        expect(skillOf(c, i)).toBeGreaterThan(start[i]!);
        // At least one step of learning: s + r(1 − s).
        expect(skillOf(c, i)).toBeGreaterThanOrEqual(Math.fround(start[i]! + 0.1 * (1 - start[i]!)) - 1e-6);
      } else {
        others++;
        expect(skillOf(c, i)).toBe(start[i]);
      }
    }
    expect(users).toBeGreaterThan(100);
    expect(others).toBeGreaterThan(100);
    expect(usersAfter / users).toBeGreaterThan(usersBefore / users + 0.05);
  });

  it('leaves skill unchanged without learning, and raises mean skill more with a higher rate', () => {
    const meanSkillEnd = (rate: number): number => {
      const output = simulate(compile(scenario(rate)), 6);
      const last = (output.months - 1) * SEGMENT_COUNTER_COUNT;
      return output.segmentMonthly[last + S.skillSum]! / output.segmentMonthly[last + S.citizens]!;
    };
    const start = citizenColumn(freshState(compile(scenario(0)), 6).state.citizens, 'skill').reduce((a, b) => a + b, 0) / 2000;
    expect(meanSkillEnd(0)).toBeCloseTo(start, 9);
    expect(meanSkillEnd(0.05)).toBeGreaterThan(start);
    expect(meanSkillEnd(0.2)).toBeGreaterThan(meanSkillEnd(0.05));
  });
});

describe('needMet and needUnmet', () => {
  it('count a met need by channel with its days to service, and an unmet one by reason', () => {
    const config = compile(tinyScenario());
    const { state, ctx } = freshState(config);
    state.day = 7;
    needMet(state, ctx, 3, Channel.counter, 2);
    needUnmet(state, ctx, 4, UnmetReason.timeout);
    const row = state.recorder.segmentMonthly;
    expect(row[S.met]).toBe(1);
    expect(row[S.metCounter]).toBe(1);
    expect(row[S.daysToServiceSum]).toBe(5);
    expect(state.recorder.daysToService[5]).toBe(1);
    expect(row[S.unmetTimeout]).toBe(1);
    expect(flagsOf(state.citizens, 4) & CitizenFlag.hadUnmet).toBe(CitizenFlag.hadUnmet);
    expect(flagsOf(state.citizens, 3) & CitizenFlag.hadUnmet).toBe(0);
    // A good experience for the served citizen, a bad one for the other.
    expect(row[S.goodExperiences]).toBe(1);
    expect(row[S.badExperiences]).toBe(1);
    expect(storedTrustOf(state.citizens, 3)).toBeGreaterThan(0.5);
    expect(storedTrustOf(state.citizens, 4)).toBeLessThan(0.5);
  });

  it('mark online service as forced only when no phone or counter is open', () => {
    const forcedShare = (open: boolean): number => {
      const output = simulate(compile(tinyScenario({ policy: { channels: { phone: { open }, counter: { open } } } })), 2);
      return total(output, S.forced) / total(output, S.metOnline);
    };
    expect(forcedShare(false)).toBe(1);
    expect(forcedShare(true)).toBe(0);
  });
});

describe('wrongful denials', () => {
  const scenario = (appeal: boolean) =>
    tinyScenario(
      {
        segments: [tinySegment('everyone', 'd1', { needsPerYear: 6 })],
        policy: { automation: { humanErrorRate: 0.2, appeal: { available: appeal, probability: 1, delayDays: 10 } } },
      },
      { size: 2000, horizonMonths: 3 },
    );

  it('stand as unmet needs without an appeal path', () => {
    const output = simulate(compile(scenario(false)), 2);
    const denials = total(output, S.wrongfulDenials);
    const served = total(output, S.met) + denials;
    expect(total(output, S.unmetDenied)).toBe(denials);
    expect(total(output, S.appeals)).toBe(0);
    expect(Math.abs(denials / served - 0.2)).toBeLessThan(5 * Math.sqrt((0.2 * 0.8) / served));
  });

  it('are mostly corrected on appeal when citizens appeal readily', () => {
    // P(appeal) = min(1, 1 × (0.7 + 0.6 × trust)): 1 at the starting trust 0.5, a little less after bad experiences.
    const output = simulate(compile(scenario(true)), 2);
    const denials = total(output, S.wrongfulDenials);
    expect(denials).toBeGreaterThan(0);
    expect(total(output, S.appeals) + total(output, S.unmetDenied)).toBe(denials);
    expect(total(output, S.unmetDenied)).toBeLessThan(0.1 * denials);
    // Appeals lodged in the last 10 days are still under review at the end.
    expect(total(output, S.corrected)).toBeLessThan(denials);
    expect(total(output, S.corrected)).toBeGreaterThan(0.6 * denials);
  });
});
