import { describe, expect, it } from 'vitest';
import { sobolIndices, type SaltelliOutputs } from '../../src/analysis/sobol-indices.js';
import { createStream } from '../../src/sim/random/streams.js';
import { latinHypercube } from '../../src/stats/latin-hypercube.js';
import { saltelliMatrices } from '../../src/stats/saltelli-sample.js';
import { ishigami, ishigamiIndices, toIshigamiBox } from './ishigami.js';

/** f on the A, B and A_B^i blocks. */
function evaluate(a: number[][], b: number[][], ab: number[][][]): SaltelliOutputs {
  const f = (u: number[]): number => ishigami(toIshigamiBox(u));
  return { a: a.map(f), b: b.map(f), ab: ab.map((block) => block.map(f)) };
}

/** A and B from two independent Latin hypercubes, A_B^i built from them. */
function lhsBlocks(samples: number, seed: number): SaltelliOutputs {
  const random = createStream(seed, 'test-saltelli');
  const a = latinHypercube(samples, 3, random);
  const b = latinHypercube(samples, 3, random);
  const ab = [0, 1, 2].map((i) => a.map((row, n) => row.map((value, j) => (j === i ? b[n]![j]! : value))));
  return evaluate(a, b, ab);
}

describe('sobolIndices', () => {
  const truth = ishigamiIndices();

  it('has the analytic Ishigami indices (S1 ≈ 0.3139, 0.4424, 0; ST ≈ 0.5576, 0.4424, 0.2437)', () => {
    expect(truth.first[0]).toBeCloseTo(0.3139, 4);
    expect(truth.first[1]).toBeCloseTo(0.4424, 4);
    expect(truth.total[0]).toBeCloseTo(0.5576, 4);
    expect(truth.total[2]).toBeCloseTo(0.2437, 4);
  });

  it('recovers the Ishigami indices from a Saltelli design on a Sobol\' sequence (N = 4096), with CIs covering the truth', () => {
    const { a, b, ab } = saltelliMatrices(4096, 3);
    const result = sobolIndices(evaluate(a, b, ab), { random: createStream(1, 'bootstrap'), resamples: 500 });
    expect(result.baseRows).toBe(4096);
    result.indices.forEach((pair, i) => {
      expect(Math.abs(pair.firstOrder.value - truth.first[i]!)).toBeLessThan(0.03);
      expect(Math.abs(pair.totalOrder.value - truth.total[i]!)).toBeLessThan(0.03);
      expect(pair.firstOrder.low).toBeLessThanOrEqual(truth.first[i]!);
      expect(pair.firstOrder.high).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(pair.totalOrder.low).toBeLessThanOrEqual(truth.total[i]!);
      expect(pair.totalOrder.high).toBeGreaterThanOrEqual(truth.total[i]!);
      expect(pair.firstOrder.high - pair.firstOrder.low).toBeLessThan(0.15);
    });
  });

  it('recovers the Ishigami indices from a Latin-hypercube base (N = 8192), with CIs covering the truth', () => {
    const result = sobolIndices(lhsBlocks(8192, 3), { random: createStream(2, 'bootstrap'), resamples: 400 });
    result.indices.forEach((pair, i) => {
      expect(Math.abs(pair.firstOrder.value - truth.first[i]!)).toBeLessThan(0.05);
      expect(Math.abs(pair.totalOrder.value - truth.total[i]!)).toBeLessThan(0.05);
      expect(pair.firstOrder.low).toBeLessThanOrEqual(truth.first[i]!);
      expect(pair.firstOrder.high).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(pair.totalOrder.low).toBeLessThanOrEqual(truth.total[i]!);
      expect(pair.totalOrder.high).toBeGreaterThanOrEqual(truth.total[i]!);
    });
  });

  it('is deterministic for a given stream, and gives no intervals without resamples', () => {
    const outputs = lhsBlocks(256, 5);
    const once = sobolIndices(outputs, { random: createStream(9, 'bootstrap'), resamples: 50 });
    const again = sobolIndices(outputs, { random: createStream(9, 'bootstrap'), resamples: 50 });
    expect(again).toEqual(once);
    const bare = sobolIndices(outputs, { random: createStream(9, 'bootstrap'), resamples: 0 });
    expect(bare.indices[0]!.firstOrder.value).toBe(once.indices[0]!.firstOrder.value);
    expect(Number.isNaN(bare.indices[0]!.firstOrder.low)).toBe(true);
  });

  it('gives an additive model S1 = ST = its variance shares', () => {
    // f = 2 x1 + x2 on the unit square: variances 4/12 and 1/12, shares 0.8 and 0.2.
    const { a, b, ab } = saltelliMatrices(2048, 2);
    const f = (u: number[]): number => 2 * u[0]! + u[1]!;
    const result = sobolIndices({ a: a.map(f), b: b.map(f), ab: ab.map((block) => block.map(f)) }, { random: createStream(1, 'b'), resamples: 0 });
    expect(result.indices[0]!.firstOrder.value).toBeCloseTo(0.8, 2);
    expect(result.indices[0]!.totalOrder.value).toBeCloseTo(0.8, 2);
    expect(result.indices[1]!.firstOrder.value).toBeCloseTo(0.2, 2);
    expect(result.indices[1]!.totalOrder.value).toBeCloseTo(0.2, 2);
  });

  it('leaves out base rows with a non-finite output, and rejects blocks of different lengths', () => {
    const outputs = lhsBlocks(64, 1);
    const holed = { ...outputs, a: outputs.a.map((value, j) => (j === 3 ? Number.NaN : value)) };
    expect(sobolIndices(holed, { random: createStream(1, 'b'), resamples: 0 }).baseRows).toBe(63);
    expect(() => sobolIndices({ ...outputs, b: outputs.b.slice(1) }, { random: createStream(1, 'b') })).toThrow(RangeError);
    expect(() => sobolIndices({ a: [1], b: [2], ab: [[3]] }, { random: createStream(1, 'b') })).toThrow(/at least 2/);
  });

  it('gives NaN indices for a constant model', () => {
    const result = sobolIndices({ a: [1, 1, 1], b: [1, 1, 1], ab: [[1, 1, 1]] }, { random: createStream(1, 'b'), resamples: 10 });
    expect(Number.isNaN(result.indices[0]!.firstOrder.value)).toBe(true);
  });
});
