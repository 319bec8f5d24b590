import { describe, expect, it } from 'vitest';
import { logitScenario, logitShares, logitSharesCheck, logitUtilities } from '../../src/validation/logit-shares.js';

describe('logitShares', () => {
  it('is the softmax of the utilities present, 0 for absent channels', () => {
    const shares = logitShares({ online: 0, phone: Math.log(3) });
    expect(shares.online).toBeCloseTo(0.25, 12);
    expect(shares.phone).toBeCloseTo(0.75, 12);
    expect(shares.counter).toBe(0);
    expect(shares.assisted).toBe(0);
  });

  it('is unchanged by a constant added to every utility, even a large one', () => {
    const a = logitShares({ online: 1, phone: 2, counter: -1 });
    const b = logitShares({ online: 1001, phone: 1002, counter: 999 });
    for (const name of ['online', 'phone', 'counter', 'assisted'] as const) expect(b[name]).toBeCloseTo(a[name], 12);
  });
});

describe('logitUtilities', () => {
  it('leaves out the channels a citizen cannot use and adds the proxy penalty for a helper', () => {
    const scenario = logitScenario({ citizens: 100, months: 1 });
    const own = logitUtilities(scenario, 'with-access', 'form');
    const helped = logitUtilities(scenario, 'via-helper', 'form');
    expect(Object.keys(own).sort()).toEqual(['assisted', 'counter', 'online', 'phone']);
    // Phone is the same channel for both (no travel, no digital terms): equal utilities.
    expect(helped.phone).toBeCloseTo(own.phone!, 12);
    expect(helped.online!).toBeLessThan(own.online!);
  });
});

describe('check (a): logit shares', () => {
  it('passes at its tolerance on a small case', () => {
    const result = logitSharesCheck({ citizens: 6000, months: 6, seed: 3 });
    expect(result.criteria.filter((c) => !c.passed)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.table.rows).toHaveLength(8);
  });
});
