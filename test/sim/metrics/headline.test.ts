import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/engine.js';
import { describeMetric, GROUP_REPORTERS, headlineMetrics, RUN_REPORTERS } from '../../../src/sim/metrics/headline.js';
import { summarize } from '../../../src/sim/metrics/summary.js';
import { cityScenario, compile } from '../../fixtures/scenarios.js';

const scenario = cityScenario({ size: 1500, horizonMonths: 4 });
const config = compile(scenario);
const summary = summarize(config, simulate(config, 2));
const metrics = headlineMetrics(summary);

describe('headlineMetrics', () => {
  it('has the overall and run metrics', () => {
    for (const reporter of [...GROUP_REPORTERS, ...RUN_REPORTERS]) expect(metrics).toHaveProperty([reporter.name]);
    expect(metrics['unmetRate']).toBe(summary.overall.unmetRate);
    expect(metrics['costPerMetNeedGbp']).toBe(summary.cost.costPerMetNeedGbp);
    expect(metrics['disparityRatio']).toBe(summary.inclusion.disparityRatio);
  });

  it('has every group metric for every age band, income band and district', () => {
    const ages = new Set(scenario.segments.map((s) => s.age));
    const incomes = new Set(scenario.segments.map((s) => s.income));
    const districts = new Set(scenario.districts.map((d) => d.id));
    expect(ages).toEqual(new Set(['16-34', '35-59', '60-74', '75+']));
    for (const reporter of GROUP_REPORTERS) {
      for (const age of ages) expect(metrics).toHaveProperty([`${reporter.name}[age=${age}]`]);
      for (const income of incomes) expect(metrics).toHaveProperty([`${reporter.name}[income=${income}]`]);
      for (const district of districts) expect(metrics).toHaveProperty([`${reporter.name}[district=${district}]`]);
    }
    expect(metrics['unmetRate[age=75+]']).toBe(summary.byAge['75+']!.unmetRate);
    expect(metrics['meanTrustEnd[district=outer]']).toBe(summary.byDistrict['outer']!.meanTrustEnd);
    const expectedCount = GROUP_REPORTERS.length * (1 + ages.size + incomes.size + districts.size) + RUN_REPORTERS.length;
    expect(Object.keys(metrics)).toHaveLength(expectedCount);
  });

  it('gives numbers only', () => {
    for (const value of Object.values(metrics)) expect(typeof value).toBe('number');
  });

  it('describes a metric by name, group suffix ignored', () => {
    expect(describeMetric('unmetRate[age=75+]')?.higherIsBetter).toBe(false);
    expect(describeMetric('disparityRatio')?.higherIsBetter).toBe(true);
    expect(describeMetric('noSuchMetric')).toBeUndefined();
  });
});
