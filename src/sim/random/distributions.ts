/**
 * Random variates drawn from a stream passed in (never a global source).
 * Exact methods throughout: inversion for small means, Hörmann's PTRS for
 * large Poisson means, Marsaglia–Tsang for gamma, and Knuth's beta splitting
 * for binomials of large mean.
 */
import type { RandomStream } from './streams.js';

/** A standard normal variate (Marsaglia polar method). */
export function normal(rng: RandomStream): number {
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** log Γ(x) for x > 0 (Lanczos, g = 7; relative error below 1e-13). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const c = LANCZOS;
  let sum = c[0]!;
  const z = x - 1;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * A Poisson variate of mean `mean` ≥ 0. Cost O(mean) below 10, O(1) above.
 * A caller drawing many variates of one mean below 10 may pass
 * `expNegMean`, exp(−mean) computed once (the same value gives the same variates).
 * @throws RangeError for a negative or non-finite mean.
 */
export function poisson(rng: RandomStream, mean: number, expNegMean?: number): number {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new RangeError(`poisson mean must be finite and ≥ 0, got ${mean}`);
  if (mean === 0) return 0;
  if (mean < 10) {
    // Inversion by sequential search.
    let k = 0;
    let p = expNegMean ?? Math.exp(-mean);
    let cumulative = p;
    const u = rng.next();
    while (u > cumulative && k < 1000) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }
  // PTRS: Hörmann (1993), "The transformed rejection method for generating Poisson random variables".
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}

/** A gamma variate of shape `shape` > 0 and scale 1 (Marsaglia & Tsang 2000). */
export function gamma(rng: RandomStream, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A beta variate with shape parameters a, b > 0. */
export function betaShape(rng: RandomStream, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/**
 * A variate on [0, 1] with the given mean and standard deviation, from the
 * Beta distribution with those moments. sd = 0 (or mean at 0 or 1) gives the mean.
 * @throws RangeError when sd² ≥ mean·(1 − mean): no Beta has those moments.
 */
export function betaMeanSd(rng: RandomStream, mean: number, sd: number): number {
  if (sd === 0 || mean <= 0 || mean >= 1) return mean;
  const variance = sd * sd;
  const spread = (mean * (1 - mean)) / variance - 1;
  if (!(spread > 0)) throw new RangeError(`no Beta distribution has mean ${mean} and sd ${sd}`);
  return betaShape(rng, mean * spread, (1 - mean) * spread);
}

/** Below this mean a binomial is drawn by inversion (one uniform, about mean + 1 steps). */
const BINOMIAL_INVERSION_MEAN = 10;

/**
 * A binomial variate: successes in n trials of probability p. Exact: while
 * the mean is 10 or more, Knuth's beta splitting (the a-th smallest of n
 * uniforms is Beta(a, n + 1 − a)) halves the trials left, O(log mean) beta
 * variates; then inversion of the rest, one uniform. (Splitting all the way
 * down to 32 trials, as before, drew two gamma variates per level even for
 * a mean near 0: the daily peer effect on access, a binomial per segment
 * and day with a mean well below 1, took a sixth of a small city's run.)
 */
export function binomial(rng: RandomStream, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`binomial n must be an integer ≥ 0, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial p must be in [0, 1], got ${p}`);
  let successes = 0;
  let trials = n;
  let prob = p;
  while (prob > 0 && prob < 1 && trials * Math.min(prob, 1 - prob) >= BINOMIAL_INVERSION_MEAN) {
    const a = 1 + (trials >> 1);
    const b = trials + 1 - a;
    const x = betaShape(rng, a, b);
    if (x >= prob) {
      trials = a - 1;
      prob /= x;
    } else {
      successes += a;
      trials = b - 1;
      prob = (prob - x) / (1 - x);
    }
  }
  if (prob <= 0) return successes;
  if (prob >= 1) return successes + trials;
  return prob <= 0.5 ? successes + binomialByInversion(rng, trials, prob) : successes + trials - binomialByInversion(rng, trials, 1 - prob);
}

/**
 * Binomial(n, p) for p ≤ 1/2 and a small mean, by sequential inversion
 * (Kachitvichyanukul & Schmeiser 1988, BINV): one uniform, walked down
 * the probabilities P(0), P(1), … (each from the last by the ratio
 * (n − k + 1)·p / (k·(1 − p))) until it falls within one.
 */
function binomialByInversion(rng: RandomStream, n: number, p: number): number {
  const s = p / (1 - p);
  const a = (n + 1) * s;
  let probability = Math.exp(n * Math.log1p(-p));
  let u = rng.next();
  let k = 0;
  while (u > probability && k < n) {
    u -= probability;
    k++;
    probability *= a / k - s;
  }
  return k;
}

/** An exponential variate of the given mean. */
export function exponential(rng: RandomStream, mean: number): number {
  return -mean * Math.log(1 - rng.next());
}
