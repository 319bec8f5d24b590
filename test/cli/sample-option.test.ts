import { describe, expect, it } from 'vitest';
import { parseSample } from '../../src/cli/options.js';
import { withSampleOption } from '../../src/cli/sample-option.js';
import { UserError } from '../../src/cli/errors.js';
import { runReport } from '../../src/report/model/run-report.js';
import { runTitle, sampleRatio } from '../../src/report/run-text.js';
import { runValidated } from '../../src/scenarios/run.js';
import { cityScenario } from '../fixtures/scenarios.js';

describe('--sample', () => {
  it('accepts a decimal above 0 and at most 1', () => {
    expect(parseSample('0.01')).toBe(0.01);
    expect(parseSample('1')).toBe(1);
    expect(parseSample('.5')).toBe(0.5);
    for (const bad of ['0', '2', '-0.1', '1e-2', 'abc', '']) expect(() => parseSample(bad)).toThrow(UserError);
    expect(() => parseSample(['0.1', '0.2'])).toThrow(/given 2 times/);
  });

  it('overrides population.sample, and leaves the scenario alone when absent', () => {
    const scenario = cityScenario({ size: 10_000, horizonMonths: 1 });
    expect(withSampleOption(scenario, undefined)).toBe(scenario);
    const sampled = withSampleOption(scenario, '0.1');
    expect(sampled.population).toEqual({ size: 10_000, sample: 0.1 });
    expect(scenario.population.sample).toBe(1);
  });

  it('makes the run text say that a sample was simulated and scaled back', () => {
    const scenario = withSampleOption(cityScenario({ size: 100_000, horizonMonths: 1 }), '0.01');
    const title = runTitle(runValidated(scenario, 1));
    expect(title).toContain('simulated a 1:100 sample (1,000 of 100,000 citizens), outputs scaled back');
    expect(sampleRatio(0.3)).toBe('3.33');
  });

  it('makes the report say so too, and says nothing of a sample for a whole city', () => {
    const reportText = (sample: string | undefined): string => {
      const run = runValidated(withSampleOption(cityScenario({ size: 100_000, horizonMonths: 1 }), sample), 1);
      const model = runReport(
        { kind: 'run', directory: '.', scenarioName: 'city', scenarioDescription: '', seed: 1, summary: run.summary, headline: run.headline, provenance: {}, monthly: [] },
        undefined,
      );
      return JSON.stringify(model);
    };
    expect(reportText('0.02')).toContain('100,000 citizens represented by 2,000 simulated agents (a 1:50 sample of the city; counts and costs are scaled back)');
    expect(reportText(undefined)).toContain('100,000 citizens represented by 100,000 simulated agents');
    expect(reportText(undefined)).not.toContain('sample of the city');
  });
});
