import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/scenarios/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps list order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: true, c: null }, 'x'] })).toBe('{"a":[{"c":null,"d":true},"x"],"b":1}');
  });

  it('leaves out undefined properties as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('does not depend on key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 3 },
    );
  });

  it('refuses values with no JSON form', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/cycle/);
  });
});
