import { describe, expect, it } from 'vitest';
import { selectSegments } from '../../src/calibration/metric.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenarioFile } from '../../src/scenarios/load.js';
import { CITY_TARGETS } from '../../src/validation/calibration-targets.js';
import { CITY_FILE } from '../../src/validation/validation-docs.js';

describe('the default city\'s calibration targets', () => {
  const loaded = loadScenarioFile(CITY_FILE);
  if (!loaded.ok) throw new Error('scenarios/city.yaml does not load');
  const config = compileScenario(loaded.scenario);

  it('read groups that exist in the default city, within its horizon', () => {
    for (const target of CITY_TARGETS) {
      if (target.metric.kind === 'summary') continue;
      expect(selectSegments(config, target.metric.group).length, target.id).toBeGreaterThan(0);
      if (target.metric.kind === 'stock') expect(target.metric.month ?? 0).toBeLessThan(loaded.scenario.horizonMonths);
    }
  });

  it('are shares with a source, a mapping and a tolerance (reference rows have weight 0 and none)', () => {
    expect(new Set(CITY_TARGETS.map((t) => t.id)).size).toBe(CITY_TARGETS.length);
    for (const target of CITY_TARGETS) {
      expect(target.value).toBeGreaterThan(0);
      expect(target.value).toBeLessThan(1);
      expect(target.source.length).toBeGreaterThan(10);
      expect(target.mapping.length).toBeGreaterThan(10);
      if (target.reference) {
        expect(target.weight).toBe(0);
        expect(target.tolerance).toBeUndefined();
      } else {
        expect(target.tolerance).toBeGreaterThan(0);
      }
    }
  });

  it('map the Eurostat 65–74 figure onto 60–74 between 61% and the 16–74 average', () => {
    const target = CITY_TARGETS.find((t) => t.id === 'internet-60-74')!;
    expect(target.value - target.tolerance!).toBeCloseTo(0.61, 3);
    expect(target.value + target.tolerance!).toBeLessThan(0.88);
  });
});
