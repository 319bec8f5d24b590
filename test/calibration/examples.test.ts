/** Every calibration file in examples/calibration/ is valid: schema, scenario, parameter paths, target groups and months. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { targetProblems } from '../../src/calibration/calibrate.js';
import { selectSegments } from '../../src/calibration/metric.js';
import { resolveParameters } from '../../src/calibration/parameters.js';
import { calibrationSchema, targetFromSpec } from '../../src/calibration/spec.js';
import { compileScenario } from '../../src/scenarios/compile.js';
import { loadScenarioFile } from '../../src/scenarios/load.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/calibration');
const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.yaml')).sort();

describe('examples/calibration', () => {
  it('holds calibration files', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`${file} is a valid calibration of a loadable scenario`, () => {
      const spec = calibrationSchema.parse(parse(readFileSync(join(EXAMPLES, file), 'utf8')));
      const loaded = loadScenarioFile(join(EXAMPLES, spec.scenario));
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) return;
      const resolved = resolveParameters(loaded.scenario, spec.parameters);
      expect(resolved.ok ? [] : resolved.problems).toEqual([]);
      if (!resolved.ok) return;
      const targets = spec.targets.map(targetFromSpec);
      const problem = { scenario: loaded.scenario, parameters: resolved.parameters, targets, replications: spec.replications, seed: spec.seed, maxEvaluations: spec.maxEvaluations, ...(spec.horizonMonths === undefined ? {} : { horizonMonths: spec.horizonMonths }) };
      expect(targetProblems(problem)).toEqual([]);
      const config = compileScenario(loaded.scenario);
      for (const target of targets) if (target.metric.kind !== 'summary') expect(selectSegments(config, target.metric.group).length).toBeGreaterThan(0);
    });
  }
});
