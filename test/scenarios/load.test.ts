import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as yamlParse } from 'yaml';
import { loadScenarioFile, type LoadResult, type ScenarioIssue } from '../../src/scenarios/index.js';
import { edit, lineOf, MINIMAL, tempDir, type TempDir } from './fixtures.js';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  tmp.remove();
});

/** The issues of a load that must fail. */
function issuesOf(result: LoadResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected the load to fail');
  return result.issues;
}

/** The issue shapes without messages and hints, for compact expectations. */
function shapes(issues: readonly ScenarioIssue[]): Pick<ScenarioIssue, 'file' | 'line' | 'column' | 'path' | 'code'>[] {
  return issues.map(({ file, line, column, path, code }) => ({ file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }), path, code }));
}

describe('a valid scenario', () => {
  it('loads with defaults applied, the files read and a sha256 hash', () => {
    const file = tmp.write('minimal.yaml', MINIMAL);
    const result = loadScenarioFile(file);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.files).toEqual([file]);
    expect(result.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.scenario.horizonMonths).toBe(12);
    expect(result.scenario.description).toBe('');
    expect(result.scenario.population).toEqual({ size: 1000, sample: 1 });
    expect(result.scenario.policy.channels.counter).toEqual({ open: true, capacityPerDayPer1000: 4, costPerTransactionGbp: 8.62, fixedCostPerYearPer1000Gbp: 1500, handlingMinutes: 30 });
    expect(result.scenario.services[0]!.channels).toEqual(['online', 'phone', 'counter', 'assisted']);
    expect(result.scenario.schedule).toEqual([]);
    expect('extends' in result.scenario).toBe(false);
  });

  it('has a hash that ignores layout, comments, key order and format but not values', () => {
    const hashOf = (name: string, text: string): string => {
      const result = loadScenarioFile(tmp.write(name, text));
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.hash;
    };
    const base = hashOf('a.yaml', MINIMAL);
    expect(hashOf('same.yaml', MINIMAL)).toBe(base);
    const relaidOut = `# a comment\n${edit(edit(MINIMAL, 'population:\n  size: 1000\n', 'population: { size: 1000 }   # inline\n'), 'horizonMonths: 12\n', '')}horizonMonths:    12\n`;
    expect(hashOf('relaid.yaml', relaidOut)).toBe(base);
    const defaultsWritten = edit(MINIMAL, 'name: minimal\n', 'name: minimal\ndescription: ""\n$schema: ./scenario.schema.json\n');
    expect(hashOf('defaults.yaml', defaultsWritten)).toBe(base);
    const asJson = JSON.stringify(Object.fromEntries(Object.entries(yamlParse(MINIMAL) as Record<string, unknown>).reverse()), null, 2);
    expect(hashOf('a.json', asJson)).toBe(base);
    expect(hashOf('changed.yaml', edit(MINIMAL, 'size: 1000', 'size: 1001'))).not.toBe(base);
    expect(hashOf('named.yaml', edit(MINIMAL, 'name: minimal', 'name: other'))).not.toBe(base);
  });
});

describe('reading and syntax', () => {
  it('reports a missing file', () => {
    const file = join(tmp.dir, 'nope.yaml');
    expect(issuesOf(loadScenarioFile(file))).toEqual([{ file, path: [], code: 'file_not_found', message: `cannot read ${JSON.stringify(file)}: no such file` }]);
  });

  it('reports a directory as unreadable', () => {
    expect(shapes(issuesOf(loadScenarioFile(tmp.dir)))).toEqual([{ file: tmp.dir, path: [], code: 'file_unreadable' }]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    const file = tmp.write('syntax.yaml', 'name: x\nsegments: [1, 2\nservices: 3\n');
    const issues = issuesOf(loadScenarioFile(file));
    expect(shapes(issues)).toEqual([{ file, line: 3, column: 1, path: [], code: 'yaml_syntax' }]);
    expect(issues[0]!.message).toMatch(/^invalid YAML: /);
  });

  it('reports a duplicate key by name', () => {
    const file = tmp.write('dup.yaml', 'name: x\nhorizonMonths: 3\nname: y\n');
    expect(issuesOf(loadScenarioFile(file))).toEqual([{ file, line: 3, column: 1, path: [], code: 'yaml_syntax', message: 'the key "name" appears twice in the same mapping' }]);
  });

  it('reports a second YAML document', () => {
    const file = tmp.write('two.yaml', 'name: x\n---\nname: y\n');
    expect(issuesOf(loadScenarioFile(file))).toMatchObject([{ file, line: 2, code: 'yaml_syntax', message: 'a scenario file holds one YAML document, but a second one starts here (a line with ---)' }]);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n\n'],
    ['comments only', '# nothing yet\n'],
  ])('reports an %s file', (_, text) => {
    const file = tmp.write('empty.yaml', text);
    expect(shapes(issuesOf(loadScenarioFile(file)))).toEqual([{ file, line: 1, path: [], code: 'empty_file' }]);
  });

  it('reports bytes that are not UTF-8 at the first bad byte', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name: café\nhorizonMonths: 1'), 0xff, 0x0a]);
    const file = tmp.write('latin1.yaml', bytes);
    expect(issuesOf(loadScenarioFile(file))).toEqual([{ file, line: 2, column: 17, path: [], code: 'invalid_utf8', message: 'the file is not valid UTF-8 text: save it as UTF-8' }]);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const file = tmp.write('bom.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(MINIMAL)]));
    expect(loadScenarioFile(file).ok).toBe(true);
  });

  it('says when a file is UTF-16', () => {
    const file = tmp.write('utf16.yaml', new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x3a, 0x00]));
    expect(issuesOf(loadScenarioFile(file))).toMatchObject([{ code: 'invalid_utf8', line: 1, column: 1, hint: 'it starts with a UTF-16 byte-order mark: save it as UTF-8' }]);
  });

  it.each([
    ['a list', '- name: x\n'],
    ['a string ("just a name")', 'just a name\n'],
    ['42', '42\n'],
  ])('reports a top level that is %s', (found, text) => {
    const file = tmp.write('top.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 1, column: 1, path: [], code: 'not_a_mapping', message: `expected a mapping of scenario fields (name: …, districts: …) at the top level, got ${found}` },
    ]);
  });

  it('reports YAML tags', () => {
    const file = tmp.write('tag.yaml', 'name: x\ndistricts: !include d.yaml\n');
    expect(issuesOf(loadScenarioFile(file))).toMatchObject([{ line: 2, column: 12, code: 'yaml_syntax', message: expect.stringContaining('unknown YAML tag !include') }]);
  });
});

describe('validation', () => {
  it('says what type was expected and what was found', () => {
    const text = edit(MINIMAL, 'horizonMonths: 12', 'horizonMonths: abc');
    const file = tmp.write('type.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 2, column: 1, path: ['horizonMonths'], code: 'invalid_type', message: 'expected a whole number from 1 to 120, got a string ("abc")' },
    ]);
  });

  it('hints at quoted numbers, YAML 1.1 booleans and empty values', () => {
    let text = edit(MINIMAL, 'share: 0.4', 'share: "0.4"');
    text = edit(text, 'automatable: true', 'automatable: yes');
    text = edit(text, 'needsPerYear: 6', 'needsPerYear:');
    const file = tmp.write('hints.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 30, column: 5, path: ['segments', 1, 'share'], code: 'invalid_type', message: 'expected a number from 0 to 1, got a string ("0.4")', hint: 'write numbers without quotes' },
      { file, line: 36, column: 5, path: ['segments', 1, 'needsPerYear'], code: 'invalid_type', message: 'expected a number from 0 to 365, got nothing (an empty value)', hint: 'the value is empty: write one after the colon' },
      { file, line: 46, column: 5, path: ['services', 0, 'automatable'], code: 'invalid_type', message: 'expected true or false, got a string ("yes")', hint: 'YAML 1.2 reads yes as a string: write true or false' },
    ]);
  });

  it('reports each unknown field on its own line with a did-you-mean from the fields at that level', () => {
    let text = edit(MINIMAL, 'population:\n  size: 1000', 'popluation:\n  size: 1000');
    text = edit(text, '    share: 0.6\n', '    shaer: 0.6\n    colour: blue\n');
    const file = tmp.write('unknown.yaml', text);
    const issues = issuesOf(loadScenarioFile(file));
    expect(issues).toEqual([
      { file, line: 3, column: 1, path: ['popluation'], code: 'unrecognized_keys', message: 'unknown field "popluation"', hint: 'did you mean "population"?' },
      { file, line: 17, column: 5, path: ['segments', 0, 'shaer'], code: 'unrecognized_keys', message: 'unknown field "shaer"', hint: 'did you mean "share"?' },
      {
        file,
        line: 18,
        column: 5,
        path: ['segments', 0, 'colour'],
        code: 'unrecognized_keys',
        message: 'unknown field "colour"',
        hint: 'known fields here: id, age, income, district, share, internetAccess, digitalSkill, motivation, privacyConcern, trust, needsPerYear, patienceDays, helperAvailable, asc',
      },
      { file, line: 13, column: 5, path: ['segments', 0, 'share'], code: 'missing_field', message: 'missing required field: expected a number from 0 to 1' },
    ].sort((a, b) => a.line - b.line));
  });

  it('reports out-of-range values with the range', () => {
    let text = edit(MINIMAL, 'share: 0.4', 'share: 1.5');
    text = edit(text, 'patienceDays: 20', 'patienceDays: 0');
    text = edit(text, 'agencies: 2', 'agencies: 21');
    const file = tmp.write('range.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 30, column: 5, path: ['segments', 1, 'share'], code: 'too_big', message: 'expected a number from 0 to 1, got 1.5' },
      { file, line: 37, column: 5, path: ['segments', 1, 'patienceDays'], code: 'too_small', message: 'expected a number greater than 0 and at most 365, got 0' },
      { file, line: 43, column: 5, path: ['services', 0, 'agencies'], code: 'too_big', message: 'expected a whole number from 1 to 20, got 21' },
    ]);
  });

  it('reports NaN, infinities and numbers too large for a double as not finite', () => {
    let text = edit(MINIMAL, 'share: 0.4', 'share: .nan');
    text = edit(text, 'needsPerYear: 6', 'needsPerYear: .inf');
    text = edit(text, 'counterTravelMinutes: 20', 'counterTravelMinutes: -.Inf');
    text = edit(text, 'dataFields: 10', 'dataFields: 1e400');
    const file = tmp.write('finite.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 7, column: 5, path: ['districts', 0, 'counterTravelMinutes'], code: 'not_finite', message: 'expected a finite number from 0 to 600, got -.Inf' },
      { file, line: 30, column: 5, path: ['segments', 1, 'share'], code: 'not_finite', message: 'expected a finite number from 0 to 1, got .nan' },
      { file, line: 36, column: 5, path: ['segments', 1, 'needsPerYear'], code: 'not_finite', message: 'expected a finite number from 0 to 365, got .inf' },
      { file, line: 45, column: 5, path: ['services', 0, 'dataFields'], code: 'not_finite', message: 'expected a whole number from 0 to 1000, got 1e400, which is too large to represent as a number' },
    ]);
  });

  it('reports a huge integer once, with the schema range', () => {
    const file = tmp.write('huge.yaml', edit(MINIMAL, 'size: 1000', 'size: 123456789012345678901234567890'));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 4, column: 3, path: ['population', 'size'], code: 'too_big', message: 'expected a whole number from 1 to 1e8, got 123456789012345678901234567890' },
    ]);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const file = tmp.write('missing.yaml', edit(MINIMAL, '    helperAvailable: 0.6\n', ''));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 26, column: 5, path: ['segments', 1, 'helperAvailable'], code: 'missing_field', message: 'missing required field: expected a number from 0 to 1' },
    ]);
  });

  it('reports a bad enum value with a did-you-mean', () => {
    const file = tmp.write('enum.yaml', `${MINIMAL}policy:\n  data:\n    consent: informed\n`);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      {
        file,
        line: 49,
        column: 5,
        path: ['policy', 'data', 'consent'],
        code: 'invalid_value',
        message: 'expected one of "informed-opt-in", "consent-or-no-service", got a string ("informed")',
        hint: 'did you mean "informed-opt-in"?',
      },
    ]);
  });

  it('reports a refinement with its own message', () => {
    const file = tmp.write('beta.yaml', edit(MINIMAL, 'digitalSkill: { mean: 0.3, sd: 0.1 }', 'digitalSkill: { mean: 0.01, sd: 0.2 }'));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 32, column: 33, path: ['segments', 1, 'digitalSkill', 'sd'], code: 'custom', message: 'sd too large for this mean: a Beta distribution needs sd² < mean·(1 − mean)' },
    ]);
  });

  it('locates values in JSON files too', () => {
    const file = tmp.write('bad.json', '{\n  "name": "x",\n  "horizonMonths": 500\n}\n');
    expect(shapes(issuesOf(loadScenarioFile(file)))).toEqual([
      { file, line: 1, column: 1, path: ['districts'], code: 'missing_field' },
      { file, line: 1, column: 1, path: ['segments'], code: 'missing_field' },
      { file, line: 1, column: 1, path: ['services'], code: 'missing_field' },
      { file, line: 3, column: 3, path: ['horizonMonths'], code: 'too_big' },
    ]);
  });
});

describe('cross-field checks', () => {
  it('checks that shares sum to 1, with the actual sum', () => {
    let text = edit(MINIMAL, 'share: 0.4', 'share: 0.3');
    text = edit(text, '    share: 1\n', '    share: 0.5\n');
    const file = tmp.write('shares.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 12, column: 1, path: ['segments'], code: 'shares_sum', message: 'the segment shares must sum to 1, but the 2 shares sum to 0.9' },
      { file, line: 39, column: 1, path: ['services'], code: 'shares_sum', message: 'the service shares must sum to 1, but the 1 share sum to 0.5' },
    ]);
  });

  it('accepts shares that miss 1 by rounding only', () => {
    const text = edit(edit(MINIMAL, 'share: 0.6', 'share: 0.3333333'), 'share: 0.4', 'share: 0.6666667');
    expect(loadScenarioFile(tmp.write('rounding.yaml', text)).ok).toBe(true);
  });

  it('checks ids are unique and segment districts exist', () => {
    let text = edit(MINIMAL, '  - id: south', '  - id: north');
    text = edit(text, 'id: old', 'id: young');
    text = edit(text, 'district: south', 'district: sooth');
    const file = tmp.write('ids.yaml', text);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 9, column: 5, path: ['districts', 1, 'id'], code: 'duplicate_id', message: 'duplicate id "north": already used by districts[0]' },
      { file, line: 26, column: 5, path: ['segments', 1, 'id'], code: 'duplicate_id', message: 'duplicate id "young": already used by segments[0]' },
      { file, line: 29, column: 5, path: ['segments', 1, 'district'], code: 'unknown_district', message: 'no district has the id "sooth"', hint: 'known districts: north' },
    ]);
  });

  it('suggests the district meant', () => {
    const file = tmp.write('district.yaml', edit(MINIMAL, 'district: south', 'district: soth'));
    expect(issuesOf(loadScenarioFile(file))).toMatchObject([{ path: ['segments', 1, 'district'], code: 'unknown_district', hint: 'did you mean "south"?' }]);
  });

  it('checks the age and income bands the policy names', () => {
    const policy = ['policy:', '  automation:', '    errorMultiplierByAge: { "75": 2, 18-64: 1 }', '    errorMultiplierByIncome: { lo: 2 }', '  adoption:', '    training: { targetAges: [75+, 65-74] }', '    devices:', '      targetAges: ["75"]', ''].join('\n');
    const file = tmp.write('bands.yaml', MINIMAL + policy);
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 49, column: 29, path: ['policy', 'automation', 'errorMultiplierByAge', '75'], code: 'unknown_age_band', message: 'no segment has the age band "75"', hint: 'did you mean "75+"?' },
      { file, line: 50, column: 32, path: ['policy', 'automation', 'errorMultiplierByIncome', 'lo'], code: 'unknown_income_band', message: 'no segment has the income band "lo"', hint: 'did you mean "low"?' },
      { file, line: 52, column: 35, path: ['policy', 'adoption', 'training', 'targetAges', 1], code: 'unknown_age_band', message: 'no segment has the age band "65-74"', hint: 'known age bands: 18-64, 75+' },
      { file, line: 54, column: 20, path: ['policy', 'adoption', 'devices', 'targetAges', 0], code: 'unknown_age_band', message: 'no segment has the age band "75"', hint: 'did you mean "75+"?' },
    ]);
  });
});

describe('schedule', () => {
  const schedule = (...lines: string[]): string => `${MINIMAL}schedule:\n${lines.join('\n')}\n`;

  it('reports months outside the horizon', () => {
    const file = tmp.write('late.yaml', schedule('  - month: 12', '    set: { oneStop: true }'));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 48, column: 5, path: ['schedule', 0, 'month'], code: 'schedule_outside_horizon', message: 'month 12 is outside the horizon of 12 months (0 to 11)' },
    ]);
  });

  it('reports unknown policy paths with a did-you-mean and invalid values with the range', () => {
    const file = tmp.write(
      'paths.yaml',
      schedule(
        '  - month: 2',
        '    set: { oneStop: true }',
        '  - month: 3',
        '    set:',
        '      channels.counter.opn: false',
        '      counter.capacityPerDayPer1000: 2',
        '      channels.phone.capacityPerDayPer1000: -1',
        '      channels.online.outage: { ratePerYear: 1, meanDay: 3 }',
        '  - month: 4',
        '    set: { allocation.mode: fixed }',
      ),
    );
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      {
        file,
        line: 52,
        column: 7,
        path: ['schedule', 1, 'set', 'channels.counter.opn'],
        code: 'unknown_policy_field',
        message: '"channels.counter.opn" is not a policy field',
        hint: 'did you mean "channels.counter.open"?',
      },
      {
        file,
        line: 53,
        column: 7,
        path: ['schedule', 1, 'set', 'counter.capacityPerDayPer1000'],
        code: 'unknown_policy_field',
        message: '"counter" is not a policy field',
        hint: 'did you mean "channels.counter.capacityPerDayPer1000"?',
      },
      { file, line: 54, column: 7, path: ['schedule', 1, 'set', 'channels.phone.capacityPerDayPer1000'], code: 'too_small', message: 'expected a number from 0 to 1e6, got -1' },
      {
        file,
        line: 55,
        column: 49,
        path: ['schedule', 1, 'set', 'channels.online.outage', 'meanDay'],
        code: 'unrecognized_keys',
        message: 'unknown field "meanDay"',
        hint: 'did you mean "meanDays"?',
      },
    ]);
  });

  it('reports paths into values, into mappings and onto inherited object properties', () => {
    const file = tmp.write('odd.yaml', schedule('  - month: 1', '    set:', '      oneStop.x: true', '      automation.errorMultiplierByAge.75+: 2', '      channels.constructor: 1'));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 50, column: 7, path: ['schedule', 0, 'set', 'oneStop.x'], code: 'unknown_policy_field', message: '"oneStop" is a value, not a group of fields' },
      {
        file,
        line: 51,
        column: 7,
        path: ['schedule', 0, 'set', 'automation.errorMultiplierByAge.75+'],
        code: 'unknown_policy_field',
        message: '"automation.errorMultiplierByAge.75+" is not a policy field',
        hint: 'a schedule cannot add one key to "automation.errorMultiplierByAge": set the whole mapping, e.g. "automation.errorMultiplierByAge": { … }',
      },
      {
        file,
        line: 52,
        column: 7,
        path: ['schedule', 0, 'set', 'channels.constructor'],
        code: 'unknown_policy_field',
        message: '"channels.constructor" is not a policy field',
        hint: 'known fields of channels: online, phone, counter, assisted',
      },
    ]);
  });

  it('reports an invalid value once, at the entry that set it', () => {
    const file = tmp.write('once.yaml', schedule('  - month: 1', '    set: { automation.share: 2 }', '  - month: 2', '    set: { oneStop: true }', '  - month: 3', '    set: { kpi.penaltyGbp: 10 }'));
    expect(issuesOf(loadScenarioFile(file))).toEqual([
      { file, line: 49, column: 12, path: ['schedule', 0, 'set', 'automation.share'], code: 'too_big', message: 'expected a number from 0 to 1, got 2' },
    ]);
  });

  it('checks the age bands a schedule sets', () => {
    const file = tmp.write('bands.yaml', schedule('  - month: 1', '    set: { adoption.devices.targetAges: [75+, "80"] }'));
    expect(shapes(issuesOf(loadScenarioFile(file)))).toEqual([
      { file, line: 49, column: 47, path: ['schedule', 0, 'set', 'adoption.devices.targetAges', 1], code: 'unknown_age_band' },
    ]);
  });

  it('accepts a valid schedule', () => {
    const result = loadScenarioFile(tmp.write('ok.yaml', schedule('  - month: 6', '    set: { channels.counter.open: false, automation.share: 0.5 }')));
    expect(result.ok && result.scenario.schedule).toEqual([{ month: 6, set: { 'channels.counter.open': false, 'automation.share': 0.5 } }]);
  });
});

describe('extends', () => {
  it('merges mappings deeply, lists of objects by id, and replaces other lists', () => {
    const base = tmp.write('base.yaml', `${MINIMAL}policy:\n  channels:\n    counter: { capacityPerDayPer1000: 3, handlingMinutes: 25 }\n`);
    const child = tmp.write(
      'child.yaml',
      [
        'extends: base.yaml',
        'name: child',
        'segments:',
        '  - id: young',
        '    share: 0.5',
        '  - id: old',
        '    remove: true',
        '  - id: middle',
        '    age: 45-64',
        '    income: mid',
        '    district: south',
        '    share: 0.5',
        '    internetAccess: 0.8',
        '    digitalSkill: { mean: 0.5, sd: 0.1 }',
        '    motivation: { mean: 0.5, sd: 0.1 }',
        '    privacyConcern: { mean: 0.5, sd: 0.1 }',
        '    trust: { mean: 0.5, sd: 0.1 }',
        '    needsPerYear: 5',
        '    patienceDays: 25',
        '    helperAvailable: 0.4',
        'services:',
        '  - id: permit',
        '    channels: [online, counter]',
        'policy:',
        '  channels:',
        '    counter: { handlingMinutes: 35 }',
        '',
      ].join('\n'),
    );
    const result = loadScenarioFile(child);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.files).toEqual([child, base]);
    const { scenario } = result;
    expect(scenario.name).toBe('child');
    expect(scenario.horizonMonths).toBe(12);
    expect(scenario.segments.map((s) => [s.id, s.share, s.age])).toEqual([
      ['young', 0.5, '18-64'],
      ['middle', 0.5, '45-64'],
    ]);
    expect(scenario.services[0]).toMatchObject({ id: 'permit', share: 1, agencies: 2, channels: ['online', 'counter'] });
    expect(scenario.policy.channels.counter).toMatchObject({ capacityPerDayPer1000: 3, handlingMinutes: 35 });
  });

  it('gives the same scenario and hash as the file written out whole', () => {
    tmp.write('base.yaml', MINIMAL);
    const viaExtends = loadScenarioFile(tmp.write('child.yaml', 'extends: ./base.yaml\nhorizonMonths: 24\n'));
    const whole = loadScenarioFile(tmp.write('whole.yaml', edit(MINIMAL, 'horizonMonths: 12', 'horizonMonths: 24')));
    expect(viaExtends.ok && whole.ok && viaExtends.hash === whole.hash).toBe(true);
  });

  it('points issues into the file that wrote the value', () => {
    const base = tmp.write('base.yaml', edit(MINIMAL, 'counterTravelMinutes: 40', 'counterTravelMinutes: 4000'));
    const child = tmp.write('child.yaml', 'extends: base.yaml\nsegments:\n  - id: old\n    share: 1.4\n');
    expect(shapes(issuesOf(loadScenarioFile(child)))).toEqual([
      { file: child, line: 4, column: 5, path: ['segments', 1, 'share'], code: 'too_big' },
      { file: base, line: 10, column: 5, path: ['districts', 1, 'counterTravelMinutes'], code: 'too_big' },
    ]);
  });

  it('follows chains and resolves each reference relative to its own file', () => {
    const base = tmp.write('base.yaml', MINIMAL);
    const middle = tmp.write('variants/middle.yaml', 'extends: ../base.yaml\nhorizonMonths: 6\n');
    const top = tmp.write('top.yaml', 'extends: variants/middle.yaml\nname: top\n');
    const result = loadScenarioFile(top);
    expect(result.ok && result.files).toEqual([top, middle, base]);
    expect(result.ok && [result.scenario.name, result.scenario.horizonMonths]).toEqual(['top', 6]);
  });

  it('reports a missing base at the extends key', () => {
    const child = tmp.write('child.yaml', 'name: x\nextends: nowhere.yaml\n');
    expect(issuesOf(loadScenarioFile(child))).toEqual([
      {
        file: child,
        line: 2,
        column: 1,
        path: ['extends'],
        code: 'extends_not_found',
        message: `cannot read the extended file "nowhere.yaml" (looked for ${JSON.stringify(join(tmp.dir, 'nowhere.yaml'))}): no such file`,
      },
    ]);
  });

  it('reports cycles with the chain', () => {
    const a = tmp.write('a.yaml', 'extends: b.yaml\nname: a\n');
    const b = tmp.write('b.yaml', 'name: b\nextends: a.yaml\n');
    expect(issuesOf(loadScenarioFile(a))).toEqual([{ file: b, line: 2, column: 1, path: ['extends'], code: 'extends_cycle', message: `extends forms a cycle: ${a} → ${b} → ${a}` }]);
    const self = tmp.write('self.yaml', 'extends: ./self.yaml\n');
    expect(issuesOf(loadScenarioFile(self))).toMatchObject([{ file: self, code: 'extends_cycle', message: `extends forms a cycle: ${self} → ${self}` }]);
  });

  it.each(['https://example.org/base.yaml', 'file:///etc/base.yaml', '//server/share/base.yaml', 'data:text/yaml,name: x'])('rejects the URL %s', (reference) => {
    const child = tmp.write('child.yaml', `name: x\nextends: ${JSON.stringify(reference)}\n`);
    expect(issuesOf(loadScenarioFile(child))).toEqual([
      { file: child, line: 2, column: 1, path: ['extends'], code: 'extends_url', message: `extends must name a local file relative to this one, but ${JSON.stringify(reference)} looks like a URL` },
    ]);
  });

  it('rejects an extends that is not a file name', () => {
    const child = tmp.write('child.yaml', 'extends: [a.yaml, b.yaml]\n');
    expect(shapes(issuesOf(loadScenarioFile(child)))).toEqual([{ file: child, line: 1, column: 1, path: ['extends'], code: 'extends_invalid' }]);
  });

  it('reports syntax errors in the base in the base', () => {
    const base = tmp.write('base.yaml', 'name: [\n');
    const child = tmp.write('child.yaml', 'extends: base.yaml\n');
    expect(issuesOf(loadScenarioFile(child))).toMatchObject([{ file: base, code: 'yaml_syntax' }]);
  });

  it('reports removals of ids the base does not have', () => {
    tmp.write('base.yaml', MINIMAL);
    const child = tmp.write('child.yaml', 'extends: base.yaml\nsegments:\n  - id: olde\n    remove: true\n  - id: young\n    remove: true\n    share: 1\n');
    expect(issuesOf(loadScenarioFile(child))).toEqual([
      { file: child, line: 3, column: 5, path: ['segments', 0, 'id'], code: 'remove_unknown_id', message: 'cannot remove "olde": the extended file has no entry with that id', hint: 'did you mean "old"?' },
      { file: child, line: 6, column: 5, path: ['segments', 1, 'remove'], code: 'invalid_remove', message: 'an entry that removes an inherited one has only id and remove: true' },
    ]);
  });

  it('reports an id repeated in the extending file', () => {
    tmp.write('base.yaml', MINIMAL);
    const child = tmp.write('child.yaml', 'extends: base.yaml\nsegments:\n  - id: old\n    share: 0.3\n  - id: old\n    share: 0.1\n');
    expect(shapes(issuesOf(loadScenarioFile(child)))).toEqual([{ file: child, line: 5, column: 5, path: ['segments', 1, 'id'], code: 'duplicate_id' }]);
  });

  it('explains remove: true in a file that extends nothing', () => {
    const file = tmp.write('remove.yaml', edit(MINIMAL, '  - id: old\n', '  - id: old\n    remove: true\n'));
    expect(issuesOf(loadScenarioFile(file))).toMatchObject([
      { path: ['segments', 1, 'remove'], code: 'unrecognized_keys', hint: 'remove: true removes an entry inherited through extends, but this file does not extend another' },
    ]);
  });
});
