import { describe, expect, it } from 'vitest';
import { parseParameterPath, resolveParameterPath, setAtPath, formatSteps } from '../../../src/scenarios/sweep/parameter-path.js';
import { loadScenarioFile } from '../../../src/scenarios/load.js';
import { scenarioSchema } from '../../../src/scenarios/schema.js';
import { CITY_YAML } from './helpers.js';

const loaded = loadScenarioFile(CITY_YAML);
if (!loaded.ok) throw new Error('the default city does not load');
const city = loaded.scenario;

function resolve(path: string): ReturnType<typeof resolveParameterPath> {
  const parsed = parseParameterPath(path);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return resolveParameterPath(city, parsed.steps, scenarioSchema);
}

describe('parseParameterPath', () => {
  it('reads fields, indexes, ids and quoted keys', () => {
    const parsed = parseParameterPath('segments[id=75plus-low-outer].asc.counter');
    expect(parsed.ok && parsed.steps).toEqual([
      { kind: 'key', key: 'segments' },
      { kind: 'id', id: '75plus-low-outer' },
      { kind: 'key', key: 'asc' },
      { kind: 'key', key: 'counter' },
    ]);
    const quoted = parseParameterPath('policy.automation.errorMultiplierByAge["75+"]');
    expect(quoted.ok && quoted.steps.at(-1)).toEqual({ kind: 'key', key: '75+' });
    const indexed = parseParameterPath('segments[3].share');
    expect(indexed.ok && formatSteps(indexed.steps)).toBe('segments[3].share');
  });

  it('says what is wrong with a malformed path', () => {
    for (const bad of ['', 'a.', 'a[', 'a[x]', 'a..b', 'a["x]']) {
      const parsed = parseParameterPath(bad);
      expect(parsed.ok, bad).toBe(false);
      expect(!parsed.ok && parsed.problem.message).toContain('cannot read the path');
    }
  });
});

describe('resolveParameterPath', () => {
  it('resolves ids to indexes', () => {
    expect(resolve('segments[id=75plus-low-outer].needsPerYear')).toEqual({ ok: true, path: ['segments', 15, 'needsPerYear'] });
    expect(resolve('policy.channels.counter.capacityPerDayPer1000')).toEqual({ ok: true, path: ['policy', 'channels', 'counter', 'capacityPerDayPer1000'] });
  });

  it('resolves an optional field the scenario leaves out, and keys of a mapping', () => {
    expect(resolve('segments[0].asc.counter').ok).toBe(true);
    expect(resolve('policy.automation.errorMultiplierByAge["75+"]')).toEqual({ ok: true, path: ['policy', 'automation', 'errorMultiplierByAge', '75+'] });
  });

  it('suggests the field or id meant', () => {
    const field = resolve('policy.chanels.counter.open');
    expect(!field.ok && field.problem).toEqual({ message: 'policy has no field "chanels"', hint: 'did you mean "channels"?' });
    const id = resolve('segments[id=75plus-low-outr].share');
    expect(!id.ok && id.problem).toEqual({ message: 'segments has no entry with id "75plus-low-outr"', hint: 'did you mean "75plus-low-outer"?' });
  });

  it('says when a path goes past a value or off the end of a list', () => {
    const past = resolve('horizonMonths.value');
    expect(!past.ok && past.problem.message).toBe('horizonMonths is a number, so it has no field "value"');
    const end = resolve('segments[16].share');
    expect(!end.ok && end.problem.message).toBe('segments has 16 entries, so there is no entry [16] (indexes start at 0)');
    const list = resolve('segments.share');
    expect(!list.ok && list.problem.hint).toMatch(/select an entry of a list/);
  });
});

describe('setAtPath', () => {
  it('sets in place, creating mappings on the way, merging a mapping into a mapping', () => {
    const target: Record<string, unknown> = { a: { b: 1, c: { d: 2, e: 3 } }, list: [{ x: 1 }] };
    setAtPath(target, ['a', 'c'], { d: 5 });
    setAtPath(target, ['list', 0, 'x'], 9);
    setAtPath(target, ['new', 'deep'], true);
    expect(target).toEqual({ a: { b: 1, c: { d: 5, e: 3 } }, list: [{ x: 9 }], new: { deep: true } });
  });
});
