import { describe, expect, it } from 'vitest';
import { replicationNeed } from '../../src/analysis/replication-needs.js';
import { replicationsNeeded } from '../../src/analysis/replications-needed.js';
import { RunningMoments } from '../../src/analysis/running-moments.js';

/** Two points: replicates with sd 1 around 10, and with sd 2 around 20. */
function pilot(): RunningMoments {
  const moments = new RunningMoments(2);
  for (const value of [9, 10, 11]) moments.add(0, value);
  for (const value of [18, 20, 22]) moments.add(1, value);
  return moments;
}

describe('replicationNeed', () => {
  it('pools the spread between replicates and reports what the target needs', () => {
    const need = replicationNeed('m', pilot(), { metric: 'm', halfWidth: 0.5, relative: false });
    expect(need.points).toBe(2);
    expect(need.replicatesMin).toBe(3);
    expect(need.meanOverPoints).toBe(15);
    expect(need.pooledSd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(need.maxSd).toBeCloseTo(2, 12);
    expect(need.targetHalfWidth).toBe(0.5);
    expect(need.targetFrom).toBe('option');
    expect(need.needed).toBe(replicationsNeeded(Math.sqrt(2.5), 0.5));
    expect(need.neededWorstPoint).toBe(replicationsNeeded(2, 0.5));
    expect(need.halfWidthMax).toBeGreaterThan(need.halfWidthMedian - 1e-12);
  });

  it('defaults to 5% of the mean, and takes relative targets', () => {
    expect(replicationNeed('m', pilot(), undefined).targetHalfWidth).toBeCloseTo(0.75, 12);
    expect(replicationNeed('m', pilot(), { metric: 'm', halfWidth: 0.1, relative: true }).targetHalfWidth).toBeCloseTo(1.5, 12);
  });

  it('says why when it cannot tell: one replicate, or a mean of 0 with no target', () => {
    const single = new RunningMoments(1);
    single.add(0, 3);
    const need = replicationNeed('m', single, undefined);
    expect(Number.isNaN(need.needed)).toBe(true);
    expect(need.note).toMatch(/one replicate/);
    const zero = new RunningMoments(1);
    for (const value of [-1, 1]) zero.add(0, value);
    expect(replicationNeed('m', zero, undefined).note).toMatch(/--target-ci/);
  });
});
