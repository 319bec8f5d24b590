import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/scenarios/did-you-mean.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['opn', 'open', 1],
    ['shaer', 'share', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it('is a symmetric distance, zero only between equal strings, at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance).toBe(editDistance(b, a));
        expect(distance === 0).toBe(a === b);
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
      { seed: 1 },
    );
  });
});

describe('didYouMean', () => {
  const fields = ['population', 'horizonMonths', 'districts', 'segments', 'services'];

  it('suggests close names, ignoring case, and truncated names', () => {
    expect(didYouMean('popluation', fields)).toBe('population');
    expect(didYouMean('horizonmonths', fields)).toBe('horizonMonths');
    expect(didYouMean('horizon', fields)).toBe('horizonMonths');
    expect(didYouMean('segment', fields)).toBe('segments');
  });

  it('suggests nothing far away, and never the word itself', () => {
    expect(didYouMean('colour', fields)).toBeUndefined();
    expect(didYouMean('sooth', ['north'])).toBeUndefined();
    expect(didYouMean('segments', fields)).toBeUndefined();
  });

  it('prefers the closest, then the first', () => {
    expect(didYouMean('sout', ['south', 'soup'])).toBe('south');
    expect(didYouMean('ab', ['ax', 'ay'])).toBe('ax');
  });
});
