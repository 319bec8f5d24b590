import { afterAll, describe, expect, it } from 'vitest';
import { metricSensitivity } from '../../src/analysis/metric-sensitivity.js';
import { readSweep } from '../../src/analysis/read-sweep.js';
import { createStream } from '../../src/sim/random/streams.js';
import { normal } from './linear-data.js';
import { removeFixtures, writeFixtureSweep } from './sweep-fixture.js';

afterAll(removeFixtures);

describe('metricSensitivity', () => {
  it('measures how much of the spread between points is replication noise, and says so when it is large', async () => {
    const random = createStream(1, 'noise');
    const { directory } = writeFixtureSweep({
      name: 'noise',
      design: { type: 'lhs', samples: 40 },
      parameters: [
        { name: 'x', domain: { kind: 'range', min: 0, max: 1, integer: false } },
        { name: 'z', domain: { kind: 'range', min: 0, max: 1, integer: false } },
      ],
      replications: 4,
      metrics: ['clear', 'noisy'],
      model: ([x]) => ({ clear: (x as number) + 0.001 * normal(random), noisy: 0.05 * (x as number) + normal(random) }),
    });
    const sweep = await readSweep(directory);
    const options = { level: 0.95, resamples: 0, seed: 1 };
    const clear = metricSensitivity(sweep, 'clear', options);
    const noisy = metricSensitivity(sweep, 'noisy', options);
    expect(clear.entry.noiseShare!).toBeLessThan(0.01);
    expect(noisy.entry.noiseShare!).toBeGreaterThan(0.5);
    expect(noisy.entry.notes.some((note) => note.startsWith('replication noise is'))).toBe(true);
    expect(clear.entry.notes).toEqual([]);
    expect(clear.rows.map((row) => `${row.method}:${row.measure}:${row.parameter}`)).toEqual(['prcc:prcc:x', 'prcc:prcc:z', 'src:src:x', 'src:src:z']);
    expect(() => metricSensitivity(sweep, 'absent', options)).toThrow(/no metric absent/);
  });

  it('says when there are too few points for the regression measures', async () => {
    const { directory } = writeFixtureSweep({
      name: 'few',
      design: { type: 'lhs', samples: 4 },
      parameters: ['a', 'b', 'c'].map((name) => ({ name, domain: { kind: 'range', min: 0, max: 1, integer: false } as const })),
      replications: 1,
      metrics: ['y'],
      model: ([a]) => ({ y: a as number }),
    });
    const result = metricSensitivity(await readSweep(directory), 'y', { level: 0.95, resamples: 0, seed: 1 });
    expect(result.rows).toEqual([]);
    expect(result.entry.notes.join()).toMatch(/only 4 points with a finite value; regression measures need at least 6/);
  });
});
