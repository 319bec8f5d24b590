import { describe, expect, it } from 'vitest';
import { applyParameters, overrideDocument, resolveParameters } from '../../src/calibration/parameters.js';
import { calibrationParameterSchema } from '../../src/calibration/spec.js';
import { parseScenarioText } from '../../src/scenarios/parse.js';
import { tinyCity } from './tiny.js';

const specs = (...inputs: unknown[]) => inputs.map((input) => calibrationParameterSchema.parse(input));

describe('resolveParameters', () => {
  const scenario = tinyCity();

  it('resolves ids and fields, starting from the scenario value (set), 0 (shift) or 1 (scale)', () => {
    const resolved = resolveParameters(
      scenario,
      specs(
        { path: 'segments[id=old].internetAccess', min: 0, max: 1 },
        { name: 'shift', paths: ['segments[id=old].needsPerYear', 'segments[id=young].needsPerYear'], mode: 'shift', min: -2, max: 2 },
        { path: 'policy.channels.online.usability', mode: 'scale', min: 0.5, max: 1.5 },
      ),
    );
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const [access, shift, usability] = resolved.parameters;
    expect(access!.start).toBe(0.5);
    expect(access!.locations[0]!.path).toEqual(['segments', 1, 'internetAccess']);
    expect(shift!.start).toBe(0);
    expect(shift!.locations).toHaveLength(2);
    expect(usability!.start).toBe(1);
    expect(usability!.step).toBeCloseTo(0.1, 12);
  });

  it('narrows the bounds of a set parameter to the field\'s own range', () => {
    const resolved = resolveParameters(scenario, specs({ path: 'segments[id=old].internetAccess', min: -1, max: 3 }));
    expect(resolved.ok && [resolved.parameters[0]!.min, resolved.parameters[0]!.max]).toEqual([0, 1]);
  });

  it('reports unknown fields and ids with a suggestion, and fields that are not numbers', () => {
    const resolved = resolveParameters(
      scenario,
      specs(
        { path: 'segments[id=olt].internetAccess', min: 0, max: 1 },
        { path: 'policy.channels.online.usabilty', min: 0, max: 1 },
        { path: 'policy.oneStop', min: 0, max: 1 },
      ),
    );
    expect(resolved.ok).toBe(false);
    if (resolved.ok) return;
    expect(resolved.problems).toHaveLength(3);
    expect(resolved.problems[0]).toMatch(/olt.*did you mean "old"/);
    expect(resolved.problems[1]).toMatch(/usabilty.*did you mean "usability"/);
    expect(resolved.problems[2]).toMatch(/not a number field/);
  });
});

describe('applyParameters and overrideDocument', () => {
  const scenario = tinyCity();
  const resolved = resolveParameters(
    scenario,
    specs(
      { paths: ['segments[id=old].internetAccess', 'segments[id=young].internetAccess'], mode: 'shift', min: -0.4, max: 0.1 },
      { path: 'segments[id=young].asc.online', min: -3, max: 3 },
      { path: 'choice.betaEffort', mode: 'scale', min: 0.5, max: 2 },
    ),
  );
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  const thetas = [-0.08, 1.25, 1.5];

  it('sets the fields of a copy, which stays a valid scenario; the original is untouched', () => {
    const document = applyParameters(scenario, resolved.parameters, thetas);
    const parsed = parseScenarioText(JSON.stringify(document), 'applied.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.segments[1]!.internetAccess).toBe(0.42); // 0.5 − 0.08, written without float noise
    expect(parsed.scenario.segments[0]!.internetAccess).toBe(0.82);
    expect(parsed.scenario.segments[0]!.asc?.online).toBe(1.25);
    expect(parsed.scenario.choice.betaEffort).toBe(3.75);
    expect(scenario.segments[1]!.internetAccess).toBe(0.5);
  });

  it('writes only the fitted fields, list entries by id', () => {
    expect(overrideDocument(scenario, resolved.parameters, thetas)).toEqual({
      segments: [
        { id: 'old', internetAccess: 0.42 },
        { id: 'young', internetAccess: 0.82, asc: { online: 1.25 } },
      ],
      choice: { betaEffort: 3.75 },
    });
  });
});
