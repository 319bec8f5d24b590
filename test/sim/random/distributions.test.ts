import { describe, expect, it } from 'vitest';
import { betaMeanSd, betaShape, binomial, exponential, gamma, logGamma, normal, poisson } from '../../../src/sim/random/distributions.js';
import { RandomStream } from '../../../src/sim/random/streams.js';

interface Moments {
  readonly mean: number;
  readonly variance: number;
  readonly n: number;
}

function moments(rng: RandomStream, n: number, sample: (rng: RandomStream) => number): Moments {
  let mean = 0;
  let m2 = 0;
  for (let i = 1; i <= n; i++) {
    const x = sample(rng);
    const delta = x - mean;
    mean += delta / i;
    m2 += delta * (x - mean);
  }
  return { mean, variance: m2 / (n - 1), n };
}

/**
 * Checks a sample's mean and variance against the distribution's, within
 * `z` standard errors. `fourthCentral` is the distribution's fourth central
 * moment: Var(s²) ≈ (μ₄ − σ⁴)/n.
 */
function expectMoments(m: Moments, mean: number, variance: number, fourthCentral: number, z = 5): void {
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(z * Math.sqrt(variance / m.n));
  expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(z * Math.sqrt((fourthCentral - variance * variance) / m.n));
}

describe('normal', () => {
  it('has mean 0 and variance 1', () => {
    expectMoments(moments(new RandomStream(1, 'normal'), 200_000, normal), 0, 1, 3);
  });
});

describe('logGamma', () => {
  it('matches known values of Γ', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(2)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
    // Γ(0.1) = 9.513507698668731836 (reflection branch).
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668731836), 11);
    // log Γ(101) = log 100!
    let logFactorial = 0;
    for (let k = 2; k <= 100; k++) logFactorial += Math.log(k);
    expect(Math.abs(logGamma(101) - logFactorial) / logFactorial).toBeLessThan(1e-13);
  });
});

describe('poisson', () => {
  for (const lambda of [0.3, 4, 25, 400]) {
    it(`has mean and variance λ = ${lambda}`, () => {
      const n = 200_000;
      const m = moments(new RandomStream(lambda * 10, 'poisson'), n, (rng) => poisson(rng, lambda));
      // Poisson: μ₄ = λ(1 + 3λ).
      expectMoments(m, lambda, lambda, lambda * (1 + 3 * lambda));
    });
  }

  it('follows the Poisson pmf at λ = 25 (transformed-rejection branch): chi-square test', () => {
    const lambda = 25;
    const n = 200_000;
    const rng = new RandomStream(99, 'poisson-pmf');
    const counts = new Map<number, number>();
    let invalid = 0;
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, lambda);
      if (!(Number.isInteger(k) && k >= 0)) invalid++;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(invalid).toBe(0);
    // Cells 10..40 plus the two tails; expected counts from the pmf.
    const pmf = (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
    let chi2 = 0;
    let cells = 0;
    let below = 0;
    let expectedBelow = 0;
    let above = 0;
    let expectedAbove = 0;
    for (const [k, c] of counts) {
      if (k < 10) below += c;
      if (k > 40) above += c;
    }
    for (let k = 0; k < 10; k++) expectedBelow += n * pmf(k);
    let inside = 0;
    for (let k = 10; k <= 40; k++) {
      const expected = n * pmf(k);
      inside += expected;
      chi2 += ((counts.get(k) ?? 0) - expected) ** 2 / expected;
      cells++;
    }
    expectedAbove = n - inside - expectedBelow;
    chi2 += (below - expectedBelow) ** 2 / expectedBelow + (above - expectedAbove) ** 2 / expectedAbove;
    cells += 2;
    // df = 32; the 0.999 quantile of χ²(32) is about 62.5.
    expect(cells - 1).toBe(32);
    expect(chi2).toBeLessThan(62.5);
  });

  it('returns 0 for λ = 0 and throws for a bad mean', () => {
    const rng = new RandomStream(1, 'poisson');
    expect(poisson(rng, 0)).toBe(0);
    expect(() => poisson(rng, -1)).toThrow(RangeError);
    expect(() => poisson(rng, Number.NaN)).toThrow(RangeError);
    expect(() => poisson(rng, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('binomial', () => {
  const cases: [number, number, number][] = [
    // n, p, samples
    [10, 0.3, 100_000],
    [30, 0.9, 100_000],
    [200, 0.05, 50_000],
    [1_000_000, 0.001, 20_000],
    [1_000_000, 0.4, 20_000],
  ];
  for (const [n, p, samples] of cases) {
    it(`has mean np and variance np(1 − p) for n = ${n}, p = ${p}`, () => {
      const m = moments(new RandomStream(n + Math.round(p * 1000), 'binomial'), samples, (rng) => binomial(rng, n, p));
      const variance = n * p * (1 - p);
      // Binomial: μ₄ = np(1 − p)(1 + 3(n − 2)p(1 − p)).
      expectMoments(m, n * p, variance, variance * (1 + 3 * (n - 2) * p * (1 - p)));
    });
  }

  // Chi-square against the exact pmf of the rarer outcome (successes for p ≤ 1/2, failures above), cells first..top
  // with both tails pooled: the inversion branch (means below 10, both sides of p = 1/2, a Bass-like day of the peer
  // effect) and beta splitting into inversion (mean 40).
  const pmfCases: [number, number, number, number][] = [
    // n, p, first cell, last cell
    [50, 0.05, 0, 7],
    [12_500, 0.0002, 0, 7],
    [40, 0.93, 0, 7],
    [400, 0.1, 25, 55],
  ];
  for (const [n, p, first, top] of pmfCases) {
    it(`follows the binomial pmf for n = ${n}, p = ${p}: chi-square test`, () => {
      const samples = 200_000;
      const rng = new RandomStream(n + Math.round(p * 1e4), 'binomial-pmf');
      const rare = Math.min(p, 1 - p);
      // Cell 0: below `first`; cell k − first + 1: k; the last cell: above `top`.
      const cellOf = (k: number): number => (k < first ? 0 : k > top ? top - first + 2 : k - first + 1);
      const counts = new Float64Array(top - first + 3);
      for (let i = 0; i < samples; i++) {
        const x = binomial(rng, n, p);
        counts[cellOf(p <= 0.5 ? x : n - x)]! += 1;
      }
      const pmf = (k: number): number => Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(rare) + (n - k) * Math.log1p(-rare));
      const expected = new Float64Array(counts.length);
      for (let k = 0; k <= top; k++) expected[cellOf(k)]! += samples * pmf(k);
      expected[counts.length - 1] = samples - expected.reduce((sum, e) => sum + e, 0);
      let chi2 = 0;
      let cells = 0;
      for (let cell = 0; cell < counts.length; cell++) {
        if (!(expected[cell]! >= 5)) {
          // A cell expected to be (nearly) empty must be: the sampler never goes where the pmf has no mass.
          expect(counts[cell]!, `cell ${cell}`).toBeLessThanOrEqual(5);
          continue;
        }
        chi2 += (counts[cell]! - expected[cell]!) ** 2 / expected[cell]!;
        cells++;
      }
      expect(cells).toBeGreaterThanOrEqual(5);
      // Against the 0.999 quantile of χ²(df), by Wilson–Hilferty.
      const df = cells - 1;
      const z = 3.09;
      const quantile = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
      expect(chi2).toBeLessThan(quantile);
    });
  }

  it('stays within [0, n] and returns integers', () => {
    const rng = new RandomStream(4, 'binomial-range');
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rng.next() * 500);
      const k = binomial(rng, n, rng.next());
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThanOrEqual(n);
    }
  });

  it('handles p = 0, p = 1 and n = 0 exactly', () => {
    const rng = new RandomStream(1, 'binomial-edges');
    for (const n of [0, 1, 31, 33, 1_000_000]) {
      expect(binomial(rng, n, 0)).toBe(0);
      expect(binomial(rng, n, 1)).toBe(n);
    }
    expect(binomial(rng, 0, 0.5)).toBe(0);
  });

  it('throws for a bad n or p', () => {
    const rng = new RandomStream(1, 'binomial');
    expect(() => binomial(rng, -1, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomial(rng, 10, -0.1)).toThrow(RangeError);
    expect(() => binomial(rng, 10, 1.1)).toThrow(RangeError);
    expect(() => binomial(rng, 10, Number.NaN)).toThrow(RangeError);
  });
});

describe('gamma', () => {
  for (const shape of [0.3, 1, 2.5, 50]) {
    it(`has mean and variance equal to the shape ${shape}`, () => {
      const m = moments(new RandomStream(shape * 100, 'gamma'), 200_000, (rng) => gamma(rng, shape));
      // Gamma(k, 1): μ₄ = 3k(k + 2).
      expectMoments(m, shape, shape, 3 * shape * (shape + 2));
    });
  }

  it('throws for a shape that is not positive', () => {
    const rng = new RandomStream(1, 'gamma');
    expect(() => gamma(rng, 0)).toThrow(RangeError);
    expect(() => gamma(rng, -2)).toThrow(RangeError);
    expect(() => gamma(rng, Number.NaN)).toThrow(RangeError);
  });
});

describe('betaMeanSd', () => {
  for (const [mean, sd] of [
    [0.5, 0.2],
    [0.18, 0.18],
    [0.72, 0.18],
    [0.9, 0.05],
  ] as const) {
    it(`has mean ${mean} and sd ${sd}`, () => {
      const n = 100_000;
      let outside = 0;
      const m = moments(new RandomStream(Math.round(mean * 100 + sd * 1000), 'beta'), n, (rng) => {
        const x = betaMeanSd(rng, mean, sd);
        if (!(x >= 0 && x <= 1)) outside++;
        return x;
      });
      expect(outside).toBe(0);
      // A variable on [0, 1] has μ₄ ≤ σ², which bounds the variance's standard error.
      expectMoments(m, mean, sd * sd, sd * sd);
    });
  }

  it('returns the mean when sd = 0 or the mean is at 0 or 1', () => {
    const rng = new RandomStream(1, 'beta');
    expect(betaMeanSd(rng, 0.37, 0)).toBe(0.37);
    expect(betaMeanSd(rng, 0, 0.1)).toBe(0);
    expect(betaMeanSd(rng, 1, 0.1)).toBe(1);
  });

  it('throws when no Beta distribution has the moments', () => {
    const rng = new RandomStream(1, 'beta');
    expect(() => betaMeanSd(rng, 0.5, 0.5)).toThrow(RangeError);
    expect(() => betaMeanSd(rng, 0.1, 0.35)).toThrow(RangeError);
  });

  it('betaShape has mean a / (a + b)', () => {
    const [a, b] = [2, 5];
    const variance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const m = moments(new RandomStream(1, 'beta-shape'), 100_000, (rng) => betaShape(rng, a, b));
    expectMoments(m, a / (a + b), variance, variance);
  });
});

describe('exponential', () => {
  it('has mean m and variance m²', () => {
    const mean = 3;
    const m = moments(new RandomStream(1, 'exponential'), 200_000, (rng) => exponential(rng, mean));
    // Exponential: μ₄ = 9m⁴.
    expectMoments(m, mean, mean * mean, 9 * mean ** 4);
  });
});
