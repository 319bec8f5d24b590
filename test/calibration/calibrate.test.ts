import { describe, expect, it } from 'vitest';
import { calibrate, calibratedScenarioYaml, evaluateParameters, replicationSeeds, residualsCsv, simulateTargets, type CalibrationProblem } from '../../src/calibration/calibrate.js';
import { applyParameters, resolveParameters } from '../../src/calibration/parameters.js';
import { calibrationParameterSchema, type Target } from '../../src/calibration/spec.js';
import { parseScenarioText } from '../../src/scenarios/parse.js';
import { tinyCity } from './tiny.js';

const base = tinyCity();
const resolved = resolveParameters(base, [
  calibrationParameterSchema.parse({ name: 'old-access', path: 'segments[id=old].internetAccess', min: 0.1, max: 0.95 }),
  calibrationParameterSchema.parse({ name: 'asc-online', path: 'choice.asc.online', min: -2, max: 2 }),
]);
if (!resolved.ok) throw new Error(resolved.problems.join('; '));
const parameters = resolved.parameters;
const truth = [0.7, 1.1];
const seeds = replicationSeeds(5, 2);

/** Targets produced by the model itself at the true parameters, with the seeds the calibration will use. */
function targetsFromTruth(): Target[] {
  const parsed = parseScenarioText(JSON.stringify(applyParameters(base, parameters, truth)), 'truth.json');
  if (!parsed.ok) throw new Error('truth is not a valid scenario');
  const shapes: Omit<Target, 'value'>[] = [
    { id: 'access-old', description: '', metric: { kind: 'stock', metric: 'accessShare', month: 0, group: { age: ['old'] } }, tolerance: 0.01, weight: 1, source: 'the model at the truth' },
    { id: 'online-share', description: '', metric: { kind: 'flow', metric: 'onlineShare', group: {} }, tolerance: 0.01, weight: 1, source: 'the model at the truth' },
  ];
  const results = simulateTargets(parsed.scenario, shapes.map((shape) => ({ ...shape, value: 0 })), seeds);
  return shapes.map((shape, i) => ({ ...shape, value: results[i]!.simulated }));
}

describe('calibrate', () => {
  const targets = targetsFromTruth();
  const problem: CalibrationProblem = { scenario: base, parameters, targets, replications: 2, seed: 5, maxEvaluations: 90 };

  it('evaluates a point the same way every time (common random numbers) and 0 at the truth', () => {
    const a = evaluateParameters(problem, [0.4, 0]);
    const b = evaluateParameters(problem, [0.4, 0]);
    expect(a.objective).toBeGreaterThan(0);
    expect(b.objective).toBe(a.objective);
    expect(evaluateParameters(problem, truth).objective).toBe(0);
  });

  it('marks a point that makes an invalid scenario as infinitely bad', () => {
    const shifted = resolveParameters(base, [calibrationParameterSchema.parse({ path: 'segments[id=old].internetAccess', mode: 'shift', min: -1, max: 1 })]);
    if (!shifted.ok) throw new Error('unexpected');
    const evaluation = evaluateParameters({ ...problem, parameters: shifted.parameters }, [0.8]);
    expect(evaluation.objective).toBe(Infinity);
    expect(evaluation.invalid).toMatch(/internetAccess/);
  });

  it('recovers known parameters from targets the model produced', () => {
    const result = calibrate(problem);
    expect(result.best.objective).toBeLessThan(result.start.objective);
    expect(result.best.thetas[0]).toBeCloseTo(truth[0]!, 1);
    expect(Math.abs(result.best.thetas[0]! - truth[0]!)).toBeLessThan(0.02);
    expect(Math.abs(result.best.thetas[1]! - truth[1]!)).toBeLessThan(0.15);
    for (const r of result.best.results) expect(r.withinTolerance).toBe(true);

    const yaml = calibratedScenarioYaml(problem, result, { extendsPath: '../tiny.yaml', calibrationFile: 'tiny-calibration.yaml' });
    expect(yaml).toMatch(/^# Calibrated by dgsim calibrate from tiny-calibration.yaml/);
    expect(yaml).toContain('extends: ../tiny.yaml');
    expect(yaml).toContain(`internetAccess: ${result.best.thetas[0]}`);
    const csv = residualsCsv(result).split('\n');
    expect(csv[0]).toBe('target,metric,value,tolerance,weight,simulated,simulated_sd,residual,within_tolerance,start_simulated,source');
    expect(csv[1]).toMatch(/^access-old,accessShare at the end of month 0 \[age old\],/);
  }, 300_000);
});
