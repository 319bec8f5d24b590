import { describe, expect, it } from 'vitest';
import type { SensitivityFile } from '../../src/analysis/analysis-files.js';
import { analysisText } from '../../src/analysis/analysis-text.js';

const SENSITIVITY: SensitivityFile = {
  format: 'dgsim-sensitivity/1',
  sweep: { name: 'demo', hash: 'h', design: 'lhs', points: 50, runs: 200, failedRuns: 1, replicatesMin: 3, replicatesMax: 4 },
  level: 0.95,
  bootstrapResamples: 0,
  seed: 1,
  barMeasures: ['prcc'],
  parameters: [
    { name: 'a', path: 'p.a', label: 'lever a', encoding: 'number', categories: null, low: 0, high: 1 },
    { name: 'b', path: 'p.b', label: 'lever b', encoding: 'number', categories: null, low: 0, high: 1 },
  ],
  metrics: [
    { metric: 'unmetRate', label: 'needs unmet', unit: 'share', higherIsBetter: false, points: 50, meanOverPoints: 0.1, sdOverPoints: 0.02, noiseShare: 0.01, rSquared: 0.9, methods: ['prcc'], notes: ['a note'] },
  ],
  rows: [
    { metric: 'unmetRate', parameter: 'a', method: 'prcc', measure: 'prcc', value: 0.2, low: 0.05, high: 0.35 },
    { metric: 'unmetRate', parameter: 'b', method: 'prcc', measure: 'prcc', value: -0.8, low: -0.9, high: -0.7 },
  ],
};

describe('analysisText', () => {
  it('prints the sweep, the parameters by importance with intervals, notes and replication needs', () => {
    const text = analysisText(
      {
        sensitivity: SENSITIVITY,
        replications: [
          {
            metric: 'unmetRate',
            points: 50,
            replicatesMin: 3,
            replicatesMax: 4,
            meanOverPoints: 0.1,
            pooledSd: 0.01,
            maxSd: 0.02,
            halfWidthMedian: 0.012,
            halfWidthMax: 0.03,
            targetHalfWidth: 0.005,
            targetFrom: 'default 5% of mean',
            needed: 18,
            neededWorstPoint: 64,
            note: '',
          },
        ],
        prim: undefined,
      },
      { printedMetrics: 6, color: false },
    );
    expect(text).toContain('Sweep "demo": lhs design, 50 points × 3-4 replicates, 200 runs (1 failed)');
    expect(text.indexOf('lever b')).toBeLessThan(text.indexOf('lever a'));
    expect(text).toContain('-0.8 [-0.9, -0.7]');
    expect(text).toContain('note: a note');
    expect(text).toContain('18 / 64');
    expect(text).not.toContain('PRIM');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('says how many metrics it left out', () => {
    const text = analysisText({ sensitivity: SENSITIVITY, replications: [], prim: undefined }, { printedMetrics: 0, color: false });
    expect(text).toContain('… 1 more metric in analysis/sensitivity.csv');
  });
});
