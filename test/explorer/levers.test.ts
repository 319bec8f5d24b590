import { describe, expect, it } from 'vitest';
import { applyLevers, channelPlanOf, LEVERS, readLevers, scheduledMonths, leverById, type Lever, type LeverValue } from '../../src/explorer/levers.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { runValidated } from '../../src/scenarios/run.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { builtin } from './library.js';

function applied(scenario: Scenario, overrides: Record<string, LeverValue>, population?: number): Scenario {
  const result = applyLevers(scenario, overrides, population);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.scenario;
}

const extremes = (lever: Lever): LeverValue[] => {
  switch (lever.kind) {
    case 'number':
      return [lever.min, lever.max];
    case 'toggle':
      return [true, false];
    case 'choice':
      return lever.options.map((option) => option.value);
    case 'channel':
      return [{ openAtStart: true, switchMonth: null }, { openAtStart: false, switchMonth: null }, { openAtStart: true, switchMonth: 1 }, { openAtStart: false, switchMonth: 35 }];
  }
};

describe('levers read off a scenario', () => {
  it('give the values the scenario starts with, and its channel plans', () => {
    const scenario = builtin('digital-only');
    const values = readLevers(scenario);
    expect(values.counterCapacity).toBe(scenario.policy.channels.counter.capacityPerDayPer1000);
    expect(values.counterCapacity).not.toBe(4); // the city's own value, not the schema default
    expect(values.counter).toEqual({ openAtStart: true, switchMonth: 6 });
    expect(values.phone).toEqual({ openAtStart: true, switchMonth: 6 });
    expect(values.assisted).toEqual({ openAtStart: false, switchMonth: null });
    expect(values.appeal).toBe(true);
    expect(values.consent).toBe('informed-opt-in');
    expect(channelPlanOf(builtin('hybrid'), 'assisted')).toEqual({ openAtStart: false, switchMonth: 6 });
  });

  it('say when the scenario schedules a change to the field', () => {
    const inclusive = builtin('h2-inclusive-digital');
    expect(scheduledMonths(inclusive, leverById('assistedCapacity')!)).toEqual([6]);
    expect(scheduledMonths(inclusive, leverById('counterCapacity')!)).toEqual([]);
  });
});

describe('applyLevers', () => {
  it('without overrides keeps the scenario: the same engine input', () => {
    for (const name of ['city', 'digital-only', 'h2-inclusive-digital', 'h7-outage-hybrid']) {
      const scenario = builtin(name);
      expect(compileScenario(applied(scenario, {}))).toEqual(compileScenario(scenario));
    }
  });

  it('sets a field from month 0 and drops the schedule\'s changes to it, keeping the others', () => {
    const inclusive = builtin('h2-inclusive-digital');
    const result = applied(inclusive, { assistedCapacity: 2 });
    expect(result.policy.channels.assisted.capacityPerDayPer1000).toBe(2);
    expect(result.schedule).toHaveLength(1);
    expect(result.schedule[0]!.set).toEqual({ 'channels.counter.open': false, 'channels.phone.open': false, 'channels.assisted.open': true });
  });

  it('writes a channel plan as the start value plus one schedule entry', () => {
    const result = applied(builtin('digital-only'), { counter: { openAtStart: true, switchMonth: 12 }, phone: { openAtStart: true, switchMonth: null } });
    expect(result.policy.channels.counter.open).toBe(true);
    expect(channelPlanOf(result, 'counter')).toEqual({ openAtStart: true, switchMonth: 12 });
    expect(channelPlanOf(result, 'phone')).toEqual({ openAtStart: true, switchMonth: null });
    expect(result.schedule.map((entry) => [entry.month, entry.set])).toEqual([[12, { 'channels.counter.open': false }]]);
  });

  it('sets the simulated population', () => {
    expect(applied(builtin('city'), {}, 2_000).population.size).toBe(2_000);
  });

  it('gives a switched-on program a cost when the scenario gives it none', () => {
    const result = applied(builtin('city'), { training: 5, devices: 2 });
    expect(result.policy.adoption.training.costPerPersonGbp).toBe(60);
    expect(result.policy.adoption.devices.costPerPersonGbp).toBe(150);
    expect(applied(builtin('h2-inclusive-digital'), { training: 5 }).policy.adoption.training.costPerPersonGbp).toBe(60);
  });

  it('makes a valid scenario at every lever\'s extremes', () => {
    const city = builtin('city');
    for (const lever of LEVERS) {
      for (const value of extremes(lever)) {
        const result = applyLevers(city, { [lever.id]: value });
        expect(result.ok, `${lever.id} = ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('refuses values off a lever\'s range, unknown levers and switches outside the horizon', () => {
    const city = builtin('city');
    const problems = (overrides: Record<string, LeverValue>): readonly string[] => {
      const result = applyLevers(city, overrides);
      return result.ok ? [] : result.problems;
    };
    expect(problems({ counterCapacity: 99 })).toEqual(['"Counter capacity" cannot be 99']);
    expect(problems({ warpDrive: 1 })).toEqual(['unknown lever "warpDrive"']);
    expect(problems({ counter: { openAtStart: true, switchMonth: 36 } })).toHaveLength(1);
    expect(problems({ consent: 'whatever' })).toHaveLength(1);
  });

  it('moves outcomes the way the lever says (closing counters leaves more needs unmet)', () => {
    const city = builtin('city');
    const open = runValidated(applied(city, {}, 2_000), 1).headline;
    const closed = runValidated(applied(city, { counter: { openAtStart: false, switchMonth: null }, phone: { openAtStart: false, switchMonth: null } }, 2_000), 1).headline;
    expect(closed.unmetRate!).toBeGreaterThan(open.unmetRate! + 0.05);
  });
});
