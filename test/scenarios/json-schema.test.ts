import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenarios/json-schema.js';

interface SchemaNode {
  type?: string;
  description?: string;
  unit?: string;
  default?: unknown;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: unknown;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as SchemaNode & { $schema?: string; title?: string };

  it('is JSON (survives a round trip) of draft 2020-12', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
  });

  it('keeps descriptions, units and defaults, and makes defaulted fields optional', () => {
    expect(schema.properties?.['horizonMonths']).toEqual({ type: 'integer', minimum: 1, maximum: 120, default: 36, description: 'simulated horizon', unit: 'months' });
    // Required only where the file does not extend another (see test/docs/generated-docs.test.ts).
    expect(schema.required).toBeUndefined();
    expect((schema as { else?: SchemaNode }).else?.required).toEqual(['name', 'districts', 'segments', 'services']);
    const segment = schema.properties?.['segments']?.items;
    expect(segment?.properties?.['share']?.description).toBe('share of the population in this segment; all shares sum to 1');
    expect(segment?.properties?.['patienceDays']?.unit).toBe('days');
    expect(schema.properties?.['policy']?.properties?.['channels']?.properties?.['counter']?.properties?.['costPerTransactionGbp']).toMatchObject({ default: 8.62, unit: 'GBP' });
  });

  it('allows extends and $schema', () => {
    expect(schema.properties?.['extends']).toMatchObject({ type: 'string' });
    expect(schema.properties?.['$schema']).toMatchObject({ type: 'string' });
  });
});
