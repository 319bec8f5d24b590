import { describe, expect, it } from 'vitest';
import { simulate, type RunOutput } from '../../src/sim/engine.js';
import { createWorkspace } from '../../src/sim/state.js';
import { compile, digitalOnlyScenario, hybridScenario } from '../fixtures/scenarios.js';

const small = { size: 3000, horizonMonths: 12 };

/** Everything a run returns, as plain arrays, for exact comparison. */
function plain(output: RunOutput): unknown {
  return {
    segmentMonthly: [...output.segmentMonthly],
    cityMonthly: [...output.cityMonthly],
    districtMonthly: [...output.districtMonthly],
    initialTrustSum: [...output.initialTrustSum],
    daysToService: [...output.daysToService],
    events: output.events,
  };
}

describe('a workspace shared by runs never changes a result', () => {
  it('a run after another run of the same size gives what it gives alone', () => {
    const digital = compile(digitalOnlyScenario(small));
    const hybrid = compile(hybridScenario(small));
    const alone = plain(simulate(hybrid, 5));
    const workspace = createWorkspace();
    simulate(digital, 9, workspace);
    const kept = workspace.citizens;
    expect(kept).not.toBeNull();
    const after = plain(simulate(hybrid, 5, workspace));
    // The second run reused the first one's citizen records, and still got the same result.
    expect(workspace.citizens).toBe(kept);
    expect(after).toEqual(alone);
  });

  it('a run of another size gets fresh records, and the same result as alone', () => {
    const big = compile(hybridScenario(small));
    const other = compile(hybridScenario({ ...small, size: 1000 }));
    const workspace = createWorkspace();
    simulate(big, 2, workspace);
    const first = workspace.citizens;
    const result = plain(simulate(other, 2, workspace));
    expect(workspace.citizens).not.toBe(first);
    expect(workspace.citizens?.count).toBe(other.segments.citizens.reduce((a, b) => a + b, 0));
    expect(result).toEqual(plain(simulate(other, 2)));
  });
});
