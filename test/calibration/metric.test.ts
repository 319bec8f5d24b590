import { describe, expect, it } from 'vitest';
import { readMetric, readPath, selectSegments } from '../../src/calibration/metric.js';
import { runValidated } from '../../src/scenarios/run.js';
import { tinyCity } from './tiny.js';

describe('readPath', () => {
  it('follows dotted paths, keys with dots included (longest key first)', () => {
    const value = { byAge: { '75+': { metShare: 0.9 }, 'a.b': { x: 2 }, a: { b: { x: 3 } } } };
    expect(readPath(value, 'byAge.75+.metShare')).toBe(0.9);
    expect(readPath(value, 'byAge.a.b.x')).toBe(2);
    expect(readPath(value, 'byAge.75+')).toBeUndefined();
    expect(readPath(value, 'byAge.nope.x')).toBeUndefined();
  });
});

describe('readMetric', () => {
  const run = runValidated(tinyCity(), 1);

  it('selects segments by label and rejects labels no segment has', () => {
    expect(selectSegments(run.config, { age: ['old'] })).toEqual([1]);
    expect(selectSegments(run.config, {})).toEqual([0, 1]);
    expect(() => selectSegments(run.config, { age: ['olt'] })).toThrow(/no segment has age "olt"/);
  });

  it('agrees with the run summary for stocks at the last month and flows over the run', () => {
    expect(readMetric(run, { kind: 'stock', metric: 'accessShare', group: { age: ['old'] } })).toBeCloseTo(run.summary.byAge['old']!.accessShareEnd, 12);
    expect(readMetric(run, { kind: 'stock', metric: 'registeredShare', month: 2, group: {} })).toBeCloseTo(run.summary.overall.registeredShareEnd, 12);
    expect(readMetric(run, { kind: 'flow', metric: 'onlineShare', group: {} })).toBeCloseTo(run.summary.overall.channelMix.online, 12);
    expect(readMetric(run, { kind: 'flow', metric: 'metShare', group: { segment: ['young'] } })).toBeCloseTo(run.summary.segments['young']!.metShare, 12);
    expect(readMetric(run, { kind: 'summary', path: 'byAge.old.accessShareEnd' })).toBe(run.summary.byAge['old']!.accessShareEnd);
    expect(readMetric(run, { kind: 'flow', metric: 'needsPerCitizenYear', group: {} })).toBeGreaterThan(5);
    expect(readMetric(run, { kind: 'flow', metric: 'needsPerCitizenYear', group: {} })).toBeLessThan(7);
  });

  it('rejects months outside the run and summary paths that are not numbers', () => {
    expect(() => readMetric(run, { kind: 'stock', metric: 'accessShare', month: 3, group: {} })).toThrow(/outside the run/);
    expect(() => readMetric(run, { kind: 'summary', path: 'byAge.old' })).toThrow(/no number/);
  });
});
