import { describe, expect, it } from 'vitest';
import { describeBox } from '../../src/analysis/describe-box.js';

const COUNTER = { name: 'policy.channels.counter.capacityPerDayPer1000', low: 2, high: 8 };
const BASS = { name: 'bassQ', low: 0, high: 0.5 };

describe('describeBox', () => {
  it('says each restriction in words, joined by "and"', () => {
    expect(
      describeBox(
        [
          { low: 2, high: 3.2 },
          { low: 0.21, high: 0.5 },
        ],
        [COUNTER, BASS],
      ),
    ).toBe('counter capacity per day per 1000 ≤ 3.2 and bassQ ≥ 0.21');
  });

  it('gives both limits as a range, three significant digits, units and labels', () => {
    expect(describeBox([{ low: 0.123456, high: 0.4 }], [{ ...BASS, label: 'imitation rate q' }])).toBe('imitation rate q from 0.123 to 0.4');
    expect(describeBox([{ low: 1234.56, high: 5000 }], [{ name: 'budgetGbp', low: 0, high: 5000, unit: 'GBP' }])).toBe('budget gbp ≥ 1,235 GBP');
  });

  it('names the kept values of coded parameters', () => {
    const open = { name: 'policy.channels.counter.open', values: ['false', 'true'], low: 0, high: 1 };
    const mode = { name: 'mode', values: ['a', 'b', 'c'], low: 0, high: 2 };
    expect(
      describeBox(
        [
          { low: 0, high: 0 },
          { low: 1, high: 2 },
        ],
        [open, mode],
      ),
    ).toBe('counter open is false and mode is b or c');
  });

  it('says so when the box restricts nothing, and rejects mismatched lengths', () => {
    expect(describeBox([{ low: 2, high: 8 }], [COUNTER])).toBe("anywhere in the sweep's ranges");
    expect(() => describeBox([], [COUNTER])).toThrow(RangeError);
  });
});
