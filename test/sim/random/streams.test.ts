import { describe, expect, it } from 'vitest';
import alea from 'seedrandom/lib/alea.js';
import { createStream, createStreams, RandomStream, STREAM_PURPOSES } from '../../../src/sim/random/streams.js';

const draw = (rng: (() => number) | RandomStream, n: number): number[] => Array.from({ length: n }, () => (typeof rng === 'function' ? rng() : rng.next()));

/** Pearson correlation of two equal-length samples. */
function correlation(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('createStream', () => {
  it('gives the same sequence for the same (seed, purpose)', () => {
    expect(draw(createStream(7, 'arrivals'), 1000)).toEqual(draw(createStream(7, 'arrivals'), 1000));
  });

  it('gives different sequences for different seeds or purposes', () => {
    const base = draw(createStream(7, 'arrivals'), 100);
    expect(draw(createStream(8, 'arrivals'), 100)).not.toEqual(base);
    expect(draw(createStream(7, 'choice'), 100)).not.toEqual(base);
  });

  it('draws uniforms on [0, 1) with mean ½ and variance 1/12', () => {
    const n = 100_000;
    const xs = draw(createStream(3, 'population'), n);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    // Standard errors: sqrt(1/12/n) for the mean, sqrt(1/180/n) for the variance.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it('throws for a seed that is not a safe integer', () => {
    expect(() => createStream(1.5, 'arrivals')).toThrow(RangeError);
    expect(() => createStream(Number.NaN, 'arrivals')).toThrow(RangeError);
    expect(() => createStream(2 ** 60, 'arrivals')).toThrow(RangeError);
  });
});

describe('RandomStream', () => {
  it("draws seedrandom's Alea numbers, bit for bit", () => {
    for (const [seed, purpose] of [[1, 'arrivals'], [42, 'choice'], [2 ** 40, 'population']] as const) {
      const reference = alea(`dgsim:${seed}:${purpose}`);
      const stream = new RandomStream(seed, purpose);
      const ours = Array.from({ length: 100_000 }, () => stream.next());
      const theirs = Array.from({ length: 100_000 }, () => reference());
      expect(ours).toEqual(theirs);
    }
  });
});

describe('createStreams', () => {
  it('gives each purpose the stream createStream derives for it', () => {
    const streams = createStreams(11);
    for (const purpose of STREAM_PURPOSES) {
      expect(draw(streams[purpose], 20)).toEqual(draw(createStream(11, purpose), 20));
    }
  });

  it('keeps purposes independent: drawing from one never shifts another', () => {
    const quiet = createStreams(5);
    const busy = createStreams(5);
    draw(busy.choice, 12_345);
    draw(busy.outcomes, 77);
    expect(draw(busy.arrivals, 50)).toEqual(draw(quiet.arrivals, 50));
    expect(draw(busy.population, 50)).toEqual(draw(quiet.population, 50));
  });

  it('gives uncorrelated streams across purposes', () => {
    const n = 50_000;
    const streams = createStreams(2024);
    const samples = STREAM_PURPOSES.map((purpose) => draw(streams[purpose], n));
    // Under independence a correlation is about N(0, 1/n); 5 standard errors.
    for (let i = 0; i < samples.length; i++) {
      for (let j = i + 1; j < samples.length; j++) {
        expect(Math.abs(correlation(samples[i]!, samples[j]!))).toBeLessThan(5 / Math.sqrt(n));
      }
    }
  });
});
