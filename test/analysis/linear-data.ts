/** Synthetic data for the regression-based measures: a linear model with noise on LHS inputs. */
import { createStream } from '../../src/sim/random/streams.js';
import { latinHypercube } from '../../src/stats/latin-hypercube.js';

/** A standard normal draw by Box–Muller from a uniform stream. */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** y = Σ b_i x_i + noise·N(0, 1) at `rows` LHS points of the unit cube. */
export function linearData(coefficients: readonly number[], rows: number, noise: number, seed: number): { inputs: number[][]; output: number[] } {
  const random = createStream(seed, 'test-linear');
  const inputs = latinHypercube(rows, coefficients.length, random);
  const output = inputs.map((x) => coefficients.reduce((total, b, i) => total + b * x[i]!, 0) + noise * normal(random));
  return { inputs, output };
}
