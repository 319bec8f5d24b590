import { describe, expect, it } from 'vitest';
import { pointMeans } from '../../src/analysis/point-means.js';
import { RunningMoments } from '../../src/analysis/running-moments.js';

describe('pointMeans', () => {
  it('gives each point its replicate mean, NaN without values', () => {
    const moments = new RunningMoments(3);
    moments.add(0, 1);
    moments.add(0, 2);
    moments.add(2, 7);
    const means = pointMeans(moments);
    expect(means[0]).toBe(1.5);
    expect(Number.isNaN(means[1])).toBe(true);
    expect(means[2]).toBe(7);
  });
});
