import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/engine.js';
import { monthlyRows } from '../../../src/sim/metrics/monthly.js';
import { summarize } from '../../../src/sim/metrics/summary.js';
import { cityScenario, compile } from '../../fixtures/scenarios.js';

const scenario = cityScenario({ size: 1500, horizonMonths: 5 });
const config = compile(scenario);
const output = simulate(config, 4);
const rows = monthlyRows(config, output);

describe('monthlyRows', () => {
  it('has one row per (month, segment, metric): no duplicates', () => {
    const keys = rows.map((r) => `${r.month}\u0000${r.segment}\u0000${r.metric}`);
    expect(new Set(keys).size).toBe(rows.length);
  });

  it('has the same (segment, metric) pairs every month, for every month', () => {
    const byMonth = new Map<number, Set<string>>();
    for (const r of rows) {
      const set = byMonth.get(r.month) ?? new Set<string>();
      set.add(`${r.segment}\u0000${r.metric}`);
      byMonth.set(r.month, set);
    }
    expect([...byMonth.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    const first = byMonth.get(0)!;
    for (const set of byMonth.values()) expect(set).toEqual(first);
    expect(rows.length).toBe(5 * first.size);
  });

  it('has groups for the city, each segment, age band, income band and district', () => {
    const groups = new Set(rows.map((r) => r.segment));
    expect(groups.has('all')).toBe(true);
    for (const segment of scenario.segments) {
      expect(groups.has(segment.id)).toBe(true);
      expect(groups.has(`age:${segment.age}`)).toBe(true);
      expect(groups.has(`income:${segment.income}`)).toBe(true);
      expect(groups.has(`district:${segment.district}`)).toBe(true);
    }
  });

  it('has finite values whose monthly flows add up to the run totals', () => {
    for (const r of rows) expect(Number.isFinite(r.value)).toBe(true);
    const summary = summarize(config, output);
    const sumOf = (segment: string, metric: string): number => rows.filter((r) => r.segment === segment && r.metric === metric).reduce((a, r) => a + r.value, 0);
    expect(sumOf('all', 'needsArrived')).toBeCloseTo(summary.overall.needsArrived, 6);
    expect(sumOf('all', 'needsMet')).toBeCloseTo(summary.overall.needsMet, 6);
    expect(sumOf('age:75+', 'needsUnmet')).toBeCloseTo(summary.byAge['75+']!.needsUnmet, 6);
    for (const segment of scenario.segments) expect(sumOf(segment.id, 'needsArrived')).toBeCloseTo(summary.segments[segment.id]!.needsArrived, 6);
  });
});
