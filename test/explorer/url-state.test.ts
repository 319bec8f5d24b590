import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVERS, type Lever, type LeverValue } from '../../src/explorer/levers.js';
import { DEFAULT_SETTINGS, GROUPINGS, MAX_SEED, SPEEDS, WATCHES, type ExplorerSettings, type PolicySettings } from '../../src/explorer/settings.js';
import { decodeSettings, encodeSettings, fromBase64Url, toBase64Url } from '../../src/explorer/url-state.js';

/** A valid value of a lever: numbers on the lever's own grid, as a slider gives them. */
function leverValue(lever: Lever): fc.Arbitrary<LeverValue> {
  switch (lever.kind) {
    case 'number': {
      const steps = Math.round((lever.max - lever.min) / lever.step);
      return fc.integer({ min: 0, max: steps }).map((k) => Number((lever.min + k * lever.step).toFixed(10)));
    }
    case 'toggle':
      return fc.boolean();
    case 'choice':
      return fc.constantFrom(...lever.options.map((option) => option.value));
    case 'channel':
      return fc.record({ openAtStart: fc.boolean(), switchMonth: fc.option(fc.integer({ min: 1, max: 119 }), { nil: null }) });
  }
}

const levers: fc.Arbitrary<Record<string, LeverValue>> = fc
  .subarray([...LEVERS])
  .chain((chosen) => fc.tuple(...chosen.map((lever) => leverValue(lever).map((value) => [lever.id, value] as const))))
  .map((entries) => Object.fromEntries(entries));

const policy: fc.Arbitrary<PolicySettings> = fc.record({
  scenario: fc.constantFrom('city', 'digital-only', 'hybrid', 'h7-outage-hybrid', 'f2-minimal-collection'),
  file: fc.option(fc.record({ name: fc.constantFrom('my city.yaml', 'été.yml', 'x.json'), text: fc.string({ unit: 'grapheme', maxLength: 200 }) }), { nil: null }),
  levers,
});

const settings: fc.Arbitrary<ExplorerSettings> = fc.record({
  a: policy,
  b: fc.option(policy, { nil: null }),
  seed: fc.integer({ min: 0, max: MAX_SEED }),
  population: fc.integer({ min: 100, max: 1_000_000 }),
  speed: fc.constantFrom(...SPEEDS),
  grouping: fc.constantFrom(...GROUPINGS),
  watch: fc.constantFrom(...WATCHES),
  lesson: fc.option(fc.constantFrom('close-counters', 'outage'), { nil: null }),
});

/** The settings as a link restores them: a dropped file replaces the scenario name, which the link then does not carry. */
function normalized(value: ExplorerSettings): ExplorerSettings {
  const fix = (p: PolicySettings): PolicySettings => (p.file === null ? p : { ...p, scenario: DEFAULT_SETTINGS.a.scenario });
  return { ...value, a: fix(value.a), b: value.b === null ? null : fix(value.b) };
}

describe('settings in the URL hash', () => {
  it('round-trips every valid setting (property)', () => {
    fc.assert(
      fc.property(settings, (value) => {
        const decoded = decodeSettings(`#${encodeSettings(value)}`);
        expect(decoded.problems).toEqual([]);
        expect(decoded.settings).toEqual(normalized(value));
      }),
      { numRuns: 300 },
    );
  });

  it('gives equal links for equal settings, whatever order the levers were set in', () => {
    const one = { ...DEFAULT_SETTINGS, a: { ...DEFAULT_SETTINGS.a, levers: { counterCapacity: 8, outageRate: 6 } } };
    const two = { ...DEFAULT_SETTINGS, a: { ...DEFAULT_SETTINGS.a, levers: { outageRate: 6, counterCapacity: 8 } } };
    expect(encodeSettings(one)).toBe(encodeSettings(two));
  });

  it('writes a short, readable link and leaves defaults out', () => {
    expect(encodeSettings(DEFAULT_SETTINGS)).toBe('scenario=city');
    const link = encodeSettings({
      ...DEFAULT_SETTINGS,
      seed: 7,
      a: { scenario: 'city', file: null, levers: { counter: { openAtStart: true, switchMonth: 6 }, appeal: false } },
      b: { scenario: 'hybrid', file: null, levers: { assisted: { openAtStart: false, switchMonth: 12 } } },
    });
    expect(link).toBe('scenario=city&counter=closes-6&appeal=off&seed=7&ab=1&b.scenario=hybrid&b.assisted=opens-12');
  });

  it('reads what it can from a damaged link and says what it skipped', () => {
    const { settings: read, problems } = decodeSettings('#scenario=city&seed=-3&pop=abc&speed=warp&counterCapacity=99&counter=sometimes&outageRate=4&nonsense=1&text=%%%');
    expect(read.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(read.population).toBe(DEFAULT_SETTINGS.population);
    expect(read.speed).toBe(DEFAULT_SETTINGS.speed);
    expect(read.a.levers).toEqual({ outageRate: 4 });
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/"99" is not a value of "Counter capacity"/);
  });

  it('refuses scenario names that could be paths', () => {
    const { settings: read, problems } = decodeSettings('#scenario=../../etc/passwd');
    expect(read.a.scenario).toBe('city');
    expect(problems).toEqual(['the scenario name "../../etc/passwd" is not valid']);
  });

  it('carries a dropped file whole, in UTF-8 base64url', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 500 }), (text) => {
        const encoded = toBase64Url(text);
        expect(encoded).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(encoded)).toBe(text);
      }),
    );
    expect(fromBase64Url('not base64!')).toBeUndefined();
  });
});
