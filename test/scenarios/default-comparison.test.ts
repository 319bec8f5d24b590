/**
 * The project's headline result (issue acceptance): on the default city, a
 * digital-only rollout leaves more of the oldest citizens' needs unmet than a
 * hybrid one, while costing the government less per met need. Paired
 * replications with common random numbers: replicate k runs both with seed 1 + k.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { compareScenarios, type Comparison, type MetricComparison } from '../../src/scenarios/compare.js';
import { digitalOnlyScenario, hybridScenario } from '../fixtures/scenarios.js';

const shrink = { size: 20_000, horizonMonths: 36 };

function metric(comparison: Comparison, name: string): MetricComparison {
  const found = comparison.metrics.find((m) => m.metric === name);
  if (found === undefined) throw new Error(`no metric ${name} in the comparison`);
  return found;
}

describe('default city: digital-only vs hybrid', () => {
  const digitalOnly = digitalOnlyScenario(shrink);
  const hybrid = hybridScenario(shrink);
  let comparison: Comparison;
  beforeAll(() => {
    comparison = compareScenarios(digitalOnly, hybrid, { replications: 5, seed: 1 });
  });

  it('compares the two shipped variants of the default city', () => {
    expect(digitalOnly.name).toBe('Digital-only');
    expect(hybrid.name).toBe('Hybrid');
    expect(digitalOnly.population.size).toBe(20_000);
    expect(digitalOnly.schedule.map((entry) => entry.set)).toEqual([{ 'channels.counter.open': false, 'channels.phone.open': false }]);
    expect(hybrid.schedule.map((entry) => entry.set)).toEqual([{ 'channels.assisted.open': true }]);
    expect(comparison.seeds).toEqual([1, 2, 3, 4, 5]);
  });

  it('digital-only leaves a larger share of the 75+ needs unmet (hybrid − digital-only CI below zero)', () => {
    const unmet75 = metric(comparison, 'unmetRate[age=75+]');
    expect(unmet75.difference.n).toBe(5);
    expect(unmet75.difference.high).toBeLessThan(0);
    expect(unmet75.a.mean).toBeGreaterThan(unmet75.b.mean);
  });

  it('digital-only costs the government less per met need (hybrid − digital-only CI above zero)', () => {
    const cost = metric(comparison, 'costPerMetNeedGbp');
    expect(cost.difference.low).toBeGreaterThan(0);
    expect(cost.a.mean).toBeLessThan(cost.b.mean);
  });
});
