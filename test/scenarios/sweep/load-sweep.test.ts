import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssues } from '../../../src/scenarios/issues.js';
import { loadSweepFile } from '../../../src/scenarios/sweep/load-sweep.js';
import { removeTempDirs, tempDir, TINY_GRID, tinySweepText, writeSweep } from './helpers.js';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(removeTempDirs);

/** The formatted issues of a sweep file, with the temporary directory shown as DIR. */
function problems(text: string, name = 'sweep.yaml'): string {
  const file = writeSweep(dir, name, text);
  const result = loadSweepFile(file);
  if (result.ok) return 'ok';
  return formatIssues(result.issues).replaceAll(dir, 'DIR');
}

describe('loadSweepFile', () => {
  it('loads a sweep: overrides applied, paths resolved, points built', () => {
    const file = writeSweep(dir, 'ok.yaml', tinySweepText(TINY_GRID));
    const result = loadSweepFile(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { sweep } = result;
    expect(sweep.name).toBe('ok');
    expect(sweep.scenario.population.size).toBe(400);
    expect(sweep.scenario.population.sample).toBe(1);
    expect(sweep.scenario.horizonMonths).toBe(3);
    expect(sweep.parameters.map((p) => p.name)).toEqual(['counter', 'usability']);
    expect(sweep.points.map((p) => p.values)).toEqual([[2, 0.4], [2, 0.8], [5.5, 0.4], [5.5, 0.8]]);
    expect(sweep.knownMetrics).toContain('unmetRate[district=outer]');
  });

  it('names the file, line and path of schema problems', () => {
    expect(problems('base: x.yaml\nparameters: []\ndesign: { type: lhx }\nreplication: 3\n')).toBe(
      [
        'DIR/sweep.yaml:2:1: parameters: expected a list of mappings with 1 to 1000 items, got an empty list',
        'DIR/sweep.yaml:3:11: design.type: expected one of "grid", "list", "csv", "lhs", "morris", "saltelli", got a string ("lhx")',
        '  did you mean "lhs"?',
        'DIR/sweep.yaml:4:1: replication: unknown field "replication"',
        '  did you mean "replications"?',
      ].join('\n'),
    );
  });

  it('finds unknown parameter and override paths before any run, with did-you-mean', () => {
    const text = tinySweepText(
      'parameters:\n  - { path: policy.channels.countr.open, values: [true] }\n  - { path: "segments[id=75plus-low-outr].share", values: [0.03] }\ndesign: { type: grid }',
      { extra: '' },
    ).replace('horizonMonths: 3', 'horizonMonth: 3');
    expect(problems(text)).toBe(['DIR/sweep.yaml:4:3: overrides.horizonMonth: the scenario has no field "horizonMonth"', '  did you mean "horizonMonths"?'].join('\n'));
    expect(problems(text.replace('horizonMonth: 3', 'horizonMonths: 3'))).toBe(
      [
        'DIR/sweep.yaml:6:7: parameters[0].path: policy.channels has no field "countr"',
        '  did you mean "counter"?',
        'DIR/sweep.yaml:7:7: parameters[1].path: segments has no entry with id "75plus-low-outr"',
        '  did you mean "75plus-low-outer"?',
      ].join('\n'),
    );
  });

  it('checks parameter values against the scenario schema', () => {
    const text = tinySweepText('parameters:\n  - { path: policy.channels.online.usability, min: 0.5, max: 1.5 }\n  - { path: horizonMonths, values: [3, 0] }\ndesign: { type: lhs, samples: 4 }');
    expect(problems(text)).toBe(
      [
        'DIR/sweep.yaml:6:57: parameters[0].max: this value makes the scenario invalid: policy.channels.online.usability: expected a number from 0 to 1, got 1.5',
        'DIR/sweep.yaml:7:40: parameters[1].values[1]: this value makes the scenario invalid: horizonMonths: expected a whole number from 1 to 120, got 0',
      ].join('\n'),
    );
  });

  it('checks overrides against the scenario schema', () => {
    expect(problems(tinySweepText(TINY_GRID).replace('population: { size: 400 }', 'population: { size: -4 }'))).toBe(
      'DIR/sweep.yaml:3:3: overrides.population: this override makes the scenario invalid: population.size: expected a whole number from 1 to 1e8, got -4',
    );
  });

  it('checks what each design needs', () => {
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, min: 0.01, max: 0.1 }\ndesign: { type: grid }'))).toBe(
      'DIR/sweep.yaml:6:5: parameters[0]: a grid design needs levels for a range: set design.levels, or levels on this parameter',
    );
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, min: 0.01, max: 0.1 }\ndesign: { type: lhs, samples: 4, levels: 3 }'))).toBe(
      'DIR/sweep.yaml:7:34: design.levels: design.levels is not used by a lhs design (it takes design.samples)',
    );
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, values: [0.1], min: 0 }\ndesign: { type: morris, trajectories: 2, levels: 3 }'))).toBe(
      [
        'DIR/sweep.yaml:6:5: parameters[0]: give either values or a range (min and max), not both',
        'DIR/sweep.yaml:7:42: design.levels: a Morris design needs an even number of levels, got 3',
      ].join('\n'),
    );
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, name: run_id }\ndesign: { type: list, points: [{ run_id: 0.1 }] }'))).toBe(
      'DIR/sweep.yaml:6:28: parameters[0].name: "run_id" is a results column already: give the parameter another name',
    );
  });

  it('checks list and CSV points', () => {
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, name: loss }\ndesign: { type: list, points: [{ loss: 0.1 }, { los: 0.2 }] }'))).toBe(
      ['DIR/sweep.yaml:7:47: design.points[1]: the point gives a value for "los", which is not a parameter', '  known parameters: loss'].join('\n'),
    );
    writeFileSync(join(dir, 'points.csv'), 'loss\n0.1\n2\n');
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, name: loss }\ndesign: { type: csv, file: points.csv }'))).toBe(
      'DIR/points.csv:3: the value at point 1 makes the scenario invalid: trust.lossBad: expected a number from 0 to 1, got 2',
    );
    writeFileSync(join(dir, 'points.csv'), 'los\n0.1\n');
    expect(problems(tinySweepText('parameters:\n  - { path: trust.lossBad, name: loss }\ndesign: { type: csv, file: points.csv }'))).toBe(
      ['DIR/points.csv:1: the column "los" is not a parameter', '  known parameters: loss'].join('\n'),
    );
  });

  it('checks metric names', () => {
    expect(problems(tinySweepText(TINY_GRID, { extra: 'metrics: [unmetRate, "unmetRate[age=75]"]' }))).toBe(
      ['DIR/sweep.yaml:10:22: metrics[1]: no headline metric is called "unmetRate[age=75]"', '  did you mean "unmetRate[age=75+]"?'].join('\n'),
    );
  });

  it('reports a base scenario that does not load, and a missing sweep file', () => {
    expect(problems('base: nowhere.yaml\nparameters: [{ path: trust.lossBad, values: [0.1] }]\ndesign: { type: grid }\n')).toMatch(/cannot read "DIR\/nowhere.yaml": no such file\nDIR\/sweep.yaml:1:1: base: the base scenario has problems \(listed above\)/);
    const missing = loadSweepFile(join(dir, 'missing.yaml'));
    expect(!missing.ok && formatIssues(missing.issues).replaceAll(dir, 'DIR')).toBe('DIR/missing.yaml: cannot read the sweep file "DIR/missing.yaml": no such file');
  });
});
