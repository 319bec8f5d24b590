import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compare, runScenario, ScenarioError, type ScenarioInput } from '../../src/index.js';
import { REPO } from './harness.js';

/** The repository's city as an object, made tiny. */
function tinyCity(name: string): ScenarioInput {
  const city = parse(readFileSync(join(REPO, 'scenarios/city.yaml'), 'utf8')) as ScenarioInput;
  return { ...city, name, population: { size: 2000 }, horizonMonths: 6 };
}

describe('library entry (src/index.ts)', () => {
  it('runs a scenario given as a path or as an object, with a seed', () => {
    const fromObject = runScenario(tinyCity('Tiny'), { seed: 2 });
    expect(fromObject.seed).toBe(2);
    expect(fromObject.summary.horizonMonths).toBe(6);
    expect(fromObject.headline).toHaveProperty('unmetRate');
    expect(runScenario(tinyCity('Tiny'), { seed: 2 }).headline).toEqual(fromObject.headline);
  });

  it('throws a ScenarioError carrying the issues of an invalid scenario', () => {
    const bad = { ...tinyCity('Bad'), valueOfTimeGbpPerHour: -1 };
    let caught: unknown;
    try {
      runScenario(bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    const issues = (caught as ScenarioError).issues;
    expect(issues.some((issue) => issue.path.join('.') === 'valueOfTimeGbpPerHour')).toBe(true);
    expect((caught as ScenarioError).message).toContain('valueOfTimeGbpPerHour');
  });

  it('throws a ScenarioError for a missing file', () => {
    expect(() => runScenario(join(REPO, 'scenarios/no-such-file.yaml'))).toThrow(ScenarioError);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => runScenario(tinyCity('Tiny'), { seed: 1.5 })).toThrow(RangeError);
  });

  it('compares two scenarios with paired replications', () => {
    const comparison = compare(tinyCity('A'), tinyCity('B'), { replications: 2, seed: 1 });
    expect(comparison.nameA).toBe('A');
    expect(comparison.seeds).toEqual([1, 2]);
    // Identical scenarios under common random numbers: every paired difference is exactly 0.
    for (const metric of comparison.metrics) expect(metric.difference.mean).toBe(0);
  });
});
