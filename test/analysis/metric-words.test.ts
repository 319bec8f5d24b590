import { describe, expect, it } from 'vitest';
import { metricWords } from '../../src/analysis/metric-words.js';

describe('metricWords', () => {
  it('gives the short label of a metric and its group', () => {
    expect(metricWords('unmetRate')).toBe('needs unmet');
    expect(metricWords('unmetRate[age=75+]')).toBe('needs unmet (age 75+)');
    expect(metricWords('someNewMetric')).toBe('someNewMetric');
  });
});
