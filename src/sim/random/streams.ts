/**
 * Random streams, one per purpose, each derived from the master seed and the
 * purpose's name. Changing how one purpose draws (say, a policy lever that
 * makes more choices) never reshuffles another purpose's draws: that keeps
 * common-random-number comparisons between policies sharp.
 *
 * Each stream is seedrandom's Alea generator, seeded by seedrandom from
 * "dgsim:seed:purpose". The engine draws through `RandomStream.next`, a
 * method of one class, rather than through the closure seedrandom returns:
 * every run makes new closures, and V8's code inlined for the first run's
 * closures is thrown away when the next run's arrive (measured: the second to
 * fourth runs in a process ran up to twice as slow). `next` repeats
 * seedrandom's three-line recurrence on the state seedrandom seeded, so the
 * numbers are seedrandom's, bit for bit (test/sim/random/streams.test.ts).
 */
import alea from 'seedrandom/lib/alea.js';

/** A uniform generator on [0, 1). */
export type Rng = () => number;

/** The purposes that draw random numbers; each gets its own stream. */
export const STREAM_PURPOSES = [
  'population',
  'arrivals',
  'services',
  'choice',
  'outcomes',
  'trust',
  'adoption',
  'programs',
  'decisions',
  'offices',
  'shocks',
] as const;
export type StreamPurpose = (typeof STREAM_PURPOSES)[number];
export type Streams = Readonly<Record<StreamPurpose, RandomStream>>;

/** seedrandom's Alea generator for one purpose, drawn through a method (see the module comment). */
export class RandomStream {
  // Declared, not defined: the constructor gives each its first value, a number, so V8 keeps
  // them as unboxed doubles (a field defined as undefined first boxes every value stored).
  private declare s0: number;
  private declare s1: number;
  private declare s2: number;
  private declare c: number;

  /** The stream seeded by "dgsim:seed:purpose". @throws RangeError for a seed that is not a safe integer. */
  constructor(seed: number, purpose: string) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    const state = alea(`dgsim:${seed}:${purpose}`, { state: true }).state();
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    this.c = state.c;
  }

  /** The next uniform on [0, 1): Alea's step, as seedrandom computes it. */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

/**
 * A stream for one purpose as a function, for code outside the engine
 * (designs, bootstraps).
 * @example createStream(42, 'arrivals')() // a number in [0, 1)
 */
export function createStream(seed: number, purpose: string): Rng {
  const stream = new RandomStream(seed, purpose);
  return () => stream.next();
}

/** Every purpose's stream for one run. */
export function createStreams(seed: number): Streams {
  const streams = {} as Record<StreamPurpose, RandomStream>;
  for (const purpose of STREAM_PURPOSES) streams[purpose] = new RandomStream(seed, purpose);
  return streams;
}
