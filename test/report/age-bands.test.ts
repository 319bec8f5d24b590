import { describe, expect, it } from 'vitest';
import { oldestAgeBand } from '../../src/report/age-bands.js';

describe('oldestAgeBand', () => {
  it('picks the band with the largest lower bound, whatever the order', () => {
    expect(oldestAgeBand(['16-34', '75+', '60-74', '35-59'])).toBe('75+');
    expect(oldestAgeBand(['80+', '100+', '9-15'])).toBe('100+');
  });

  it('prefers labels with a number, and breaks ties by the label that sorts last', () => {
    expect(oldestAgeBand(['old', '65+'])).toBe('65+');
    expect(oldestAgeBand(['young', 'old'])).toBe('young');
    expect(oldestAgeBand(['65+a', '65+b'])).toBe('65+b');
  });

  it('is undefined without bands', () => {
    expect(oldestAgeBand([])).toBeUndefined();
  });
});
