/**
 * Random streams, one per purpose, each derived from the master seed and the
 * purpose's name. Changing how one purpose draws (say, a policy lever that
 * makes more choices) never reshuffles another purpose's draws: that keeps
 * common-random-number comparisons between policies sharp.
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
export type Streams = Readonly<Record<StreamPurpose, Rng>>;

/**
 * A stream for one purpose: the Alea generator seeded by "seed:purpose".
 * @example createStream(42, 'arrivals')() // a number in [0, 1)
 */
export function createStream(seed: number, purpose: string): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const generator = alea(`dgsim:${seed}:${purpose}`);
  return () => generator();
}

/** Every purpose's stream for one run. */
export function createStreams(seed: number): Streams {
  const streams = {} as Record<StreamPurpose, Rng>;
  for (const purpose of STREAM_PURPOSES) streams[purpose] = createStream(seed, purpose);
  return streams;
}
