import { describe, expect, it } from 'vitest';
import { parameterLabel } from '../../src/analysis/parameter-label.js';

describe('parameterLabel', () => {
  it('turns scenario paths and camelCase into words', () => {
    expect(parameterLabel('policy.channels.counter.capacityPerDayPer1000')).toBe('counter capacity per day per 1000');
    expect(parameterLabel('segments[id=75plus-low-outer].needsPerYear')).toBe('needs per year (75plus-low-outer)');
    expect(parameterLabel('trust.sensitivityToFailure')).toBe('trust sensitivity to failure');
    expect(parameterLabel('policy.assistedDigital.open')).toBe('assisted digital open');
  });

  it('keeps short names and trailing capitals', () => {
    expect(parameterLabel('bassQ')).toBe('bassQ');
    expect(parameterLabel('x')).toBe('x');
    expect(parameterLabel('adoption.bassQ')).toBe('adoption bassQ');
  });
});
