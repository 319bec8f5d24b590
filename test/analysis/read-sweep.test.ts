import { afterAll, describe, expect, it } from 'vitest';
import { readSweep } from '../../src/analysis/read-sweep.js';
import { removeFixtures, writeFixtureSweep } from './sweep-fixture.js';

afterAll(removeFixtures);

describe('readSweep', () => {
  it('encodes parameters, and keeps each point\'s replicate moments, ok runs, failures and non-numbers', async () => {
    const { directory } = writeFixtureSweep({
      name: 'read',
      design: { type: 'grid', levels: 2 },
      parameters: [
        { name: 'x', domain: { kind: 'range', min: 1, max: 3, integer: false } },
        { name: 'mode', domain: { kind: 'values', values: ['slow', 'fast', 'mixed'] } },
      ],
      replications: 3,
      metrics: ['y', 'rate'],
      model: ([x, mode], replicate) => {
        if (x === 3 && mode === 'mixed' && replicate === 2) return 'fail';
        return { y: (x as number) + replicate, rate: mode === 'fast' && replicate === 0 ? Number.NaN : 0.5 };
      },
    });
    const sweep = await readSweep(directory);
    expect(sweep.design).toBe('grid');
    expect(sweep.metrics).toEqual(['y', 'rate']);
    expect(sweep.parameters).toEqual([
      { name: 'x', path: 'params.x', encoding: 'number', categories: null, low: 1, high: 3 },
      { name: 'mode', path: 'params.mode', encoding: 'category', categories: ['slow', 'fast', 'mixed'], low: 0, high: 2 },
    ]);
    expect(sweep.points.map((point) => point.values)).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [3, 0],
      [3, 1],
      [3, 2],
    ]);
    expect(sweep.runs).toBe(18);
    expect(sweep.failedRuns).toBe(1);
    expect(sweep.okRuns).toEqual([3, 3, 3, 3, 3, 2]);
    const y = sweep.moments.get('y')!;
    expect(y.summary(0)).toMatchObject({ n: 3, mean: 2, sd: 1 });
    expect(y.summary(5)).toMatchObject({ n: 2, mean: 3.5 });
    expect(sweep.nonFinite.get('rate')).toBe(2);
    expect(sweep.moments.get('rate')!.count(1)).toBe(2);
  });
});
