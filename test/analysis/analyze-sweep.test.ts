import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PrimFile, SensitivityFile, SensitivityRow } from '../../src/analysis/analysis-files.js';
import { AnalysisInputError } from '../../src/analysis/analysis-input-error.js';
import { analyzeSweep } from '../../src/analysis/analyze-sweep.js';
import { createStream } from '../../src/sim/random/streams.js';
import { ishigami, ishigamiIndices } from './ishigami.js';
import { normal } from './linear-data.js';
import { fixtureDirectory, removeFixtures, writeFixtureSweep } from './sweep-fixture.js';

afterAll(removeFixtures);

function row(rows: readonly SensitivityRow[], metric: string, parameter: string, measure: string): SensitivityRow {
  const found = rows.find((r) => r.metric === metric && r.parameter === parameter && r.measure === measure);
  if (found === undefined) throw new Error(`no ${measure} of ${parameter} for ${metric}`);
  return found;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

describe('analyzeSweep on a Morris design', () => {
  // y = 3a − 2b + 0·c plus a replicate offset shared by every point (common random numbers),
  // so every elementary effect is exact: μ* = |b_i| per unit and |b_i|·range scaled, σ = 0.
  const ranges = { a: [0, 1], b: [10, 20], c: [0, 5] } as const;
  const { directory } = writeFixtureSweep({
    name: 'morris',
    design: { type: 'morris', trajectories: 12, levels: 4 },
    parameters: Object.entries(ranges).map(([name, [min, max]]) => ({ name, domain: { kind: 'range', min, max, integer: false } })),
    replications: 3,
    metrics: ['linear', 'unmetRate', 'flat'],
    model: ([a, b], replicate) => ({
      linear: 3 * (a as number) - 2 * (b as number) + 0.1 * replicate,
      unmetRate: 0.05 + 0.01 * (a as number) + 0.001 * replicate,
      flat: 1,
    }),
  });

  it('gives the linear model its exact Morris effects, PRCC signs, and skips a metric that never varies', async () => {
    const analysis = await analyzeSweep(directory);
    const { sensitivity } = analysis;
    expect(sensitivity.sweep).toMatchObject({ design: 'morris', points: 48, runs: 144, failedRuns: 0, replicatesMin: 3, replicatesMax: 3 });
    expect(sensitivity.barMeasures).toEqual(['muStarScaled', 'sigmaScaled']);
    expect(sensitivity.metrics.map((entry) => entry.metric)).toEqual(['linear', 'unmetRate']);
    for (const [name, b, width] of [
      ['a', 3, 1],
      ['b', -2, 10],
      ['c', 0, 5],
    ] as const) {
      expect(row(sensitivity.rows, 'linear', name, 'mu').value).toBeCloseTo(b, 9);
      expect(row(sensitivity.rows, 'linear', name, 'muStar').value).toBeCloseTo(Math.abs(b), 9);
      expect(row(sensitivity.rows, 'linear', name, 'sigma').value).toBeLessThan(1e-9);
      expect(row(sensitivity.rows, 'linear', name, 'muStarScaled').value).toBeCloseTo(Math.abs(b) * width, 8);
    }
    expect(row(sensitivity.rows, 'linear', 'a', 'prcc').value).toBeGreaterThan(0.9);
    expect(row(sensitivity.rows, 'linear', 'b', 'prcc').value).toBeLessThan(-0.9);
    expect(sensitivity.metrics[0]!.methods).toEqual(['morris', 'prcc', 'src']);
    expect(sensitivity.metrics[0]!.rSquared).toBeCloseTo(1, 9);
    // The metric known to dgsim gets its words and unit.
    expect(sensitivity.metrics[1]).toMatchObject({ metric: 'unmetRate', label: 'needs unmet', unit: 'share', higherIsBetter: false });
    expect(analysis.prim).toBeUndefined();
    expect(analysis.text).toContain('Sweep "morris": morris design, 48 points × 3 replicates, 144 runs (0 failed)');
    expect(analysis.text).toMatch(/Morris μ\* \(whole range\)/);
  });

  it('writes the files, with a manifest, byte-identical on a second run', async () => {
    const analysis = await analyzeSweep(directory, { manifest: { command: 'test' } });
    const out = join(directory, 'analysis');
    const files = ['sensitivity.json', 'sensitivity.csv', 'points.csv', 'replications.csv'];
    expect(analysis.written.outputs.map((output) => output.file)).toEqual(files);
    const first = files.map((file) => readFileSync(join(out, file), 'utf8'));
    await analyzeSweep(directory, { manifest: { command: 'test' } });
    expect(files.map((file) => readFileSync(join(out, file), 'utf8'))).toEqual(first);
    const json = readJson<SensitivityFile>(join(out, 'sensitivity.json'));
    expect(json.format).toBe('dgsim-sensitivity/1');
    expect(json.rows.length).toBe(2 * 3 * 8);
    expect(first[1]!.split('\n')[0]).toBe('metric,parameter,method,measure,value,low,high');
    // points.csv: each point's mean over its 3 replicates with a 95% CI.
    const points = first[2]!.trim().split('\n');
    expect(points[0]).toBe('point_id,a,b,c,metric,mean,low,high,sd,n');
    expect(points).toHaveLength(1 + 48 * 2);
    const [, , , , metric, mean, low, high, sd, n] = points[1]!.split(',');
    expect(metric).toBe('linear');
    expect(Number(n)).toBe(3);
    expect(Number(sd)).toBeCloseTo(0.1, 9);
    expect(Number(low)).toBeLessThan(Number(mean));
    expect(Number(high)).toBeGreaterThan(Number(mean));
    const manifest = readJson<{ command: string; outputs: { file: string }[] }>(join(out, 'manifest.json'));
    expect(manifest.command).toBe('test');
    expect(manifest.outputs.map((output) => output.file)).toEqual(files);
  });

  it('says how many replications a metric needs for a target half-width', async () => {
    const analysis = await analyzeSweep(directory, { metrics: ['linear'], targets: [{ metric: 'linear', halfWidth: 0.02, relative: false }] });
    const need = analysis.replications.find((entry) => entry.metric === 'linear')!;
    // sd between replicates 0.1 at every point: t(0.975, n − 1)·0.1/√n ≤ 0.02 first at n = 99.
    expect(need.pooledSd).toBeCloseTo(0.1, 9);
    expect(need.needed).toBe(99);
    expect(need.neededWorstPoint).toBe(99);
    const csv = readFileSync(join(directory, 'analysis', 'replications.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe(
      'metric,points,replicates_min,replicates_max,mean,pooled_sd,max_sd,half_width_median,half_width_max,target_half_width,target_from,replications_needed,replications_needed_worst_point,note',
    );
    expect(csv[1]).toMatch(/^linear,48,3,3,.*,0\.02,option,99,99,$/);
  });

  it('rejects unknown metrics with a suggestion', async () => {
    await expect(analyzeSweep(directory, { metrics: ['linaer'] })).rejects.toThrow('unknown metric "linaer"; did you mean "linear"?');
    await expect(analyzeSweep(directory, { targets: [{ metric: 'unmetRat', halfWidth: 1, relative: false }] })).rejects.toThrow(/--target-ci: unknown metric "unmetRat"; did you mean "unmetRate"/);
    await expect(analyzeSweep(directory, { prim: 'unmetRat > 0.05' })).rejects.toThrow(AnalysisInputError);
  });
});

describe('analyzeSweep on a Saltelli design', () => {
  it('estimates the Ishigami indices through plan.json and runs.csv, with CIs covering the truth', async () => {
    const span = { kind: 'range', min: -Math.PI, max: Math.PI, integer: false } as const;
    const { directory } = writeFixtureSweep({
      name: 'saltelli',
      design: { type: 'saltelli', samples: 2048, skip: 0 },
      parameters: ['x1', 'x2', 'x3'].map((name) => ({ name, domain: span })),
      replications: 1,
      metrics: ['ishigami'],
      model: (values) => ({ ishigami: ishigami(values as number[]) }),
    });
    const { sensitivity } = await analyzeSweep(directory, { resamples: 300 });
    expect(sensitivity.sweep.points).toBe(2048 * 5);
    expect(sensitivity.barMeasures).toEqual(['ST', 'S1']);
    expect(sensitivity.bootstrapResamples).toBe(300);
    const truth = ishigamiIndices();
    ['x1', 'x2', 'x3'].forEach((name, i) => {
      const first = row(sensitivity.rows, 'ishigami', name, 'S1');
      const total = row(sensitivity.rows, 'ishigami', name, 'ST');
      expect(Math.abs(first.value! - truth.first[i]!)).toBeLessThan(0.05);
      expect(Math.abs(total.value! - truth.total[i]!)).toBeLessThan(0.05);
      expect(first.low!).toBeLessThanOrEqual(truth.first[i]!);
      expect(first.high!).toBeGreaterThanOrEqual(truth.first[i]!);
      expect(total.low!).toBeLessThanOrEqual(truth.total[i]!);
      expect(total.high!).toBeGreaterThanOrEqual(truth.total[i]!);
    });
    // PRCC runs on the independent A and B rows only; x3 has no monotone effect.
    expect(Math.abs(row(sensitivity.rows, 'ishigami', 'x3', 'prcc').value!)).toBeLessThan(0.1);
    expect(sensitivity.metrics[0]!.notes.some((note) => note.includes('one replicate per point'))).toBe(true);
  });
});

describe('analyzeSweep on a Latin hypercube with scenario discovery', () => {
  // The oldest are failed (unmet rate 0.08 instead of 0.02) where counter capacity ≤ 3.5 and training is off.
  const noise = createStream(5, 'fixture-noise');
  const { directory } = writeFixtureSweep({
    name: 'lhs',
    design: { type: 'lhs', samples: 600 },
    parameters: [
      { name: 'policy.channels.counter.capacityPerDayPer1000', domain: { kind: 'range', min: 2, max: 8, integer: false } },
      { name: 'bassQ', domain: { kind: 'range', min: 0, max: 0.5, integer: false } },
      { name: 'training', domain: { kind: 'values', values: [false, true] } },
    ],
    replications: 2,
    metrics: ['unmetRate[age=75+]', 'costPerMetNeedGbp'],
    model: ([capacity, q, training], replicate) => {
      const x = capacity as number;
      if (x > 7.9 && replicate === 1) return 'fail';
      const planted = x <= 3.5 && training === false;
      return {
        'unmetRate[age=75+]': (planted ? 0.08 : 0.02) + 0.002 * normal(noise),
        costPerMetNeedGbp: x > 7.5 && replicate === 0 ? Number.NaN : 2 + 0.5 * x + 0.1 * (q as number) + 0.05 * normal(noise),
      };
    },
  });

  it('finds the planted box, says it in words, and writes prim.json and prim.csv', async () => {
    const analysis = await analyzeSweep(directory, { prim: 'unmet_rate[age 75+] > 0.05' });
    const prim = analysis.prim!;
    expect(prim.condition).toBe('unmetRate[age=75+] > 0.05');
    expect(prim.conditionAsGiven).toBe('unmet_rate[age 75+] > 0.05');
    expect(prim.points).toBe(600);
    const box = prim.boxes[0]!;
    expect(box.density!).toBeGreaterThan(0.95);
    expect(box.coverage!).toBeGreaterThan(0.9);
    const capacity = box.limits.find((limit) => limit.parameter === 'policy.channels.counter.capacityPerDayPer1000')!;
    expect(Math.abs(capacity.high - 3.5)).toBeLessThan(0.1);
    expect(capacity.restrictsLow).toBe(false);
    expect(box.limits.find((limit) => limit.parameter === 'training')!.keeps).toEqual(['false']);
    expect(box.limits.some((limit) => limit.parameter === 'bassQ')).toBe(false);
    expect(box.description).toMatch(/^counter capacity per day per 1000 ≤ 3\.\d+ and training is false$/);
    expect(box.trajectory[0]).toMatchObject({ step: 0, phase: 'start', coverage: 1, mass: 1 });
    const file = readJson<PrimFile>(join(directory, 'analysis', 'prim.json'));
    expect(file.format).toBe('dgsim-prim/1');
    expect(file.boxes[0]!.description).toBe(box.description);
    const csv = readFileSync(join(directory, 'analysis', 'prim.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('box,step,phase,chosen,coverage,density,mass,count,cases,description');
    expect(csv.filter((line) => line.split(',')[3] === 'true')).toHaveLength(prim.boxes.length);
    expect(analysis.text).toContain('Scenario discovery (PRIM)');
    expect(analysis.text).toContain(`Box 1: ${box.description}`);
  });

  it('encodes the yes/no parameter, counts failed runs and non-numbers, and uses PRCC for an LHS design', async () => {
    const { sensitivity, sweep } = await analyzeSweep(directory);
    expect(sensitivity.parameters.find((p) => p.name === 'training')).toMatchObject({ encoding: 'boolean', categories: ['false', 'true'], low: 0, high: 1 });
    expect(sweep.failedRuns).toBeGreaterThan(0);
    expect(sensitivity.sweep.replicatesMin).toBe(1);
    expect(sensitivity.barMeasures).toEqual(['prcc']);
    expect(sensitivity.metrics.every((entry) => entry.methods.join() === 'prcc,src')).toBe(true);
    const cost = sensitivity.metrics.find((entry) => entry.metric === 'costPerMetNeedGbp')!;
    expect(cost.notes.some((note) => /gave a value that is not a number/.test(note))).toBe(true);
    expect(row(sensitivity.rows, 'costPerMetNeedGbp', 'policy.channels.counter.capacityPerDayPer1000', 'prcc').value!).toBeGreaterThan(0.95);
    // Training matters only at low capacity (an interaction), so its monotone effect is modest but clearly negative.
    const training = row(sensitivity.rows, 'unmetRate[age=75+]', 'training', 'prcc');
    expect(training.value!).toBeLessThan(-0.1);
    expect(training.high!).toBeLessThan(0);
  });

  it('removes a prim.json left by an earlier analysis when no condition is given', async () => {
    await analyzeSweep(directory, { prim: 'unmetRate[age=75+] > 0.05' });
    expect(existsSync(join(directory, 'analysis', 'prim.json'))).toBe(true);
    await analyzeSweep(directory);
    expect(existsSync(join(directory, 'analysis', 'prim.json'))).toBe(false);
    expect(existsSync(join(directory, 'analysis', 'prim.csv'))).toBe(false);
  });

  it('reports a condition that holds nowhere, or everywhere, instead of a box', async () => {
    const nowhere = await analyzeSweep(directory, { prim: 'unmetRate[age=75+] > 0.5' });
    expect(nowhere.prim!.boxes).toEqual([]);
    expect(nowhere.prim!.notes.join()).toMatch(/holds at no design point/);
    const everywhere = await analyzeSweep(directory, { prim: 'unmetRate[age=75+] > -1' });
    expect(everywhere.prim!.notes.join()).toMatch(/holds at every design point/);
  });

  it('explains a bad condition', async () => {
    await expect(analyzeSweep(directory, { prim: 'unmetRate[age=75+] => 0.05' })).rejects.toThrow(/--prim: expected >, >=, < or <=/);
  });
});

describe('analyzeSweep on directories that are not finished sweeps', () => {
  it('says what is missing', async () => {
    const empty = fixtureDirectory();
    await expect(analyzeSweep(join(empty, 'nothing'))).rejects.toThrow(/is not a directory/);
    await expect(analyzeSweep(empty)).rejects.toThrow(/has no plan.json/);
    writeFileSync(join(empty, 'plan.json'), '{"format": "other"}');
    await expect(analyzeSweep(empty)).rejects.toThrow(/is not a sweep plan: its format is "other"/);
    const { directory } = writeFixtureSweep({
      name: 'grid',
      design: { type: 'grid', levels: 3 },
      parameters: [{ name: 'x', domain: { kind: 'range', min: 0, max: 1, integer: false } }],
      replications: 1,
      metrics: ['y'],
      model: ([x]) => ({ y: x as number }),
    });
    const runs = readFileSync(join(directory, 'runs.csv'), 'utf8');
    writeFileSync(join(directory, 'runs.csv'), runs.replace('run_id,point_id,replicate,seed,x', 'run_id,point_id,replicate,seed,z'));
    await expect(analyzeSweep(directory)).rejects.toThrow(/does not match plan.json: column 5 is "z", expected "x"/);
    writeFileSync(join(directory, 'runs.csv'), `${runs}9,9,0,1,0.5,ok,,1\n`);
    await expect(analyzeSweep(directory)).rejects.toThrow(/point_id "9" is not a point of plan.json/);
    writeFileSync(join(directory, 'runs.csv'), `${runs}3,2,0,1,"0.5\n`);
    await expect(analyzeSweep(directory)).rejects.toThrow(/cannot be read: line 5: a quoted field is never closed/);
    writeFileSync(join(directory, 'runs.csv'), runs.replace(/,ok,/g, ',failed,'));
    await expect(analyzeSweep(directory)).rejects.toThrow(/none of the runs succeeded/);
    const { rmSync } = await import('node:fs');
    rmSync(join(directory, 'runs.csv'));
    await expect(analyzeSweep(directory)).rejects.toThrow(/has no runs.csv yet/);
  });
});
