/**
 * The generated documentation (npm run docs) matches the schemas, and the
 * JSON Schemas accept what dgsim accepts: every built-in scenario (including
 * those that only `extends` another) and every example sweep, while a
 * standalone file missing a required field is flagged as the loader flags it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { driftedDocs, generatedDocs, REPO } from '../../scripts/generate-docs.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { flattenFields, schemaFields } from '../../src/scenarios/schema-fields.js';

const read = (path: string): string => readFileSync(join(REPO, path), 'utf8');
const yamlFiles = (directory: string): string[] => readdirSync(join(REPO, directory)).filter((name) => /^[^.].*\.ya?ml$/.test(name)).sort();

describe('generated docs', () => {
  it('are up to date with the schemas (run "npm run docs" when this fails)', () => {
    for (const file of generatedDocs()) expect(read(file.path), `${file.path} is out of date: run npm run docs`).toBe(file.content);
    expect(driftedDocs()).toEqual([]);
  });

  it('document every scenario field with its type, and a meaning for every leaf', () => {
    const reference = read('docs/scenario-reference.md');
    const fields = flattenFields(schemaFields(scenarioSchema));
    expect(fields.length).toBeGreaterThan(150);
    for (const field of fields) {
      expect(reference, field.path).toMatch(new RegExp(`\`([A-Za-z]+\\.)?${field.key.replace('$', '\\$')}\` \\|`));
      if (field.fields === undefined) expect(field.description, `${field.path} has no description in schema.ts`).toBeTruthy();
    }
    expect(reference).toContain('| `costPerTransactionGbp` | number | a number from 0 to 1e12 | `8.62` | GBP | government cost per transaction |');
    expect(reference).toContain('| `consent` | enum | one of "informed-opt-in", "consent-or-no-service" | `"informed-opt-in"` |');
  });
});

describe('the JSON Schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const scenario = ajv.compile(JSON.parse(read('docs/scenario.schema.json')) as object);
  const sweep = ajv.compile(JSON.parse(read('docs/sweep.schema.json')) as object);

  it.each(yamlFiles('scenarios'))('accept scenarios/%s', (file) => {
    const valid = scenario(parse(read(`scenarios/${file}`)));
    expect(scenario.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('are what the built-in scenarios point their editors at', () => {
    for (const file of yamlFiles('scenarios')) expect(read(`scenarios/${file}`).split('\n')[0], file).toBe('# yaml-language-server: $schema=../docs/scenario.schema.json');
  });

  it.each(yamlFiles('examples/sweeps'))('accept examples/sweeps/%s', (file) => {
    const valid = sweep(parse(read(`examples/sweeps/${file}`)));
    expect(sweep.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('require every required field of a standalone file, and only ids of a file that extends', () => {
    const city = parse(read('scenarios/city.yaml')) as { name?: string; segments: Record<string, unknown>[] };
    const withoutShare = structuredClone(city);
    delete withoutShare.segments[0]!['share'];
    expect(scenario(withoutShare)).toBe(false);
    expect(scenario.errors?.some((error) => error.instancePath === '/segments/0' && error.params['missingProperty'] === 'share')).toBe(true);
    const withoutName = structuredClone(city);
    delete withoutName.name;
    expect(scenario(withoutName)).toBe(false);

    const extending = { extends: 'city.yaml', segments: [{ id: '75plus-low-outer', internetAccess: 0.5 }, { id: '16-34-high-central', remove: true }] };
    expect(scenario(extending)).toBe(true);
    expect(scenario({ extends: 'city.yaml', segments: [{ internetAccess: 0.5 }] })).toBe(false);
    // A standalone file cannot remove entries; a schedule entry needs its month and changes either way.
    const removing = structuredClone(city);
    removing.segments[0]!['remove'] = true;
    expect(scenario(removing)).toBe(false);
    expect(scenario({ extends: 'city.yaml', schedule: [{ set: { oneStop: true } }] })).toBe(false);
  });

  it('flag unknown fields and values out of range, with or without extends', () => {
    expect(scenario({ extends: 'city.yaml', horizonMonth: 12 })).toBe(false);
    expect(scenario({ extends: 'city.yaml', policy: { channels: { counter: { opn: false } } } })).toBe(false);
    expect(scenario({ extends: 'city.yaml', population: { sample: 0 } })).toBe(false);
    expect(scenario({ extends: 'city.yaml', policy: { data: { consent: 'maybe' } } })).toBe(false);
    expect(sweep({ base: 'city.yaml', parameters: [{ path: 'horizonMonths', values: [12] }], design: { type: 'sobol' } })).toBe(false);
  });
});
