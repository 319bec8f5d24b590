import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commentedScenarioYaml } from '../../src/scenarios/commented-scenario.js';
import { parseScenarioText } from '../../src/scenarios/parse.js';
import { flattenFields, schemaFields } from '../../src/scenarios/schema-fields.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { REPO } from '../cli/harness.js';

const cityText = readFileSync(join(REPO, 'scenarios', 'city.yaml'), 'utf8');
const written = commentedScenarioYaml(cityText, { schemaReference: 'scenario.schema.json', preamble: ['Written by a test.', '', 'Run it: dgsim run x.yaml'] });

describe('commentedScenarioYaml', () => {
  it('is the same scenario as the file it copies', () => {
    const original = parseScenarioText(cityText, 'city.yaml');
    const copy = parseScenarioText(written, 'copy.yaml');
    expect(copy.ok && original.ok).toBe(true);
    if (copy.ok && original.ok) expect(isDeepStrictEqual(copy.scenario, original.scenario)).toBe(true);
  });

  it('points editors at the schema on its first line and keeps the file\'s header and sources', () => {
    const lines = written.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=scenario.schema.json');
    expect(written).toContain('# The built-in default city: a mid-sized city of 100,000 adults in two');
    expect(written).toContain('# Written by a test.');
    expect(written).toContain('[SOCITM-2012] Socitm channel value benchmarking 2012');
    expect(written).toContain('costPerTransactionGbp: 8.62 # [SOCITM-2012]');
  });

  it('writes every defaulted policy field out and explains every field above it, within 80 columns', () => {
    const document = parseDocument(written);
    const policyPaths = flattenFields(schemaFields(scenarioSchema))
      .filter((field) => field.path.startsWith('policy.') && field.fields === undefined)
      .map((field) => field.path.split('.'));
    for (const path of policyPaths) expect(document.hasIn(path), path.join('.')).toBe(true);
    expect(written).toContain('# whether a human review path exists; true or false; default true\n      available: true');
    expect(written).toContain('# reallocation period [months]; a whole number from 1 to 120; default 3\n    everyMonths: 3');
    expect(written).toMatch(/# - share: share of the population in this segment; all shares sum to 1; a\n#   number from 0 to 1 \(required\)\n# - internetAccess:/);
    const longComments = written.split('\n').filter((line) => line.trimStart().startsWith('#') && [...line].length > 80);
    expect(longComments).toEqual([]);
  });
});
