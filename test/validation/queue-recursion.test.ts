import { describe, expect, it } from 'vitest';
import { fifoWaits, lindleyBacklog, queueRecursionCheck } from '../../src/validation/queue-recursion.js';

describe('lindleyBacklog', () => {
  it('carries the excess over capacity and never goes below zero', () => {
    expect(Array.from(lindleyBacklog([5, 0, 9], 4))).toEqual([1, 0, 5]);
  });

  it('takes expired needs out of the backlog', () => {
    expect(Array.from(lindleyBacklog([10, 10, 0], 4, [0, 2, 1]))).toEqual([6, 10, 5]);
  });
});

describe('fifoWaits', () => {
  it('serves the k-th need in line on day t + ⌈k/c⌉ − 1', () => {
    // Day 0: 5 needs, capacity 2 → waits 0, 0, 1, 1, 2 (the last served on day 2).
    expect(fifoWaits([5, 0, 0], 2, 3)).toEqual([2, 2, 1]);
    // Only needs served within the days counted are in the histogram.
    expect(fifoWaits([5, 0, 0], 2, 2)).toEqual([2, 2]);
  });
});

describe('check (c): queue recursion', () => {
  it('passes at its tolerance: exact backlog and waits, conservation, growth and plateau', () => {
    const result = queueRecursionCheck({ citizens: 5000, seed: 4 });
    expect(result.criteria.filter((c) => !c.passed)).toEqual([]);
    expect(result.figures).toHaveLength(2);
  });
});
