/**
 * The analysis of a sweep run by the real engine (a tiny Morris sweep of the
 * default city), so the reader follows the files `dgsim sweep` writes, not
 * only the synthetic ones.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSweep } from '../../src/analysis/analyze-sweep.js';
import { runSweep } from '../../src/scenarios/sweep/run-sweep.js';
import { mustLoad, removeTempDirs, tempDir, tinySweepText, writeSweep } from '../scenarios/sweep/helpers.js';

afterAll(removeTempDirs);

describe('analyzeSweep on a sweep run by the engine', () => {
  it('reads plan.json and runs.csv as dgsim sweep writes them', async () => {
    const dir = tempDir('dgsim-analysis-real-');
    const body = `
parameters:
  - { path: policy.channels.counter.capacityPerDayPer1000, name: counterCapacity, min: 1, max: 8 }
  - { path: policy.channels.online.usability, name: onlineUsability, min: 0.3, max: 0.9 }
design: { type: morris, trajectories: 3, levels: 4 }
metrics: [unmetRate, 'unmetRate[age=75+]', costPerMetNeedGbp]
`;
    const sweep = mustLoad(writeSweep(dir, 'morris.yaml', tinySweepText(body, { population: 300, months: 2, replications: 2 })));
    const result = await runSweep({ sweep, outDir: `${dir}/out`, workers: 1 });
    expect(result.ok).toBe(true);
    const analysis = await analyzeSweep(`${dir}/out`, { prim: 'unmetRate > 0' });
    expect(analysis.sensitivity.sweep).toMatchObject({ design: 'morris', points: 9, runs: 18, failedRuns: 0, replicatesMin: 2 });
    expect(analysis.sensitivity.parameters.map((p) => [p.name, p.low, p.high])).toEqual([
      ['counterCapacity', 1, 8],
      ['onlineUsability', 0.3, 0.9],
    ]);
    const cost = analysis.sensitivity.metrics.find((entry) => entry.metric === 'costPerMetNeedGbp');
    expect(cost?.methods).toContain('morris');
    const effects = analysis.sensitivity.rows.filter((row) => row.metric === 'costPerMetNeedGbp' && row.measure === 'muStar');
    expect(effects).toHaveLength(2);
    for (const effect of effects) expect(Number.isFinite(effect.value)).toBe(true);
    expect(analysis.prim?.points).toBe(9);
  });
});
